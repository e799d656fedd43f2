package importnews_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/khuyencong/khuyencong/internal/build"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/docx/docxtest"
	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/importnews"
	"github.com/khuyencong/khuyencong/internal/scaffold"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

// newSite makes a fresh site to import into.
func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "trang")
	if err := scaffold.NewSite(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// report prints the result with the site folder written SITE.
func report(r *importnews.Result, site, lang string) string {
	var b bytes.Buffer
	r.Print(&b, lang)
	return strings.ReplaceAll(b.String(), site, "SITE")
}

// checkSite runs check and build on the site: no error, no warning.
func checkSite(t *testing.T, site string) {
	t.Helper()
	_, diags := build.Check(site, build.Options{Drafts: true})
	// The test sites have no base_url: check notes that their print
	// sheets carry no QR code, and nothing else.
	var other diag.List
	for _, d := range diags {
		if d.Code != "sheet-qr" {
			other = append(other, d)
		}
	}
	diags = other
	if len(diags) > 0 {
		var b bytes.Buffer
		diags.Print(&b, "vi")
		t.Fatalf("check:\n%s", b.String())
	}
	_, diags = build.Build(site, build.BuildOptions{Drafts: true})
	if diags.HasErrors() {
		var b bytes.Buffer
		diags.Print(&b, "vi")
		t.Fatalf("build:\n%s", b.String())
	}
}

// noRawHTML fails when the Markdown holds HTML that a site with raw HTML
// turned on would put on its page.
func noRawHTML(t *testing.T, md []byte) {
	t.Helper()
	p := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	doc := p.Parse(text.NewReader(md))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindHTMLBlock || n.Kind() == ast.KindRawHTML) {
			t.Errorf("raw HTML in the article: %q", n.Text(md))
		}
		return ast.WalkContinue, nil
	})
}

// newsDocx is a Word document as a khuyến công centre writes one: a title,
// a bold lead, headings, Word-numbered lists, a table, two photos with
// their captions, a paragraph typed in TCVN3 and a footnote.
func newsDocx() docxtest.Doc {
	return docxtest.Doc{
		Title:    "Tài liệu1",
		Creator:  "Admin",
		Created:  time.Date(2025, 3, 10, 1, 0, 0, 0, time.UTC),
		Modified: time.Date(2025, 3, 13, 18, 30, 0, 0, time.UTC), // 14/3 in Vietnam
		Blocks: []any{
			docxtest.Para{Style: "Title", Runs: []docxtest.Run{{Text: "Hội chợ hàng công nghiệp nông thôn tiêu biểu An Giang 2025"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Sáng 12/3, Trung tâm Khuyến công tỉnh khai mạc hội chợ với 120 gian hàng của các cơ sở công nghiệp nông thôn “tiêu biểu” trong tỉnh.", Bold: true}}},
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Image: docxtest.JPEG(640, 480, 10), Alt: "Picture 1"}}},
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Text: "Đại biểu tham quan gian hàng gạo tại hội chợ (Ảnh: Minh Anh)", Italic: true}}},
			docxtest.Para{Style: "Heading1", Runs: []docxtest.Run{{Text: "Kết quả sau ba ngày"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Hội chợ thu hút hơn "}, {Text: "5.000 lượt khách", Bold: true}, {Text: ", doanh thu ước đạt "}, {Text: "1,2 tỷ đồng", Italic: true}, {Footnote: "Số liệu của Ban tổ chức đến 17 giờ ngày 14/3."}, {Text: ". Xem thêm tại "}, {Text: "trang của Sở", Link: "https://sct.angiang.gov.vn/"}, {Text: "."}}},
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Nhóm thực phẩm: 60 gian hàng"}}},
			docxtest.Para{Num: 1, Level: 1, Runs: []docxtest.Run{{Text: "trong đó gạo và nông sản chế biến: 25 gian"}}},
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Nhóm thủ công mỹ nghệ: 40 gian hàng"}}},
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Nhóm máy móc, thiết bị: 20 gian hàng"}}},
			docxtest.Para{Style: "Heading2", Runs: []docxtest.Run{{Text: "Kinh phí khuyến công"}}},
			docxtest.Table{
				{"Nội dung", "Kinh phí (triệu đồng)"},
				{"Thuê mặt bằng, dựng gian hàng", "450"},
				{"Tuyên truyền | quảng bá", "80"},
				{"Cộng", "530"},
			},
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Image: docxtest.PNG(320, 240, 200), Ext: "png"}}},
			docxtest.Para{Style: "Caption", Runs: []docxtest.Run{{Text: "Sản phẩm tinh dầu chúc được nhiều khách quan tâm"}}},
			docxtest.P("Nguồn: Trung tâm Khuyến công"),
			docxtest.Para{Num: 2, Runs: []docxtest.Run{{Text: "Gạo sạch, tinh dầu, khô cá"}}},
			docxtest.Para{Num: 2, Runs: []docxtest.Run{{Text: "Đồ gỗ, mây tre đan"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Theo Gi¸m ®èc Trung t©m KhuyÕn c«ng, héi chî lµ dÞp ®Ó c¸c c¬ së giíi thiÖu s¶n phÈm tíi ng\u00adêi tiªu dïng.", Font: ".VnTime"}}},
			docxtest.Para{Style: "Quote", Runs: []docxtest.Run{{Text: "“Chúng tôi bán hết hàng ngay ngày đầu”, chủ cơ sở Yến Hương cho biết."}}},
			docxtest.P("Gõ nhầm thẻ <script>alert(1)</script>, <b>đậm</b> & [liên kết](javascript:alert(1)) vẫn là chữ; cách cứng giữ nguyên."),
			docxtest.Para{Align: "right", Runs: []docxtest.Run{{Text: "Minh Anh", Bold: true}}},
		},
	}
}

