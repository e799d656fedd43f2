package model

// EnumValue is one allowed value of an enumerated field, with its labels.
type EnumValue struct {
	Key string
	Vi  string
	En  string
}

// Enum names, as used by the schemas, Label and EnumValues.
const (
	EnumUnitType      = "unit_type"
	EnumLegalForm     = "legal_form"
	EnumScale         = "scale"
	EnumGroup         = "group"
	EnumScheme        = "scheme"
	EnumLevel         = "level"
	EnumRegion        = "region"
	EnumFundingSource = "funding_source"
	EnumProjectType   = "project_type"
	EnumActivity      = "activity"
	EnumStatus        = "status"
	EnumStage         = "stage"
	EnumApprox        = "approx"
	EnumScope         = "scope"
	EnumMetric        = "metric"
	EnumLanguage      = "language"
	EnumRoundStatus   = "round_status"
	EnumStars         = "stars"
)

// enums holds every enumeration of the data contract, each in the
// contract's order (the display order of tables and charts).
var enums = map[string][]EnumValue{
	EnumUnitType: {
		{"quoc_gia", "quốc gia", "country"},
		{"tinh", "tỉnh", "province"},
		{"thanh_pho_tw", "thành phố trực thuộc trung ương", "centrally governed city"},
		{"thanh_pho", "thành phố", "city"},
		{"thi_xa", "thị xã", "town"},
		{"huyen", "huyện", "district"},
		{"quan", "quận", "urban district"},
		{"phuong", "phường", "ward"},
		{"xa", "xã", "commune"},
		{"thi_tran", "thị trấn", "township"},
		{"dac_khu", "đặc khu", "special zone"},
	},
	EnumLegalForm: {
		{"cong_ty_tnhh", "công ty TNHH", "limited liability company"},
		{"cong_ty_cp", "công ty cổ phần", "joint-stock company"},
		{"dntn", "doanh nghiệp tư nhân", "private enterprise"},
		{"htx", "hợp tác xã", "cooperative"},
		{"to_hop_tac", "tổ hợp tác", "cooperative group"},
		{"ho_kinh_doanh", "hộ kinh doanh", "household business"},
		{"co_so", "cơ sở sản xuất", "production unit"},
	},
	EnumScale: {
		{"sieu_nho", "siêu nhỏ", "micro"},
		{"nho", "nhỏ", "small"},
		{"vua", "vừa", "medium"},
	},
	EnumGroup: {
		{"che_bien", "chế biến nông, lâm, thủy sản và thực phẩm", "processed farm, forest and fishery products and food"},
		{"tcmn", "thủ công mỹ nghệ", "handicrafts"},
		{"co_khi", "thiết bị, máy móc, dụng cụ, phụ tùng cơ khí", "equipment, machinery, tools and mechanical parts"},
		{"khac", "sản phẩm khác", "other products"},
	},
	EnumScheme: {
		{"cnnt", "sản phẩm công nghiệp nông thôn tiêu biểu", "standout rural industrial product"},
		{"ocop", "OCOP", "OCOP"},
	},
	EnumLevel: {
		{"huyen", "cấp huyện", "district level"},
		{"tinh", "cấp tỉnh", "provincial level"},
		{"khu_vuc", "cấp khu vực", "regional level"},
		{"quoc_gia", "cấp quốc gia", "national level"},
	},
	EnumRegion: {
		{"bac", "miền Bắc", "North"},
		{"trung_tn", "miền Trung - Tây Nguyên", "Centre and Central Highlands"},
		{"nam", "miền Nam", "South"},
	},
	EnumFundingSource: {
		{"kcqg", "khuyến công quốc gia", "national industrial promotion"},
		{"kcdp", "khuyến công địa phương", "local industrial promotion"},
		{"khac", "nguồn khác", "other sources"},
	},
	EnumProjectType: {
		{"nhom", "đề án nhóm", "group project"},
		{"diem", "đề án điểm", "pilot project"},
		{"don", "đề án đơn", "single project"},
	},
	EnumActivity: {
		{"dao_tao_nghe", "đào tạo nghề, truyền nghề", "vocational training"},
		{"nang_luc_co_so", "nâng cao năng lực quản lý cơ sở", "management capacity of establishments"},
		{"mo_hinh_trinh_dien", "xây dựng mô hình trình diễn kỹ thuật", "technical demonstration models"},
		{"ung_dung_mmtb", "ứng dụng máy móc thiết bị tiên tiến", "advanced machinery and equipment"},
		{"san_xuat_sach_hon", "sản xuất sạch hơn", "cleaner production"},
		{"binh_chon_sp", "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", "standout product selection"},
		{"hoi_cho_trien_lam", "hội chợ, triển lãm", "trade fairs and exhibitions"},
		{"xuc_tien_sp", "xúc tiến thương mại, phát triển sản phẩm", "trade promotion and product development"},
		{"tu_van", "tư vấn, trợ giúp", "consulting and assistance"},
		{"thong_tin_tuyen_truyen", "thông tin, tuyên truyền", "information and communication"},
		{"lien_ket_ccn", "liên kết, phát triển cụm công nghiệp", "links and industrial clusters"},
		{"hop_tac_quoc_te", "hợp tác quốc tế về khuyến công", "international cooperation"},
		{"nang_luc_khuyen_cong", "nâng cao năng lực tổ chức khuyến công", "capacity of the promotion agency"},
		{"khac", "hoạt động khác", "other activities"},
	},
	EnumStatus: {
		{"de_xuat", "đề xuất", "proposed"},
		{"phe_duyet", "đã phê duyệt", "approved"},
		{"thuc_hien", "đang thực hiện", "in progress"},
		{"nghiem_thu", "đã nghiệm thu", "accepted"},
		{"quyet_toan", "đã quyết toán", "settled"},
		{"huy", "đã hủy", "cancelled"},
	},
	EnumStage: {
		{"de_nghi", "đề nghị", "requested"},
		{"phe_duyet", "phê duyệt", "approved"},
		{"giai_ngan", "giải ngân", "disbursed"},
		{"quyet_toan", "quyết toán", "settled"},
	},
	EnumApprox: {
		{"gan", "gần", "nearly"},
		{"khoang", "khoảng", "about"},
		{"hon", "hơn", "more than"},
		{"tren", "trên", "over"},
		{"duoi", "dưới", "under"},
	},
	EnumScope: {
		{"quoc_gia", "quốc gia", "national"},
		{"tinh", "tỉnh", "provincial"},
	},
	EnumMetric: {
		{"establishments_supported", "Số cơ sở được hỗ trợ", "Establishments supported"},
		{"funding_total", "Tổng kinh phí khuyến công", "Total promotion funding"},
		{"funding_kcqg", "Kinh phí khuyến công quốc gia", "National promotion funding"},
		{"funding_kcdp", "Kinh phí khuyến công địa phương", "Local promotion funding"},
		{"counterpart_total", "Vốn đối ứng của cơ sở", "Counterpart funding of the establishments"},
		{"investment_total", "Tổng vốn đầu tư", "Total investment"},
		{"leverage", "Vốn đối ứng trên một đồng khuyến công", "Counterpart per đồng of promotion funding"},
		{"projects", "Số đề án", "Projects"},
		{"projects_accepted", "Số đề án được nghiệm thu", "Projects accepted"},
		{"demo_models", "Mô hình trình diễn kỹ thuật", "Technical demonstration models"},
		{"entries", "Sản phẩm tham gia bình chọn", "Products entered for selection"},
		{"cnnt_tinh", "Sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", "Standout products, provincial level"},
		{"cnnt_khu_vuc", "Sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực", "Standout products, regional level"},
		{"cnnt_quoc_gia", "Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia", "Standout products, national level"},
		{"ocop", "Sản phẩm OCOP được công nhận", "OCOP products recognised"},
		{"ocop_3_sao", "Sản phẩm OCOP 3 sao", "3-star OCOP products"},
		{"ocop_4_sao", "Sản phẩm OCOP 4 sao", "4-star OCOP products"},
		{"ocop_5_sao", "Sản phẩm OCOP 5 sao", "5-star OCOP products"},
		{"ocop_owners", "Chủ thể có sản phẩm OCOP", "OCOP product owners"},
		{"ocop_in_force", "Sản phẩm OCOP còn hiệu lực", "OCOP products with a valid certificate"},
		{"fairs", "Hội chợ, triển lãm tham gia", "Trade fairs attended"},
		{"study_tours", "Chuyến tham quan, khảo sát", "Study tours"},
		{"establishments_in_area", "Số cơ sở công nghiệp nông thôn trên địa bàn", "Rural industrial establishments in the area"},
	},
	EnumLanguage: {
		{"vi", "tiếng Việt", "Vietnamese"},
		{"en", "tiếng Anh", "English"},
	},
	EnumRoundStatus: {
		{"dang_binh_chon", "đang bình chọn", "being judged"},
		{"da_cong_nhan", "đã công nhận", "recognised"},
	},
	EnumStars: {
		{"3", "3 sao", "3 stars"},
		{"4", "4 sao", "4 stars"},
		{"5", "5 sao", "5 stars"},
	},
}

