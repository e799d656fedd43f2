package render

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/model"
)

// seedRecords returns the establishment, product and recognition of the
// seed article, linked as the model links them.
func seedRecords() (*model.Establishment, *model.Product) {
	ag := &model.Unit{ID: "an-giang", Name: "An Giang", Type: "tinh"}
	tt := &model.Unit{ID: "huyen-tri-ton", Name: "Tri Tôn", Type: "huyen", Parent: ag}
	e := &model.Establishment{
		ID: "yen-huong-vina", Name: "Công ty TNHH Yến Hương VINA",
		Address: model.Address{Hamlet: "ấp Phú Lâm", Unit: tt, Current: nil},
		Founded: 2015,
	}
	p := &model.Product{ID: "tinh-dau-chuc-yen-huong", Name: "Tinh dầu chúc Yến Hương", Establishment: e,
		Photos: []model.Photo{{File: "san-pham/tinh-dau-chuc.jpg"}}}
	round := &model.Round{ID: "cnnt-khu-vuc-nam-2020", Scheme: "cnnt", Level: "khu_vuc", Region: "nam", Year: 2020}
	p.Recognitions = []*model.Recognition{{Round: round, Product: p}}
	e.Products = []*model.Product{p}
	return e, p
}

func testAward(r *model.Recognition) string {
	return "SP CNNT tiêu biểu cấp khu vực phía Nam " + strconv.Itoa(r.Round.Year)
}

func mustLD(t *testing.T, v any) string {
	t.Helper()
	js, err := jsonLD(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(js)
}

func TestJSONLD(t *testing.T) {
	e, p := seedRecords()
	site := feedSite()
	site.Publisher.Parent = "Sở Công Thương tỉnh An Giang"
	site.Publisher.Website = ""
	base, none := testAbs("https://example.vn/kc/"), testAbs("")
	article := &model.Article{
		Slug: "ho-tro-kep", Title: `Khuyến công An Giang tập trung hỗ trợ "kép"`, Author: "Vũ Châu",
		Date: time.Date(2021, 8, 17, 6, 34, 0, 0, time.FixedZone("ICT", 7*3600)), HasDate: true,
		Image: &model.Photo{File: "news/ho-tro-kep/trai-rau.jpg", Caption: "Trại rau sạch"},
		Tags:  []string{"khuyến công", "An Giang"},
	}
	pub, ok := ldPublisher(site, base)
	if !ok {
		t.Fatal("publisher missing")
	}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"product", ldProduct(p, testAward, base),
			`{"@context":"https://schema.org","@type":"Product","name":"Tinh dầu chúc Yến Hương","url":"https://example.vn/kc/san-pham/tinh-dau-chuc-yen-huong/","image":["https://example.vn/kc/san-pham/tinh-dau-chuc.jpg"],"manufacturer":{"@type":"LocalBusiness","name":"Công ty TNHH Yến Hương VINA","url":"https://example.vn/kc/co-so/yen-huong-vina/"},"award":["SP CNNT tiêu biểu cấp khu vực phía Nam 2020"]}`},
		{"product without base_url", ldProduct(p, testAward, none),
			`{"@context":"https://schema.org","@type":"Product","name":"Tinh dầu chúc Yến Hương","manufacturer":{"@type":"LocalBusiness","name":"Công ty TNHH Yến Hương VINA"},"award":["SP CNNT tiêu biểu cấp khu vực phía Nam 2020"]}`},
		{"establishment", ldEstablishment(e, base),
			`{"@context":"https://schema.org","@type":"LocalBusiness","name":"Công ty TNHH Yến Hương VINA","url":"https://example.vn/kc/co-so/yen-huong-vina/","address":{"@type":"PostalAddress","streetAddress":"ấp Phú Lâm","addressLocality":"Tri Tôn","addressRegion":"An Giang","addressCountry":"VN"},"foundingDate":"2015"}`},
		{"publisher", pub,
			`{"@context":"https://schema.org","@type":"GovernmentOrganization","name":"Trung tâm Khuyến công An Giang","url":"https://example.vn/kc/","parentOrganization":{"@type":"GovernmentOrganization","name":"Sở Công Thương tỉnh An Giang"}}`},
		{"article", ldArticle(article, site, base),
			`{"@context":"https://schema.org","@type":"NewsArticle","headline":"Khuyến công An Giang tập trung hỗ trợ \"kép\"","url":"https://example.vn/kc/tin-tuc/ho-tro-kep/","mainEntityOfPage":"https://example.vn/kc/tin-tuc/ho-tro-kep/","image":["https://example.vn/kc/news/ho-tro-kep/trai-rau.jpg"],"datePublished":"2021-08-17T06:34:00+07:00","author":{"@type":"Person","name":"Vũ Châu"},"publisher":{"@type":"GovernmentOrganization","name":"Trung tâm Khuyến công An Giang","url":"https://example.vn/kc/","parentOrganization":{"@type":"GovernmentOrganization","name":"Sở Công Thương tỉnh An Giang"}},"keywords":"khuyến công, An Giang","inLanguage":"vi"}`},
		{"article without author or publisher", ldArticle(&model.Article{Slug: "a", Title: "Tin"}, model.Site{Title: "Khuyến công", Language: "en"}, none),
			`{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tin","author":{"@type":"Organization","name":"Khuyến công"},"publisher":{"@type":"Organization","name":"Khuyến công"},"inLanguage":"en"}`},
		{"breadcrumbs", ldBreadcrumbs([]Crumb{{Title: "Trang chủ", Path: "index.html"}, {Title: "Sản phẩm", Path: "san-pham/index.html"}, {Title: p.Name}}, "san-pham/tinh-dau-chuc-yen-huong/index.html", base),
			`{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Trang chủ","item":"https://example.vn/kc/"},{"@type":"ListItem","position":2,"name":"Sản phẩm","item":"https://example.vn/kc/san-pham/"},{"@type":"ListItem","position":3,"name":"Tinh dầu chúc Yến Hương","item":"https://example.vn/kc/san-pham/tinh-dau-chuc-yen-huong/"}]}`},
	}
	for _, tt := range tests {
		if got := mustLD(t, tt.v); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
	if _, ok := ldPublisher(model.Site{Title: "x"}, base); ok {
		t.Error("a site without publisher gave a publisher")
	}
}

