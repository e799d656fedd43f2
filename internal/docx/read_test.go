package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/khuyencong/khuyencong/internal/docx/docxtest"
	"github.com/khuyencong/khuyencong/internal/legacy"
)

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestRead(t *testing.T) {
	photo := docxtest.JPEG(40, 30, 1)
	d := docxtest.Doc{
		Title:    "Tiêu đề trong thuộc tính",
		Creator:  "Admin",
		Modified: time.Date(2025, 3, 14, 2, 30, 0, 0, time.UTC),
		Blocks: []any{
			docxtest.Para{Style: "Title", Runs: []docxtest.Run{{Text: "Hội chợ hàng công nghiệp nông thôn"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Lời dẫn in đậm.", Bold: true}}},
			docxtest.Para{Style: "Heading1", Runs: []docxtest.Run{{Text: "Kết quả"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Có "}, {Text: "đậm", Bold: true}, {Text: " "}, {Text: "nghiêng", Italic: true}, {Text: ", diện tích 20 m"}, {Text: "2", Superscript: true}, {Text: " và "}, {Text: "liên kết", Link: "https://sct.angiang.gov.vn/"}, {Text: "."}}},
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Một"}}},
			docxtest.Para{Num: 1, Level: 1, Runs: []docxtest.Run{{Text: "Một một"}}},
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Hai"}}},
			docxtest.Para{Num: 2, Runs: []docxtest.Run{{Text: "Gạch đầu dòng"}}},
			docxtest.P("Đoạn xen giữa."),
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Ba (tiếp số của danh sách trên)"}}},
			docxtest.Para{Num: 3, Runs: []docxtest.Run{{Text: "ý thứ nhất"}}},
			docxtest.Para{Num: 3, Runs: []docxtest.Run{{Text: "ý thứ hai"}}},
			docxtest.Para{Num: 4, Style: "Heading2", Runs: []docxtest.Run{{Text: "Mục La Mã"}}},
			docxtest.Para{Num: 4, Level: 1, Runs: []docxtest.Run{{Text: "Tiểu mục"}}},
			docxtest.Table{{"Tên", "Kinh phí"}, {"Máy sấy", "1,2 tỷ\nđồng"}, {"Cộng", "<"}},
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Image: photo, Alt: "Máy sấy"}}},
			docxtest.Para{Style: "Caption", Runs: []docxtest.Run{{Text: "Máy sấy lúa (Ảnh: Minh Anh)"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Trung t©m KhuyÕn c«ng tØnh", Font: ".VnTime"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Trung taâm Khuyeán coâng", Font: "VNI-Times"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "héi chî", Font: ".VnTimeH"}}},
			docxtest.Para{Runs: []docxtest.Run{{Text: "Hà Nam", Font: ".VnTime"}}},
			docxtest.Para{Style: "Quote", Runs: []docxtest.Run{{Text: "Trích dẫn"}}},
			docxtest.Para{Align: "right", Runs: []docxtest.Run{{Text: "Minh Anh", Bold: true}}},
		},
	}
	doc, err := Read("bai.docx", d.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := `<h1 class="title" align="center">Hội chợ hàng công nghiệp nông thôn</h1>
<p><strong>Lời dẫn in đậm.</strong></p>
<h1>Kết quả</h1>
<p>Có <strong>đậm</strong> <em>nghiêng</em>, diện tích 20 m² và <a href="https://sct.angiang.gov.vn/">liên kết</a>.</p>
<ol><li>Một<ol><li>Một một</li></ol></li><li>Hai</li></ol>
<ul><li>Gạch đầu dòng</li></ul>
<p>Đoạn xen giữa.</p>
<ol start="3"><li>Ba (tiếp số của danh sách trên)</li></ol>
<p>a) ý thứ nhất</p>
<p>b) ý thứ hai</p>
<h2>I. Mục La Mã</h2>
<p>I.1. Tiểu mục</p>
<table><tr><td><p>Tên</p></td><td><p>Kinh phí</p></td></tr><tr><td><p>Máy sấy</p></td><td><p>1,2 tỷ</p><p>đồng</p></td></tr><tr><td colspan="2"><p>Cộng</p></td></tr></table>
<p align="center"><img src="word/media/image1.jpeg" alt="Máy sấy"/></p>
<p class="caption" align="center"><em>Máy sấy lúa (Ảnh: Minh Anh)</em></p>
<p>Trung tâm Khuyến công tỉnh</p>
<p>Trung tâm Khuyến công</p>
<p>HỘI CHỢ</p>
<p>Hà Nam</p>
<blockquote><p><em>Trích dẫn</em></p></blockquote>
<p align="right"><strong>Minh Anh</strong></p>
`
	if got := render(t, doc.Body); got != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
	if doc.Title != "Tiêu đề trong thuộc tính" || doc.Creator != "Admin" || !doc.Modified.Equal(d.Modified) {
		t.Errorf("core = %q %q %v", doc.Title, doc.Creator, doc.Modified)
	}
	if !bytes.Equal(doc.Media["word/media/image1.jpeg"], photo) {
		t.Error("the photo is not in Media")
	}
	if len(doc.Converted) != 2 || doc.Converted[0].Enc != legacy.TCVN3 || doc.Converted[0].Paragraphs != 2 ||
		doc.Converted[1].Enc != legacy.VNI || doc.Converted[1].Paragraphs != 1 {
		t.Errorf("Converted = %+v", doc.Converted)
	}
}

// A document whose default font is .VnTime (made from an old template):
// the legacy text is converted by its characters' font, Unicode text typed
// later is left alone.
func TestReadDefaultLegacyFont(t *testing.T) {
	d := docxtest.Doc{DefaultFont: ".VnTime", Blocks: []any{
		docxtest.P("Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
		docxtest.P("Hoà Bình, Hà Nam, Việt Nam"),
	}}
	doc, err := Read("mau-cu.docx", d.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := "<p>Cộng hoà xã hội chủ nghĩa Việt Nam</p>\n<p>Hoà Bình, Hà Nam, Việt Nam</p>\n"
	if got := render(t, doc.Body); got != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
}

// Footnotes and endnotes: each mark becomes "[n]" in the text and its
// note the n-th item of Notes, in the order of the marks; a mark whose
// note is missing is counted as dropped.
func TestReadNotes(t *testing.T) {
	d := docxtest.Doc{Blocks: []any{
		docxtest.Para{Runs: []docxtest.Run{{Text: "Năm 2020 hỗ trợ 19 cơ sở"}, {Footnote: "Theo báo cáo số 12/BC-SCT.\nSố liệu sơ bộ."}, {Text: "."}}},
		docxtest.Para{Runs: []docxtest.Run{{Text: "Kinh phí gần 4,5 tỷ đồng"}, {Endnote: "Gồm cả kinh phí khuyến công quốc gia."}}},
	}, Extra: map[string][]byte{}}
	doc, err := Read("chu-thich.docx", d.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := "<p>Năm 2020 hỗ trợ 19 cơ sở[1].</p>\n<p>Kinh phí gần 4,5 tỷ đồng[2]</p>\n"
	if got := render(t, doc.Body); got != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
	var notes []string
	for _, n := range doc.Notes {
		var b strings.Builder
		html.Render(&b, n)
		notes = append(notes, b.String())
	}
	wantNotes := "<li>Theo báo cáo số 12/BC-SCT.<br/>Số liệu sơ bộ.</li>|<li>Gồm cả kinh phí khuyến công quốc gia.</li>"
	if got := strings.Join(notes, "|"); got != wantNotes {
		t.Errorf("notes:\n%s\nwant:\n%s", got, wantNotes)
	}
	if doc.Dropped[DropFootnote] != 0 {
		t.Errorf("dropped %d notes", doc.Dropped[DropFootnote])
	}

	// The same marks without their notes part.
	d.Extra["word/footnotes.xml"] = []byte(`<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)
	doc, err = Read("chu-thich.docx", d.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, doc.Body); got != "<p>Năm 2020 hỗ trợ 19 cơ sở.</p>\n<p>Kinh phí gần 4,5 tỷ đồng[1]</p>\n" || doc.Dropped[DropFootnote] != 1 || len(doc.Notes) != 1 {
		t.Errorf("without the footnote: %s, dropped %d, %d notes", got, doc.Dropped[DropFootnote], len(doc.Notes))
	}
}

// A note that marks itself ends, at maxNotes notes.
func TestReadNoteMarkingItself(t *testing.T) {
	d := docxtest.Doc{Blocks: []any{docxtest.Para{Runs: []docxtest.Run{{Text: "a"}, {Footnote: "x"}}}}, Extra: map[string][]byte{
		"word/footnotes.xml": []byte(`<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>b</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:footnote></w:footnotes>`)}}
	doc, err := Read("vong.docx", d.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != maxNotes {
		t.Errorf("%d notes", len(doc.Notes))
	}
}

// Text pasted from a legacy document into a Unicode font is known by its
// characters.
func TestReadDetectsLegacyText(t *testing.T) {
	d := docxtest.Doc{Blocks: []any{docxtest.P("Së C«ng Th\u00ad¬ng tØnh An Giang")}}
	doc, err := Read("dan.docx", d.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := render(t, doc.Body), "<p>Sở Công Thương tỉnh An Giang</p>\n"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if len(doc.Converted) != 1 || doc.Converted[0].ByFont || doc.Converted[0].Enc != legacy.TCVN3 {
		t.Errorf("Converted = %+v", doc.Converted)
	}
}

func zipOf(t *testing.T, files map[string][]byte, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

func TestReadRefuses(t *testing.T) {
	minimal := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`
	bombXML := append([]byte(minimal[:len(minimal)-len("</w:body></w:document>")]), bytes.Repeat([]byte(" "), 30<<20)...)
	bombXML = append(bombXML, "</w:body></w:document>"...)
	many := map[string][]byte{"word/document.xml": []byte(minimal)}
	for i := 0; i < DefaultLimits.Entries; i++ {
		many["word/media/x"+strconv.Itoa(i)] = nil
	}
	tests := []struct {
		name string
		data []byte
		code string
		msg  string
	}{
		{"bom.docx", zipOf(t, map[string][]byte{"word/document.xml": bombXML}, zip.Deflate), CodeBomb,
			"tệp bom.docx bị từ chối: phần word/document.xml nén "},
		{"nhieu.docx", zipOf(t, many, zip.Store), CodeBomb,
			"tệp nhieu.docx bị từ chối: 5001 tệp bên trong (tối đa 5000)"},
		{"cu.docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), CodeNotDocx,
			"tệp cu.docx là tài liệu Word cũ (.doc) chứ không phải .docx; hãy mở tệp bằng Word, chọn Lưu thành (Save As)"},
		{"chu.docx", []byte("không phải zip"), CodeNotDocx, "tệp chu.docx không phải tài liệu Word .docx"},
		{"rong.docx", zipOf(t, map[string][]byte{"a.txt": []byte("x")}, zip.Deflate), CodeNotDocx,
			"tệp rong.docx không có phần nội dung word/document.xml"},
		{"hong.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p>")}, zip.Deflate), CodeDamaged,
			"tệp hong.docx bị hỏng, không đọc được phần word/document.xml"},
	}
	for _, tc := range tests {
		_, err := Read(tc.name, tc.data, DefaultLimits)
		var e *Error
		if !errors.As(err, &e) || e.Code != tc.code || !strings.HasPrefix(e.Msg.Vi, tc.msg) {
			t.Errorf("%s: err = %v, want %s %q…", tc.name, err, tc.code, tc.msg)
		}
	}
}

// A part whose size in the zip's directory is a lie is refused by what it
// unpacks to.
func TestReadPartLimit(t *testing.T) {
	lim := DefaultLimits
	lim.Part = 1 << 20
	big := bytes.Repeat([]byte("<w:p/>"), 400_000)
	data := zipOf(t, map[string][]byte{"word/document.xml": big}, zip.Deflate)
	_, err := Read("lon.docx", data, lim)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeBomb || !strings.Contains(e.Msg.Vi, "giải nén ra 2 MB (tối đa 1 MB)") {
		t.Errorf("err = %v", err)
	}
}

// FuzzRead feeds the reader mutated documents: it may refuse them, but
// never panics, and what it returns renders.
func FuzzRead(f *testing.F) {
	d := docxtest.Doc{Blocks: []any{
		docxtest.Para{Style: "Heading1", Runs: []docxtest.Run{{Text: "Tiêu đề"}}},
		docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Một", Bold: true}}},
		docxtest.Table{{"a", "<"}, {"^", "b"}},
		docxtest.Para{Runs: []docxtest.Run{{Image: docxtest.PNG(4, 4, 1), Ext: "png"}, {Text: "t©m", Font: ".VnTime"}}},
	}}
	f.Add(d.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add(zipOf(&testing.T{}, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="-1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`)}, zip.Deflate))
	lim := DefaultLimits
	lim.Part, lim.Total = 4<<20, 8<<20
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("fuzz.docx", data, lim)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg.Vi == "" || e.Msg.En == "" {
				t.Fatalf("error %v is not an *Error with both messages", err)
			}
			return
		}
		var b bytes.Buffer
		if err := html.Render(&b, doc.Body); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDocumentXML fuzzes the parts inside a well-formed zip, where the
// reading of paragraphs, runs, lists, tables and fields happens.
func FuzzDocumentXML(f *testing.F) {
	seed := docxtest.Doc{Blocks: []any{
		docxtest.Para{Style: "Heading2", Num: 4, Runs: []docxtest.Run{{Text: "Mục"}}},
		docxtest.Para{Num: 1, Level: 1, Runs: []docxtest.Run{{Text: "Một", Bold: true, Link: "https://a.vn/"}}},
		docxtest.Para{Num: 3, Runs: []docxtest.Run{{Text: "ý", Italic: true, Break: true}, {Text: "Tr\u00ad", Font: "VNI-Times"}}},
		docxtest.Table{{"a", "<"}, {"^", "b"}},
		docxtest.Para{Runs: []docxtest.Run{{Image: docxtest.PNG(2, 2, 1), Ext: "png", Alt: "ảnh"}, {Text: "t©m", Font: ".VnTimeH"}}},
	}}
	zr, err := zip.NewReader(bytes.NewReader(seed.Bytes()), int64(len(seed.Bytes())))
	if err != nil {
		f.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		parts[zf.Name] = b.Bytes()
	}
	f.Add(string(parts["word/document.xml"]), string(parts["word/numbering.xml"]), string(parts["word/styles.xml"]))
	f.Add(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "https://a.vn"</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>x</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>`, "", "")
	lim := DefaultLimits
	lim.Part, lim.Total = 4<<20, 8<<20
	f.Fuzz(func(t *testing.T, document, numbering, styles string) {
		files := map[string][]byte{}
		for k, v := range parts {
			files[k] = v
		}
		files["word/document.xml"] = []byte(document)
		files["word/numbering.xml"] = []byte(numbering)
		files["word/styles.xml"] = []byte(styles)
		doc, err := Read("fuzz.docx", zipOf(t, files, zip.Store), lim)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg.Vi == "" || e.Msg.En == "" {
				t.Fatalf("error %v is not an *Error with both messages", err)
			}
			return
		}
		var b bytes.Buffer
		if err := html.Render(&b, doc.Body); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzNotes fuzzes a document's text with its footnotes part: marks and
// notes in any shape, notes marking notes; the notes it returns render.
func FuzzNotes(f *testing.F) {
	seed := docxtest.Doc{Blocks: []any{
		docxtest.Para{Runs: []docxtest.Run{{Text: "a"}, {Footnote: "một\nhai"}, {Text: "b", Bold: true}, {Footnote: "ba"}}},
	}}
	parts := map[string][]byte{}
	zr, err := zip.NewReader(bytes.NewReader(seed.Bytes()), int64(len(seed.Bytes())))
	if err != nil {
		f.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		parts[zf.Name] = b.Bytes()
	}
	f.Add(string(parts["word/document.xml"]), string(parts["word/footnotes.xml"]))
	f.Add(string(parts["word/document.xml"]), `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:tbl><w:tr><w:tc><w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:tc></w:tr></w:tbl></w:footnote></w:footnotes>`)
	lim := DefaultLimits
	lim.Part, lim.Total = 4<<20, 8<<20
	f.Fuzz(func(t *testing.T, document, footnotes string) {
		files := map[string][]byte{}
		for k, v := range parts {
			files[k] = v
		}
		files["word/document.xml"] = []byte(document)
		files["word/footnotes.xml"] = []byte(footnotes)
		doc, err := Read("fuzz.docx", zipOf(t, files, zip.Store), lim)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg.Vi == "" || e.Msg.En == "" {
				t.Fatalf("error %v is not an *Error with both messages", err)
			}
			return
		}
		if len(doc.Notes) > maxNotes {
			t.Fatalf("%d notes", len(doc.Notes))
		}
		var b bytes.Buffer
		for _, n := range append([]*html.Node{doc.Body}, doc.Notes...) {
			if err := html.Render(&b, n); err != nil {
				t.Fatal(err)
			}
		}
	})
}
