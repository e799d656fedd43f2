package render

import (
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
)

// The columns of each open data table, in the order of the files. A
// column's cell reads one item of the collection; url gives the address of
// an item's page.

func (r *renderer) establishmentColumns(url func(any) string) []column[*model.Establishment] {
	type E = *model.Establishment
	return []column[E]{
		col("id", "mã cơ sở (phần cuối địa chỉ trang)", "establishment id (end of the page address)", func(e E) any { return e.ID }),
		col("ten", "tên cơ sở", "name", func(e E) any { return e.Name }),
		col("loai_hinh", "loại hình (mã theo quy ước dữ liệu)", "legal form (data contract key)", func(e E) any { return e.LegalForm }),
		col("quy_mo", "quy mô", "scale", func(e E) any { return e.Scale }),
		col("nganh_nghe", "ngành nghề, cách nhau bằng dấu chấm phẩy", "sectors, separated by semicolons", func(e E) any { return strings.Join(e.Sectors, "; ") }),
		col("dia_chi", "địa chỉ như đã ghi nhận", "address as recorded", func(e E) any { return r.f.address(e.Address) }),
		col("don_vi", "mã địa bàn lúc ghi nhận", "area id as recorded", func(e E) any { return unitID(e.Address.Unit) }),
		col("don_vi_nay", "mã địa bàn hiện nay", "area id today", func(e E) any { return unitID(e.Address.Current) }),
		col("nam_thanh_lap", "năm thành lập", "year founded", func(e E) any { return intCell(e.Founded) }),
		col("dien_thoai", "điện thoại (chỉ khi cơ sở đồng ý công khai)", "phone (only when made public)", func(e E) any { return e.Contact.Phone }),
		col("email", "thư điện tử (chỉ khi cơ sở đồng ý công khai)", "email (only when made public)", func(e E) any { return e.Contact.Email }),
		col("website", "trang web", "website", func(e E) any { return e.Contact.Website }),
		col("so_san_pham", "số sản phẩm trong dữ liệu", "products in the records", func(e E) any { return len(e.Products) }),
		col("trang", "địa chỉ trang của cơ sở", "page address", func(e E) any { return url(e) }),
	}
}

func (r *renderer) productColumns(url func(any) string) []column[*model.Product] {
	type P = *model.Product
	return []column[P]{
		col("id", "mã sản phẩm", "product id", func(p P) any { return p.ID }),
		col("ten", "tên sản phẩm", "name", func(p P) any { return p.Name }),
		col("co_so", "mã cơ sở sản xuất", "establishment id", func(p P) any {
			if p.Establishment == nil {
				return ""
			}
			return p.Establishment.ID
		}),
		col("ten_co_so", "tên cơ sở sản xuất", "establishment name", func(p P) any {
			if p.Establishment == nil {
				return ""
			}
			return p.Establishment.Name
		}),
		col("nhom", "nhóm sản phẩm (mã)", "product group (key)", func(p P) any { return p.Group }),
		col("gia", "giá (đồng)", "price (đồng)", func(p P) any {
			if !p.Price.Set {
				return nil
			}
			return p.Price.Amount
		}),
		col("don_vi_tinh", "đơn vị tính của giá", "unit of the price", func(p P) any { return p.Price.Unit }),
		col("gia_tai_ngay", "ngày của giá", "date of the price", func(p P) any { return dateCell(p.Price.AsOf) }),
		col("cong_nhan", "các công nhận, cách nhau bằng dấu chấm phẩy", "recognitions, separated by semicolons", func(p P) any {
			var awards []string
			for _, rc := range p.Recognitions {
				awards = append(awards, r.f.award(rc))
			}
			return strings.Join(awards, "; ")
		}),
		col("trang", "địa chỉ trang của sản phẩm", "page address", func(p P) any { return url(p) }),
	}
}

// amountCell, approxCell and stageCell are the three cells of an amount,
// empty when it is not given.
func amountCell(m model.Money) any {
	if !m.Set {
		return nil
	}
	return m.Amount
}

func approxCell(m model.Money) any {
	if !m.Set {
		return ""
	}
	return m.Approx
}

