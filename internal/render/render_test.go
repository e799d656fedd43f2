package render

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/templates"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

func renderTest(t *testing.T, m *model.Model, opts Options) memSink {
	t.Helper()
	out := memSink{}
	if opts.Assets == nil {
		opts.Assets = plainAssets(m)
	}
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
	out := renderTest(t, testModel(plain), Options{ShowDrafts: true})
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
		golden.Check(t, "golden/"+name, data)
	}
}

// TestFiles checks the list of files written: every page kind, the 404
// page, static files, content files, feed and sitemap.
func TestFiles(t *testing.T) {
	m := testModel(plain)
	out := memSink{}
	sum, diags := Render(m, Options{Assets: plainAssets(m)}, out)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := []string{
		"404.html",
		"atom.xml",
		"binh-chon/cnnt-khu-vuc-nam-2020/in/index.html",
		"binh-chon/cnnt-khu-vuc-nam-2020/index.html",
		"binh-chon/index.html",
		"binh-chon/ocop-tinh-2021/in/index.html",
		"binh-chon/ocop-tinh-2021/index.html",
		"chuong-trinh/ctkc-an-giang-2021-2025/index.html",
		"chuong-trinh/index.html",
		"co-so/hkd-ut-an/in/index.html",
		"co-so/hkd-ut-an/index.html",
		"co-so/index.html",
		"co-so/yen-huong-vina/in/index.html",
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
		"san-pham/banh-bo-thot-not/in/index.html",
		"san-pham/banh-bo-thot-not/index.html",
		"san-pham/bo-loc.js",
		"san-pham/index.html",
		"san-pham/tinh-dau-chuc-yen-huong/in/index.html",
		"san-pham/tinh-dau-chuc-yen-huong/index.html",
		"sitemap.xml",
		"so-lieu/2020/index.html",
		"so-lieu/2021/index.html",
		"so-lieu/bao-cao/2020/index.html",
		"so-lieu/index.html",
		"static/favicon.svg",
		"static/filter.js",
		"static/record.js",
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

// syncSink keeps the files of a Render in memory, taking writes from
// every worker at once (a ConcurrentSink, as the output folder is).
type syncSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (s *syncSink) WriteFile(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.files[name]; dup {
		return fmt.Errorf("%s written twice", name)
	}
	s.files[name] = bytes.Clone(data)
	return nil
}

func (s *syncSink) CopyFile(name, src string) error { return s.WriteFile(name, []byte("copy of "+src)) }

func (s *syncSink) ConcurrentWrites() {}

// TestDeterministic renders the same model with one worker, then twice
// with many: every file and the summary must be the same to the byte,
// whatever the number of processors and the order the workers finish in.
func TestDeterministic(t *testing.T) {
	renderWith := func(procs int) (map[string][]byte, Summary) {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		m := testModel(plain)
		out := &syncSink{files: map[string][]byte{}}
		sum, diags := Render(m, Options{Assets: plainAssets(m), ShowDrafts: true}, out)
		if len(diags) > 0 {
			t.Fatalf("GOMAXPROCS=%d: %v", procs, diags)
		}
		return out.files, sum
	}
	one, oneSum := renderWith(1)
	if len(one) < 40 {
		t.Fatalf("only %d files rendered", len(one))
	}
	many := max(8, runtime.NumCPU())
	for range 2 {
		files, sum := renderWith(many)
		for name, data := range one {
			if got, ok := files[name]; !ok {
				t.Errorf("%s written with GOMAXPROCS=1 only", name)
			} else if !bytes.Equal(got, data) {
				t.Errorf("%s differs between GOMAXPROCS=1 and %d", name, many)
			}
		}
		for name := range files {
			if _, ok := one[name]; !ok {
				t.Errorf("%s written with GOMAXPROCS=%d only", name, many)
			}
		}
		if !reflect.DeepEqual(placed(sum), placed(oneSum)) {
			t.Errorf("summary with GOMAXPROCS=%d:\n%+v\nwith 1:\n%+v", many, sum, oneSum)
		}
	}
}

// placed returns sum with the link positions of every source computed (see
// Source.LinkPositions), so that summaries compare by value.
func placed(sum Summary) Summary {
	sources := make(map[string]Source, len(sum.Sources))
	for name, s := range sum.Sources {
		sources[name] = Source{File: s.File, Links: s.LinkPositions()}
	}
	sum.Sources = sources
	return sum
}

// TestThemeOverride checks that a site's template replaces the default by
// name and that its errors name the site's file and line.
func TestThemeOverride(t *testing.T) {
	site := map[string][]byte{
		"404.html":        []byte(`{{define "main"}}<p>Lạc đường rồi</p>{{end}}`),
		"static/site.css": []byte(`body{color:#000}`),
		"static/logo.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
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
			site := map[string][]byte{tc.file: []byte(tc.text)}
			_, diags := Render(testModel(plain), Options{Theme: site}, memSink{})
			var b strings.Builder
			diags.Print(&b, "vi")
			if got := strings.TrimSpace(b.String()); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestDefaultThemeErrors checks that an error in a template of the
// default theme names the template and its line: it is the program's
// fault, not the site's, so it points at no file of the site.
func TestDefaultThemeErrors(t *testing.T) {
	base := fstest.MapFS{}
	if err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		base[p] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, text, want string
	}{
		{"parse", "product.html", "{{define \"main\"}}\n\n<h1>{{.Title}</h1>{{end}}",
			"lỗi: lỗi trong giao diện mặc định, mẫu product.html dòng 3: bad character U+007D '}'"},
		{"partial", "_partials.html", "{{define \"photos\"}}\n{{if}}{{end}}",
			"lỗi: lỗi trong giao diện mặc định, mẫu _partials.html dòng 2: missing value for if"},
		{"execution", "unit.html", "{{define \"main\"}}\n{{.Data.Khong}}{{end}}",
			"lỗi: lỗi trong giao diện mặc định, mẫu unit.html dòng 2: executing \"main\" at <.Data.Khong>: can't evaluate field Khong in type interface {}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			broken := maps.Clone(base)
			broken[tc.file] = &fstest.MapFile{Data: []byte(tc.text)}
			m := testModel(plain)
			f := newFuncs(m, Options{}, "vi")
			th, diags := parseTheme(broken, nil, f.FuncMap())
			if th != nil && !diags.HasErrors() {
				// An execution error shows when a page of the kind runs.
				r := &renderer{m: m, opts: Options{Assets: plainAssets(m)}, lang: "vi", f: f, th: th, out: concurrentSink(memSink{}), sum: Summary{Pages: map[string]int{}}, menu: defaultMenu(m, f.i18n), kinds: pageKindIndex()}
				r.pool = newPool(r)
				r.pages()
				r.closePool()
				diags = r.diags
			}
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
	out := renderTest(t, testModel(plain), Options{})
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
