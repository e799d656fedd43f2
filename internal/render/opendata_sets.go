package render

import (
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
)

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

// roundSet is every round, one row each: those being judged too, which
// have no award yet.
func (r *renderer) roundSet(url func(any) string) *DataSet {
	set := &DataSet{Name: "vong-binh-chon", Title: r.f.i18n.text("data.rounds"), Columns: []DataColumn{
		col("id", "mã vòng bình chọn hoặc quyết định OCOP", "round id"),
		col("tieu_de", "tiêu đề", "title"),
		col("he_thong", "cnnt hoặc ocop", "cnnt or ocop"),
		col("cap", "cấp: huyen, tinh, khu_vuc, quoc_gia", "level"),
		col("khu_vuc", "khu vực (cấp khu vực)", "region (regional rounds)"),
		col("nam", "năm", "year"),
		col("dot", "đợt trong năm", "round within the year"),
		col("trang_thai", "dang_binh_chon (chưa có kết quả) hoặc da_cong_nhan", "dang_binh_chon (no result yet) or da_cong_nhan"),
		col("don_vi_to_chuc", "đơn vị tổ chức", "organiser"),
		col("cham_tu", "thời gian chấm: từ ngày", "judging from"),
		col("cham_den", "thời gian chấm: đến ngày", "judging to"),
		col("so_quyet_dinh", "số quyết định", "decision number"),
		col("ngay_quyet_dinh", "ngày quyết định", "decision date"),
		col("co_quan_ban_hanh", "cơ quan ban hành", "issuer"),
		col("san_pham_tham_gia", "số sản phẩm tham gia", "products entered"),
		col("co_so_tham_gia", "số cơ sở tham gia", "establishments that entered"),
		col("tham_gia_theo_nhom", "sản phẩm tham gia theo nhóm (mã nhóm và số)", "entries by product group"),
		col("du_kien_cong_nhan", "số dự kiến công nhận, công bố trước kết quả (không phải số được công nhận)", "number to be recognised, announced before the result (not a recognised count)"),
		col("co_cau_giai", "cơ cấu giải (giải và số)", "prize structure (grade and number)"),
		col("so_cong_bo", "số sản phẩm được công nhận theo công bố của vòng", "number recognised as reported by the round"),
		col("theo_hang_sao", "OCOP: số sản phẩm theo hạng sao, theo công bố", "OCOP: products by stars, as reported"),
		col("so_chu_the", "OCOP: số chủ thể, theo công bố", "OCOP: owners, as reported"),
		col("so_san_pham_trong_du_lieu", "số sản phẩm có trong dữ liệu chi tiết", "products in the detailed records"),
		col("de_cu_len_cap_tren", "mã các sản phẩm được đề cử lên cấp trên", "ids of the products put forward to the next level"),
		col("trang", "địa chỉ trang của vòng", "page address"),
	}}
	for _, rd := range r.m.Rounds {
		var next []string
		for _, p := range rd.NextLevel {
			next = append(next, p.ID)
		}
		var reported any
		if rd.HasReportedCount {
			reported = rd.ReportedCount
		}
		var listed any
		if rd.Judged() {
			listed = len(rd.Awards)
		}
		status := rd.Status
		if status == "" {
			status = "da_cong_nhan"
		}
		set.Rows = append(set.Rows, []any{rd.ID, r.f.roundTitle(rd), rd.Scheme, rd.Level, rd.Region, rd.Year, intCell(rd.Number), status,
			rd.Organiser, dateCell(rd.Judging.From), dateCell(rd.Judging.To), rd.Decision.Number, dateCell(rd.Decision.Date), rd.Decision.Issuer,
			quantityCell(rd.Entries), quantityCell(rd.Entrants), counts(rd.EntriesByGroup), quantityCell(rd.Planned), counts(rd.Prizes),
			reported, counts(rd.ReportedByStars), quantityCell(rd.Owners), listed, strings.Join(next, "; "), url(rd)})
	}
	return set
}

// reportSet is every report, one row each; its figures are in
// so-lieu-cong-bo.
func (r *renderer) reportSet(url func(any) string) *DataSet {
	set := &DataSet{Name: "bao-cao", Title: r.f.i18n.text("data.reports"), Columns: []DataColumn{
		col("id", "mã báo cáo (cột bao_cao của so-lieu-cong-bo)", "report id (column bao_cao of so-lieu-cong-bo)"),
		col("tieu_de", "tiêu đề", "title"),
		col("tu_nam", "từ năm", "from year"),
		col("den_nam", "đến năm", "to year"),
		col("dia_ban", "mã địa bàn (trống: địa bàn của trang)", "area id (empty: the site's area)"),
		col("so_van_ban", "số văn bản", "document number"),
		col("ngay_van_ban", "ngày văn bản", "document date"),
		col("co_quan_ban_hanh", "cơ quan ban hành", "issuer"),
		col("doi_chieu", "có (đối chiếu với dữ liệu chi tiết cùng địa bàn, cùng năm) hoặc không (địa bàn ngoài trang)", "yes (compared with the records of the same area and years) or no (an area beyond the site)"),
		col("trang", "địa chỉ trang của báo cáo", "page address"),
	}}
	for _, rs := range r.m.Stats.Reports {
		rp := rs.Report
		compared := "co"
		if !rs.Comparable {
			compared = "khong"
		}
		set.Rows = append(set.Rows, []any{rp.ID, r.f.reportTitle(rp), rp.From, rp.To, unitID(rp.Unit), rp.Decision.Number,
			dateCell(rp.Decision.Date), rp.Decision.Issuer, compared, url(rp)})
	}
	return set
}