// levelsByScheme lists the levels each recognition scheme allows.
var levelsByScheme = map[string][]string{
	"cnnt": {"huyen", "tinh", "khu_vuc", "quoc_gia"},
	"ocop": {"tinh", "quoc_gia"},
}

// EnumValues returns the allowed values of an enum in display order, nil
// for an unknown enum. The slice is shared: do not modify it.
func EnumValues(enum string) []EnumValue { return enums[enum] }

// Label returns the label of an enum key in lang ("vi" or "en"); the key
// itself when the enum or key is unknown.
func Label(enum, key, lang string) string {
	for _, v := range enums[enum] {
		if v.Key == key {
			if lang == "en" {
				return v.En
			}
			return v.Vi
		}
	}
	return key
}

// EnumIndex returns the position of key in the enum's display order, or
// len(values) when the key is not one of them, so that unknown keys sort
// last.
func EnumIndex(enum, key string) int {
	vs := enums[enum]
	for i, v := range vs {
		if v.Key == key {
			return i
		}
	}
	return len(vs)
}

// IsMoneyMetric reports whether a report metric is an amount of đồng
// (funding_*) rather than a count.
func IsMoneyMetric(metric string) bool {
	switch metric {
	case "funding_total", "funding_kcqg", "funding_kcdp", "counterpart_total", "investment_total":
		return true
	}
	return false
}

// IsDecimalMetric reports whether a report metric is a ratio written with
// decimals (leverage).
func IsDecimalMetric(metric string) bool { return metric == "leverage" }

func enumHas(enum, key string) bool {
	return EnumIndex(enum, key) < len(enums[enum])
}