// TestJSONLDHostile puts a hostile string in every field and renders the
// documents the way the theme does.
func TestJSONLDHostile(t *testing.T) {
	e, p := seedRecords()
	e.Name, p.Name, e.Address.Street = hostile, hostile, hostile
	site := model.Site{Title: hostile, Publisher: model.Publisher{Name: hostile, Parent: hostile, Address: hostile}}
	a := &model.Article{Slug: "x", Title: hostile, Author: hostile, Summary: hostile, Tags: []string{hostile}}
	award := func(*model.Recognition) string { return hostile }
	abs := testAbs("https://example.vn/")
	pub, _ := ldPublisher(site, abs)
	var docs []template.JS
	for _, v := range []any{ldProduct(p, award, abs), ldEstablishment(e, abs), pub, ldArticle(a, site, abs),
		ldBreadcrumbs([]Crumb{{Title: hostile}}, "index.html", abs)} {
		js, err := jsonLD(v)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, js)
	}
	tmpl := template.Must(template.New("head").Parse(`{{range .}}<script type="application/ld+json">{{.}}</script>{{end}}`))
	var out strings.Builder
	if err := tmpl.Execute(&out, docs); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	if n := strings.Count(strings.ToLower(html), "</script"); n != len(docs) {
		t.Errorf("%d </script in the output of %d documents:\n%s", n, len(docs), html)
	}
	for _, bad := range []string{"<script>", "<img", "<!--"} {
		if strings.Contains(html, bad) {
			t.Errorf("output holds %q raw:\n%s", bad, html)
		}
	}
	// Each script element holds the JSON text unchanged, which decodes back
	// to the hostile string.
	parts := strings.Split(html, `<script type="application/ld+json">`)[1:]
	for i, part := range parts {
		text := strings.TrimSuffix(part, "</script>")
		if text != string(docs[i]) {
			t.Errorf("document %d changed by the template:\n%s\nwas\n%s", i, text, docs[i])
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			t.Errorf("document %d: %v", i, err)
		}
		if !strings.Contains(text, `\u003c/script\u003e`) {
			t.Errorf("document %d lost the hostile text: %s", i, text)
		}
	}
	var prod LDProduct
	if err := json.Unmarshal([]byte(docs[0]), &prod); err != nil || prod.Name != hostile || prod.Manufacturer.Name != hostile || prod.Award[0] != hostile {
		t.Errorf("product did not round-trip: %v %+v", err, prod)
	}
}
