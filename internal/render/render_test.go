package render

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/khuyencong/khuyencong/internal/model"
)

func renderTest(t *testing.T, m *model.Model, opts Options) memSink {
	t.Helper()
	out := memSink{}
	_, diags := Render(m, opts, out)
	if len(diags) > 0 {
		var b strings.Builder
		diags.Print(&b, "vi")
		t.Fatalf("Render reported:\n%s", b.String())
	}
	return out
}

// TestGoldenPages compares representative pages with testdata/golden/
// (go test -update rewrites them).
func TestGoldenPages(t *testing.T) {
	out := renderTest(t, testModel(plain), Options{ContentDir: "content", ShowDrafts: true})
	pages := map[string]string{
		"index.html": "home.html",
		"san-pham/tinh-dau-chuc-yen-huong/index.html":    "product.html",
		"co-so/yen-huong-vina/index.html":                "establishment.html",
		"co-so/index.html":                               "establishments.html",
		"de-an/kcqg-may-che-bien-2020/index.html":        "project.html",
		"binh-chon/ocop-tinh-2021/index.html":            "round.html",
		"tin-tuc/khuyen-cong-an-giang-ho-tro/index.html": "article.html",
		"tin-tuc/trang/2/index.html":                     "news-2.html",
		"dia-ban/huyen-tri-ton/index.html":               "unit.html",
		"dia-ban/index.html":                             "units.html",
		"404.html":                                       "404.html",
	}
	for file, name := range pages {
		data, ok := out[file]
		if !ok {
			t.Errorf("%s not written", file)
			continue
		}
		golden(t, "golden/"+name, data)
	}
}

// TestFiles checks the list of files written: every page kind, the 404
// page, static files, content files, feed and sitemap.
func TestFiles(t *testing.T) {
	m := testModel(plain)
	out := memSink{}
	sum, diags := Render(m, Options{ContentDir: "content"}, out)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := []string{
		"404.html",
		"atom.xml",
		"binh-chon/cnnt-khu-vuc-nam-2020/index.html",
		"binh-chon/index.html",
		"binh-chon/ocop-tinh-2021/index.html",
		"chuong-trinh/ctkc-an-giang-2021-2025/index.html",
		"chuong-trinh/index.html",
		"co-so/hkd-ut-an/index.html",
		"co-so/index.html",
		"co-so/yen-huong-vina/index.html",
		"de-an/hoi-cho-2020/index.html",
		"de-an/index.html",
		"de-an/kcqg-may-che-bien-2020/index.html",
		"dia-ban/an-giang/index.html",
		"dia-ban/huyen-tri-ton/index.html",
		"dia-ban/index.html",
		"dia-ban/xa-tri-ton/index.html",
		"gioi-thieu/index.html",
		"index.html",
		"news/khuyen-cong-an-giang-ho-tro/anh.jpg",
		"products/chuc.jpg",
		"robots.txt",
		"san-pham/banh-bo-thot-not/index.html",
		"san-pham/index.html",
		"san-pham/tinh-dau-chuc-yen-huong/index.html",
		"sitemap.xml",
		"so-lieu/2020/index.html",
		"so-lieu/2021/index.html",
		"so-lieu/bao-cao/2020/index.html",
		"so-lieu/index.html",
		"static/favicon.svg",
		"static/search.js",
		"static/site.css",
		"tim-kiem/index.html",
		"tin-tuc/binh-chon-2020/index.html",
		"tin-tuc/hoi-cho-2021/index.html",
		"tin-tuc/index.html",
		"tin-tuc/khuyen-cong-an-giang-ho-tro/index.html",
		"tin-tuc/the/hoi-cho/index.html",
		"tin-tuc/the/index.html",
		"tin-tuc/the/khuyen-cong/index.html",
		"tin-tuc/the/may-moc/index.html",
		"tin-tuc/trang/2/index.html",
	}
	got, generated := withoutGenerated(out.names())
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sum.Files != len(want)+generated {
		t.Errorf("Summary.Files = %d, want %d", sum.Files, len(want))
	}
	if sum.Pages["product"] != 2 || sum.Pages["news"] != 2 || sum.Pages["404"] != 1 {
		t.Errorf("Summary.Pages = %v", sum.Pages)
	}
	if c := string(out["products/chuc.jpg"]); c != "copy of content/products/chuc.jpg" {
		t.Errorf("asset copied from %q", c)
	}
}

