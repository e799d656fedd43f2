package render

// Open data: every collection as JSON and as CSV under du-lieu/, and a page
// describing the files and their columns. CSV files are UTF-8 with a byte
// order mark (so that Excel shows Vietnamese correctly), CRLF line ends and
// RFC 4180 quoting. Private fields never reach the model; unpublished
// articles kept for preview are left out here.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// dataDir is the folder of the open data.
const dataDir = "du-lieu"

// DataColumn is one column of an open data file.
type DataColumn struct {
	Name string
	// Desc is its meaning in the interface language.
	Desc string
}

// DataSet is one collection as a table.
type DataSet struct {
	// Name is the file name without extension ("co-so").
	Name    string
	Title   string
	Columns []DataColumn
	// Rows hold a cell for each column, in order.
	Rows [][]any
	// CSV and JSON are the site-relative files; CSVBytes and JSONBytes
	// their sizes.
	CSV, JSON           string
	CSVBytes, JSONBytes int
}

// DataPage is the data of the open data page.
type DataPage struct {
	Sets    []*DataSet
	License model.Link
}

// column is one column of the table of a collection of T: its name, its
// meaning in Vietnamese and English, and its cell in the row of an item.
type column[T any] struct {
	name string
	desc diag.Msg
	cell func(T) any
}

func col[T any](name, vi, en string, cell func(T) any) column[T] {
	return column[T]{name: name, desc: diag.Msg{Vi: vi, En: en}, cell: cell}
}

