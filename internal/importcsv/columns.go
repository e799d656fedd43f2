package importcsv

import (
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// vkind is how a cell is read.
type vkind int

const (
	vText      vkind = iota // text on one line
	vMarkdown               // text that may hold line breaks
	vID                     // a record id
	vEnum                   // a key or label of an enum
	vYear                   // a year of four digits
	vCount                  // a whole number
	vMoney                  // an amount of đồng
	vBool                   // yes or no
	vList                   // items separated by ; or ,
	vUnit                   // a unit id or name
	vEstab                  // an establishment id or name
	vProgramme              // a programme id or name
)

// column is a field of a record a spreadsheet column can fill.
type column struct {
	// path is the field in the record, "address.unit" for a nested one.
	path string
	kind vkind
	enum string
	// headers are the accepted column titles; the first is the one
	// messages show.
	headers  []string
	required bool
	// shown are the titles the list of columns shows (help import and the
	// warning about an unknown column), when not the first header alone.
	shown []string
}

// columns lists, per collection, the fields in the order of the data
// contract: records are written in this order.
var columns = map[string][]column{
	"establishments": {
		{path: "id", kind: vID, headers: []string{"Mã", "Mã cơ sở", "id"}},
		{path: "name", kind: vText, required: true, headers: []string{"Tên cơ sở", "Tên", "Tên doanh nghiệp", "Cơ sở", "name"}},
		{path: "legal_form", kind: vEnum, enum: model.EnumLegalForm, headers: []string{"Loại hình", "Loại hình doanh nghiệp", "legal_form"}},
		{path: "scale", kind: vEnum, enum: model.EnumScale, headers: []string{"Quy mô", "scale"}},
		{path: "sectors", kind: vList, headers: []string{"Ngành nghề", "Ngành", "sectors"}},
		{path: "address.street", kind: vText, headers: []string{"Địa chỉ", "Số nhà", "street", "address"}},
		{path: "address.hamlet", kind: vText, headers: []string{"Ấp", "Khóm", "Thôn", "Ấp, khóm", "hamlet"}},
		{path: "address.unit", kind: vUnit, required: true, headers: []string{"Đơn vị hành chính", "Xã", "Phường", "Xã, phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Tỉnh", "Tỉnh, thành phố", "unit", "commune", "district", "province"},
			shown: []string{"Xã", "Huyện", "Tỉnh"}},
		{path: "contact.phone", kind: vText, headers: []string{"Điện thoại", "Số điện thoại", "SĐT", "phone"}},
		{path: "contact.email", kind: vText, headers: []string{"Email", "Thư điện tử", "E-mail"}},
		{path: "contact.website", kind: vText, headers: []string{"Website", "Trang web"}},
		{path: "contact.public", kind: vBool, headers: []string{"Công khai liên hệ", "Công khai", "public"}},
		{path: "founded", kind: vYear, headers: []string{"Năm thành lập", "founded"}},
		{path: "description", kind: vMarkdown, headers: []string{"Mô tả", "Giới thiệu", "description"}},
	},
	"products": {
		{path: "id", kind: vID, headers: []string{"Mã", "Mã sản phẩm", "id"}},
		{path: "name", kind: vText, required: true, headers: []string{"Tên sản phẩm", "Tên", "Sản phẩm", "name"}},
		{path: "establishment", kind: vEstab, required: true, headers: []string{"Cơ sở", "Cơ sở sản xuất", "Mã cơ sở", "Tên cơ sở", "establishment"}},
		{path: "group", kind: vEnum, enum: model.EnumGroup, headers: []string{"Nhóm", "Nhóm sản phẩm", "group"}},
		{path: "description", kind: vMarkdown, headers: []string{"Mô tả", "description"}},
		{path: "price.amount", kind: vMoney, headers: []string{"Giá", "Giá bán", "price"}},
		{path: "price.unit", kind: vText, headers: []string{"Đơn vị tính", "ĐVT", "unit"}},
	},
	"projects": {
		{path: "id", kind: vID, headers: []string{"Mã", "Mã đề án", "id"}},
		{path: "title", kind: vText, required: true, headers: []string{"Tên đề án", "Tên", "Đề án", "Tên hoạt động", "title"}},
		{path: "year", kind: vYear, required: true, headers: []string{"Năm", "Năm kế hoạch", "year"}},
		{path: "programme", kind: vProgramme, headers: []string{"Chương trình", "programme"}},
		{path: "funding_source", kind: vEnum, enum: model.EnumFundingSource, headers: []string{"Nguồn kinh phí", "Nguồn vốn", "Nguồn", "funding_source"}},
		{path: "type", kind: vEnum, enum: model.EnumProjectType, headers: []string{"Loại", "Loại đề án", "type"}},
		{path: "activity", kind: vEnum, enum: model.EnumActivity, required: true, headers: []string{"Hoạt động", "Nội dung", "Nội dung hỗ trợ", "activity"}},
		{path: "budget", kind: vMoney, headers: []string{"Kinh phí", "Kinh phí khuyến công", "Kinh phí hỗ trợ", "budget"}},
		{path: "counterpart", kind: vMoney, headers: []string{"Vốn đối ứng", "Đối ứng", "counterpart"}},
		{path: "total_cost", kind: vMoney, headers: []string{"Tổng vốn đầu tư", "Tổng vốn", "total_cost"}},
		{path: "beneficiaries_count", kind: vCount, headers: []string{"Số cơ sở hưởng lợi", "Số cơ sở", "Số cơ sở được hỗ trợ", "beneficiaries_count"}},
		{path: "status", kind: vEnum, enum: model.EnumStatus, headers: []string{"Trạng thái", "Tình trạng", "status"}},
		{path: "summary", kind: vMarkdown, headers: []string{"Tóm tắt", "Mô tả", "summary"}},
	},
}

// unitPart is the part of an address a column of units names: the
// commune, the district, the province, or any (a unit's id or name).
type unitPart int

const (
	anyPart unitPart = iota
	communePart
	districtPart
	provincePart
)

// partOf returns the part of an address a unit column's title names.
func partOf(header string) unitPart {
	switch foldHeader(header) {
	case "xa", "phuong", "xa, phuong", "thi tran", "commune":
		return communePart
	case "huyen", "quan", "thi xa", "district":
		return districtPart
	case "tinh", "tinh, thanh pho", "province":
		return provincePart
	}
	return anyPart
}

// Kinds lists the collections Import accepts.
var Kinds = []string{"establishments", "products", "projects"}

// foldHeader folds a column title for matching: no diacritics, lower case,
// a note in parentheses dropped ("Kinh phí (đồng)"), underscores, hyphens
// and runs of spaces made one space, a trailing colon or asterisk dropped.
func foldHeader(s string) string {
	s = vi.Fold(s)
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	s = strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(s)
	s = strings.Trim(strings.TrimSpace(s), ":* ")
	return strings.Join(strings.Fields(s), " ")
}

// mapped is a spreadsheet column read into a field.
type mapped struct {
	col    column
	index  int
	header string
}

// headerMap maps the header row to fields. A field named by several
// columns takes them all, in order: the first non-blank cell of a row is
// read (for the unit, the finest unit named). unknown lists the headers of
// no field.
func headerMap(kind string, header []string) (fields []mapped, unknown []int) {
	cols := columns[kind]
	for i, h := range header {
		fh := foldHeader(h)
		if fh == "" {
			continue
		}
		found := false
		for _, c := range cols {
			for _, name := range c.headers {
				if foldHeader(name) == fh {
					fields = append(fields, mapped{col: c, index: i, header: h})
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			unknown = append(unknown, i)
		}
	}
	return fields, unknown
}

// ColumnList lists the column titles of a collection as help import and
// the warnings show them: one or two per field, in the data contract's
// order.
func ColumnList(kind string) []string {
	var names []string
	for _, c := range columns[kind] {
		if len(c.shown) > 0 {
			names = append(names, c.shown...)
		} else {
			names = append(names, c.headers[0])
		}
	}
	return names
}

// quote puts a text between the quotation marks of every message of the
// import: “…”.
func quote(s string) string { return "“" + s + "”" }

// knownHeaders lists the column titles of a collection for a message, the
// same as help import.
func knownHeaders(kind string) string {
	var names []string
	for _, n := range ColumnList(kind) {
		names = append(names, quote(n))
	}
	return strings.Join(names, ", ")
}