func stageCell(m model.Money) any {
	if !m.Set {
		return ""
	}
	return m.Stage
}

// sharedMoney is the amount p shares with other projects, given once, on
// the project that writes it; none on the others.
func sharedMoney(p *model.Project) model.Money {
	if p.Shared == nil || p.Shared.Projects[0] != p {
		return model.Money{}
	}
	return p.Shared.Money
}

func projectColumns(url func(any) string) []column[*model.Project] {
	type P = *model.Project
	return []column[P]{
		col("id", "mã đề án", "project id", func(p P) any { return p.ID }),
		col("ten", "tên đề án", "title", func(p P) any { return p.Title }),
		col("nam", "năm kế hoạch", "plan year", func(p P) any { return p.Year }),
		col("chuong_trinh", "mã chương trình", "programme id", func(p P) any {
			if p.Programme == nil {
				return ""
			}
			return p.Programme.ID
		}),
		col("nguon_kinh_phi", "nguồn kinh phí: kcqg, kcdp, khac", "funding source: kcqg, kcdp, khac", func(p P) any { return p.FundingSource }),
		col("loai", "loại đề án: nhom, diem, don", "type: nhom, diem, don", func(p P) any { return p.Type }),
		col("noi_dung", "nội dung hoạt động (mã)", "activity (key)", func(p P) any { return p.Activity }),
		col("kinh_phi", "kinh phí khuyến công (đồng)", "industrial promotion funding (đồng)", func(p P) any { return amountCell(p.Budget) }),
		col("kinh_phi_uoc", "kinh phí là số làm tròn: gan, khoang, hon, tren, duoi", "funding is rounded: gan, khoang, hon, tren, duoi", func(p P) any { return approxCell(p.Budget) }),
		col("kinh_phi_giai_doan", "giai đoạn của kinh phí: de_nghi, phe_duyet, giai_ngan, quyet_toan", "stage of the funding", func(p P) any { return stageCell(p.Budget) }),
		col("doi_ung", "kinh phí đối ứng của cơ sở (đồng)", "counterpart funding (đồng)", func(p P) any { return amountCell(p.Counterpart) }),
		col("doi_ung_uoc", "đối ứng là số làm tròn", "counterpart is rounded", func(p P) any { return approxCell(p.Counterpart) }),
		col("doi_ung_giai_doan", "giai đoạn của kinh phí đối ứng", "stage of the counterpart", func(p P) any { return stageCell(p.Counterpart) }),
		col("so_co_so_thu_huong", "số cơ sở thụ hưởng", "recipients", func(p P) any { return intCell(p.Recipients) }),
		col("co_so_thu_huong", "mã các cơ sở thụ hưởng có tên, cách nhau bằng dấu chấm phẩy", "ids of the named recipients, separated by semicolons", func(p P) any {
			var bens []string
			for _, b := range p.Beneficiaries {
				if b.Establishment != nil {
					bens = append(bens, b.Establishment.ID)
				}
			}
			return strings.Join(bens, "; ")
		}),
		col("trang_thai", "trạng thái (mã)", "status (key)", func(p P) any { return p.Status }),
		col("trang", "địa chỉ trang của đề án", "page address", func(p P) any { return url(p) }),
		col("tong_von", "tổng vốn đầu tư (đồng), như đã ghi", "total investment (đồng), as written", func(p P) any { return amountCell(p.TotalCost) }),
		col("tong_von_uoc", "tổng vốn là số làm tròn", "total investment is rounded", func(p P) any { return approxCell(p.TotalCost) }),
		col("tong_von_giai_doan", "giai đoạn của tổng vốn", "stage of the total investment", func(p P) any { return stageCell(p.TotalCost) }),
		col("kinh_phi_chung", "khoản kinh phí chung cho nhiều đề án (đồng), ghi một lần ở đề án đầu tiên của nhóm, không chia cho từng đề án (cộng cột này không bị trùng); đề án thuộc nhóm thì kinh_phi để trống", "one amount shared by several projects (đồng), written once on the first project of the group and never divided among them (the column adds up without counting twice); kinh_phi is then empty", func(p P) any { return amountCell(sharedMoney(p)) }),
		col("kinh_phi_chung_uoc", "khoản chung là số làm tròn", "the shared amount is rounded", func(p P) any { return approxCell(sharedMoney(p)) }),
		col("kinh_phi_chung_giai_doan", "giai đoạn của khoản chung", "stage of the shared amount", func(p P) any { return stageCell(sharedMoney(p)) }),
		col("kinh_phi_chung_de_an", "mã các đề án cùng khoản chung (đề án đầu tiên ghi số tiền), cách nhau bằng dấu chấm phẩy", "ids of the projects of the shared amount (the first writes the amount), separated by semicolons", func(p P) any {
			if p.Shared == nil {
				return ""
			}
			var group []string
			for _, q := range p.Shared.Projects {
				group = append(group, q.ID)
			}
			return strings.Join(group, "; ")
		}),
		col("so_quyet_dinh", "số quyết định", "decision number", func(p P) any { return p.Decision.Number }),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date", func(p P) any { return dateCell(p.Decision.Date) }),
		col("co_quan_ban_hanh", "cơ quan ban hành quyết định", "issuer of the decision", func(p P) any { return p.Decision.Issuer }),
		col("cac_moc", "các mốc: trạng thái và ngày, cách nhau bằng dấu chấm phẩy", "milestones: status and date, separated by semicolons", func(p P) any {
			var steps []string
			for _, ms := range p.Milestones {
				step := ms.Status
				if d := dateCell(ms.Date); d != "" {
					step += " " + d.(string)
				}
				steps = append(steps, step)
			}
			return strings.Join(steps, "; ")
		}),
		col("ket_qua", "kết quả, cách nhau bằng dấu chấm phẩy", "results, separated by semicolons", func(p P) any {
			var results []string
			for _, res := range p.Results {
				results = append(results, strings.TrimSpace(string(res)))
			}
			return strings.Join(results, "; ")
		}),
		col("dia_ban", "mã địa bàn của đề án", "area id of the project", func(p P) any { return unitID(p.Unit) }),
	}
}

