package render

import (
	"encoding/json"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// The pieces of record pages that a visitor handles: the gallery of
// photos, the stars of an OCOP recognition, sharing and print sheets. The
// templates are in _partials.html; the script, record.js, only enhances
// what works without it.

// galleryStrings returns the interface strings record.js needs for the
// photo dialog of a gallery of n photos, as a JSON object.
func (f *funcs) galleryStrings(n int) string {
	s := map[string]string{}
	for _, k := range []string{"close", "prev", "next", "dialog", "position"} {
		s[k] = f.i18n.text("gallery." + k)
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// starGlyphs draws n stars out of five: "★★★★☆".
func starGlyphs(n int) string {
	n = min(max(n, 0), 5)
	return strings.Repeat("★", n) + strings.Repeat("☆", 5-n)
}

func add(a, b int) int { return a + b }

// recordKinds are the kinds of page that show one record: they offer
// sharing (record.js).
var recordKinds = map[string]bool{
	"product": true, "establishment": true, "project": true, "programme": true,
	"round": true, "article": true, "sheet": true,
}

// Script returns the script of the page, relative to the site root, ""
// when it has none: record pages load record.js (gallery and sharing),
// the catalogue filter.js.
func (p *Page) Script() string {
	switch {
	case recordKinds[p.Kind]:
		return "static/record.js"
	case p.Filter != nil:
		return "static/filter.js"
	}
	return ""
}

// showcaseI18n holds the interface strings of galleries, sharing, print
// sheets, the catalogue's filters and the home page: Vietnamese, English.
var showcaseI18n = map[string]diag.Msg{
	"gallery.title":     {Vi: "Hình ảnh (%d ảnh)", En: "Photos (%d)"},
	"gallery.open":      {Vi: "(ảnh %d/%d, mở cỡ lớn)", En: "(photo %d of %d, open full size)"},
	"gallery.close":     {Vi: "Đóng", En: "Close"},
	"gallery.prev":      {Vi: "Ảnh trước", En: "Previous photo"},
	"gallery.next":      {Vi: "Ảnh sau", En: "Next photo"},
	"gallery.dialog":    {Vi: "Xem ảnh", En: "Photo viewer"},
	"gallery.position":  {Vi: "Ảnh %d/%d", En: "Photo %d of %d"},
	"share.share":       {Vi: "Chia sẻ", En: "Share"},
	"share.copy":        {Vi: "Sao chép liên kết", En: "Copy link"},
	"share.copied":      {Vi: "Đã chép liên kết.", En: "Link copied."},
	"share.failed":      {Vi: "Không chép được; hãy chép địa chỉ trên thanh địa chỉ.", En: "Could not copy; copy the address from the address bar."},
	"home.bandReported": {Vi: "Số lớn là số liệu công bố; dòng nhỏ là số liệu tính từ hồ sơ chi tiết đã nhập.", En: "The large figures are the reported ones; the small lines are computed from the detailed records."},
	"home.bandComputed": {Vi: "Các số trên tính từ hồ sơ chi tiết đã nhập.", En: "The figures above are computed from the detailed records."},
	"sheet.link":        {Vi: "In tờ giới thiệu", En: "Print a sheet"},
	"sheet.roundLink":   {Vi: "In tờ giới thiệu từng sản phẩm được công nhận", En: "Print a sheet for each product recognised"},
	"sheet.title":       {Vi: "Tờ giới thiệu: %s", En: "Sheet: %s"},
	"sheet.roundTitle":  {Vi: "Tờ giới thiệu các sản phẩm được công nhận: %s", En: "Sheets of the products recognised: %s"},
	"sheet.howto":       {Vi: "Mỗi tờ in vừa một trang A4. Dùng lệnh In của trình duyệt (Ctrl+P), chọn khổ giấy A4.", En: "Each sheet fits one A4 page. Use the browser's Print command (Ctrl+P) and choose A4 paper."},
	"sheet.count":       {Vi: "%d tờ", En: "%d sheets"},
	"sheet.print":       {Vi: "In các tờ này", En: "Print these sheets"},
	"sheet.back":        {Vi: "Về trang %s", En: "Back to %s"},
	"sheet.qrLabel":     {Vi: "Mã QR dẫn tới %s", En: "QR code of %s"},
	"sheet.scan":        {Vi: "Quét mã để xem trang:", En: "Scan the code to open the page:"},
	"sheet.award":       {Vi: "Công nhận", En: "Recognition"},
}
