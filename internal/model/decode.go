package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// recName names the record a diagnostic is about, in both languages:
// `cơ sở "yen-huong-vina"` / `establishment "yen-huong-vina"`.
type recName struct {
	Vi, En string
}

// value is one checked field value. Only the member matching the field's
// kind is set; node is the YAML node it came from, for positions.
type value struct {
	node   *yaml.Node
	s      string
	n      int64
	f      float64
	b      bool
	d      Date
	t      time.Time
	money  Money
	list   []value
	obj    *object
	labels []Spec
	// quantities holds a report's figures by metric.
	quantities map[string]Quantity
	// q is a kCount; counts a kCounts.
	q      Quantity
	counts []Count
}

// object is a checked mapping: the values of its valid keys.
type object struct {
	node *yaml.Node
	vals map[string]value
}

func (o *object) get(key string) (value, bool) {
	if o == nil {
		return value{}, false
	}
	v, ok := o.vals[key]
	return v, ok
}

func (o *object) str(key string) string        { v, _ := o.get(key); return v.s }
func (o *object) integer(key string) int64     { v, _ := o.get(key); return v.n }
func (o *object) boolean(key string) bool      { v, _ := o.get(key); return v.b }
func (o *object) date(key string) Date         { v, _ := o.get(key); return v.d }
func (o *object) money(key string) Money       { v, _ := o.get(key); return v.money }
func (o *object) sub(key string) *object       { v, _ := o.get(key); return v.obj }
func (o *object) items(key string) []value     { v, _ := o.get(key); return v.list }
func (o *object) has(key string) bool          { _, ok := o.get(key); return ok }
func (o *object) at(key string) *yaml.Node     { v, _ := o.get(key); return v.node }
func (o *object) float(key string) float64     { v, _ := o.get(key); return v.f }
func (o *object) markdown(key string) Markdown { return Markdown(o.str(key)) }
func (o *object) count(key string) Quantity    { v, _ := o.get(key); return v.q }
func (o *object) countList(key string) []Count { v, _ := o.get(key); return v.counts }

func (o *object) strings(key string) []string {
	var out []string
	for _, v := range o.items(key) {
		out = append(out, v.s)
	}
	return out
}

// walker checks YAML nodes against a schema and reports every problem of
// one record.
type walker struct {
	diags *diag.List
	file  string
	rec   recName
	// assets are the files under content/; bundle is the content-relative
	// folder of an article bundle, where photo paths may be relative.
	assets *assetIndex
	bundle string
}

func (w *walker) pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: w.file}
	}
	return diag.Pos{File: w.file, Line: n.Line, Col: n.Column}
}

// fail reports an error about the field at path (empty for the record
// itself): `đề án "x", trường budget: …`.
func (w *walker) fail(n *yaml.Node, code, path string, msg diag.Msg, notes ...diag.Related) {
	w.failAt(w.pos(n), code, path, msg, notes...)
}

// failAt is fail at a position kept instead of a node.
func (w *walker) failAt(pos diag.Pos, code, path string, msg diag.Msg, notes ...diag.Related) {
	w.diags.Error(pos, code, w.where(path, msg), notes...)
}

func (w *walker) warn(n *yaml.Node, code, path string, msg diag.Msg) {
	w.diags.Warn(w.pos(n), code, w.where(path, msg))
}

// warn2 is warn at a position kept instead of a node.
func (w *walker) warn2(pos diag.Pos, code, path string, msg diag.Msg) {
	w.diags.Warn(pos, code, w.where(path, msg))
}

// noteAt reports a note: something worth knowing that needs no change.
func (w *walker) noteAt(pos diag.Pos, code, path string, msg diag.Msg) {
	w.diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Note, Code: code, Msg: w.where(path, msg)})
}

func (w *walker) where(path string, msg diag.Msg) diag.Msg {
	if path == "" {
		return diag.Msg{Vi: w.rec.Vi + ": " + msg.Vi, En: w.rec.En + ": " + msg.En}
	}
	return diag.Msg{
		Vi: fmt.Sprintf("%s, trường %s: %s", w.rec.Vi, path, msg.Vi),
		En: fmt.Sprintf("%s, field %s: %s", w.rec.En, path, msg.En),
	}
}

// maxAliasDepth bounds the aliases followed from one node.
const maxAliasDepth = 16

