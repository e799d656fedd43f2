package model

import (
	"fmt"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// applyPrivate removes from a decoded record the fields its `private` list
// names, so that they never reach the model. A name is a key of the record
// ("photos") or a key of one of its mappings ("contact.phone",
// "address.street"). explicitID says whether the record's id was written:
// a record whose name is private needs one, since the id would otherwise be
// made from the name.
func (b *builder) applyPrivate(w *walker, o *object, k kindInfo, explicitID bool) {
	v, ok := o.get("private")
	if !ok {
		return
	}
	delete(o.vals, "private")
	for i, item := range v.list {
		path := fmt.Sprintf("private[%d]", i)
		name := item.s
		top, sub, nested := strings.Cut(name, ".")
		f, ok := k.schema.lookup(top)
		if ok && nested {
			_, ok = schema(f.fields).lookup(sub)
			ok = ok && f.kind == kMapping
		}
		if !ok || top == "id" || top == "private" {
			known := make([]string, 0, len(k.schema))
			for _, f := range k.schema {
				if f.key != "id" && f.key != "private" {
					known = append(known, f.key)
				}
			}
			msg := diag.Msg{
				Vi: fmt.Sprintf("%q không phải một trường có thể giữ riêng; các trường: %s", name, strings.Join(known, ", ")),
				En: fmt.Sprintf("%q is not a field that can be kept private; the fields: %s", name, strings.Join(known, ", ")),
			}
			if s := nearest(name, known, maxKeyDistance(name)); s != "" {
				msg.Vi = fmt.Sprintf("%q không phải một trường có thể giữ riêng; có phải ý bạn là %q?", name, s)
				msg.En = fmt.Sprintf("%q is not a field that can be kept private; did you mean %q?", name, s)
			}
			w.fail(item.node, "bad-private", path, msg)
			continue
		}
		if top == k.nameKey && !explicitID && k.nameKey != "" {
			w.fail(item.node, "bad-private", path, diag.Msg{
				Vi: fmt.Sprintf("%s được giữ riêng nên bản ghi phải có id (id mặc định lấy từ %s); hãy thêm dòng id: …", top, top),
				En: fmt.Sprintf("%s is private, so the record needs an id (the default id is made from the %s); add a line id: …", top, top),
			})
		}
		if !nested {
			if pv, ok := o.vals[top]; ok && f.kind == kList && f.elem.kind == kPhoto {
				for _, ph := range pv.list {
					b.hiddenFiles = append(b.hiddenFiles, ph.obj.str("file"))
				}
			}
			delete(o.vals, top)
			continue
		}
		if s := o.sub(top); s != nil {
			delete(s.vals, sub)
		}
	}
}