func TestImportDocx(t *testing.T) {
	site := newSite(t)
	src := filepath.Join(t.TempDir(), "Hoi cho 2025.docx")
	if err := os.WriteFile(src, func() []byte { d := newsDocx(); return d.Bytes() }(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := importnews.Import(site, src, importnews.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rel != "content/news/hoi-cho-hang-cong-nghiep-nong-thon-tieu-bieu-an-giang-2025/index.md" {
		t.Errorf("Rel = %s", res.Rel)
	}
	md, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	golden.CheckString(t, "golden/docx/index.md", string(md))
	golden.CheckString(t, "golden/docx/report-vi.txt", report(res, site, "vi"))
	golden.CheckString(t, "golden/docx/report-en.txt", report(res, site, "en"))
	noRawHTML(t, md)
	dir := filepath.Dir(res.Path)
	for _, f := range []string{"anh-1.jpg", "anh-2.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	checkSite(t, site)

	// The same article again is refused, and the first is left as it was.
	_, err = importnews.Import(site, src, importnews.Options{})
	var ie *importnews.Error
	if !errors.As(err, &ie) || !strings.HasPrefix(ie.Msg.Vi, "đã có bài content/news/hoi-cho-hang-cong-nghiep-nong-thon-tieu-bieu-an-giang-2025 nên không ghi đè") {
		t.Errorf("second import: %v", err)
	}
	again, _ := os.ReadFile(res.Path)
	if !bytes.Equal(again, md) {
		t.Error("the second import changed the first article")
	}
}

// newsPage is a page shaped like a Vietnamese news site's article: header
// and menu, banner, breadcrumb, title, time, sapo, article body with
// figures, related links, comments, sidebar, footer, and hostile parts.
const newsPage = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Khuyến công An Giang hỗ trợ máy tách màu gạo - Báo Công Thương An Giang</title>
<meta property="og:title" content="Khuyến công An Giang hỗ trợ máy tách màu gạo">
<meta property="og:site_name" content="Báo Công Thương An Giang">
<meta property="article:published_time" content="2021-08-17T06:34:00+07:00">
<meta name="description" content="Mô tả ngắn của trang, không dùng khi có sapo.">
<link rel="canonical" href="https://congthuong.example.vn/khuyen-cong/ho-tro-may-tach-mau-gao-123.html">
<link rel="stylesheet" href="/css/site.css">
<style>.detail-sapo{font-weight:bold}</style>
<script>window.dataLayer=[];function track(){}</script>
</head>
<body onload="track()">
<header class="site-header"><a class="logo" href="/"><img src="/img/logo.png" alt="Báo Công Thương"></a>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/khuyen-cong">Khuyến công</a></li><li><a href="/thi-truong">Thị trường</a></li></ul></nav></header>
<div class="banner-top quang-cao"><a href="https://ads.example.com/click"><img src="/qc/banner.jpg" alt="Quảng cáo"></a></div>
<div class="container"><div class="col-main">
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/khuyen-cong">Khuyến công</a></div>
<article class="detail">
<h1 class="detail-title">Khuyến công An Giang hỗ trợ máy tách màu gạo</h1>
<div class="detail-time">Thứ Ba, 17/08/2021, 06:34</div>
<h2 class="detail-sapo">(CTAG) - Năm 2020, Trung tâm Khuyến công tỉnh An Giang hỗ trợ 4 cơ sở chế biến gạo đầu tư máy tách màu hiện đại với kinh phí 1,2 tỷ đồng.</h2>
<div class="detail-content" id="main-detail">
<figure class="image"><img src="/media/may-tach-mau.jpg" alt="Máy tách màu gạo"><figcaption>Máy tách màu gạo tại cơ sở Tân Phú. Ảnh: Vũ Châu</figcaption></figure>
<p>Theo Sở Công Thương An Giang, đề án nhóm hỗ trợ ứng dụng máy móc, thiết bị tiên tiến trong chế biến gạo được triển khai từ đầu năm 2020. Bốn cơ sở được hỗ trợ đều hoạt động ổn định, sản phẩm bảo đảm chất lượng, thị trường tiêu thụ mở rộng ra các tỉnh ngoài.</p>
<h2>Tạo động lực mới</h2>
<p>Năm qua, có <strong>11 sản phẩm</strong> công nghiệp nông thôn của An Giang đạt chứng nhận sản phẩm tiêu biểu cấp tỉnh. Xem <a href="/khuyen-cong/de-an-nhom-2020.html" onclick="track()">đề án nhóm năm 2020</a> và <a href="javascript:alert(document.cookie)">bản đồ các cơ sở</a>.</p>
<p onmouseover="steal()">Các cơ sở được hỗ trợ gồm:</p>
<ul><li>Cơ sở xay xát Tân Phú</li><li>Doanh nghiệp tư nhân Mỹ Thới</li></ul>
<table><thead><tr><th>Cơ sở</th><th>Kinh phí hỗ trợ</th></tr></thead><tbody><tr><td>Tân Phú</td><td>300 triệu đồng</td></tr><tr><td>Mỹ Thới</td><td><p>300 triệu đồng</p><p>(đã giải ngân)</p></td></tr></tbody></table>
<p style="text-align:center"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/media/gian-hang.png" alt=""></p>
<p style="text-align:center"><em>Gian hàng gạo An Giang tại hội chợ</em></p>
<p style="text-align:center"><img src="/media/khong-phai-anh.jpg" alt="Ảnh lỗi"></p>
<blockquote><p>“Máy mới giúp chúng tôi giảm một nửa hạt lỗi”, chủ cơ sở Tân Phú cho biết.</p></blockquote>
<script>document.write('<p>Đoạn chèn bằng mã</p>')</script>
<iframe src="https://www.youtube.com/embed/abc" width="560" height="315"></iframe>
<p>Trung t©m KhuyÕn c«ng tØnh An Giang ®· hç trî c¸c c¬ së tõ n¨m 2020.</p>
<p><font face=".VnTime">Së C«ng Th­¬ng phèi hîp tæ chøc</font> <span style="font-family: 'VNI-Times', serif">ñaøo taïo ngheà cho lao ñoäng noâng thoân.</span></p>
<p><img src="/media/bieu-tuong.png" alt="in"> Bản in</p>
<p>Văn bản nói về thẻ &lt;script&gt;alert(1)&lt;/script&gt; được giữ như chữ.</p>
<p style="text-align:right"><strong>Vũ Châu</strong></p>
</div>
<div class="tags">Từ khóa: <a href="/tag/khuyen-cong">khuyến công</a></div>
<div class="share-buttons"><a href="https://facebook.com/sharer">Chia sẻ</a></div>
</article>
<div class="box-tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/tin-a.html">Hội chợ hàng Việt tại Long Xuyên</a></li><li><a href="/tin-b.html">Sản phẩm OCOP An Giang</a></li></ul></div>
<div class="comment-box" id="comments"><h3>Bình luận</h3><div class="comment-item">Bài viết rất hay, cảm ơn tác giả!</div>
<form action="/comment" method="post"><textarea name="c"></textarea><button onclick="send()">Gửi bình luận</button></form></div>
</div>
<aside class="sidebar"><div class="most-read"><h3>Đọc nhiều</h3><a href="/x.html">Giá lúa hôm nay</a></div></aside>
</div>
<footer class="site-footer">© Báo Công Thương An Giang. Giấy phép số 123/GP-BTTTT.</footer>
<script src="/js/app.js"></script>
</body></html>`

// newsServer serves newsPage and its photos, one of which is not an image.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	jpg := docxtest.JPEG(800, 533, 30)
	png := docxtest.PNG(400, 300, 60)
	mux := http.NewServeMux()
	mux.HandleFunc("/khuyen-cong/bai-viet.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(newsPage))
	})
	mux.HandleFunc("/media/may-tach-mau.jpg", func(w http.ResponseWriter, r *http.Request) { w.Write(jpg) })
	icon := docxtest.PNG(16, 16, 1)
	mux.HandleFunc("/media/bieu-tuong.png", func(w http.ResponseWriter, r *http.Request) { w.Write(icon) })
	mux.HandleFunc("/media/gian-hang.png", func(w http.ResponseWriter, r *http.Request) { w.Write(png) })
	mux.HandleFunc("/media/khong-phai-anh.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("<html><script>alert(1)</script></html>"))
	})
	mux.HandleFunc("/trang-lon.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>"))
		chunk := bytes.Repeat([]byte("<p>chữ</p>"), 1000)
		for i := 0; i < 700; i++ {
			w.Write(chunk)
		}
	})
	mux.HandleFunc("/tai-lieu.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestImportWebPage(t *testing.T) {
	srv := newsServer(t)
	site := newSite(t)
	res, err := importnews.Import(site, srv.URL+"/khuyen-cong/bai-viet.html", importnews.Options{Client: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(md), srv.URL, "http://SERVER")
	golden.CheckString(t, "golden/web/index.md", got)
	golden.CheckString(t, "golden/web/report-vi.txt", strings.ReplaceAll(report(res, site, "vi"), srv.URL, "http://SERVER"))
	noRawHTML(t, md)
	for _, bad := range []string{"alert(document", "steal", "track()", "onclick", "Đoạn chèn bằng mã", "youtube", "Tin liên quan", "Bình luận", "Bài viết rất hay",
		"Đọc nhiều", "Trang chủ", "Thời sự", "Quảng cáo", "Chia sẻ", "Giấy phép", "Từ khóa: khuyến công", "javascript"} {
		if strings.Contains(string(md), bad) {
			t.Errorf("the article holds %q", bad)
		}
	}
	checkSite(t, site)
}

// A page saved from a browser ("Webpage, Complete"): the page with its
// photos in the folder beside it.
func TestImportSavedPage(t *testing.T) {
	dir := t.TempDir()
	page := strings.Replace(newsPage, `src="/media/may-tach-mau.jpg"`, `src="bai_files/may-tach-mau.jpg"`, 1)
	page = strings.Replace(page, `data-src="/media/gian-hang.png"`, `data-src="../ngoai-thu-muc.png"`, 1)
	page = "<!-- saved from url=(0066)https://congthuong.example.vn/khuyen-cong/bai-viet-goc.html -->\n" + page
	os.MkdirAll(filepath.Join(dir, "bai_files"), 0o755)
	os.WriteFile(filepath.Join(dir, "bai_files", "may-tach-mau.jpg"), docxtest.JPEG(300, 200, 5), 0o644)
	os.WriteFile(filepath.Join(dir, "ngoai-thu-muc.png"), docxtest.PNG(30, 20, 5), 0o644)
	src := filepath.Join(dir, "bai.html")
	os.WriteFile(src, []byte(page), 0o644)
	site := newSite(t)
	res, err := importnews.Import(site, src, importnews.Options{Date: time.Date(2021, 8, 18, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(res.Path)
	for _, want := range []string{
		"date: 2021-08-18\n",
		"url: https://congthuong.example.vn/khuyen-cong/ho-tro-may-tach-mau-gao-123.html\n",
		"file: anh-1.jpg\n",
		"[đề án nhóm năm 2020](https://congthuong.example.vn/khuyen-cong/de-an-nhom-2020.html)",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the article lacks %q:\n%s", want, md)
		}
	}
	r := report(res, site, "vi")
	if !strings.Contains(r, "nằm ngoài thư mục của trang đã lưu") {
		t.Errorf("the photo outside the saved page's folder is not reported:\n%s", r)
	}
	checkSite(t, site)
}

func TestImportRefuses(t *testing.T) {
	srv := newsServer(t)
	site := newSite(t)
	tmp := t.TempDir()
	bomb := filepath.Join(tmp, "bom.docx")
	// 120 MB of zeros packed into a few hundred kilobytes, shown as a photo.
	d := docxtest.Doc{Blocks: []any{docxtest.Para{Runs: []docxtest.Run{{Image: make([]byte, 120<<20), Ext: "png"}}}}}
	os.WriteFile(bomb, d.Bytes(), 0o644)
	old := filepath.Join(tmp, "cu.doc")
	os.WriteFile(old, []byte{0xD0, 0xCF, 0x11, 0xE0}, 0o644)
	tests := []struct {
		source string
		want   string
	}{
		{srv.URL + "/trang-lon.html", "trang " + srv.URL + "/trang-lon.html quá lớn (hơn 5 MB) nên không nhập"},
		{srv.URL + "/tai-lieu.pdf", "địa chỉ " + srv.URL + "/tai-lieu.pdf không phải một trang web mà là tệp application/pdf"},
		{srv.URL + "/khong-co.html", "không tải được " + srv.URL + "/khong-co.html: HTTP 404 Not Found"},
		{bomb, "tệp " + bomb + " bị từ chối: phần word/media/image1.png giải nén ra 120 MB (tối đa 100 MB), giống một tệp nén độc hại (“bom zip”)"},
		{old, "tệp " + old + " là tài liệu Word cũ (.doc)"},
		{filepath.Join(tmp, "bai.pdf"), "không nhập được " + filepath.Join(tmp, "bai.pdf") + ": hãy ghi một tệp .docx"},
		{filepath.Join(tmp, "khong-co.docx"), "không đọc được tệp " + filepath.Join(tmp, "khong-co.docx")},
	}
	for _, tc := range tests {
		_, err := importnews.Import(site, tc.source, importnews.Options{Client: srv.Client()})
		var te interface{ Text(string) string }
		if !errors.As(err, &te) || !strings.HasPrefix(te.Text("vi"), tc.want) {
			t.Errorf("Import(%s) = %v\nwant %q…", tc.source, err, tc.want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(site, "content", "news"))
	if len(entries) != 1 { // the example article of a new site
		t.Errorf("a refused import left files: %v", entries)
	}
	if _, err := importnews.Import(t.TempDir(), srv.URL+"/khuyen-cong/bai-viet.html", importnews.Options{Client: srv.Client()}); err == nil ||
		!strings.Contains(err.Error(), "không phải một trang khuyến công") {
		t.Errorf("import into a folder that is not a site: %v", err)
	}
}
