package scaffold

import (
	"bytes"
	"strings"
	"text/template"

	"github.com/khuyencong/khuyencong/internal/gazetteer"
)

// NewProvinceSite creates a fresh site in dir, as NewSite does, for a
// province of the built-in gazetteer, named as site.yaml's province: names
// it ("Tuyên Quang", "tuyen quang", "08"; a former province stands for the
// province it is part of now). The site names the province in site.yaml
// and has no data/units.yaml: its units are built in. Its title and
// publisher are filled from the province's name, and the example records
// are of that province. It returns the province.
func NewProvinceSite(dir, province string) (*gazetteer.Unit, error) {
	p, err := provinceOf(province)
	if err != nil {
		return nil, err
	}
	if err := checkDir(dir); err != nil {
		return nil, err
	}
	title := p.Title("vi")
	var former []string
	for _, f := range p.FormedFrom {
		if f.Unit.Name != p.Name || len(p.FormedFrom) > 1 {
			former = append(former, f.Unit.Title("vi"))
		}
	}
	var site bytes.Buffer
	tmpl := template.Must(template.ParseFS(files, "files/province/site.yaml.tmpl"))
	err = tmpl.Execute(&site, struct{ Title, Name, Former string }{title, p.Name, joinAnd(former)})
	if err != nil {
		return nil, err
	}
	// The example records, of the province.
	edits := map[string][][2]string{
		"data/establishments/co-so-vi-du.yaml": {{
			`  # Id đơn vị hành chính trong data/units.yaml (bắt buộc); ghi tỉnh khi chưa
  # biết đơn vị nhỏ hơn.
  unit: tinh-vi-du
`,
			`  # Đơn vị hành chính (bắt buộc), ghi theo tên như bài báo, văn bản viết:
  # commune (xã, phường), district (huyện; chỉ ghi với địa chỉ trước
  # 01/7/2025) và province (tỉnh). Chưa biết xã, huyện thì chỉ ghi tỉnh.
  # Ví dụ: {commune: xã Yên Nguyên, district: huyện Chiêm Hóa}.
  commune:
  district:
  province: ` + p.Name + `
`}},
		"README.md": {{
			"1. Mở `data/units.yaml`, đổi tỉnh ví dụ (`tinh-vi-du`) thành tỉnh của đơn vị;\n   sửa id đó ở `data/site.yaml` (dòng `area`) và ở các cơ sở\n   (`address.unit`).\n",
			"1. Trang đã có sẵn danh mục đơn vị hành chính của " + title + " (dòng\n   `province` trong `data/site.yaml`): địa chỉ của cơ sở ghi theo tên xã,\n   huyện (`address`: `commune`, `district`, `province`). Tìm tên, mã của một\n   đơn vị bằng lệnh `khuyencong units find TÊN`.\n",
		}},
	}
	err = writeSite(dir, func(rel string, data []byte) []byte {
		switch rel {
		case "data/units.yaml":
			return nil
		case "data/site.yaml":
			return site.Bytes()
		}
		s := string(data)
		for _, e := range edits[rel] {
			if !strings.Contains(s, e[0]) {
				panic("scaffold: " + rel + " no longer holds the text to replace")
			}
			s = strings.Replace(s, e[0], e[1], 1)
		}
		return []byte(strings.ReplaceAll(s, "tỉnh Ví Dụ", title))
	})
	return p, err
}

// provinceOf reads the value of --province as site.yaml's province: is
// read.
func provinceOf(value string) (*gazetteer.Unit, error) {
	_, rs := gazetteer.NewSite([]string{value})
	r := rs[0]
	switch {
	case r.Unit == nil:
		var vs, es []string
		for _, c := range r.Candidates {
			vs, es = append(vs, c.Msg.Vi), append(es, c.Msg.En)
		}
		msg := r.Msg
		if len(vs) > 0 {
			msg.Vi += "; " + strings.Join(vs, "; ")
			msg.En += "; " + strings.Join(es, "; ")
		}
		return nil, &Error{Msg: msg}
	case r.Unit.Type == gazetteer.Country:
		return nil, fail("--province nhận tên hay mã của một tỉnh, ví dụ --province \"Tuyên Quang\"; trang của cả nước: tạo trang rồi ghi province: all trong data/site.yaml",
			"--province takes the name or code of one province, e.g. --province \"Tuyên Quang\"; for a site of the whole country, create the site and write province: all in data/site.yaml")
	}
	return r.Unit, nil
}

// joinAnd joins names with commas and a last "và".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}
