package importnews

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/khuyencong/khuyencong/internal/docx/docxtest"
)

// The conventions of Vietnamese news, one document each: where the title,
// lead, author and photo credits are found.
func TestConventions(t *testing.T) {
	photo := docxtest.JPEG(200, 150, 1)
	bold := func(s string) docxtest.Para { return docxtest.Para{Runs: []docxtest.Run{{Text: s, Bold: true}}} }
	img := docxtest.Para{Align: "center", Runs: []docxtest.Run{{Image: photo}}}
	tests := []struct {
		name                    string
		doc                     docxtest.Doc
		title, summary, author  string
		caption, credit, source string
	}{
		{"title style after a letterhead", docxtest.Doc{Blocks: []any{
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Text: "SỞ CÔNG THƯƠNG", Bold: true}}},
			docxtest.Para{Style: "Title", Runs: []docxtest.Run{{Text: "Tập huấn sản xuất sạch hơn"}}},
			docxtest.P("Nội dung."),
		}}, "Tập huấn sản xuất sạch hơn", "", "", "", "", ""},
		{"first heading, bold lead, photo with its caption in one paragraph", docxtest.Doc{Blocks: []any{
			docxtest.Para{Style: "Heading1", Runs: []docxtest.Run{{Text: "Hội thi thợ giỏi"}}},
			bold("Hội thi thợ giỏi ngành dệt may năm 2025 thu hút 80 thí sinh."),
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Image: photo, Break: true}, {Text: "Thí sinh dự thi - Ảnh: Lê Hoa", Italic: true}}},
			docxtest.P("Nội dung."),
			docxtest.P("Trần Bình (Trung tâm Khuyến công)"),
		}}, "Hội thi thợ giỏi", "Hội thi thợ giỏi ngành dệt may năm 2025 thu hút 80 thí sinh.", "Trần Bình (Trung tâm Khuyến công)", "Thí sinh dự thi", "Lê Hoa", ""},
		{"bold centred first line, credit alone under the caption, source line", docxtest.Doc{Blocks: []any{
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Text: "Khai mạc phiên chợ hàng Việt", Bold: true}}},
			docxtest.P("Không có lời dẫn in đậm."),
			img,
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Text: "Khách tham quan gian hàng"}}},
			docxtest.P("Ảnh: Hữu Phước"),
			docxtest.P("Theo Báo Công Thương"),
		}}, "Khai mạc phiên chợ hàng Việt", "", "", "Khách tham quan gian hàng", "Hữu Phước", "Báo Công Thương"},
		{"title from the properties, caption without credit, no signature", docxtest.Doc{Title: "Hỗ trợ máy ép dầu lạc", Blocks: []any{
			docxtest.P("Năm nay, ba cơ sở được hỗ trợ máy ép dầu."),
			img,
			docxtest.Para{Style: "Caption", Runs: []docxtest.Run{{Text: "Máy ép dầu lạc (Nguồn: TTKC)"}}},
			docxtest.P("Các cơ sở cam kết duy trì sản xuất."),
		}}, "Hỗ trợ máy ép dầu lạc", "", "", "Máy ép dầu lạc", "TTKC", ""},
		{"Word's placeholder title: the file name", docxtest.Doc{Title: "Document1", Blocks: []any{
			docxtest.P("một đoạn văn thường không có tiêu đề."),
		}}, "tin-bai", "", "", "", "", ""},
	}
	for _, tc := range tests {
		src := filepath.Join(t.TempDir(), "tin-bai.docx")
		if err := os.WriteFile(src, tc.doc.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := fromDocx(src)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		caption, credit := "", ""
		if len(a.photos) > 0 {
			caption, credit = a.photos[0].caption, a.photos[0].credit
		}
		if a.title != tc.title || a.summary != tc.summary || a.author != tc.author || caption != tc.caption || credit != tc.credit || a.sourceName != tc.source {
			t.Errorf("%s:\n got title=%q summary=%q author=%q caption=%q credit=%q source=%q\nwant title=%q summary=%q author=%q caption=%q credit=%q source=%q",
				tc.name, a.title, a.summary, a.author, caption, credit, a.sourceName, tc.title, tc.summary, tc.author, tc.caption, tc.credit, tc.source)
		}
	}
}

func TestSplitCredit(t *testing.T) {
	tests := []struct{ in, caption, credit string }{
		{"Máy tách màu gạo. Ảnh: Vũ Châu", "Máy tách màu gạo.", "Vũ Châu"},
		{"Máy tách màu gạo (Ảnh: Vũ Châu)", "Máy tách màu gạo", "Vũ Châu"},
		{"Máy tách màu gạo - Ảnh: Vũ Châu", "Máy tách màu gạo", "Vũ Châu"},
		{"Máy tách màu gạo. (ẢNH: TTXVN)", "Máy tách màu gạo.", "TTXVN"},
		{"Ảnh minh họa", "Ảnh minh họa", ""},
		{"Hình ảnh hội chợ năm nay", "Hình ảnh hội chợ năm nay", ""},
	}
	for _, tc := range tests {
		c, cr := splitCredit(tc.in)
		if c != tc.caption || cr != tc.credit {
			t.Errorf("splitCredit(%q) = %q, %q; want %q, %q", tc.in, c, cr, tc.caption, tc.credit)
		}
	}
}