// awardRow is one award of a round: a row of binh-chon.
type awardRow struct {
	rd *model.Round
	a  *model.Recognition
}

func awardRows(rounds []*model.Round) []awardRow {
	var out []awardRow
	for _, rd := range rounds {
		for _, a := range rd.Awards {
			out = append(out, awardRow{rd, a})
		}
	}
	return out
}

// reportedCount is the number a round reports recognised, empty when it
// reports none.
func reportedCount(rd *model.Round) any {
	if !rd.HasReportedCount {
		return nil
	}
	return rd.ReportedCount
}

func awardColumns() []column[awardRow] {
	type A = awardRow
	return []column[A]{
		col("vong", "mã vòng bình chọn hoặc quyết định OCOP", "round id", func(x A) any { return x.rd.ID }),
		col("he_thong", "cnnt hoặc ocop", "cnnt or ocop", func(x A) any { return x.rd.Scheme }),
		col("cap", "cấp: huyen, tinh, khu_vuc, quoc_gia", "level", func(x A) any { return x.rd.Level }),
		col("khu_vuc", "khu vực (cấp khu vực)", "region (regional rounds)", func(x A) any { return x.rd.Region }),
		col("nam", "năm", "year", func(x A) any { return x.rd.Year }),
		col("so_quyet_dinh", "số quyết định", "decision number", func(x A) any { return x.rd.Decision.Number }),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date", func(x A) any { return dateCell(x.rd.Decision.Date) }),
		col("so_cong_bo", "số sản phẩm được công nhận theo công bố của vòng", "number recognised as reported by the round", func(x A) any { return reportedCount(x.rd) }),
		col("san_pham", "mã sản phẩm", "product id", func(x A) any {
			if x.a.Product == nil {
				return ""
			}
			return x.a.Product.ID
		}),
		col("ten_san_pham", "tên sản phẩm", "product name", func(x A) any {
			if x.a.Product == nil {
				return x.a.Name
			}
			return x.a.Product.Name
		}),
		col("diem", "điểm", "score", func(x A) any {
			if x.a.Score == 0 {
				return nil
			}
			return x.a.Score
		}),
		col("sao", "số sao OCOP", "OCOP stars", func(x A) any { return intCell(x.a.Stars) }),
		col("hieu_luc_den", "hiệu lực đến (OCOP)", "valid until (OCOP)", func(x A) any { return dateCell(x.a.ValidUntil) }),
		col("chung_nhan", "số giấy chứng nhận", "certificate", func(x A) any { return x.a.Certificate }),
		col("giai", "giải: a, b, c hoặc như đã ghi", "grade: a, b, c or as written", func(x A) any { return x.a.Grade }),
		col("chu_the", "chủ sản phẩm, khi sản phẩm chưa có hồ sơ riêng", "owner, for a product without a record of its own", func(x A) any { return x.a.Owner }),
		col("don_vi", "mã địa bàn của sản phẩm, khi sản phẩm chưa có hồ sơ riêng", "area id, for a product without a record of its own", func(x A) any { return unitID(x.a.Unit) }),
	}
}

