package model

import (
	"reflect"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// modelStrings returns every string reachable from v, following pointers,
// slices, maps and struct fields once each.
func modelStrings(v any) []string {
	var out []string
	seen := map[uintptr]bool{}
	var walk func(r reflect.Value)
	walk = func(r reflect.Value) {
		switch r.Kind() {
		case reflect.String:
			out = append(out, r.String())
		case reflect.Pointer:
			if r.IsNil() || seen[r.Pointer()] {
				return
			}
			seen[r.Pointer()] = true
			walk(r.Elem())
		case reflect.Interface:
			if !r.IsNil() {
				walk(r.Elem())
			}
		case reflect.Struct:
			for i := 0; i < r.NumField(); i++ {
				walk(r.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < r.Len(); i++ {
				walk(r.Index(i))
			}
		case reflect.Map:
			iter := r.MapRange()
			for iter.Next() {
				walk(iter.Key())
				walk(iter.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

func TestPrivateFieldsNeverInModel(t *testing.T) {
	files := baseSite()
	files["content/anh/bi-mat.jpg"] = "x"
	files["data/establishments/yen-huong.yaml"] = `name: Công ty TNHH Yến Hương VINA
id: yen-huong-vina
address:
  street: SECRET-STREET
  hamlet: Ấp Công Khai
  unit: huyen-tri-ton
contact:
  phone: SECRET-PHONE
  email: SECRET-MAIL
description: SECRET-DESCRIPTION
founded: 2001
photos:
  - file: anh/bi-mat.jpg
    caption: SECRET-CAPTION
private: [description, photos, address.street, founded]
`
	files["data/establishments/b.yaml"] = `name: Hộ kinh doanh Bình
address: {unit: an-giang}
contact: {phone: PUBLIC-PHONE, email: SECRET-MAIL-B, public: true}
private: [contact.email]
`
	files["data/establishments/c.yaml"] = `name: Cơ sở Cẩm
address: {unit: an-giang}
contact: {phone: SECRET-PHONE-C, public: true}
private: [contact]
`
	files["data/products/tinh-dau.yaml"] = `name: Tinh dầu chúc Yến Hương
establishment: yen-huong-vina
price: {amount: 987654321, unit: chai}
specs: {Dung tích: SECRET-SPEC}
private: [price, specs]
`
	files["data/projects/may.yaml"] = `title: Máy tách màu gạo
year: 2020
funding_source: kcqg
activity: ung_dung_mmtb
budget: 1200000000
summary: SECRET-SUMMARY
private: [summary]
`
	m, diags := buildFS(t, files, Options{})
	if diags != "" {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	all := strings.Join(modelStrings(m), "\n")
	for _, secret := range []string{"SECRET", "bi-mat.jpg"} {
		if strings.Contains(all, secret) {
			t.Errorf("model holds %q:\n%s", secret, all)
		}
	}
	for _, public := range []string{"Ấp Công Khai", "PUBLIC-PHONE"} {
		if !strings.Contains(all, public) {
			t.Errorf("model lacks the public %q", public)
		}
	}
	e := m.EstablishmentByID["yen-huong-vina"]
	if e.Founded != 0 || e.Contact != (Contact{}) {
		t.Errorf("private founded or non-public contact kept: %+v %+v", e.Founded, e.Contact)
	}
	if p := m.ProductByID["tinh-dau-chuc-yen-huong"]; p.Price.Set || p.Price.Amount != 0 {
		t.Errorf("private price kept: %+v", p.Price)
	}
}

func TestDefaults(t *testing.T) {
	files := baseSite()
	files["content/anh/a.jpg"] = "x"
	files["content/news/anh-bai/anh.jpg"] = "x"
	files["content/news/anh-bai/index.md"] = "---\ntitle: Bài có ảnh\ndate: \"2021-08-16\"\nimage: {file: anh.jpg, caption: Máy tách màu}\n---\n"
	files["data/products/tinh-dau.yaml"] = `name: Tinh dầu chúc Yến Hương
establishment: yen-huong-vina
photos: [{file: anh/a.jpg, caption: Chai tinh dầu}, {file: anh/a.jpg, caption: Nhãn, alt: Nhãn chai}]
`
	files["data/recognitions/ocop.yaml"] = `- scheme: ocop
  level: tinh
  year: 2021
  decision: {date: "2021-02-28"}
  awards: [{product: tinh-dau-chuc-yen-huong, stars: 4}]
- scheme: ocop
  level: quoc_gia
  year: 2022
  awards: [{product: tinh-dau-chuc-yen-huong, stars: 5}]
`
	files["data/projects/b.yaml"] = `title: Đào tạo nghề đan lát
year: 2021
funding_source: kcdp
activity: dao_tao_nghe
budget: {amount: 350000000, approx: khoang}
counterpart: {amount: 100000000, stage: quyet_toan}
`
	files["data/reports/2021.yaml"] = "year: 2021\nreported:\n  projects: {value: 3, approx: hon}\n  funding_kcdp: {amount: 350000000}\n  fairs: 2\n"
	m, diags := buildFS(t, files, Options{})
	if diags != "" {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"site language", m.Site.Language, "vi"},
		{"site paginate", m.Site.Paginate, 20},
		{"site area", m.Site.Area.ID, "an-giang"},
		{"establishment sort name", m.EstablishmentByID["yen-huong-vina"].SortName, "Yến Hương VINA"},
		{"product id from name", m.Products[0].ID, "tinh-dau-chuc-yen-huong"},
		{"photo alt from caption", m.Products[0].Photos[0].Alt, "Chai tinh dầu"},
		{"photo alt given", m.Products[0].Photos[1].Alt, "Nhãn chai"},
		{"project id from title", m.ProjectByID["dao-tao-nghe-dan-lat"] != nil, true},
		{"project type", m.ProjectByID["dao-tao-nghe-dan-lat"].Type, "don"},
		{"budget plain", m.ProjectByID["may-tach-mau-gao"].Budget, Money{Amount: 1200000000, Stage: "phe_duyet", Set: true}},
		{"budget mapping", m.ProjectByID["dao-tao-nghe-dan-lat"].Budget, Money{Amount: 350000000, Approx: "khoang", Stage: "phe_duyet", Set: true}},
		{"counterpart stage", m.ProjectByID["dao-tao-nghe-dan-lat"].Counterpart.Stage, "quyet_toan"},
		{"recipients", m.ProjectByID["may-tach-mau-gao"].Recipients, 4},
		{"ocop valid until", m.RoundByID["ocop-tinh-2021"].Awards[0].ValidUntil, Date{2024, 2, 28}},
		{"ocop valid until without decision", m.RoundByID["ocop-quoc-gia-2022"].Awards[0].ValidUntil, Date{}},
		{"cnnt valid until", m.RoundByID["cnnt-khu-vuc-nam-2020"].Awards[0].ValidUntil, Date{}},
		{"decision date", m.RoundByID["cnnt-khu-vuc-nam-2020"].Decision.Date, Date{2020, 8, 21}},
		{"reported value", m.Reports[1].Reported["projects"], Quantity{Value: 3, Approx: "hon", Set: true, Pos: diag.Pos{File: "data/reports/2021.yaml", Line: 3, Col: 3}}},
		{"reported amount", m.Reports[1].Reported["funding_kcdp"], Quantity{Value: 350000000, Money: true, Stage: "phe_duyet", Set: true, Pos: diag.Pos{File: "data/reports/2021.yaml", Line: 4, Col: 3}}},
		{"reported plain", m.Reports[1].Reported["fairs"], Quantity{Value: 2, Set: true, Pos: diag.Pos{File: "data/reports/2021.yaml", Line: 5, Col: 3}}},
		{"report money flag", m.Reports[0].Reported["funding_total"].Money, true},
		{"bundle", m.News[1].Bundle, "news/anh-bai"},
		{"bundle image", *m.News[1].Image, Photo{File: "news/anh-bai/anh.jpg", Caption: "Máy tách màu", Alt: "Máy tách màu", Pos: diag.Pos{File: "content/news/anh-bai/index.md", Line: 4, Col: 15}}},
		{"news date", m.News[1].Date.Format("2006-01-02"), "2021-08-16"},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %#v, want %#v", tt.name, tt.got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2021-08-17", Date{2021, 8, 17}, true},
		{"2021-8-7", Date{2021, 8, 7}, true},
		{"2021-08", Date{2021, 8, 0}, true},
		{"2021", Date{Year: 2021}, true},
		{"2020-02-29", Date{2020, 2, 29}, true},
		{"2021-02-29", Date{}, false},
		{"2021-02-30", Date{}, false},
		{"2021-13", Date{}, false},
		{"2021-00-10", Date{}, false},
		{"17/08/2021", Date{}, false},
		{"21", Date{}, false},
		{"2021-08-17-01", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, problem := parseDate(tt.in)
		if got != tt.want || (problem.Vi == "") != tt.ok {
			t.Errorf("parseDate(%q) = %v, %q; want %v, ok %v", tt.in, got, problem.Vi, tt.want, tt.ok)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"funding_source", "activity", "budget", "beneficiaries", "year"}
	tests := []struct{ in, want string }{
		{"fundng_source", "funding_source"},
		{"fudning_source", "funding_source"},
		{"budgte", "budget"},
		{"yaer", "year"},
		{"yr", ""},
		{"counterpart", ""},
		{"benefciaries", "beneficiaries"},
	}
	for _, tt := range tests {
		if got := nearest(tt.in, keys, maxKeyDistance(tt.in)); got != tt.want {
			t.Errorf("nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