// deref follows aliases; nil when they do not end in a node.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == maxAliasDepth {
			return nil
		}
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		return deref(n.Content[0])
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// pairs returns the key and value nodes of a mapping, explicit keys first,
// then the keys merged in with `<<: *anchor` that are not written
// explicitly. Each merged mapping is read once, however often it is named,
// so that merges cannot multiply.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	visited := map[*yaml.Node]bool{n: true}
	return appendPairs(nil, n, visited, 0)
}

func appendPairs(out [][2]*yaml.Node, n *yaml.Node, visited map[*yaml.Node]bool, depth int) [][2]*yaml.Node {
	var merges []*yaml.Node
	start := len(out)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	if len(merges) == 0 || depth >= maxAliasDepth {
		return out
	}
	seen := make(map[string]bool, len(out)-start)
	for _, p := range out[start:] {
		seen[p[0].Value] = true
	}
	for _, v := range merges {
		src := deref(v)
		if src == nil {
			continue
		}
		froms := []*yaml.Node{src}
		if src.Kind == yaml.SequenceNode {
			froms = src.Content
		}
		for _, f := range froms {
			f = deref(f)
			if f == nil || f.Kind != yaml.MappingNode || visited[f] {
				continue
			}
			visited[f] = true
			for _, p := range appendPairs(nil, f, visited, depth+1) {
				if !seen[p[0].Value] {
					seen[p[0].Value] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// mapping checks a mapping against fields. It returns nil when n is not a
// mapping.
func (w *walker) mapping(n *yaml.Node, fields []field, path string) *object {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một bảng các dòng “khóa: giá trị”",
			"must be a mapping of “key: value” lines"))
		return nil
	}
	o := &object{node: n, vals: make(map[string]value)}
	seen := make(map[string]*yaml.Node)
	for _, p := range pairs(n) {
		k, v := p[0], p[1]
		key := k.Value
		if first, dup := seen[key]; dup {
			w.fail(k, "duplicate-key", "", diag.M(
				"khóa %q được ghi hai lần", "key %q is written twice", join(path, key)),
				diag.Related{Pos: w.pos(first), Msg: diag.M("ghi lần đầu ở đây", "first written here")})
			continue
		}
		seen[key] = k
		f, ok := schema(fields).lookup(key)
		if !ok {
			w.unknownKey(k, path, key, schema(fields).keys())
			continue
		}
		before := len(*w.diags)
		if val, ok := w.value(v, f, join(path, key)); ok {
			o.vals[key] = val
		} else if f.required && len(*w.diags) == before && !hasAny(n, f.unless) {
			w.fail(k, "missing-field", "", withSilent(diag.M(
				"trường bắt buộc %q đang để trống", "required field %q is empty", join(path, key)), f))
		}
	}
	for _, f := range fields {
		if f.required && !hasAny(n, f.unless) {
			if _, ok := o.vals[f.key]; !ok && seen[f.key] == nil {
				w.fail(n, "missing-field", "", withSilent(diag.M(
					"thiếu trường bắt buộc %q", "required field %q is missing", join(path, f.key)), f))
			}
		}
	}
	return o
}

// hasAny reports whether mapping n writes a value for one of keys.
func hasAny(n *yaml.Node, keys []string) bool {
	for _, k := range keys {
		if peekNode(n, k) != nil {
			return true
		}
	}
	return false
}

// withSilent ends the message about a missing required field with what to
// write when the source does not give it, where the schema says.
func withSilent(msg diag.Msg, f field) diag.Msg {
	if f.silent.Vi == "" {
		return msg
	}
	return diag.Msg{Vi: msg.Vi + ": " + f.silent.Vi, En: msg.En + ": " + f.silent.En}
}

func (w *walker) unknownKey(k *yaml.Node, path, key string, known []string) {
	full := join(path, key)
	if s := nearest(key, known, maxKeyDistance(key)); s != "" {
		w.diags.Error(w.pos(k), "unknown-key", diag.Msg{
			Vi: fmt.Sprintf("khóa %q không có trong %s; có phải ý bạn là %q?", full, w.rec.Vi, s),
			En: fmt.Sprintf("key %q is not part of %s; did you mean %q?", full, w.rec.En, s),
		})
		return
	}
	w.diags.Error(w.pos(k), "unknown-key", diag.Msg{
		Vi: fmt.Sprintf("khóa %q không có trong %s; các khóa dùng được: %s", full, w.rec.Vi, strings.Join(known, ", ")),
		En: fmt.Sprintf("key %q is not part of %s; the keys that can be used: %s", full, w.rec.En, strings.Join(known, ", ")),
	})
}

// value checks one value against its field. ok is false when the value is
// null (treated as absent) or wrong (reported).
func (w *walker) value(n *yaml.Node, f field, path string) (value, bool) {
	n = deref(n)
	if n == nil {
		w.fail(n, "wrong-type", path, diag.M("tham chiếu (*) không trỏ tới giá trị nào", "the alias (*) points at no value"))
		return value{}, false
	}
	if isNull(n) {
		return value{}, false
	}
	v := value{node: n}
	switch f.kind {
	case kString, kMarkdown, kRef:
		if !w.scalar(n, path) {
			return v, false
		}
		v.s = strings.TrimSpace(n.Value)
		if f.kind == kMarkdown {
			v.s = n.Value
		}
		if v.s == "" && f.kind != kMarkdown {
			return v, false
		}
	case kInt, kAmount:
		n, ok := w.integer(n, path, f.kind == kAmount)
		if !ok {
			return v, false
		}
		v.n = n
	case kYear:
		y, ok := w.year(n, path)
		if !ok {
			return v, false
		}
		v.n = int64(y)
	case kDate:
		d, ok := w.date(n, path)
		if !ok {
			return v, false
		}
		v.d = d
	case kTime:
		t, ok := w.time(n, path)
		if !ok {
			return v, false
		}
		v.t = t
	case kMoney:
		m, ok := w.moneyValue(n, path)
		if !ok {
			return v, false
		}
		v.money = m
	case kEnum:
		if !w.scalar(n, path) {
			return v, false
		}
		key := strings.TrimSpace(n.Value)
		if !enumHas(f.enum, key) {
			w.unknownEnum(n, path, f.enum, key)
			return v, false
		}
		v.s = key
	case kBool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
			w.fail(n, "wrong-type", path, diag.M(
				"phải là true (có) hoặc false (không); đang ghi %q",
				"must be true or false; found %q", short(n)))
			return v, false
		}
		v.b = b
	case kFloat:
		if !w.scalar(n, path) {
			return v, false
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			w.fail(n, "wrong-type", path, diag.M(
				"phải là một số, dùng dấu chấm thập phân, ví dụ 85.5; đang ghi %q",
				"must be a number with a decimal point, e.g. 85.5; found %q", n.Value))
			return v, false
		}
		if x < 0 {
			w.fail(n, "negative", path, diag.M("không được là số âm (%s)", "must not be negative (%s)", n.Value))
			return v, false
		}
		v.f = x
	case kList:
		if n.Kind != yaml.SequenceNode {
			w.fail(n, "wrong-type", path, diag.M(
				"phải là một danh sách: mỗi mục một dòng bắt đầu bằng “- ”, hoặc [a, b]",
				"must be a list: one item per line starting with “- ”, or [a, b]"))
			return v, false
		}
		for i, item := range n.Content {
			if iv, ok := w.value(item, *f.elem, fmt.Sprintf("%s[%d]", path, i)); ok {
				v.list = append(v.list, iv)
			}
		}
	case kMapping:
		o := w.mapping(n, f.fields, path)
		if o == nil {
			return v, false
		}
		v.obj = o
	case kPhoto:
		o := w.mapping(n, f.fields, path)
		if o == nil {
			return v, false
		}
		if fv, ok := o.vals["file"]; ok {
			file, ok := w.photoFile(fv.node, join(path, "file"), fv.s)
			if !ok {
				return v, false
			}
			fv.s = file
			o.vals["file"] = fv
		} else {
			return v, false
		}
		v.obj = o
	case kLabels:
		if n.Kind != yaml.MappingNode {
			w.fail(n, "wrong-type", path, diag.M(
				"phải là một bảng các dòng “nhãn: giá trị”", "must be a mapping of “label: value” lines"))
			return v, false
		}
		for _, p := range pairs(n) {
			val := deref(p[1])
			if val == nil || isNull(val) {
				continue
			}
			if !w.scalar(val, join(path, p[0].Value)) {
				continue
			}
			v.labels = append(v.labels, Spec{Label: strings.TrimSpace(p[0].Value), Value: strings.TrimSpace(val.Value)})
		}
	case kSuccessor:
		if n.Kind == yaml.MappingNode {
			o := w.mapping(n, successorFields, path)
			if o == nil || !o.has("unit") {
				return v, false
			}
			v.s, v.b, v.node = o.str("unit"), o.boolean("partial"), o.at("unit")
			break
		}
		if !w.scalar(n, path) {
			return v, false
		}
		v.s = strings.TrimSpace(n.Value)
	case kStrings:
		items := []*yaml.Node{n}
		if n.Kind == yaml.SequenceNode {
			items = n.Content
		}
		for i, item := range items {
			p := path
			if n.Kind == yaml.SequenceNode {
				p = fmt.Sprintf("%s[%d]", path, i)
			}
			if iv, ok := w.value(item, field{kind: kString}, p); ok {
				v.list = append(v.list, iv)
			}
		}
		if len(v.list) == 0 {
			return v, false
		}
	case kUnit:
		if n.Kind == yaml.MappingNode {
			o := w.mapping(n, f.fields, path)
			if o == nil {
				return v, false
			}
			if !o.has("commune") && !o.has("district") && !o.has("province") {
				w.fail(n, "missing-field", path, diag.M(
					"ghi tên của đơn vị: {commune: …, district: …, province: …} (có huyện là tên trước 01/07/2025), hoặc ghi id: unit: …",
					"write the unit's names: {commune: …, district: …, province: …} (with a district, names before 1 July 2025), or its id: unit: …"))
				return v, false
			}
			v.obj = o
			break
		}
		if !w.scalar(n, path) {
			return v, false
		}
		v.s = strings.TrimSpace(n.Value)
		if v.s == "" {
			return v, false
		}
	case kReported:
		q, ok := w.reported(n, path)
		if !ok {
			return v, false
		}
		v.quantities = q
	case kCount:
		q, ok := w.countValue(n, path)
		if !ok {
			return v, false
		}
		v.q = q
	case kCounts:
		cs, ok := w.countMap(n, f.enum, path)
		if !ok {
			return v, false
		}
		v.counts = cs
	}
	return v, true
}

func short(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		return "[…]"
	case yaml.MappingNode:
		return "{…}"
	}
	return ""
}