// roundColumns are those of vong-binh-chon: every round, one row each,
// those being judged too, which have no award yet.
func (r *renderer) roundColumns(url func(any) string) []column[*model.Round] {
	type R = *model.Round
	return []column[R]{
		col("id", "mã vòng bình chọn hoặc quyết định OCOP", "round id", func(rd R) any { return rd.ID }),
		col("tieu_de", "tiêu đề", "title", func(rd R) any { return r.f.roundTitle(rd) }),
		col("he_thong", "cnnt hoặc ocop", "cnnt or ocop", func(rd R) any { return rd.Scheme }),
		col("cap", "cấp: huyen, tinh, khu_vuc, quoc_gia", "level", func(rd R) any { return rd.Level }),
		col("khu_vuc", "khu vực (cấp khu vực)", "region (regional rounds)", func(rd R) any { return rd.Region }),
		col("nam", "năm", "year", func(rd R) any { return rd.Year }),
		col("dot", "đợt trong năm", "round within the year", func(rd R) any { return intCell(rd.Number) }),
		col("trang_thai", "dang_binh_chon (chưa có kết quả) hoặc da_cong_nhan", "dang_binh_chon (no result yet) or da_cong_nhan", func(rd R) any {
			if rd.Status == "" {
				return "da_cong_nhan"
			}
			return rd.Status
		}),
		col("don_vi_to_chuc", "đơn vị tổ chức", "organiser", func(rd R) any { return rd.Organiser }),
		col("cham_tu", "thời gian chấm: từ ngày", "judging from", func(rd R) any { return dateCell(rd.Judging.From) }),
		col("cham_den", "thời gian chấm: đến ngày", "judging to", func(rd R) any { return dateCell(rd.Judging.To) }),
		col("so_quyet_dinh", "số quyết định", "decision number", func(rd R) any { return rd.Decision.Number }),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date", func(rd R) any { return dateCell(rd.Decision.Date) }),
		col("co_quan_ban_hanh", "cơ quan ban hành", "issuer", func(rd R) any { return rd.Decision.Issuer }),
		col("san_pham_tham_gia", "số sản phẩm tham gia", "products entered", func(rd R) any { return quantityCell(rd.Entries) }),
		col("co_so_tham_gia", "số cơ sở tham gia", "establishments that entered", func(rd R) any { return quantityCell(rd.Entrants) }),
		col("tham_gia_theo_nhom", "sản phẩm tham gia theo nhóm (mã nhóm và số)", "entries by product group", func(rd R) any { return counts(rd.EntriesByGroup) }),
		col("du_kien_cong_nhan", "số dự kiến công nhận, công bố trước kết quả (không phải số được công nhận)", "number to be recognised, announced before the result (not a recognised count)", func(rd R) any { return quantityCell(rd.Planned) }),
		col("co_cau_giai", "cơ cấu giải (giải và số)", "prize structure (grade and number)", func(rd R) any { return counts(rd.Prizes) }),
		col("so_cong_bo", "số sản phẩm được công nhận theo công bố của vòng", "number recognised as reported by the round", func(rd R) any { return reportedCount(rd) }),
		col("theo_hang_sao", "OCOP: số sản phẩm theo hạng sao, theo công bố", "OCOP: products by stars, as reported", func(rd R) any { return counts(rd.ReportedByStars) }),
		col("so_chu_the", "OCOP: số chủ thể, theo công bố", "OCOP: owners, as reported", func(rd R) any { return quantityCell(rd.Owners) }),
		col("so_san_pham_trong_du_lieu", "số sản phẩm có trong dữ liệu chi tiết", "products in the detailed records", func(rd R) any {
			if !rd.Judged() {
				return nil
			}
			return len(rd.Awards)
		}),
		col("de_cu_len_cap_tren", "mã các sản phẩm được đề cử lên cấp trên", "ids of the products put forward to the next level", func(rd R) any {
			var next []string
			for _, p := range rd.NextLevel {
				next = append(next, p.ID)
			}
			return strings.Join(next, "; ")
		}),
		col("trang", "địa chỉ trang của vòng", "page address", func(rd R) any { return url(rd) }),
	}
}