// TestDeterministic renders twice and compares every byte.
func TestDeterministic(t *testing.T) {
	a := renderTest(t, testModel(plain), Options{ContentDir: "content"})
	b := renderTest(t, testModel(plain), Options{ContentDir: "content"})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// TestHostileStrings puts script and attribute-breaking text in every
// string field and checks that no output file carries it unescaped.
func TestHostileStrings(t *testing.T) {
	const script = `<script>alert(1)</script>`
	const img = `"><img src=x onerror=alert(1)>`
	hostile := func(s string) string { return s + script + img }
	m := testModel(hostile)
	m.Site.I18n = map[string]string{"site.home": script + img}
	for _, unsafe := range []bool{false} {
		m.Site.UnsafeHTML = unsafe
		out := renderTest(t, m, Options{ContentDir: "content", ShowDrafts: true})
		for _, name := range out.names() {
			if strings.HasSuffix(name, ".csv") {
				continue // open data: text/csv, the strings kept as data (opendata_test.go)
			}
			data := string(out[name])
			for _, bad := range []string{script, "<img src=x onerror", `"><img`} {
				if strings.Contains(data, bad) {
					i := strings.Index(data, bad)
					t.Errorf("%s holds %q unescaped: …%s…", name, bad, data[max(0, i-80):min(len(data), i+80)])
				}
			}
		}
	}
}

// TestThemeOverride checks that a site's template replaces the default by
// name and that its errors name the site's file and line.
func TestThemeOverride(t *testing.T) {
	site := fstest.MapFS{
		"404.html":        {Data: []byte(`{{define "main"}}<p>Lạc đường rồi</p>{{end}}`)},
		"static/site.css": {Data: []byte(`body{color:#000}`)},
		"static/logo.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
	}
	out := renderTest(t, testModel(plain), Options{Theme: site})
	if !strings.Contains(string(out["404.html"]), "<p>Lạc đường rồi</p>") {
		t.Errorf("404.html does not use the site's template:\n%s", out["404.html"])
	}
	if string(out["static/site.css"]) != "body{color:#000}" || out["static/logo.svg"] == nil {
		t.Errorf("static files not overridden: %q", out["static/site.css"])
	}

	tests := []struct {
		name, file, text, want string
	}{
		{"parse", "product.html", "{{define \"main\"}}\n<h1>{{.Title}</h1>{{end}}",
			"templates/product.html:2: lỗi: lỗi mẫu trang: bad character U+007D '}'"},
		{"unknown function", "product.html", "{{define \"main\"}}\n\n{{khong .Title}}{{end}}",
			"templates/product.html:3: lỗi: lỗi mẫu trang: function \"khong\" not defined"},
		{"execution", "unit.html", "{{define \"main\"}}\n{{.Data.Khong}}{{end}}",
			"templates/unit.html:2:7: lỗi: lỗi mẫu trang: executing \"main\" at <.Data.Khong>: can't evaluate field Khong in type interface {}"},
		{"partial", "_partials.html", "{{define \"photos\"}}{{if}}{{end}}",
			"templates/_partials.html:1: lỗi: lỗi mẫu trang: missing value for if"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site := fstest.MapFS{tc.file: {Data: []byte(tc.text)}}
			_, diags := Render(testModel(plain), Options{Theme: site}, memSink{})
			var b strings.Builder
			diags.Print(&b, "vi")
			if got := strings.TrimSpace(b.String()); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestLinks follows every href and src of every page: internal ones must
// name a file the render wrote. The 404 page links from the path of
// base_url ("/khuyen-cong/" in the test model).
func TestLinks(t *testing.T) {
	out := renderTest(t, testModel(plain), Options{ContentDir: "content"})
	attr := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	checked := 0
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range attr.FindAllStringSubmatch(string(out[name]), -1) {
			ref := html.UnescapeString(m[1])
			if i := strings.IndexAny(ref, "#?"); i >= 0 {
				ref = ref[:i]
			}
			if ref == "" || strings.Contains(ref, ":") {
				continue
			}
			var target string
			if strings.HasPrefix(ref, "/") {
				target = strings.TrimPrefix(ref, "/khuyen-cong/")
				if target == ref {
					t.Errorf("%s: %q is outside base_url's path", name, ref)
					continue
				}
			} else {
				target = path.Join(path.Dir(name), ref)
			}
			if u, err := url.PathUnescape(target); err == nil {
				target = u
			}
			_, ok := out[target]
			if !ok && strings.HasSuffix(ref, "/") {
				// A folder link written in Markdown: servers answer it
				// with its index.html.
				_, ok = out[path.Join(target, "index.html")]
			}
			if !ok {
				t.Errorf("%s links to %q, which was not written", name, ref)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d links checked", checked)
	}
}