func (w *walker) scalar(n *yaml.Node, path string) bool {
	if n.Kind == yaml.ScalarNode {
		return true
	}
	w.fail(n, "wrong-type", path, diag.M(
		"phải là một giá trị đơn (chữ hoặc số), không phải danh sách hay bảng",
		"must be a single value (text or number), not a list or mapping"))
	return false
}

// integer parses a whole number written in decimal digits. money selects
// the explanation given for amounts of đồng.
func (w *walker) integer(n *yaml.Node, path string, money bool) (int64, bool) {
	if !w.scalar(n, path) {
		return 0, false
	}
	s := strings.TrimSpace(n.Value)
	digits := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	x, err := strconv.ParseInt(s, 10, 64)
	if err != nil || digits == "" || strings.ContainsAny(digits, "+-") {
		if money {
			w.fail(n, "wrong-type", path, moneyText(s, strings.HasSuffix(path, ".amount") || strings.HasSuffix(path, ".value")))
		} else if c, ok := vi.ParseGrouped(s); ok {
			w.fail(n, "wrong-type", path, diag.M(
				"phải là một số nguyên chỉ gồm chữ số: ghi %d thay cho %q",
				"must be a whole number of digits only: write %d instead of %q", c, s))
		} else {
			w.fail(n, "wrong-type", path, diag.M(
				"phải là một số nguyên, ví dụ 12 (chỉ gồm chữ số); đang ghi %q",
				"must be a whole number, e.g. 12 (digits only); found %q", s))
		}
		return 0, false
	}
	if x < 0 {
		w.fail(n, "negative", path, diag.M("không được là số âm (%s)", "must not be negative (%s)", s))
		return 0, false
	}
	return x, true
}

