package model

import (
	"fmt"
	"iter"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

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
	// rec names the record the diagnostics are about:
	// `cơ sở "yen-huong-vina"` / `establishment "yen-huong-vina"`.
	rec diag.Msg
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
func (w *walker) fail(n *yaml.Node, code diag.Code, path string, msg diag.Msg, notes ...diag.Related) {
	w.failAt(w.pos(n), code, path, msg, notes...)
}

// failAt is fail at a position kept instead of a node.
func (w *walker) failAt(pos diag.Pos, code diag.Code, path string, msg diag.Msg, notes ...diag.Related) {
	w.diags.Error(pos, code, w.where(path, msg), notes...)
}

func (w *walker) warn(n *yaml.Node, code diag.Code, path string, msg diag.Msg) {
	w.diags.Warn(w.pos(n), code, w.where(path, msg))
}

// warn2 is warn at a position kept instead of a node.
func (w *walker) warn2(pos diag.Pos, code diag.Code, path string, msg diag.Msg) {
	w.diags.Warn(pos, code, w.where(path, msg))
}

// noteAt reports a note: something worth knowing that needs no change.
func (w *walker) noteAt(pos diag.Pos, code diag.Code, path string, msg diag.Msg) {
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

// The nodes the walker reads are those load hands on (see load.Doc): no
// alias, no merge key, no key written twice in a mapping. It reads them as
// they are.

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// pairs yields the keys and values of mapping n, in the order written.
func pairs(n *yaml.Node) iter.Seq2[*yaml.Node, *yaml.Node] {
	return func(yield func(k, v *yaml.Node) bool) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i], n.Content[i+1]) {
				return
			}
		}
	}
}

// mapping checks a mapping against fields. It returns nil when n is not a
// mapping.
func (w *walker) mapping(n *yaml.Node, fields []field, path string) *object {
	if n.Kind != yaml.MappingNode {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một bảng các dòng “khóa: giá trị”",
			"must be a mapping of “key: value” lines"))
		return nil
	}
	o := &object{node: n, vals: make(map[string]value)}
	written := make(map[string]bool)
	for k, v := range pairs(n) {
		key := k.Value
		written[key] = true
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
			if _, ok := o.vals[f.key]; !ok && !written[f.key] {
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
// null (treated as absent) or wrong (reported by the reader of its kind).
func (w *walker) value(n *yaml.Node, f field, path string) (value, bool) {
	if isNull(n) {
		return value{}, false
	}
	switch f.kind {
	case kString, kRef:
		return w.readText(n, path)
	case kMarkdown:
		return w.readMarkdown(n, path)
	case kInt, kAmount:
		return w.readInt(n, path, f.kind == kAmount)
	case kYear:
		return w.readYear(n, path)
	case kDate:
		return w.readDate(n, path)
	case kTime:
		return w.readTime(n, path)
	case kMoney:
		return w.readMoney(n, path)
	case kEnum:
		return w.readEnum(n, f.enum, path)
	case kBool:
		return w.readBool(n, path)
	case kFloat:
		return w.readFloat(n, path)
	case kList:
		return w.readList(n, *f.elem, path)
	case kMapping:
		return w.readMapping(n, f.fields, path)
	case kPhoto:
		return w.readPhoto(n, f.fields, path)
	case kLabels:
		return w.readLabels(n, path)
	case kSuccessor:
		return w.readSuccessor(n, path)
	case kStrings:
		return w.readStrings(n, path)
	case kUnit:
		return w.readUnit(n, f.fields, path)
	case kReported:
		return w.readReported(n, path)
	case kCount:
		return w.readCount(n, path)
	case kCounts:
		return w.readCounts(n, f.enum, path)
	}
	panic(fmt.Sprintf("model: field %s of unknown kind %d", path, f.kind))
}
