package render

import (
	"encoding/json"
	"strings"
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

func init() {
	for k, v := range showcaseI18n {
		if _, ok := i18nVi[k]; !ok {
			i18nVi[k] = v[0]
		}
		if _, ok := i18nEn[k]; !ok {
			i18nEn[k] = v[1]
		}
	}
}

// showcaseI18n holds the interface strings of galleries, sharing, print
// sheets, the catalogue's filters and the home page: Vietnamese, English.
var showcaseI18n = map[string][2]string{
	"gallery.title":     {"Hình ảnh (%d ảnh)", "Photos (%d)"},
	"gallery.open":      {"(ảnh %d/%d, mở cỡ lớn)", "(photo %d of %d, open full size)"},
	"gallery.close":     {"Đóng", "Close"},
	"gallery.prev":      {"Ảnh trước", "Previous photo"},
	"gallery.next":      {"Ảnh sau", "Next photo"},
	"gallery.dialog":    {"Xem ảnh", "Photo viewer"},
	"gallery.position":  {"Ảnh %d/%d", "Photo %d of %d"},
	"share.share":       {"Chia sẻ", "Share"},
	"share.copy":        {"Sao chép liên kết", "Copy link"},
	"share.copied":      {"Đã chép liên kết.", "Link copied."},
	"share.failed":      {"Không chép được; hãy chép địa chỉ trên thanh địa chỉ.", "Could not copy; copy the address from the address bar."},
	"home.bandReported": {"Số lớn là số liệu công bố; dòng nhỏ là số liệu tính từ hồ sơ chi tiết đã nhập.", "The large figures are the reported ones; the small lines are computed from the detailed records."},
	"home.bandComputed": {"Các số trên tính từ hồ sơ chi tiết đã nhập.", "The figures above are computed from the detailed records."},
	"sheet.link":        {"In tờ giới thiệu", "Print a sheet"},
	"sheet.roundLink":   {"In tờ giới thiệu từng sản phẩm được công nhận", "Print a sheet for each product recognised"},
	"sheet.title":       {"Tờ giới thiệu: %s", "Sheet: %s"},
	"sheet.roundTitle":  {"Tờ giới thiệu các sản phẩm được công nhận: %s", "Sheets of the products recognised: %s"},
	"sheet.howto":       {"Mỗi tờ in vừa một trang A4. Dùng lệnh In của trình duyệt (Ctrl+P), chọn khổ giấy A4.", "Each sheet fits one A4 page. Use the browser's Print command (Ctrl+P) and choose A4 paper."},
	"sheet.count":       {"%d tờ", "%d sheets"},
	"sheet.print":       {"In các tờ này", "Print these sheets"},
	"sheet.back":        {"Về trang %s", "Back to %s"},
	"sheet.qrLabel":     {"Mã QR dẫn tới %s", "QR code of %s"},
	"sheet.scan":        {"Quét mã để xem trang:", "Scan the code to open the page:"},
	"sheet.award":       {"Công nhận", "Recognition"},
}
