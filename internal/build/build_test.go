package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/links"
	"github.com/khuyencong/khuyencong/internal/render"
	"github.com/khuyencong/khuyencong/internal/write"
)

// example is the repository's example site.
const example = "../.."

// buildDate is the date every test builds on, so that output does not
// depend on the day the tests run.
var buildDate = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

func printed(l diag.List) string {
	var b bytes.Buffer
	l.Print(&b, "vi")
	return b.String()
}

// snapshot returns every file under root with its content.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copySite copies the example site's data/ and content/ into a new folder.
func copySite(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	for _, dir := range []string{"data", "content"} {
		src := filepath.Join(example, dir)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			to := filepath.Join(dst, dir, rel)
			if d.IsDir() {
				return os.MkdirAll(to, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(to, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func writeFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckExampleSite(t *testing.T) {
	m, diags := Check(example, Options{Now: buildDate})
	if diags.HasErrors() || m == nil {
		t.Fatalf("check of the example site:\n%s", printed(diags))
	}
	for _, lang := range []string{"vi", "en"} {
		var b bytes.Buffer
		if err := PrintCheckReport(&b, m, diags, lang); err != nil {
			t.Fatal(err)
		}
		golden.CheckString(t, "check-report-"+lang+".txt", b.String())
	}
}

func TestBuildExampleSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, diags := Build(example, BuildOptions{Output: out, Now: buildDate})
	if diags.HasErrors() {
		t.Fatalf("build of the example site:\n%s", printed(diags))
	}
	files := snapshot(t, out)
	for _, name := range []string{"index.html", "404.html", "sitemap.xml", write.Marker, write.ChangesFile} {
		if _, ok := files[name]; !ok {
			t.Errorf("the output has no %s", name)
		}
	}
	if res.Output != out || res.Files != len(files)-2 || res.Links == 0 || res.Written != res.Files || len(res.Changes.Added) != res.Files {
		t.Errorf("result: output %q, %d files (%d on disk, marker and changes included), %d written, %d added, %d links",
			res.Output, res.Files, len(files), res.Written, len(res.Changes.Added), res.Links)
	}
	var names []string
	for _, s := range res.Stages {
		names = append(names, s.Name)
	}
	if want := []string{"load", "model", "photos", "render", "links", "write"}; !reflect.DeepEqual(names, want) {
		t.Errorf("stages %v, want %v", names, want)
	}
	// The seed's figures reach the pages.
	all := strings.Join(values(files), "\n")
	for _, fig := range []string{"gần 4,5 tỷ đồng", "1,2 tỷ đồng", "900 triệu đồng", "82/QĐ-CTĐP", "Thứ Ba, 17/08/2021"} {
		if !strings.Contains(all, fig) {
			t.Errorf("no page shows %q", fig)
		}
	}
	var b bytes.Buffer
	if err := PrintBuildSummary(&b, res, "vi"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "Đã xuất bản vào "+out+"\n") {
		t.Errorf("summary:\n%s", b.String())
	}
}

func values(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// renderOnce renders the example site into a temporary folder with the
// given GOMAXPROCS and returns its files, whatever the link check would
// say: determinism is a property of rendering alone.
func renderOnce(t *testing.T, procs int) map[string]string {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	var res Result
	m, theme, diags := loadModel(example, buildDate, false, false, &res)
	if m == nil || diags.HasErrors() {
		t.Fatalf("example site:\n%s", printed(diags))
	}
	d, err := write.Open(filepath.Join(t.TempDir(), "public"), write.Options{Site: example})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	ropts := renderOptions(BuildOptions{Now: buildDate}, theme)
	ropts.Assets, diags = asset.Prepare(m, assetOptions(example, nil))
	if diags.HasErrors() {
		t.Fatalf("photos:\n%s", printed(diags))
	}
	if _, diags := render.Render(m, ropts, d); diags.HasErrors() {
		t.Fatalf("render:\n%s", printed(diags))
	}
	return snapshot(t, d.Root())
}

func TestDeterministic(t *testing.T) {
	a := renderOnce(t, 1)
	b := renderOnce(t, 4)
	c := renderOnce(t, 4)
	for _, other := range []map[string]string{b, c} {
		if !reflect.DeepEqual(a, other) {
			for k := range a {
				if a[k] != other[k] {
					t.Errorf("%s differs between builds", k)
				}
			}
			for k := range other {
				if _, ok := a[k]; !ok {
					t.Errorf("%s is in one build only", k)
				}
			}
		}
	}
	if len(a) < 10 {
		t.Errorf("only %d files rendered", len(a))
	}
}

// previousOutput makes an output folder as an earlier build left it.
func previousOutput(t *testing.T, out string) map[string]string {
	t.Helper()
	writeFile(t, filepath.Join(out, write.Marker), "khuyencong\n")
	writeFile(t, filepath.Join(out, "index.html"), "<p>bản trước</p>")
	writeFile(t, filepath.Join(out, "san-pham", "index.html"), "<p>sản phẩm</p>")
	return snapshot(t, out)
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(t *testing.T, site string)
		code   diag.Code
		file   string
	}{
		{"data error", func(t *testing.T, site string) {
			writeFile(t, filepath.Join(site, "data", "projects", "hong.yaml"), "title: Đề án hỏng\nyear: 2020\nfunding_source: kcqg\nactivity: ung_dung_mmtb\nbudget: \"1,2 tỷ\"\n")
		}, "", "data/projects/hong.yaml"},
		{"broken link in an article", func(t *testing.T, site string) {
			writeFile(t, filepath.Join(site, "content", "news", "lien-ket-hong.md"),
				"---\ntitle: Bài có liên kết hỏng\ndate: 2021-08-18\n---\n\nXem [trang không có](../../khong-co/).\n")
		}, "broken-link", "content/news/lien-ket-hong.md"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site := copySite(t)
			tc.break_(t, site)
			out := filepath.Join(site, "public")
			before := previousOutput(t, out)
			_, diags := Build(site, BuildOptions{Now: buildDate})
			if !diags.HasErrors() {
				t.Fatal("the build succeeded")
			}
			found := false
			for _, d := range diags {
				if d.Severity == diag.Error && d.Pos.File == tc.file && (tc.code == "" || d.Code == tc.code) {
					found = true
				}
			}
			if !found {
				t.Errorf("no error at %s (code %q):\n%s", tc.file, tc.code, printed(diags))
			}
			if after := snapshot(t, out); !reflect.DeepEqual(before, after) {
				t.Errorf("the failed build changed the output:\n%v", after)
			}
			entries, _ := os.ReadDir(site)
			var names []string
			for _, e := range entries {
				if e.Name() != ".khuyencong-cache" {
					names = append(names, e.Name())
				}
			}
			if !reflect.DeepEqual(names, []string{"content", "data", "public"}) {
				t.Errorf("the site folder holds %v", names)
			}
		})
	}
}

// checkFiles writes files through the sink of a build into a new output
// folder and checks their links, naming pages under shown.
func checkFiles(t *testing.T, files map[string]string, shown string, sources map[string]render.Source) (diag.List, int) {
	t.Helper()
	d, err := write.Open(filepath.Join(t.TempDir(), "public"), write.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	scan, err := links.NewScanner("")
	if err != nil {
		t.Fatal(err)
	}
	sink := newOutputSink(d, nil, scan)
	for name, data := range files {
		if err := sink.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	res := sink.checkLinks()
	return linkDiags(res, nil, shown, sources, diag.Error), res.Links
}

func TestBrokenLinkMessage(t *testing.T) {
	files := map[string]string{"index.html": "<a href=\"co-so/\">x</a>\n<a href=\"../ngoai.html\">y</a>"}
	got, n := checkFiles(t, files, "public", nil)
	want := `public/index.html:1: lỗi: liên kết hỏng "co-so/": trang đã build không có tệp "co-so/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này
public/index.html:2: lỗi: liên kết "../ngoai.html" trỏ ra ngoài thư mục trang; hãy sửa nội dung hoặc mẫu trang có liên kết này
`
	got.Sort()
	if printed(got) != want || n != 2 {
		t.Errorf("got %d links:\n%s\nwant:\n%s", n, printed(got), want)
	}

	// On the page of an article, a link is reported at the article: at
	// the place its body writes it, the n-th time at the n-th place; a
	// link the body does not write (of the theme) at the file alone. On
	// the page of a record, at the record's file.
	files["tin-tuc/bai/index.html"] =
		"<p>\n<img src=\"anh.png\"> <a href=\"../../khong-co/\">a</a>\n<a href=\"../../khong-co/\">b</a> <a href=\"../../khong-co/\">c</a> <a href=\"../../thieu/\">d</a>"
	files["co-so/x/index.html"] = "<a href=\"../../thieu/\">d</a>"
	at := func(line, col int) diag.Pos { return diag.Pos{File: "content/news/bai.md", Line: line, Col: col} }
	got, _ = checkFiles(t, files, "public", map[string]render.Source{
		"tin-tuc/bai/index.html": {File: "content/news/bai.md", Links: map[string][]diag.Pos{
			"anh.png":         {at(9, 1)},
			"../../khong-co/": {at(7, 5), at(8, 12)},
		}},
		"co-so/x/index.html": {File: "data/establishments/x.yaml"},
	})
	want = `content/news/bai.md: lỗi: liên kết hỏng "../../thieu/" (trên trang public/tin-tuc/bai/index.html): trang đã build không có tệp "thieu/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này
content/news/bai.md:7:5: lỗi: liên kết hỏng "../../khong-co/" (trên trang public/tin-tuc/bai/index.html): trang đã build không có tệp "khong-co/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này
content/news/bai.md:8:12: lỗi: liên kết hỏng "../../khong-co/" (trên trang public/tin-tuc/bai/index.html): trang đã build không có tệp "khong-co/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này
content/news/bai.md:9:1: lỗi: liên kết hỏng "anh.png" (trên trang public/tin-tuc/bai/index.html): trang đã build không có tệp "tin-tuc/bai/anh.png"; hãy sửa nội dung hoặc mẫu trang có liên kết này
data/establishments/x.yaml: lỗi: liên kết hỏng "../../thieu/" (trên trang public/co-so/x/index.html): trang đã build không có tệp "thieu/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này
public/index.html:1: lỗi: liên kết hỏng "co-so/": trang đã build không có tệp "co-so/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này
public/index.html:2: lỗi: liên kết "../ngoai.html" trỏ ra ngoài thư mục trang; hãy sửa nội dung hoặc mẫu trang có liên kết này
`
	got.Sort()
	if printed(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", printed(got), want)
	}
}

func TestRefusedOutput(t *testing.T) {
	site := copySite(t)
	before := snapshot(t, site)
	_, diags := Build(site, BuildOptions{Output: filepath.Join(site, "data"), Now: buildDate})
	if len(diags) != 1 || diags[0].Code != "output-is-input" {
		t.Fatalf("diagnostics:\n%s", printed(diags))
	}
	if after := snapshot(t, site); !reflect.DeepEqual(before, after) {
		t.Error("a refused build changed the site folder")
	}
}

func TestCheckLinks(t *testing.T) {
	if _, diags := Check(example, Options{Now: buildDate, Links: true}); diags.HasErrors() {
		t.Fatalf("check --links of the example site:\n%s", printed(diags))
	}
	site := copySite(t)
	writeFile(t, filepath.Join(site, "content", "pages", "lien-he.md"),
		"---\ntitle: Liên hệ\n---\n\nXem [danh mục](../san-pham/) và [trang thiếu](../khong-co/).\n")
	_, diags := Check(site, Options{Now: buildDate, Links: true})
	var broken []string
	for _, d := range diags {
		if d.Code == "broken-link" {
			broken = append(broken, d.Pos.String()+": "+d.Msg.Vi)
		}
	}
	want := []string{`content/pages/lien-he.md:5:33: liên kết hỏng "../khong-co/" (trên trang lien-he/index.html): trang đã build không có tệp "khong-co/index.html"; hãy sửa nội dung hoặc mẫu trang có liên kết này`}
	if !reflect.DeepEqual(broken, want) {
		t.Errorf("broken links:\n%q\nwant\n%q\nall:\n%s", broken, want, printed(diags))
	}
	if entries, _ := os.ReadDir(site); len(entries) != 2 {
		t.Errorf("check --links left files in the site folder: %v", entries)
	}
}

// TestSiteTemplates builds a site whose own templates/ folder the load
// stage reads: an override reaches the output, and a template error is
// reported at the site's file and line, in build as in serve's preview.
func TestSiteTemplates(t *testing.T) {
	site := copySite(t)
	writeFile(t, filepath.Join(site, "templates", "static", "site.css"), "body{color:#123}\n")
	res, diags := Build(site, BuildOptions{Output: filepath.Join(t.TempDir(), "public"), Now: buildDate})
	if diags.HasErrors() {
		t.Fatalf("build:\n%s", printed(diags))
	}
	if css, err := os.ReadFile(filepath.Join(res.Output, "static", "site.css")); err != nil || string(css) != "body{color:#123}\n" {
		t.Errorf("static/site.css is not the site's: %q %v", css, err)
	}

	writeFile(t, filepath.Join(site, "templates", "product.html"), "{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n")
	want := "templates/product.html:2: lỗi: lỗi mẫu trang: bad character U+007D '}'\n"
	_, diags = Build(site, BuildOptions{Output: filepath.Join(t.TempDir(), "public"), Now: buildDate})
	if got := printed(diags); got != want {
		t.Errorf("build:\n%s\nwant:\n%s", got, want)
	}
	p, diags := Prepare(site, MemoryOptions{Now: buildDate})
	if p == nil {
		t.Fatalf("prepare:\n%s", printed(diags))
	}
	_, diags = p.Render(nil)
	if got := printed(diags); got != want {
		t.Errorf("preview:\n%s\nwant:\n%s", got, want)
	}
}

// TestCheckReportWithErrors checks that check prints no figure computed
// from records that failed to read: the totals wait for the errors.
func TestCheckReportWithErrors(t *testing.T) {
	dir := copySite(t)
	writeFile(t, filepath.Join(dir, "data", "projects", "kcqg-may-che-bien-gao-3-co-so-2020.yaml"),
		"title: Hỗ trợ 3 cơ sở\nyear: 2020\nactivity: ung_dung_mmtb\nbudget: 900 triệu\n")
	m, diags := Check(dir, Options{Now: buildDate})
	if !diags.HasErrors() || m == nil {
		t.Fatalf("want an error and a model:\n%s", printed(diags))
	}
	want := map[string]string{
		"vi": "\nSố liệu tổng hợp chưa được tính: sửa hết các lỗi ở trên rồi chạy lại check (tổng tính từ các hồ sơ còn lỗi sẽ sai).\n",
		"en": "\nThe figures are not computed yet: fix the errors above, then run check again (totals of records with errors would be wrong).\n",
	}
	for _, lang := range []string{"vi", "en"} {
		var b bytes.Buffer
		if err := PrintCheckReport(&b, m, diags, lang); err != nil {
			t.Fatal(err)
		}
		got := b.String()
		if !strings.HasSuffix(got, want[lang]) {
			t.Errorf("%s: the report does not end with the waiting line:\n%s", lang, got)
		}
		for _, figure := range []string{"tỷ đồng", "triệu đồng", "VND", "Năm 2020", "2020 —"} {
			if strings.Contains(got, figure) {
				t.Errorf("%s: the report prints a figure (%q) computed from records with errors:\n%s", lang, figure, got)
			}
		}
	}
	if got := printed(diags); !strings.Contains(got, `ghi 900000000 thay cho "900 triệu"`) {
		t.Errorf("the error does not say what to write:\n%s", got)
	}
}