func programmeColumns(url func(any) string) []column[*model.Programme] {
	type P = *model.Programme
	return []column[P]{
		col("id", "mã chương trình", "programme id", func(p P) any { return p.ID }),
		col("ten", "tên chương trình", "name", func(p P) any { return p.Name }),
		col("pham_vi", "phạm vi: quoc_gia, tinh", "scope", func(p P) any { return p.Scope }),
		col("tu_nam", "từ năm", "from year", func(p P) any { return intCell(p.FromYear) }),
		col("den_nam", "đến năm", "to year", func(p P) any { return intCell(p.ToYear) }),
		col("so_quyet_dinh", "số quyết định", "decision number", func(p P) any { return p.Decision.Number }),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date", func(p P) any { return dateCell(p.Decision.Date) }),
		col("so_de_an", "số đề án trong dữ liệu", "projects in the records", func(p P) any { return len(p.Projects) }),
		col("trang", "địa chỉ trang của chương trình", "page address", func(p P) any { return url(p) }),
		col("co_quan_ban_hanh", "cơ quan ban hành quyết định", "issuer of the decision", func(p P) any { return p.Decision.Issuer }),
	}
}

func yearColumns() []column[*model.YearStats] {
	type Y = *model.YearStats
	return []column[Y]{
		col("nam", "năm", "year", func(y Y) any { return y.Year }),
		col("so_de_an", "số đề án (không tính đề án đã hủy)", "projects (cancelled ones left out)", func(y Y) any { return y.Projects }),
		col("co_so_duoc_ho_tro", "số cơ sở được hỗ trợ (mỗi cơ sở một lần)", "establishments supported (each once)", func(y Y) any { return y.EstablishmentsSupported }),
		col("co_so_co_ten", "trong đó cơ sở có tên trong dữ liệu", "of which named in the records", func(y Y) any { return y.NamedSupported }),
		col("kinh_phi", "kinh phí khuyến công (đồng), tính từ dữ liệu chi tiết", "industrial promotion funding (đồng) from the records", func(y Y) any {
			if len(y.Funding) == 0 {
				return nil
			}
			return y.Funding[y.Main].Total
		}),
		col("kinh_phi_giai_doan", "giai đoạn của kinh phí", "stage of the funding", func(y Y) any {
			if len(y.Funding) == 0 {
				return ""
			}
			return y.Funding[y.Main].Stage
		}),
		col("san_pham_duoc_cong_nhan", "số công nhận trong các vòng của năm", "recognitions in the year's rounds", func(y Y) any { return y.Recognitions.Total }),
		col("de_an_chua_cong_bo_kinh_phi", "số đề án chưa công bố kinh phí (không tính trong kinh_phi)", "projects without published funding (not in kinh_phi)", func(y Y) any { return y.Unpublished }),
		col("de_an_kinh_phi_chung_nam_khac", "số đề án thuộc khoản kinh phí chung với đề án năm khác (không tính trong kinh_phi)", "projects of an amount shared with another year (not in kinh_phi)", func(y Y) any { return y.SharedOutside }),
		col("de_an_chua_ghi_so_co_so", "số đề án chưa ghi số cơ sở thụ hưởng", "projects without a number of beneficiaries", func(y Y) any { return y.RecipientsUnknown }),
	}
}

