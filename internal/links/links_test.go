package links

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const baseURL = "https://sct.angiang.gov.vn/khuyen-cong/"

var site = map[string]string{
	"index.html": `<!doctype html>
<html lang="vi"><head>
<link rel="stylesheet" href="static/style.css?v=3#x">
<meta property="og:image" content="https://sct.angiang.gov.vn/khuyen-cong/anh/a-480.jpg">
<meta property="og:url" content="https://sct.angiang.gov.vn/khuyen-cong/">
<title>Trang <a href="khong-phai-the.html"></title>
<script type="application/ld+json">{"url": "<a href=\"khong-co-trong-script.html\">"}</script>
</head><body>
<a href="#noi-dung">Bỏ qua</a>
<a href="san-pham/">Sản phẩm</a> <a href=san-pham/>không ngoặc</a>
<a href="san-pham/tinh-dau/">Tinh dầu</a>
<a href="co-so/khong-co/">Cơ sở thiếu</a>
<a href="mailto:ttkc@angiang.gov.vn">thư</a> <a href="tel:+842963">gọi</a>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="">
<a href="javascript:void(0)">js</a> <a href="https://example.com/x">ngoài</a>
<a href="tin-tuc/?trang=2">tin</a> <a href="tin-tuc/b%C3%A0i.html">bài</a>
<a href="a&amp;b.html">và</a>
<!-- <a href="trong-chu-thich.html"> -->
<img src='anh/a-480.jpg' srcset="anh/a-480.jpg 480w, anh/a-960.jpg 960w" alt="Ảnh">
<picture><source srcset="anh/a.webp 1x,anh/a-2x.webp 2x"></picture>
<a href="../ra-ngoai.html">ra ngoài</a>
<a
  class="nut"
  href = "co-so/"
>Cơ sở</a>
<a href="">trống</a>
</body></html>
`,
	"san-pham/index.html": `<a href="../">Trang chủ</a>`,
	"san-pham/tinh-dau/index.html": `<a href="../../">Trang chủ</a> <a href="../">Sản phẩm</a>
<img src="../../static/logo.svg" alt="">
<a href="../../co-so/yen-huong/">Yến Hương</a>
<a href="../../co-so/yen-huong">không có / cuối</a>`,
	"co-so/index.html":           `<a href="yen-huong/">Yến Hương</a>`,
	"co-so/yen-huong/index.html": `<A HREF="../../san-pham/tinh-dau/">Tinh dầu</A>`,
	"tin-tuc/index.html":         `<a href="bai-a/">Bài A</a>`,
	"tin-tuc/bài.html":           ``,
	"tin-tuc/bai-a/index.html":   ``,
	"a&b.html":                   ``,
	"anh/a-480.jpg":              `jpg`,
	"anh/a.webp":                 `webp`,
	"static/nen.png":             `png`,
	"static/style.css":           "body{background:url('nen.png')}\n.a{background:url(fonts/x.woff2)}\n.b{background:url(\"data:image/svg+xml;utf8,<svg/>\")}\n",
	"404.html": `<link rel="stylesheet" href="/khuyen-cong/static/style.css">
<a href="/khuyen-cong/">Trang chủ</a> <a href="/khuyen-cong">Trang chủ</a>
<a href="/khac/trang.html">ngoài thư mục</a>
<a href="/khuyen-cong/khong-co/">thiếu</a>
<a href="//sct.angiang.gov.vn/khuyen-cong/san-pham/">giao thức tương đối</a>`,
	"feed.xml": `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link rel="self" href="https://sct.angiang.gov.vn/khuyen-cong/feed.xml"/>
  <link href="https://sct.angiang.gov.vn/khuyen-cong/"/>
  <entry>
    <link href="https://sct.angiang.gov.vn/khuyen-cong/tin-tuc/bai-a/"/>
    <content type="html">&lt;a href="khong-co-trong-noi-dung.html"&gt;</content>
  </entry>
  <entry>
    <link href="https://sct.angiang.gov.vn/khuyen-cong/tin-tuc/bai-b/"/>
    <link href="https://other.example/x"/>
  </entry>
</feed>
`,
	"sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://sct.angiang.gov.vn/khuyen-cong/san-pham/</loc></url>
<url><loc>http://SCT.AnGiang.gov.vn/khuyen-cong/co-so/</loc></url>
<url>
  <loc>https://sct.angiang.gov.vn/khuyen-cong/de-an/khong-co/</loc>
</url>
<url><loc>https://sct.angiang.gov.vn/khuyen-cong/a&amp;b.html</loc></url>
</urlset>
`,
	"hong.xml": "<rss><channel><link>https://sct.angiang.gov.vn/khuyen-cong/</link>\n<item></channel></rss>",
}

func TestCheck(t *testing.T) {
	root := writeTree(t, site)
	res, err := Check(root, baseURL)
	if err != nil {
		t.Fatal(err)
	}
	want := []Broken{
		{Page: "404.html", Line: 3, Link: "/khac/trang.html", Target: ""},
		{Page: "404.html", Line: 4, Link: "/khuyen-cong/khong-co/", Target: "khong-co/index.html"},
		{Page: "feed.xml", Line: 10, Link: "https://sct.angiang.gov.vn/khuyen-cong/tin-tuc/bai-b/", Target: "tin-tuc/bai-b/index.html"},
		{Page: "index.html", Line: 12, Link: "co-so/khong-co/", Target: "co-so/khong-co/index.html"},
		{Page: "index.html", Line: 19, Link: "anh/a-960.jpg", Target: "anh/a-960.jpg"},
		{Page: "index.html", Line: 20, Link: "anh/a-2x.webp", Target: "anh/a-2x.webp"},
		{Page: "index.html", Line: 21, Link: "../ra-ngoai.html", Target: ""},
		{Page: "san-pham/tinh-dau/index.html", Line: 2, Link: "../../static/logo.svg", Target: "static/logo.svg"},
		{Page: "san-pham/tinh-dau/index.html", Line: 4, Link: "../../co-so/yen-huong", Target: "co-so/yen-huong"},
		{Page: "sitemap.xml", Line: 6, Link: "https://sct.angiang.gov.vn/khuyen-cong/de-an/khong-co/", Target: "de-an/khong-co/index.html"},
		{Page: "static/style.css", Line: 2, Link: "fonts/x.woff2", Target: "static/fonts/x.woff2"},
	}
	if !reflect.DeepEqual(res.Broken, want) {
		t.Errorf("broken links:\n got %s\nwant %s", show(res.Broken), show(want))
	}
	if len(res.Unreadable) != 1 || res.Unreadable[0].Page != "hong.xml" || res.Unreadable[0].Line != 2 {
		t.Errorf("unreadable = %+v, want hong.xml line 2", res.Unreadable)
	}
	if res.Files != len(site) || res.Checked != 14 {
		t.Errorf("Files, Checked = %d, %d; want %d, 14", res.Files, res.Checked, len(site))
	}
	// Followed internal links: index.html 17, san-pham 1, tinh-dau 5,
	// co-so 1, yen-huong 1, tin-tuc 1, css 2, 404 6, feed 4, sitemap 4,
	// hong.xml 1 (before its syntax error).
	if res.Links != 43 {
		t.Errorf("Links = %d, want 43", res.Links)
	}
}

func show(bs []Broken) string {
	var b strings.Builder
	for _, x := range bs {
		fmt.Fprintf(&b, "\n  %s:%d %q -> %q", x.Page, x.Line, x.Link, x.Target)
	}
	return b.String()
}

func TestResolve(t *testing.T) {
	sub, _ := parseBase("https://sct.angiang.gov.vn/khuyen-cong")
	rootBase, _ := parseBase("")
	tests := []struct {
		b         base
		page, ref string
		target    string
		internal  bool
		_         string
	}{
		{sub, "index.html", "san-pham/", "san-pham/index.html", true, ""},
		{sub, "index.html", "./", "index.html", true, ""},
		{sub, "a/b/index.html", "../c.html#x", "a/c.html", true, ""},
		{sub, "a/index.html", "?trang=2", "", false, ""},
		{sub, "a/index.html", "#top", "", false, ""},
		{sub, "a/index.html", "  b.html  ", "a/b.html", true, ""},
		{sub, "a/index.html", "/khuyen-cong/a/", "a/index.html", true, ""},
		{sub, "a/index.html", "/khuyen-cong", "index.html", true, ""},
		{sub, "a/index.html", "/khuyen-congx/", "", true, ""},
		{sub, "a/index.html", "/khuyen-cong/../x", "", true, ""},
		{sub, "a/index.html", "https://sct.angiang.gov.vn/khac/", "", false, ""},
		{sub, "a/index.html", "https://SCT.angiang.gov.vn/khuyen-cong/x%20y.pdf", "x y.pdf", true, ""},
		{sub, "a/index.html", "ftp://sct.angiang.gov.vn/khuyen-cong/", "", false, ""},
		{sub, "a/index.html", "sms:+84", "", false, ""},
		{sub, "a/index.html", "%zz", "", true, ""},
		{rootBase, "404.html", "/static/a.css", "static/a.css", true, ""},
		{rootBase, "404.html", "https://sct.angiang.gov.vn/", "", false, ""},
		{rootBase, "404.html", "/", "index.html", true, ""},
	}
	for _, tc := range tests {
		target, internal := tc.b.resolve(tc.page, tc.ref)
		if target != tc.target || internal != tc.internal {
			t.Errorf("resolve(%q, %q) = %q, %v; want %q, %v", tc.page, tc.ref, target, internal, tc.target, tc.internal)
		}
	}
}

func TestSplitSrcset(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a.jpg", []string{"a.jpg"}},
		{"a.jpg 1x, b.jpg 2x", []string{"a.jpg", "b.jpg"}},
		{"a.jpg 480w,b.jpg 960w", []string{"a.jpg", "b.jpg"}},
		{"a.jpg,b.jpg", []string{"a.jpg,b.jpg"}},
		{"a.jpg, b.jpg", []string{"a.jpg", "b.jpg"}},
		{" \n a,b.jpg 1x ,\n c.jpg 2x ", []string{"a,b.jpg", "c.jpg"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := splitSrcset(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitSrcset(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBadBaseURL(t *testing.T) {
	if _, err := Check(t.TempDir(), "khuyen-cong/"); err == nil {
		t.Error("a relative base_url was accepted")
	}
}

func TestDeterministicOnManyFiles(t *testing.T) {
	files := map[string]string{}
	for i := range 300 {
		files[fmt.Sprintf("p%03d/index.html", i)] = fmt.Sprintf(`<a href="../p%03d/">tiếp</a>`, i+1)
	}
	root := writeTree(t, files)
	res, err := Check(root, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Broken{{Page: "p299/index.html", Line: 1, Link: "../p300/", Target: "p300/index.html"}}
	if !reflect.DeepEqual(res.Broken, want) || res.Links != 300 {
		t.Errorf("got %s, %d links", show(res.Broken), res.Links)
	}
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(site["index.html"]))
	f.Add([]byte(`<a href='x`))
	f.Add([]byte(`<script>`))
	f.Add([]byte(`<a href=x/><img src="a" srcset=",,,">`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, l := range extractHTML(data) {
			if l.line < 1 || l.line > strings.Count(string(data), "\n")+1 {
				t.Fatalf("line %d out of range", l.line)
			}
		}
	})
}

// BenchmarkCheck measures a site of 5.000 pages of 40 links each.
func BenchmarkCheck(b *testing.B) {
	root := b.TempDir()
	var page strings.Builder
	page.WriteString("<!doctype html><html lang=\"vi\"><head><link rel=\"stylesheet\" href=\"../../static/site.css\"></head><body>\n")
	for i := range 40 {
		fmt.Fprintf(&page, "<p>Đoạn văn %d với <a href=\"../p%d/\">một liên kết</a> &amp; chữ.</p>\n", i, i)
	}
	page.WriteString("</body></html>\n")
	for i := range 5000 {
		p := filepath.Join(root, "muc", fmt.Sprintf("p%d", i), "index.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(page.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := Check(root, "")
		if err != nil || len(res.Broken) != 5000 {
			b.Fatalf("%d broken, %v", len(res.Broken), err)
		}
	}
}
