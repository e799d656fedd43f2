package importcsv

import (
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/model"
)

func TestHeaderMap(t *testing.T) {
	tests := []struct {
		kind   string
		header []string
		want   string
	}{
		{"establishments", []string{"Tên cơ sở", "Loại hình", "Đơn vị hành chính", "Điện thoại"},
			"name legal_form address.unit contact.phone"},
		{"establishments", []string{"TEN CO SO", "loai hinh", "xa", "dien thoai", "Ghi chú"},
			"name legal_form address.unit contact.phone ?Ghi chú"},
		{"establishments", []string{"name", "legal_form", "unit", "phone", "sectors", "public"},
			"name legal_form address.unit contact.phone sectors contact.public"},
		{"establishments", []string{" Tên cơ sở (*) ", "Năm thành lập:", "Xã", "Huyện", ""},
			"name founded address.unit address.unit"},
		{"products", []string{"Tên sản phẩm", "Cơ sở", "Nhóm", "Giá (đồng)", "ĐVT", "Đơn vị tính"},
			"name establishment group price.amount price.unit price.unit"},
		{"projects", []string{"Tên đề án", "Năm", "Nguồn kinh phí", "Loại", "Hoạt động", "Kinh phí (đồng)", "Số cơ sở hưởng lợi", "Trạng thái", "Tóm tắt"},
			"title year funding_source type activity budget beneficiaries_count status summary"},
		{"projects", []string{"ten de an", "NAM", "nguon kinh phi", "kinh_phi"},
			"title year funding_source budget"},
	}
	for _, tt := range tests {
		fields, unknown := headerMap(tt.kind, tt.header)
		var got []string
		for _, f := range fields {
			got = append(got, f.col.path)
		}
		for _, i := range unknown {
			got = append(got, "?"+tt.header[i])
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("headerMap(%s, %q) = %s, want %s", tt.kind, tt.header, g, tt.want)
		}
	}
}

func TestEnumKey(t *testing.T) {
	tests := []struct {
		enum, in, want string
	}{
		{model.EnumLegalForm, "Công ty TNHH", "cong_ty_tnhh"},
		{model.EnumLegalForm, "cong ty trach nhiem huu han", "cong_ty_tnhh"},
		{model.EnumLegalForm, "Hộ kinh doanh", "ho_kinh_doanh"},
		{model.EnumLegalForm, "HTX", "htx"},
		{model.EnumLegalForm, "Hợp tác xã", "htx"},
		{model.EnumLegalForm, "ho_kinh_doanh", "ho_kinh_doanh"},
		{model.EnumLegalForm, "Cơ sở sản xuất", "co_so"},
		{model.EnumLegalForm, "công ty hợp danh", ""},
		{model.EnumScale, "Siêu nhỏ", "sieu_nho"},
		{model.EnumScale, "vua", "vua"},
		{model.EnumFundingSource, "Khuyến công quốc gia", "kcqg"},
		{model.EnumFundingSource, "khuyen cong dia phuong", "kcdp"},
		{model.EnumFundingSource, "KCĐP", "kcdp"},
		{model.EnumFundingSource, "Nguồn khác", "khac"},
		{model.EnumProjectType, "Đề án nhóm", "nhom"},
		{model.EnumProjectType, "điểm", "diem"},
		{model.EnumActivity, "Đào tạo nghề", "dao_tao_nghe"},
		{model.EnumActivity, "Hội chợ, triển lãm", "hoi_cho_trien_lam"},
		{model.EnumActivity, "ứng dụng máy móc thiết bị tiên tiến", "ung_dung_mmtb"},
		{model.EnumStatus, "Đã nghiệm thu", "nghiem_thu"},
		{model.EnumStatus, "nghiệm thu", "nghiem_thu"},
		{model.EnumStatus, "Đang thực hiện", "thuc_hien"},
		{model.EnumGroup, "Thủ công mỹ nghệ", "tcmn"},
		{model.EnumGroup, "Chế biến nông lâm thủy sản và thực phẩm", "che_bien"},
		{model.EnumGroup, "handicrafts", "tcmn"},
		{model.EnumGroup, "", ""},
	}
	for _, tt := range tests {
		got, ok := enumKey(tt.enum, tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("enumKey(%s, %q) = %q, %v; want %q", tt.enum, tt.in, got, ok, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in    string
		want  int64
		noted bool
		ok    bool
	}{
		{"1200000000", 1200000000, false, true},
		{"1.200.000.000", 1200000000, false, true},
		{"1,200,000,000", 1200000000, false, true},
		{"1 200 000 000", 1200000000, false, true},
		{"1.200.000.000 đồng", 1200000000, false, true},
		{"1.200.000.000đ", 1200000000, false, true},
		{"25.000 VNĐ", 25000, false, true},
		{"1,2 tỷ", 1200000000, true, true},
		{"1.2 tỷ đồng", 1200000000, true, true},
		{"900 triệu", 900000000, true, true},
		{"1.500 triệu", 1500000000, true, true},
		{"4,55 tỷ", 4550000000, true, true},
		{"50 nghìn", 50000, true, true},
		{"0", 0, false, true},
		{"1,5", 0, false, false},
		{"12.00.000", 0, false, false},
		{"1.2.3 tỷ", 0, false, false},
		{"0,0000000001 tỷ", 0, false, false},
		{"khoảng 2 tỷ", 0, false, false},
		{"-500000", 0, false, false},
		{"tỷ", 0, false, false},
		{"99999999999 tỷ", 0, false, false},
	}
	for _, tt := range tests {
		got, note, ok := parseMoney(tt.in)
		if got != tt.want || ok != tt.ok || (note != "") != tt.noted {
			t.Errorf("parseMoney(%q) = %d, %q, %v; want %d, noted %v, %v", tt.in, got, note, ok, tt.want, tt.noted, tt.ok)
		}
	}
}

func TestParseSmall(t *testing.T) {
	if y, ok := parseYear("2020"); !ok || y != 2020 {
		t.Errorf("parseYear(2020) = %d, %v", y, ok)
	}
	for _, s := range []string{"20", "năm 2020", "1800", "2020-01"} {
		if _, ok := parseYear(s); ok {
			t.Errorf("parseYear(%q) accepted", s)
		}
	}
	bools := map[string]bool{"có": true, "Có": true, "x": true, "yes": true, "không": false, "KHONG": false, "0": false}
	for s, want := range bools {
		if got, ok := parseBool(s); !ok || got != want {
			t.Errorf("parseBool(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := parseBool("có lẽ"); ok {
		t.Error("parseBool accepted “có lẽ”")
	}
	lists := map[string]string{
		"chế biến gạo; sấy lúa":   "chế biến gạo|sấy lúa",
		"mây tre đan, thêu ren":   "mây tre đan|thêu ren",
		"nông sản, thực phẩm; gỗ": "nông sản, thực phẩm|gỗ",
		" ; ":                     "",
	}
	for in, want := range lists {
		if got := strings.Join(splitList(in), "|"); got != want {
			t.Errorf("splitList(%q) = %q, want %q", in, got, want)
		}
	}
}
