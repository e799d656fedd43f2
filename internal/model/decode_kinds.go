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

// The readers of this file check a value of one kind of field (see kind in
// schema.go) and return it with its node; ok is false when the value is
// wrong, which they report, or empty. The walker calls them through value.

// readText reads a scalar as trimmed text; blank text is absent.
func (w *walker) readText(n *yaml.Node, path string) (value, bool) {
	if !w.scalar(n, path) {
		return value{}, false
	}
	s := strings.TrimSpace(n.Value)
	return value{node: n, s: s}, s != ""
}

// readMarkdown reads a scalar of Markdown as written, spaces and all.
func (w *walker) readMarkdown(n *yaml.Node, path string) (value, bool) {
	if !w.scalar(n, path) {
		return value{}, false
	}
	return value{node: n, s: n.Value}, true
}

// readInt reads a whole number; money selects the explanation given for
// amounts of đồng.
func (w *walker) readInt(n *yaml.Node, path string, money bool) (value, bool) {
	x, ok := w.integer(n, path, money)
	return value{node: n, n: x}, ok
}

func (w *walker) readYear(n *yaml.Node, path string) (value, bool) {
	y, ok := w.year(n, path)
	return value{node: n, n: int64(y)}, ok
}

func (w *walker) readDate(n *yaml.Node, path string) (value, bool) {
	d, ok := w.date(n, path)
	return value{node: n, d: d}, ok
}

func (w *walker) readTime(n *yaml.Node, path string) (value, bool) {
	t, ok := w.time(n, path)
	return value{node: n, t: t}, ok
}

func (w *walker) readMoney(n *yaml.Node, path string) (value, bool) {
	m, ok := w.moneyValue(n, path)
	return value{node: n, money: m}, ok
}

// readEnum reads one key of the enum table named enum.
func (w *walker) readEnum(n *yaml.Node, enum, path string) (value, bool) {
	if !w.scalar(n, path) {
		return value{}, false
	}
	key := strings.TrimSpace(n.Value)
	if !enumHas(enum, key) {
		w.unknownEnum(n, path, enum, key)
		return value{}, false
	}
	return value{node: n, s: key}, true
}

func (w *walker) readBool(n *yaml.Node, path string) (value, bool) {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là true (có) hoặc false (không); đang ghi %q",
			"must be true or false; found %q", short(n)))
		return value{}, false
	}
	return value{node: n, b: b}, true
}

// readFloat reads a number with a decimal point, not negative.
func (w *walker) readFloat(n *yaml.Node, path string) (value, bool) {
	if !w.scalar(n, path) {
		return value{}, false
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một số, dùng dấu chấm thập phân, ví dụ 85.5; đang ghi %q",
			"must be a number with a decimal point, e.g. 85.5; found %q", n.Value))
		return value{}, false
	}
	if x < 0 {
		w.fail(n, "negative", path, diag.M("không được là số âm (%s)", "must not be negative (%s)", n.Value))
		return value{}, false
	}
	return value{node: n, f: x}, true
}

// readList reads a sequence of elem, keeping the items that are good.
func (w *walker) readList(n *yaml.Node, elem field, path string) (value, bool) {
	if n.Kind != yaml.SequenceNode {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một danh sách: mỗi mục một dòng bắt đầu bằng “- ”, hoặc [a, b]",
			"must be a list: one item per line starting with “- ”, or [a, b]"))
		return value{}, false
	}
	v := value{node: n}
	for i, item := range n.Content {
		if iv, ok := w.value(item, elem, fmt.Sprintf("%s[%d]", path, i)); ok {
			v.list = append(v.list, iv)
		}
	}
	return v, true
}

func (w *walker) readMapping(n *yaml.Node, fields []field, path string) (value, bool) {
	o := w.mapping(n, fields, path)
	return value{node: n, obj: o}, o != nil
}

// readPhoto reads a photo mapping; its file, which must exist, becomes
// relative to content/.
func (w *walker) readPhoto(n *yaml.Node, fields []field, path string) (value, bool) {
	o := w.mapping(n, fields, path)
	if o == nil {
		return value{}, false
	}
	fv, ok := o.vals["file"]
	if !ok {
		return value{}, false
	}
	file, ok := w.photoFile(fv.node, join(path, "file"), fv.s)
	if !ok {
		return value{}, false
	}
	fv.s = file
	o.vals["file"] = fv
	return value{node: n, obj: o}, true
}

// readLabels reads a mapping of free labels to scalar text, in the order
// written.
func (w *walker) readLabels(n *yaml.Node, path string) (value, bool) {
	if n.Kind != yaml.MappingNode {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một bảng các dòng “nhãn: giá trị”", "must be a mapping of “label: value” lines"))
		return value{}, false
	}
	v := value{node: n}
	for k, val := range pairs(n) {
		if isNull(val) || !w.scalar(val, join(path, k.Value)) {
			continue
		}
		v.labels = append(v.labels, Spec{Label: strings.TrimSpace(k.Value), Value: strings.TrimSpace(val.Value)})
	}
	return v, true
}

// readSuccessor reads a unit id, or {unit, partial}; the value's node is
// then that of the unit.
func (w *walker) readSuccessor(n *yaml.Node, path string) (value, bool) {
	if n.Kind == yaml.MappingNode {
		o := w.mapping(n, successorFields, path)
		if o == nil || !o.has("unit") {
			return value{}, false
		}
		return value{node: o.at("unit"), s: o.str("unit"), b: o.boolean("partial")}, true
	}
	if !w.scalar(n, path) {
		return value{}, false
	}
	return value{node: n, s: strings.TrimSpace(n.Value)}, true
}

// readStrings reads one text or a list of them; none is absent.
func (w *walker) readStrings(n *yaml.Node, path string) (value, bool) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	v := value{node: n}
	for i, item := range items {
		p := path
		if n.Kind == yaml.SequenceNode {
			p = fmt.Sprintf("%s[%d]", path, i)
		}
		if iv, ok := w.value(item, field{kind: kString}, p); ok {
			v.list = append(v.list, iv)
		}
	}
	return v, len(v.list) > 0
}

// readUnit reads a unit id, or the unit's names {commune, district,
// province}.
func (w *walker) readUnit(n *yaml.Node, fields []field, path string) (value, bool) {
	if n.Kind == yaml.MappingNode {
		o := w.mapping(n, fields, path)
		if o == nil {
			return value{}, false
		}
		if !o.has("commune") && !o.has("district") && !o.has("province") {
			w.fail(n, "missing-field", path, diag.M(
				"ghi tên của đơn vị: {commune: …, district: …, province: …} (có huyện là tên trước 01/07/2025), hoặc ghi id: unit: …",
				"write the unit's names: {commune: …, district: …, province: …} (with a district, names before 1 July 2025), or its id: unit: …"))
			return value{}, false
		}
		return value{node: n, obj: o}, true
	}
	return w.readText(n, path)
}

func (w *walker) readReported(n *yaml.Node, path string) (value, bool) {
	q, ok := w.reported(n, path)
	return value{node: n, quantities: q}, ok
}

func (w *walker) readCount(n *yaml.Node, path string) (value, bool) {
	q, ok := w.countValue(n, path)
	return value{node: n, q: q}, ok
}

func (w *walker) readCounts(n *yaml.Node, enum, path string) (value, bool) {
	cs, ok := w.countMap(n, enum, path)
	return value{node: n, counts: cs}, ok
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
		vi[i] = fmt.Sprintf("%s (%s)", v.Key, v.Label.Vi)
		en[i] = fmt.Sprintf("%s (%s)", v.Key, v.Label.En)
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
