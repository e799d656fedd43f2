package importnews

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/docx"
	"github.com/khuyencong/khuyencong/internal/legacy"
	"github.com/khuyencong/khuyencong/internal/photo"
)

// notes gathers what an import left out or changed, for its summary:
// nothing of the original is lost without a word.
type notes struct {
	dropped   []diag.Msg
	converted []diag.Msg
	// unsure lists converted words that are not Vietnamese syllables,
	// bad the legacy characters that had no meaning where they stood.
	unsure, bad []string
	photos      []diag.Msg
	icons       int
	// footnotes counts the notes of a document put at the end.
	footnotes int
}

func (n *notes) drop(m diag.Msg) { n.dropped = append(n.dropped, m) }

// dropCount notes k things of a kind left out, when k > 0.
func (n *notes) dropCount(k int, vi, en, enPlural string) {
	if k > 0 {
		n.drop(count(k, vi, en, enPlural))
	}
}

var docxDropped = []struct {
	kind, vi, en, enPlural string
}{
	{docx.DropFootnote, "dấu chú thích cuối trang (footnote) mà tệp không có nội dung chú thích", "footnote mark whose note the file does not hold", "footnote marks whose notes the file does not hold"},
	{docx.DropComment, "ghi chú xem lại (comment) của Word", "Word review comment", "Word review comments"},
	{docx.DropChart, "biểu đồ hoặc sơ đồ — chụp thành ảnh rồi thêm vào bài nếu cần", "chart or diagram — save it as a picture and add it if needed", "charts or diagrams — save them as pictures and add them if needed"},
	{docx.DropObject, "đối tượng nhúng (bảng Excel, hình vẽ…) — chụp thành ảnh nếu cần", "embedded object (Excel sheet, drawing…) — save it as a picture if needed", "embedded objects (Excel sheets, drawings…) — save them as pictures if needed"},
	{docx.DropEquation, "công thức toán", "equation", "equations"},
	{docx.DropSymbol, "ký hiệu chèn từ phông Symbol/Wingdings", "symbol inserted from a Symbol/Wingdings font", "symbols inserted from a Symbol/Wingdings font"},
	{docx.DropLinkedImage, "ảnh liên kết tới tệp bên ngoài tài liệu — chèn hẳn ảnh vào Word rồi nhập lại", "picture linked to a file outside the document — insert the picture itself and import again", "pictures linked to files outside the document — insert the pictures themselves and import again"},
	{docx.DropMissingImage, "ảnh thiếu trong tệp", "picture missing from the file", "pictures missing from the file"},
	{docx.DropDeleted, "đoạn đã xoá khi theo dõi thay đổi (track changes), không đưa vào bài", "passage deleted under track changes, left out", "passages deleted under track changes, left out"},
	{docx.DropHidden, "đoạn chữ ẩn (hidden)", "hidden text run", "hidden text runs"},
	{docx.DropNested, "bảng lồng quá sâu trong bảng khác", "table nested too deep in another", "tables nested too deep in others"},
	{docx.DropEmbedded, "tài liệu nhúng (altChunk)", "embedded document (altChunk)", "embedded documents (altChunk)"},
}

// docx notes what reading a Word document left out and converted.
func (n *notes) docx(d *docx.Document) {
	for _, k := range docxDropped {
		n.dropCount(d.Dropped[k.kind], k.vi, k.en, k.enPlural)
	}
	n.footnotes = len(d.Notes)
	for _, c := range d.Converted {
		n.conversion(c.Enc, c.ByFont, c.Paragraphs)
		n.unsure = appendNew(n.unsure, c.Unsure...)
		n.bad = appendNew(n.bad, c.Bad...)
	}
}

func (n *notes) conversion(enc legacy.Encoding, byFont bool, paragraphs int) {
	how := diag.M("nhận ra theo phông chữ", "known by their font")
	if !byFont {
		how = diag.M("nhận ra theo các ký tự", "known by their characters")
	}
	font := ".VnTime"
	if enc == legacy.VNI {
		font = "VNI-Times"
	}
	c := count(paragraphs, "đoạn", "paragraph", "paragraphs")
	n.converted = append(n.converted, diag.Msg{
		Vi: fmt.Sprintf("%s gõ bằng bảng mã %s (phông %s…), %s, đã chuyển sang Unicode", c.Vi, enc, font, how.Vi),
		En: fmt.Sprintf("%s typed in %s (%s… fonts), %s, converted to Unicode", c.En, enc, font, how.En),
	})
}

// appendNew appends the items list lacks, in order.
func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// checkPhoto checks a photo by its bytes, as the build will: a file that
// is not a JPEG, PNG, GIF or WebP image, or is damaged or too large, is
// left out with the reason noted. name says where it came from.
func (n *notes) checkPhoto(key, name string, data []byte) *photoItem {
	if data == nil {
		n.photos = append(n.photos, diag.M("bỏ ảnh %s: không lấy được tệp ảnh", "left out the photo %s: its file could not be had", name))
		return nil
	}
	info, err := photo.InspectBytes(name, data)
	if err != nil {
		var pe *photo.Error
		if errors.As(err, &pe) {
			n.photos = append(n.photos, diag.Msg{Vi: "bỏ ảnh: " + pe.Msg.Vi, En: "left out a photo: " + pe.Msg.En})
		} else {
			n.photos = append(n.photos, diag.M("bỏ ảnh %s: %v", "left out the photo %s: %v", name, err))
		}
		return nil
	}
	if info.Width < minPhoto && info.Height < minPhoto {
		n.icons++
		return nil
	}
	return &photoItem{key: key, data: data, format: info.Format}
}

// minPhoto is the size, in pixels, under which an image is an icon or a
// tracking pixel rather than a photo of the article.
const minPhoto = 64

// unsureWords returns the words to read again, quoted, at most max.
func unsureWords(words []string, max int) string {
	q := make([]string, 0, len(words))
	for i, w := range words {
		if i == max {
			q = append(q, "…")
			break
		}
		q = append(q, "“"+w+"”")
	}
	return strings.Join(q, ", ")
}