func (w *walker) year(n *yaml.Node, path string) (int, bool) {
	if !w.scalar(n, path) {
		return 0, false
	}
	s := strings.TrimSpace(n.Value)
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1000 {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một năm gồm 4 chữ số, ví dụ 2020; đang ghi %q",
			"must be a year of four digits, e.g. 2020; found %q", s))
		return 0, false
	}
	return y, true
}

const dateForms = "YYYY-MM-DD, YYYY-MM hoặc YYYY, ví dụ 2021-08-17"
const dateFormsEn = "YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-08-17"

func (w *walker) date(n *yaml.Node, path string) (Date, bool) {
	if !w.scalar(n, path) {
		return Date{}, false
	}
	s := strings.TrimSpace(n.Value)
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		if _, ok := parseTime(s); ok {
			s = s[:10]
		}
	}
	d, problem := parseDate(s)
	if problem.Vi != "" {
		if msg, ok := dayFirst(s); ok {
			w.fail(n, "bad-date", path, msg)
			return Date{}, false
		}
		w.fail(n, "bad-date", path, diag.Msg{
			Vi: fmt.Sprintf("ngày %q %s; viết theo dạng %s", s, problem.Vi, dateForms),
			En: fmt.Sprintf("date %q %s; write it as %s", s, problem.En, dateFormsEn),
		})
		return Date{}, false
	}
	return d, true
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY. problem explains what is
// wrong; it is empty when the date is good.
func parseDate(s string) (Date, diag.Msg) {
	bad := diag.M("không đúng dạng", "is not in a known form")
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		if len(p) != want && !(i > 0 && len(p) == 1) {
			return Date{}, bad
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return Date{}, bad
			}
		}
		nums[i], _ = strconv.Atoi(p)
	}
	d := Date{Year: nums[0]}
	if d.Year < 1000 {
		return Date{}, bad
	}
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, diag.M("không có thật: tháng %d không tồn tại", "does not exist: there is no month %d", d.Month)
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		last := daysIn(d.Year, d.Month)
		if d.Day < 1 || d.Day > last {
			return Date{}, diag.M("không có thật: tháng %d năm %d có %d ngày", "does not exist: month %d of %d has %d days", d.Month, d.Year, last)
		}
	}
	return d, diag.Msg{}
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseTime reads a full date with an optional time of day. A time
// without a zone, and a date alone, are taken as UTC, so that the date
// shown is the date written.
func parseTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (w *walker) time(n *yaml.Node, path string) (time.Time, bool) {
	if !w.scalar(n, path) {
		return time.Time{}, false
	}
	s := strings.TrimSpace(n.Value)
	if t, ok := parseTime(s); ok {
		return t, true
	}
	d, problem := parseDate(s)
	if problem.Vi == "" && d.Day == 0 {
		problem = diag.M("thiếu ngày", "lacks the day")
	}
	if msg, ok := dayFirst(s); ok && problem.Vi != "" {
		w.fail(n, "bad-date", path, msg)
		return time.Time{}, false
	}
	if problem.Vi != "" {
		w.fail(n, "bad-date", path, diag.Msg{
			Vi: fmt.Sprintf("ngày %q %s; viết theo dạng YYYY-MM-DD, ví dụ 2021-08-17 (có thể thêm giờ: 2021-08-17 08:30)", s, problem.Vi),
			En: fmt.Sprintf("date %q %s; write it as YYYY-MM-DD, e.g. 2021-08-17 (a time may follow: 2021-08-17 08:30)", s, problem.En),
		})
		return time.Time{}, false
	}
	return d.Time(), true
}

