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
	desc [2]string
}

// DataSet is one collection as a table.
type DataSet struct {
	// Name is the file name without extension ("co-so").
	Name    string
	Title   string
	Columns []DataColumn
	Rows    [][]any
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

func col(name, vi, en string) DataColumn { return DataColumn{Name: name, desc: [2]string{vi, en}} }

// moneyCells are the amount, its qualifier and its stage, empty when not
// given.
func moneyCells(m model.Money) []any {
	if !m.Set {
		return []any{nil, "", ""}
	}
	return []any{m.Amount, m.Approx, m.Stage}
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
	m := r.m
	url := func(x any) string {
		p, _ := Path(x)
		return r.f.absOrPath(p)
	}
	var sets []*DataSet

	est := &DataSet{Name: "co-so", Title: r.f.i18n.text("section.establishments"), Columns: []DataColumn{
		col("id", "mã cơ sở (phần cuối địa chỉ trang)", "establishment id (end of the page address)"),
		col("ten", "tên cơ sở", "name"),
		col("loai_hinh", "loại hình (mã theo quy ước dữ liệu)", "legal form (data contract key)"),
		col("quy_mo", "quy mô", "scale"),
		col("nganh_nghe", "ngành nghề, cách nhau bằng dấu chấm phẩy", "sectors, separated by semicolons"),
		col("dia_chi", "địa chỉ như đã ghi nhận", "address as recorded"),
		col("don_vi", "mã địa bàn lúc ghi nhận", "area id as recorded"),
		col("don_vi_nay", "mã địa bàn hiện nay", "area id today"),
		col("nam_thanh_lap", "năm thành lập", "year founded"),
		col("dien_thoai", "điện thoại (chỉ khi cơ sở đồng ý công khai)", "phone (only when made public)"),
		col("email", "thư điện tử (chỉ khi cơ sở đồng ý công khai)", "email (only when made public)"),
		col("website", "trang web", "website"),
		col("so_san_pham", "số sản phẩm trong dữ liệu", "products in the records"),
		col("trang", "địa chỉ trang của cơ sở", "page address"),
	}}
	for _, e := range m.Establishments {
		est.Rows = append(est.Rows, []any{e.ID, e.Name, e.LegalForm, e.Scale, strings.Join(e.Sectors, "; "), r.f.address(e.Address),
			unitID(e.Address.Unit), unitID(e.Address.Current), intCell(e.Founded), e.Contact.Phone, e.Contact.Email, e.Contact.Website,
			len(e.Products), url(e)})
	}
	sets = append(sets, est)

	prod := &DataSet{Name: "san-pham", Title: r.f.i18n.text("section.products"), Columns: []DataColumn{
		col("id", "mã sản phẩm", "product id"),
		col("ten", "tên sản phẩm", "name"),
		col("co_so", "mã cơ sở sản xuất", "establishment id"),
		col("ten_co_so", "tên cơ sở sản xuất", "establishment name"),
		col("nhom", "nhóm sản phẩm (mã)", "product group (key)"),
		col("gia", "giá (đồng)", "price (đồng)"),
		col("don_vi_tinh", "đơn vị tính của giá", "unit of the price"),
		col("gia_tai_ngay", "ngày của giá", "date of the price"),
		col("cong_nhan", "các công nhận, cách nhau bằng dấu chấm phẩy", "recognitions, separated by semicolons"),
		col("trang", "địa chỉ trang của sản phẩm", "page address"),
	}}
	for _, p := range m.Products {
		var eid, ename string
		if p.Establishment != nil {
			eid, ename = p.Establishment.ID, p.Establishment.Name
		}
		var awards []string
		for _, rc := range p.Recognitions {
			awards = append(awards, r.f.award(rc))
		}
		var price any
		if p.Price.Set {
			price = p.Price.Amount
		}
		prod.Rows = append(prod.Rows, []any{p.ID, p.Name, eid, ename, p.Group, price, p.Price.Unit, dateCell(p.Price.AsOf), strings.Join(awards, "; "), url(p)})
	}
	sets = append(sets, prod)

	proj := &DataSet{Name: "de-an", Title: r.f.i18n.text("section.projects"), Columns: []DataColumn{
		col("id", "mã đề án", "project id"),
		col("ten", "tên đề án", "title"),
		col("nam", "năm kế hoạch", "plan year"),
		col("chuong_trinh", "mã chương trình", "programme id"),
		col("nguon_kinh_phi", "nguồn kinh phí: kcqg, kcdp, khac", "funding source: kcqg, kcdp, khac"),
		col("loai", "loại đề án: nhom, diem, don", "type: nhom, diem, don"),
		col("noi_dung", "nội dung hoạt động (mã)", "activity (key)"),
		col("kinh_phi", "kinh phí khuyến công (đồng)", "industrial promotion funding (đồng)"),
		col("kinh_phi_uoc", "kinh phí là số làm tròn: gan, khoang, hon, tren, duoi", "funding is rounded: gan, khoang, hon, tren, duoi"),
		col("kinh_phi_giai_doan", "giai đoạn của kinh phí: de_nghi, phe_duyet, giai_ngan, quyet_toan", "stage of the funding"),
		col("doi_ung", "kinh phí đối ứng của cơ sở (đồng)", "counterpart funding (đồng)"),
		col("doi_ung_uoc", "đối ứng là số làm tròn", "counterpart is rounded"),
		col("doi_ung_giai_doan", "giai đoạn của kinh phí đối ứng", "stage of the counterpart"),
		col("so_co_so_thu_huong", "số cơ sở thụ hưởng", "recipients"),
		col("co_so_thu_huong", "mã các cơ sở thụ hưởng có tên, cách nhau bằng dấu chấm phẩy", "ids of the named recipients, separated by semicolons"),
		col("trang_thai", "trạng thái (mã)", "status (key)"),
		col("trang", "địa chỉ trang của đề án", "page address"),
		col("tong_von", "tổng vốn đầu tư (đồng), như đã ghi", "total investment (đồng), as written"),
		col("tong_von_uoc", "tổng vốn là số làm tròn", "total investment is rounded"),
		col("tong_von_giai_doan", "giai đoạn của tổng vốn", "stage of the total investment"),
		col("kinh_phi_chung", "khoản kinh phí chung cho nhiều đề án (đồng), ghi một lần ở đề án đầu tiên của nhóm, không chia cho từng đề án (cộng cột này không bị trùng); đề án thuộc nhóm thì kinh_phi để trống", "one amount shared by several projects (đồng), written once on the first project of the group and never divided among them (the column adds up without counting twice); kinh_phi is then empty"),
		col("kinh_phi_chung_uoc", "khoản chung là số làm tròn", "the shared amount is rounded"),
		col("kinh_phi_chung_giai_doan", "giai đoạn của khoản chung", "stage of the shared amount"),
		col("kinh_phi_chung_de_an", "mã các đề án cùng khoản chung (đề án đầu tiên ghi số tiền), cách nhau bằng dấu chấm phẩy", "ids of the projects of the shared amount (the first writes the amount), separated by semicolons"),
		col("so_quyet_dinh", "số quyết định", "decision number"),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date"),
		col("co_quan_ban_hanh", "cơ quan ban hành quyết định", "issuer of the decision"),
		col("cac_moc", "các mốc: trạng thái và ngày, cách nhau bằng dấu chấm phẩy", "milestones: status and date, separated by semicolons"),
		col("ket_qua", "kết quả, cách nhau bằng dấu chấm phẩy", "results, separated by semicolons"),
		col("dia_ban", "mã địa bàn của đề án", "area id of the project"),
	}}
	for _, p := range m.Projects {
		var prog string
		if p.Programme != nil {
			prog = p.Programme.ID
		}
		var bens []string
		for _, b := range p.Beneficiaries {
			if b.Establishment != nil {
				bens = append(bens, b.Establishment.ID)
			}
		}
		row := []any{p.ID, p.Title, p.Year, prog, p.FundingSource, p.Type, p.Activity}
		row = append(row, moneyCells(p.Budget)...)
		row = append(row, moneyCells(p.Counterpart)...)
		row = append(row, intCell(p.Recipients), strings.Join(bens, "; "), p.Status, url(p))
		row = append(row, moneyCells(p.TotalCost)...)
		var shared model.Money
		var group []string
		if p.Shared != nil {
			if p.Shared.Projects[0] == p {
				shared = p.Shared.Money // once, on the project that writes it
			}
			for _, q := range p.Shared.Projects {
				group = append(group, q.ID)
			}
		}
		row = append(row, moneyCells(shared)...)
		var steps, results []string
		for _, ms := range p.Milestones {
			step := ms.Status
			if d := dateCell(ms.Date); d != "" {
				step += " " + d.(string)
			}
			steps = append(steps, step)
		}
		for _, res := range p.Results {
			results = append(results, strings.TrimSpace(string(res)))
		}
		row = append(row, strings.Join(group, "; "), p.Decision.Number, dateCell(p.Decision.Date), p.Decision.Issuer,
			strings.Join(steps, "; "), strings.Join(results, "; "), unitID(p.Unit))
		proj.Rows = append(proj.Rows, row)
	}
	sets = append(sets, proj)

	rec := &DataSet{Name: "binh-chon", Title: r.f.i18n.text("section.rounds"), Columns: []DataColumn{
		col("vong", "mã vòng bình chọn hoặc quyết định OCOP", "round id"),
		col("he_thong", "cnnt hoặc ocop", "cnnt or ocop"),
		col("cap", "cấp: huyen, tinh, khu_vuc, quoc_gia", "level"),
		col("khu_vuc", "khu vực (cấp khu vực)", "region (regional rounds)"),
		col("nam", "năm", "year"),
		col("so_quyet_dinh", "số quyết định", "decision number"),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date"),
		col("so_cong_bo", "số sản phẩm được công nhận theo công bố của vòng", "number recognised as reported by the round"),
		col("san_pham", "mã sản phẩm", "product id"),
		col("ten_san_pham", "tên sản phẩm", "product name"),
		col("diem", "điểm", "score"),
		col("sao", "số sao OCOP", "OCOP stars"),
		col("hieu_luc_den", "hiệu lực đến (OCOP)", "valid until (OCOP)"),
		col("chung_nhan", "số giấy chứng nhận", "certificate"),
		col("giai", "giải: a, b, c hoặc như đã ghi", "grade: a, b, c or as written"),
		col("chu_the", "chủ sản phẩm, khi sản phẩm chưa có hồ sơ riêng", "owner, for a product without a record of its own"),
		col("don_vi", "mã địa bàn của sản phẩm, khi sản phẩm chưa có hồ sơ riêng", "area id, for a product without a record of its own"),
	}}
	for _, rd := range m.Rounds {
		var reported any
		if rd.HasReportedCount {
			reported = rd.ReportedCount
		}
		for _, a := range rd.Awards {
			pid, pname := "", a.Name
			if a.Product != nil {
				pid, pname = a.Product.ID, a.Product.Name
			}
			var score any
			if a.Score != 0 {
				score = a.Score
			}
			rec.Rows = append(rec.Rows, []any{rd.ID, rd.Scheme, rd.Level, rd.Region, rd.Year, rd.Decision.Number, dateCell(rd.Decision.Date),
				reported, pid, pname, score, intCell(a.Stars), dateCell(a.ValidUntil), a.Certificate, a.Grade, a.Owner, unitID(a.Unit)})
		}
	}
	sets = append(sets, rec)
	sets = append(sets, r.roundSet(url))

	progs := &DataSet{Name: "chuong-trinh", Title: r.f.i18n.text("section.programmes"), Columns: []DataColumn{
		col("id", "mã chương trình", "programme id"),
		col("ten", "tên chương trình", "name"),
		col("pham_vi", "phạm vi: quoc_gia, tinh", "scope"),
		col("tu_nam", "từ năm", "from year"),
		col("den_nam", "đến năm", "to year"),
		col("so_quyet_dinh", "số quyết định", "decision number"),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date"),
		col("so_de_an", "số đề án trong dữ liệu", "projects in the records"),
		col("trang", "địa chỉ trang của chương trình", "page address"),
		col("co_quan_ban_hanh", "cơ quan ban hành quyết định", "issuer of the decision"),
	}}
	for _, p := range m.Programmes {
		progs.Rows = append(progs.Rows, []any{p.ID, p.Name, p.Scope, intCell(p.FromYear), intCell(p.ToYear), p.Decision.Number, dateCell(p.Decision.Date), len(p.Projects), url(p), p.Decision.Issuer})
	}
	sets = append(sets, progs)

	years := &DataSet{Name: "so-lieu-nam", Title: r.f.i18n.text("section.stats"), Columns: []DataColumn{
		col("nam", "năm", "year"),
		col("so_de_an", "số đề án (không tính đề án đã hủy)", "projects (cancelled ones left out)"),
		col("co_so_duoc_ho_tro", "số cơ sở được hỗ trợ (mỗi cơ sở một lần)", "establishments supported (each once)"),
		col("co_so_co_ten", "trong đó cơ sở có tên trong dữ liệu", "of which named in the records"),
		col("kinh_phi", "kinh phí khuyến công (đồng), tính từ dữ liệu chi tiết", "industrial promotion funding (đồng) from the records"),
		col("kinh_phi_giai_doan", "giai đoạn của kinh phí", "stage of the funding"),
		col("san_pham_duoc_cong_nhan", "số công nhận trong các vòng của năm", "recognitions in the year's rounds"),
		col("de_an_chua_cong_bo_kinh_phi", "số đề án chưa công bố kinh phí (không tính trong kinh_phi)", "projects without published funding (not in kinh_phi)"),
		col("de_an_kinh_phi_chung_nam_khac", "số đề án thuộc khoản kinh phí chung với đề án năm khác (không tính trong kinh_phi)", "projects of an amount shared with another year (not in kinh_phi)"),
		col("de_an_chua_ghi_so_co_so", "số đề án chưa ghi số cơ sở thụ hưởng", "projects without a number of beneficiaries"),
	}}
	for _, y := range m.Stats.Years {
		var amount any
		stage := ""
		if len(y.Funding) > 0 {
			amount, stage = y.Funding[y.Main].Total, y.Funding[y.Main].Stage
		}
		years.Rows = append(years.Rows, []any{y.Year, y.Projects, y.EstablishmentsSupported, y.NamedSupported, amount, stage, y.Recognitions.Total,
			y.Unpublished, y.SharedOutside, y.RecipientsUnknown})
	}
	sets = append(sets, years)

	// Every reported figure beside the one computed from the records; the
	// difference is left empty where the records cannot give the figure.
	recon := &DataSet{Name: "so-lieu-cong-bo", Title: r.f.i18n.text("data.reconciled"), Columns: []DataColumn{
		col("nam", "năm", "year"),
		col("chi_tieu", "chỉ tiêu (mã)", "metric (key)"),
		col("ten_chi_tieu", "tên chỉ tiêu", "metric"),
		col("cong_bo", "số liệu công bố", "reported figure"),
		col("uoc_luong", "ước lượng của số công bố: gan, khoang, hon, tren, duoi (trống: số chính xác)", "qualifier of the reported figure (empty: exact)"),
		col("chi_tiet", "số liệu chi tiết đã nhập (trống: không tính được từ dữ liệu chi tiết)", "figure computed from the records (empty: cannot be computed)"),
		col("chenh_lech", "chênh lệch: công bố trừ chi tiết", "difference: reported minus computed"),
		col("bao_cao", "mã báo cáo (xem bao-cao)", "report id (see bao-cao)"),
		col("dia_ban", "mã địa bàn của báo cáo (trống: địa bàn của trang)", "area id of the report (empty: the site's area)"),
		col("tu_nam", "từ năm", "from year"),
		col("den_nam", "đến năm", "to year"),
		col("ly_do", "khi không có số liệu chi tiết, lý do: not-held (dữ liệu không ghi), not-entered (chưa nhập), unpublished (kinh phí chưa công bố), shared (khoản chung không chia), other-area (địa bàn ngoài trang)", "when there is no computed figure, why: not-held, not-entered, unpublished, shared, other-area"),
		col("thieu", "số hồ sơ mà số liệu chi tiết còn thiếu (đề án chưa công bố kinh phí…)", "records the computed figure lacks (projects without published funding, …)"),
	}}
	for _, rs := range m.Stats.Reports {
		rp := rs.Report
		var year any
		if !rp.MultiYear() {
			year = rp.Year
		}
		for _, c := range rs.Reconciled {
			var reported, computed, diff any = c.Reported.Value, nil, nil
			if c.Reported.Decimal {
				reported = c.Reported.Float
			}
			switch {
			case c.HasComputed && c.Reported.Decimal:
				computed = c.ComputedFloat
			case c.HasComputed:
				computed, diff = c.Computed, c.Diff
			}
			recon.Rows = append(recon.Rows, []any{year, c.Metric, model.Label(model.EnumMetric, c.Metric, r.lang),
				reported, c.Reported.Approx, computed, diff, rp.ID, unitID(rp.Unit), rp.From, rp.To, c.Reason, intCell(c.Missing)})
		}
	}
	sets = append(sets, recon)
	sets = append(sets, r.reportSet(url))

	units := &DataSet{Name: "don-vi", Title: r.f.i18n.text("section.units"), Columns: []DataColumn{
		col("id", "mã địa bàn", "area id"),
		col("ten", "tên", "name"),
		col("loai", "loại: tinh, huyen, xa, …", "type"),
		col("cap_tren", "mã địa bàn cấp trên", "id of the area above"),
		col("ma_thong_ke", "mã thống kê", "statistics code"),
		col("hieu_luc_tu", "có hiệu lực từ", "valid from"),
		col("hieu_luc_den", "hết hiệu lực sau", "valid to"),
		col("nay_la", "mã địa bàn hiện nay", "id of the area today"),
		col("cap_tren_theo_thoi_gian", "các đơn vị cấp trên theo thời gian: mã, từ ngày, đến ngày, cách nhau bằng dấu chấm phẩy", "the units above over time: id, from, to, separated by semicolons"),
		col("hinh_thanh_tu", "mã các đơn vị hợp nhất, sáp nhập vào đơn vị này", "ids of the units merged into this one"),
	}}
	for _, u := range m.Units {
		var parents, from []string
		for _, p := range u.Parents {
			parents = append(parents, strings.TrimRight(unitID(p.Unit)+" "+cellString(dateCell(p.From))+" "+cellString(dateCell(p.To)), " "))
		}
		for _, x := range u.FormedFrom {
			from = append(from, x.ID)
		}
		units.Rows = append(units.Rows, []any{u.ID, u.Name, u.Type, unitID(u.Parent), u.Code, dateCell(u.ValidFrom), dateCell(u.ValidTo), unitID(u.Current),
			strings.Join(parents, "; "), strings.Join(from, "; ")})
	}
	sets = append(sets, units)

	news := &DataSet{Name: "tin-tuc", Title: r.f.i18n.text("section.news"), Columns: []DataColumn{
		col("id", "mã bài viết", "article id"),
		col("tieu_de", "tiêu đề", "title"),
		col("ngay", "ngày đăng", "date"),
		col("tac_gia", "tác giả", "author"),
		col("nguon", "nguồn", "source"),
		col("tom_tat", "tóm tắt", "summary"),
		col("chu_de", "chủ đề, cách nhau bằng dấu chấm phẩy", "tags, separated by semicolons"),
		col("trang", "địa chỉ bài viết", "page address"),
	}}
	for _, a := range m.News {
		if !published(a, m) {
			continue
		}
		date := ""
		if a.HasDate {
			date = a.Date.Format("2006-01-02")
		}
		news.Rows = append(news.Rows, []any{a.Slug, a.Title, date, a.Author, a.Source.Name, a.Summary, strings.Join(a.Tags, "; "), url(a)})
	}
	sets = append(sets, news)

	lang := 0
	if r.lang == "en" {
		lang = 1
	}
	for _, s := range sets {
		for i := range s.Columns {
			s.Columns[i].Desc = s.Columns[i].desc[lang]
		}
		s.CSV = dataDir + "/" + s.Name + ".csv"
		s.JSON = dataDir + "/" + s.Name + ".json"
	}
	return sets
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

func init() {
	for k, v := range dataI18n {
		if _, ok := i18nVi[k]; !ok {
			i18nVi[k] = v[0]
		}
		if _, ok := i18nEn[k]; !ok {
			i18nEn[k] = v[1]
		}
	}
}

// dataI18n holds the interface strings of the open data page: Vietnamese,
// English.
var dataI18n = map[string][2]string{
	"data.title":       {"Dữ liệu mở", "Open data"},
	"data.reconciled":  {"Số liệu công bố và số liệu chi tiết đã nhập", "Reported figures and figures from the records"},
	"data.rounds":      {"Vòng bình chọn, công nhận", "Recognition rounds"},
	"data.reports":     {"Báo cáo số liệu", "Reports"},
	"data.description": {"Toàn bộ dữ liệu của trang ở dạng CSV (mở được bằng Excel) và JSON: cơ sở, sản phẩm, đề án, bình chọn, chương trình, số liệu theo năm, báo cáo, số liệu công bố đối chiếu với số liệu chi tiết, địa bàn và tin tức.", "All the data of this site as CSV (opens in Excel) and JSON: establishments, products, projects, recognitions, programmes, yearly figures, reports, reported figures beside the computed ones, areas and news."},
	"data.intro":       {"Mỗi bảng có hai tệp cùng nội dung: CSV (mã UTF-8 có BOM, mở trực tiếp bằng Excel) và JSON. Số tiền tính bằng đồng, ngày viết theo dạng năm-tháng-ngày. Ô trống là không có số liệu (chưa công bố), không phải số 0; không số tiền nào được chia ra từ một khoản chung. Thông tin riêng tư và bài chưa công bố không có trong các tệp.", "Each table comes as two files with the same content: CSV (UTF-8 with a byte order mark, opens directly in Excel) and JSON. Amounts are in đồng, dates are year-month-day. An empty cell means no figure (not published), never 0; no amount is divided out of a shared one. Private details and unpublished articles are not in the files."},
	"data.built":       {"Dữ liệu được xuất ngày %s.", "Exported on %s."},
	"data.license":     {"Giấy phép: %s", "Licence: %s"},
	"data.noLicense":   {"Trang chưa ghi giấy phép sử dụng dữ liệu; hãy liên hệ cơ quan chủ quản trước khi dùng lại.", "The site gives no licence for its data; ask the publisher before reusing it."},
	"data.rows":        {"%d dòng", "%d rows"},
	"data.column":      {"Cột", "Column"},
	"data.meaning":     {"Ý nghĩa", "Meaning"},
	"data.files":       {"Tệp", "Files"},
	"data.size":        {"%s (%s byte)", "%s (%s bytes)"},
	"data.columns":     {"Các cột của %s", "Columns of %s"},
}
