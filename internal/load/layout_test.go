package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// summary writes what Load found, one line per file, for comparison.
func summary(s *Site) string {
	var b strings.Builder
	if s.Settings != nil {
		fmt.Fprintf(&b, "settings %s\n", s.Settings.Path)
	}
	for _, c := range Collections {
		for _, d := range s.Data[c] {
			fmt.Fprintf(&b, "%s %s %d\n", c, d.Path, d.Root.Kind)
		}
	}
	for _, p := range s.News {
		fmt.Fprintf(&b, "news %s slug=%s bundle=%v front=%v body=%d:%q\n", p.Path, p.Slug, p.Bundle, p.Front != nil, p.BodyLine, p.Body)
	}
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "page %s slug=%s bundle=%v front=%v body=%d:%q\n", p.Path, p.Slug, p.Bundle, p.Front != nil, p.BodyLine, p.Body)
	}
	for _, a := range s.Assets {
		fmt.Fprintf(&b, "asset %s\n", a)
	}
	for _, f := range s.Templates {
		fmt.Fprintf(&b, "template %s %q\n", f.Path, f.Data)
	}
	return b.String()
}

func exampleSite() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"data/site.yml":                         f("title: Khuyến công An Giang\n"),
		"data/units.yaml":                       f("- id: an-giang\n  name: An Giang\n"),
		"data/products.yaml":                    f("- name: Gạo\n"),
		"data/products/tinh-dau-chuc.yaml":      f("name: Tinh dầu chúc\n"),
		"data/products/nhom/gao-nang-nhen.YAML": f("name: Gạo Nàng Nhen\n"),
		"data/products/.nhap.yaml":              f("name: nháp\n"),
		"data/products/tinh-dau-chuc.yaml~":     f("name: cũ\n"),
		"data/products/.git/config":             f("x"),
		"data/.DS_Store":                        f("x"),
		"data/projects/2020/de-an-nhom.yaml":    f("title: Đề án nhóm\n"),
		"content/news/khuyen-cong-2020.md":      f("---\ntitle: A\n---\nNội dung\n"),
		"content/news/bai-viet/index.md":        f("Không có phần đầu\n"),
		"content/news/bai-viet/anh-1.jpg":       f("jpg"),
		"content/news/bai-viet/~$bao-cao.docx":  f("lock"),
		"content/pages/gioi-thieu.md":           f("---\ntitle: Giới thiệu\nmenu: 1\n---\n"),
		"content/pages/lien-he/index.md":        f("---\n---\nLiên hệ\n"),
		"content/pages/lien-he/ban-do/index.md": f("x"),
		"content/images/logo.png":               f("png"),
		"content/images/Thumbs.db":              f("x"),
		"content/tai-lieu/bao-cao-2020.pdf":     f("pdf"),
		"templates/base.html":                   f("<html>"),
		"templates/partials/footer.html":        f("<footer>"),
		"templates/.footer.html.swp":            f("x"),
		"public/index.html":                     f("old output"),
		"README.md":                             f("x"),
	}
}

func TestLoadLayout(t *testing.T) {
	s, l := Load(exampleSite())
	if len(l) != 0 {
		var b bytes.Buffer
		l.Print(&b, "vi")
		t.Errorf("diagnostics:\n%s", b.String())
	}
	want := `settings data/site.yml
units data/units.yaml 2
products data/products.yaml 2
products data/products/nhom/gao-nang-nhen.YAML 4
products data/products/tinh-dau-chuc.yaml 4
projects data/projects/2020/de-an-nhom.yaml 4
news content/news/bai-viet/index.md slug=bai-viet bundle=true front=false body=1:"Không có phần đầu\n"
news content/news/khuyen-cong-2020.md slug=khuyen-cong-2020 bundle=false front=true body=4:"Nội dung\n"
page content/pages/gioi-thieu.md slug=gioi-thieu bundle=false front=true body=5:""
page content/pages/lien-he/index.md slug=lien-he bundle=true front=false body=3:"Liên hệ\n"
asset images/logo.png
asset news/bai-viet/anh-1.jpg
asset pages/lien-he/ban-do/index.md
asset tai-lieu/bao-cao-2020.pdf
template base.html "<html>"
template partials/footer.html "<footer>"
`
	if got := summary(s); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestNFC checks that text typed with combining accents (as some
// keyboards and Mac file systems produce) is read composed.
func TestNFC(t *testing.T) {
	decomposed := "name: Cha\u0302u \u0110o\u0302\u0301c\n" // "Châu Đốc" written with combining marks
	s, l := Load(fstest.MapFS{"data/units.yaml": {Data: []byte(decomposed)}, "data/site.yaml": {Data: []byte("title: A\n")}})
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	if got := s.Data["units"][0].Root.Content[1].Value; got != "Châu Đốc" {
		t.Errorf("got %q (% x), want %q", got, got, "Châu Đốc")
	}
}

// TestDeterministic checks that one worker and many give the same site and
// the same diagnostics.
func TestDeterministic(t *testing.T) {
	fsys := exampleSite()
	for i := range 200 {
		fsys[fmt.Sprintf("data/establishments/co-so-%03d.yaml", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("name: Cơ sở %d\n", i))}
		if i%7 == 0 {
			fsys[fmt.Sprintf("data/products/loi-%03d.yaml", i)] = &fstest.MapFile{Data: []byte("name: a\n\tb: 1\n")}
		}
	}
	run := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		s, l := Load(fsys)
		var b bytes.Buffer
		l.Print(&b, "vi")
		return summary(s) + b.String()
	}
	one, many := run(1), run(8)
	if one != many {
		t.Errorf("GOMAXPROCS=1 and 8 differ:\n%s\n----\n%s", one, many)
	}
	if n := strings.Count(one, "lỗi:"); n != 29 {
		t.Errorf("%d errors, want 29", n)
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data", "products"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "products", "gao.yaml"), []byte("name: Gạo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, l := LoadDir(dir)
	if len(l) != 0 || s.Dir != dir || len(s.Data["products"]) != 1 || s.Data["products"][0].Path != "data/products/gao.yaml" {
		t.Errorf("LoadDir(%s) = %+v, %v", dir, s, l)
	}

	missing := filepath.Join(dir, "khong-co")
	_, l = LoadDir(missing)
	var b bytes.Buffer
	l.Print(&b, "vi")
	want := missing + ": lỗi: không tìm thấy thư mục trang " + missing + ": hãy kiểm tra đường dẫn, hoặc chạy lệnh trong thư mục chứa data/ và content/\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