func (w *walker) moneyValue(n *yaml.Node, path string) (Money, bool) {
	if n.Kind == yaml.MappingNode {
		o := w.mapping(n, moneyFields, path)
		if o == nil || !o.has("amount") {
			return Money{}, false
		}
		m := Money{Amount: o.integer("amount"), Approx: o.str("approx"), Stage: o.str("stage"), Set: true}
		if m.Stage == "" {
			m.Stage = "phe_duyet"
		}
		return m, true
	}
	x, ok := w.integer(n, path, true)
	if !ok {
		return Money{}, false
	}
	return Money{Amount: x, Stage: "phe_duyet", Set: true}, true
}

func (w *walker) unknownEnum(n *yaml.Node, path, enum, key string) {
	vals := EnumValues(enum)
	keys := make([]string, len(vals))
	vi := make([]string, len(vals))
	en := make([]string, len(vals))
	for i, v := range vals {
		keys[i] = v.Key
		vi[i] = fmt.Sprintf("%s (%s)", v.Key, v.Vi)
		en[i] = fmt.Sprintf("%s (%s)", v.Key, v.En)
	}
	msg := diag.Msg{
		Vi: fmt.Sprintf("giá trị %q không hợp lệ; giá trị được phép: %s", key, strings.Join(vi, ", ")),
		En: fmt.Sprintf("value %q is not allowed; allowed values: %s", key, strings.Join(en, ", ")),
	}
	if s := nearest(key, keys, maxKeyDistance(key)); s != "" && len(key) > 1 {
		msg.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
		msg.En += fmt.Sprintf("; did you mean %q?", s)
	}
	w.fail(n, "unknown-enum", path, msg)
}