// dataSet makes the table of items: a row per item, each row made of the
// cells of the columns, so that no row is shorter or longer than the
// header. Column meanings are in lang.
func dataSet[T any](name, title, lang string, cols []column[T], items []T) *DataSet {
	s := &DataSet{Name: name, Title: title, CSV: dataDir + "/" + name + ".csv", JSON: dataDir + "/" + name + ".json"}
	for _, c := range cols {
		s.Columns = append(s.Columns, DataColumn{Name: c.name, Desc: c.desc.Text(lang)})
	}
	for _, it := range items {
		row := make([]any, len(cols))
		for i, c := range cols {
			row[i] = c.cell(it)
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

func dateCell(d model.Date) any {
	if d.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%04d", d.Year)
	if d.Month > 0 {
		s += fmt.Sprintf("-%02d", d.Month)
		if d.Day > 0 {
			s += fmt.Sprintf("-%02d", d.Day)
		}
	}
	return s
}

func unitID(u *model.Unit) string {
	if u == nil {
		return ""
	}
	return u.ID
}

func intCell(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// dataSets returns every collection as a table, in the order of the page.
func (r *renderer) dataSets() []*DataSet {
	m, t, lang := r.m, r.f.i18n, r.lang
	url := func(x any) string {
		p, _ := Path(x)
		return r.f.absOrPath(p)
	}
	return []*DataSet{
		dataSet("co-so", t.text("section.establishments"), lang, r.establishmentColumns(url), m.Establishments),
		dataSet("san-pham", t.text("section.products"), lang, r.productColumns(url), m.Products),
		dataSet("de-an", t.text("section.projects"), lang, projectColumns(url), m.Projects),
		dataSet("binh-chon", t.text("section.rounds"), lang, awardColumns(), awardRows(m.Rounds)),
		dataSet("vong-binh-chon", t.text("data.rounds"), lang, r.roundColumns(url), m.Rounds),
		dataSet("chuong-trinh", t.text("section.programmes"), lang, programmeColumns(url), m.Programmes),
		dataSet("so-lieu-nam", t.text("section.stats"), lang, yearColumns(), m.Stats.Years),
		dataSet("so-lieu-cong-bo", t.text("data.reconciled"), lang, r.reconciledColumns(), reconciledRows(m.Stats.Reports)),
		dataSet("bao-cao", t.text("data.reports"), lang, r.reportColumns(url), m.Stats.Reports),
		dataSet("don-vi", t.text("section.units"), lang, unitColumns(), m.Units),
		dataSet("tin-tuc", t.text("section.news"), lang, newsColumns(url), publishedNews(m)),
	}
}

// publishedNews are the articles the site publishes, leaving out those
// kept for preview only.
func publishedNews(m *model.Model) []*model.Article {
	var out []*model.Article
	for _, a := range m.News {
		if published(a, m) {
			out = append(out, a)
		}
	}
	return out
}

// abs returns the absolute URL of a site path, or the path itself when the
// site has no base_url.
func (f *funcs) absOrPath(p string) string {
	if a := f.abs(p); a != "" {
		return a
	}
	return strings.TrimSuffix(p, "index.html")
}

// cellText writes a cell for CSV. A text that a spreadsheet would take for
// a formula (starting with =, +, -, @, a tab or a carriage return) is
// written after an apostrophe, so that opening the file never runs one.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if x != "" && strings.ContainsRune("=+-@\t\r", rune(x[0])) {
			return "'" + x
		}
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// CSV returns the table as CSV: UTF-8 with a byte order mark, CRLF line
// ends, RFC 4180 quoting.
func (s *DataSet) csv() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	head := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		head[i] = c.Name
	}
	if err := w.Write(head); err != nil {
		return nil, err
	}
	rec := make([]string, len(s.Columns))
	for _, row := range s.Rows {
		for i, v := range row {
			rec[i] = cellText(v)
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// json returns the table as a JSON array of objects whose keys follow the
// column order; empty cells are null.
func (s *DataSet) json() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[")
	for ri, row := range s.Rows {
		if ri > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n{")
		for i, v := range row {
			if i > 0 {
				b.WriteString(",")
			}
			b.Write(appendJSONString(nil, s.Columns[i].Name))
			b.WriteString(":")
			if str, ok := v.(string); ok && str == "" {
				v = nil
			}
			// The cells as encoding/json writes them, the common ones
			// without its reflection.
			switch x := v.(type) {
			case nil:
				b.WriteString("null")
			case string:
				b.Write(appendJSONString(b.AvailableBuffer(), x))
			case int:
				b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(x), 10))
			case int64:
				b.Write(strconv.AppendInt(b.AvailableBuffer(), x, 10))
			default:
				js, err := json.Marshal(v)
				if err != nil {
					return nil, err
				}
				b.Write(js)
			}
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}

// openData writes the files and the page describing them.
func (r *renderer) openData() {
	// The data files and their page lie in one folder.
	if !r.opts.wants(dataDir + "/") {
		return
	}
	sets := r.dataSets()
	all := sets
	if kept, ok := r.reuseData(sets); ok {
		r.counted(kept)
		for _, s := range sets {
			s.CSVBytes, s.JSONBytes = int(kept[s.CSV]), int(kept[s.JSON])
		}
		sets = nil
	}
	for _, s := range sets {
		c, err := s.csv()
		if err == nil {
			var j []byte
			j, err = s.json()
			if err == nil {
				r.writeGroup("data", s.CSV, c)
				r.writeGroup("data", s.JSON, j)
				s.CSVBytes, s.JSONBytes = len(c), len(j)
			}
		}
		if err != nil {
			r.diags.Error(diag.Pos{}, "opendata", diag.M("không tạo được tệp dữ liệu %s: %v", "cannot write the data file %s: %v", s.Name, err))
		}
	}
	t := r.f.i18n
	r.emit(r.newPage("data", dirPath(dataDir), t.text("data.title"), t.text("data.description"), DataPage{Sets: all, License: r.m.Site.License}))
}

// reuseData keeps the data files an IncrementalSink holds when they were
// made from the same tables, and returns their sizes by name.
func (r *renderer) reuseData(sets []*DataSet) (map[string]int64, bool) {
	inc, ok := r.out.(IncrementalSink)
	if !ok {
		return nil, false
	}
	h := r.in.hasher()
	h.str(inputsScheme)
	for _, s := range sets {
		h.str(s.CSV)
		h.str(s.JSON)
		h.int(int64(len(s.Columns)))
		for _, c := range s.Columns {
			h.str(c.Name)
		}
		h.int(int64(len(s.Rows)))
		for _, row := range s.Rows {
			h.int(int64(len(row)))
			for _, v := range row {
				h.cell(v)
			}
		}
	}
	r.groups["data"] = h.sum()
	h.release()
	return inc.ReuseGroup("data", r.groups["data"])
}

// dataI18n holds the interface strings of the open data page: Vietnamese,
// English.
var dataI18n = map[string]diag.Msg{
	"data.title":       {Vi: "Dữ liệu mở", En: "Open data"},
	"data.reconciled":  {Vi: "Số liệu công bố và số liệu chi tiết đã nhập", En: "Reported figures and figures from the records"},
	"data.rounds":      {Vi: "Vòng bình chọn, công nhận", En: "Recognition rounds"},
	"data.reports":     {Vi: "Báo cáo số liệu", En: "Reports"},
	"data.description": {Vi: "Toàn bộ dữ liệu của trang ở dạng CSV (mở được bằng Excel) và JSON: cơ sở, sản phẩm, đề án, bình chọn, chương trình, số liệu theo năm, báo cáo, số liệu công bố đối chiếu với số liệu chi tiết, địa bàn và tin tức.", En: "All the data of this site as CSV (opens in Excel) and JSON: establishments, products, projects, recognitions, programmes, yearly figures, reports, reported figures beside the computed ones, areas and news."},
	"data.intro":       {Vi: "Mỗi bảng có hai tệp cùng nội dung: CSV (mã UTF-8 có BOM, mở trực tiếp bằng Excel) và JSON. Số tiền tính bằng đồng, ngày viết theo dạng năm-tháng-ngày. Ô trống là không có số liệu (chưa công bố), không phải số 0; không số tiền nào được chia ra từ một khoản chung. Thông tin riêng tư và bài chưa công bố không có trong các tệp.", En: "Each table comes as two files with the same content: CSV (UTF-8 with a byte order mark, opens directly in Excel) and JSON. Amounts are in đồng, dates are year-month-day. An empty cell means no figure (not published), never 0; no amount is divided out of a shared one. Private details and unpublished articles are not in the files."},
	"data.built":       {Vi: "Dữ liệu được xuất ngày %s.", En: "Exported on %s."},
	"data.license":     {Vi: "Giấy phép: %s", En: "Licence: %s"},
	"data.noLicense":   {Vi: "Trang chưa ghi giấy phép sử dụng dữ liệu; hãy liên hệ cơ quan chủ quản trước khi dùng lại.", En: "The site gives no licence for its data; ask the publisher before reusing it."},
	"data.rows":        {Vi: "%d dòng", En: "%d rows"},
	"data.column":      {Vi: "Cột", En: "Column"},
	"data.meaning":     {Vi: "Ý nghĩa", En: "Meaning"},
	"data.files":       {Vi: "Tệp", En: "Files"},
	"data.size":        {Vi: "%s (%s byte)", En: "%s (%s bytes)"},
	"data.columns":     {Vi: "Các cột của %s", En: "Columns of %s"},
}