// reconciledRow is a reported figure beside the one computed from the
// records: a row of so-lieu-cong-bo.
type reconciledRow struct {
	rp *model.Report
	c  model.Reconciled
}

func reconciledRows(reports []*model.ReportStats) []reconciledRow {
	var out []reconciledRow
	for _, rs := range reports {
		for _, c := range rs.Reconciled {
			out = append(out, reconciledRow{rs.Report, c})
		}
	}
	return out
}

// reconciledColumns are those of so-lieu-cong-bo: every reported figure
// beside the one computed from the records; the difference is left empty
// where the records cannot give the figure.
func (r *renderer) reconciledColumns() []column[reconciledRow] {
	type C = reconciledRow
	return []column[C]{
		col("nam", "năm", "year", func(x C) any {
			if x.rp.MultiYear() {
				return nil
			}
			return x.rp.Year
		}),
		col("chi_tieu", "chỉ tiêu (mã)", "metric (key)", func(x C) any { return x.c.Metric }),
		col("ten_chi_tieu", "tên chỉ tiêu", "metric", func(x C) any { return model.Label(model.EnumMetric, x.c.Metric, r.lang) }),
		col("cong_bo", "số liệu công bố", "reported figure", func(x C) any {
			if x.c.Reported.Decimal {
				return x.c.Reported.Float
			}
			return x.c.Reported.Value
		}),
		col("uoc_luong", "ước lượng của số công bố: gan, khoang, hon, tren, duoi (trống: số chính xác)", "qualifier of the reported figure (empty: exact)", func(x C) any { return x.c.Reported.Approx }),
		col("chi_tiet", "số liệu chi tiết đã nhập (trống: không tính được từ dữ liệu chi tiết)", "figure computed from the records (empty: cannot be computed)", func(x C) any {
			switch {
			case !x.c.HasComputed:
				return nil
			case x.c.Reported.Decimal:
				return x.c.ComputedFloat
			}
			return x.c.Computed
		}),
		col("chenh_lech", "chênh lệch: công bố trừ chi tiết", "difference: reported minus computed", func(x C) any {
			if !x.c.HasComputed || x.c.Reported.Decimal {
				return nil
			}
			return x.c.Diff
		}),
		col("bao_cao", "mã báo cáo (xem bao-cao)", "report id (see bao-cao)", func(x C) any { return x.rp.ID }),
		col("dia_ban", "mã địa bàn của báo cáo (trống: địa bàn của trang)", "area id of the report (empty: the site's area)", func(x C) any { return unitID(x.rp.Unit) }),
		col("tu_nam", "từ năm", "from year", func(x C) any { return x.rp.From }),
		col("den_nam", "đến năm", "to year", func(x C) any { return x.rp.To }),
		col("ly_do", "khi không có số liệu chi tiết, lý do: not-held (dữ liệu không ghi), not-entered (chưa nhập), unpublished (kinh phí chưa công bố), shared (khoản chung không chia), other-area (địa bàn ngoài trang)", "when there is no computed figure, why: not-held, not-entered, unpublished, shared, other-area", func(x C) any { return x.c.Reason }),
		col("thieu", "số hồ sơ mà số liệu chi tiết còn thiếu (đề án chưa công bố kinh phí…)", "records the computed figure lacks (projects without published funding, …)", func(x C) any { return intCell(x.c.Missing) }),
	}
}

// reportColumns are those of bao-cao: every report, one row each; its
// figures are in so-lieu-cong-bo.
func (r *renderer) reportColumns(url func(any) string) []column[*model.ReportStats] {
	type S = *model.ReportStats
	return []column[S]{
		col("id", "mã báo cáo (cột bao_cao của so-lieu-cong-bo)", "report id (column bao_cao of so-lieu-cong-bo)", func(rs S) any { return rs.Report.ID }),
		col("tieu_de", "tiêu đề", "title", func(rs S) any { return r.f.reportTitle(rs.Report) }),
		col("tu_nam", "từ năm", "from year", func(rs S) any { return rs.Report.From }),
		col("den_nam", "đến năm", "to year", func(rs S) any { return rs.Report.To }),
		col("dia_ban", "mã địa bàn (trống: địa bàn của trang)", "area id (empty: the site's area)", func(rs S) any { return unitID(rs.Report.Unit) }),
		col("so_van_ban", "số văn bản", "document number", func(rs S) any { return rs.Report.Decision.Number }),
		col("ngay_van_ban", "ngày văn bản", "document date", func(rs S) any { return dateCell(rs.Report.Decision.Date) }),
		col("co_quan_ban_hanh", "cơ quan ban hành", "issuer", func(rs S) any { return rs.Report.Decision.Issuer }),
		col("doi_chieu", "có (đối chiếu với dữ liệu chi tiết cùng địa bàn, cùng năm) hoặc không (địa bàn ngoài trang)", "yes (compared with the records of the same area and years) or no (an area beyond the site)", func(rs S) any {
			if !rs.Comparable {
				return "khong"
			}
			return "co"
		}),
		col("trang", "địa chỉ trang của báo cáo", "page address", func(rs S) any { return url(rs.Report) }),
	}
}

func unitColumns() []column[*model.Unit] {
	type U = *model.Unit
	return []column[U]{
		col("id", "mã địa bàn", "area id", func(u U) any { return u.ID }),
		col("ten", "tên", "name", func(u U) any { return u.Name }),
		col("loai", "loại: tinh, huyen, xa, …", "type", func(u U) any { return u.Type }),
		col("cap_tren", "mã địa bàn cấp trên", "id of the area above", func(u U) any { return unitID(u.Parent) }),
		col("ma_thong_ke", "mã thống kê", "statistics code", func(u U) any { return u.Code }),
		col("hieu_luc_tu", "có hiệu lực từ", "valid from", func(u U) any { return dateCell(u.ValidFrom) }),
		col("hieu_luc_den", "hết hiệu lực sau", "valid to", func(u U) any { return dateCell(u.ValidTo) }),
		col("nay_la", "mã địa bàn hiện nay", "id of the area today", func(u U) any { return unitID(u.Current) }),
		col("cap_tren_theo_thoi_gian", "các đơn vị cấp trên theo thời gian: mã, từ ngày, đến ngày, cách nhau bằng dấu chấm phẩy", "the units above over time: id, from, to, separated by semicolons", func(u U) any {
			var parents []string
			for _, p := range u.Parents {
				parents = append(parents, strings.TrimRight(unitID(p.Unit)+" "+cellString(dateCell(p.From))+" "+cellString(dateCell(p.To)), " "))
			}
			return strings.Join(parents, "; ")
		}),
		col("hinh_thanh_tu", "mã các đơn vị hợp nhất, sáp nhập vào đơn vị này", "ids of the units merged into this one", func(u U) any {
			var from []string
			for _, x := range u.FormedFrom {
				from = append(from, x.ID)
			}
			return strings.Join(from, "; ")
		}),
	}
}

func newsColumns(url func(any) string) []column[*model.Article] {
	type A = *model.Article
	return []column[A]{
		col("id", "mã bài viết", "article id", func(a A) any { return a.Slug }),
		col("tieu_de", "tiêu đề", "title", func(a A) any { return a.Title }),
		col("ngay", "ngày đăng", "date", func(a A) any {
			if !a.HasDate {
				return ""
			}
			return a.Date.Format("2006-01-02")
		}),
		col("tac_gia", "tác giả", "author", func(a A) any { return a.Author }),
		col("nguon", "nguồn", "source", func(a A) any { return a.Source.Name }),
		col("tom_tat", "tóm tắt", "summary", func(a A) any { return a.Summary }),
		col("chu_de", "chủ đề, cách nhau bằng dấu chấm phẩy", "tags, separated by semicolons", func(a A) any { return strings.Join(a.Tags, "; ") }),
		col("trang", "địa chỉ bài viết", "page address", func(a A) any { return url(a) }),
	}
}

// cellString is a text cell, "" for an empty one.
func cellString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// counts writes counts by key: "a 2; b 4; c 14".
func counts(cs []model.Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		s := c.Key + " " + cellText(c.Value)
		if c.Approx != "" {
			s += " (" + c.Approx + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// quantityCell is a count as written, empty when not given.
func quantityCell(q model.Quantity) any {
	if !q.Set {
		return nil
	}
	return q.Value
}
