package model

import (
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// EnumValue is one allowed value of an enumerated field, with its label.
// The labels are the program's one source for these words: messages, the
// pages (through Label) and the import of spreadsheets read them here.
type EnumValue struct {
	Key   string
	Label diag.Msg
}

func ev(key, vie, eng string) EnumValue {
	return EnumValue{Key: key, Label: diag.Msg{Vi: vie, En: eng}}
}

// approxValues are the qualifiers of rounded figures, labelled with the
// words package vi writes before them.
func approxValues() []EnumValue {
	var out []EnumValue
	for _, k := range vi.ApproxKeys() {
		out = append(out, ev(k, vi.Approx(k, "vi"), vi.Approx(k, "en")))
	}
	return out
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
		ev("quoc_gia", "quốc gia", "country"),
		ev("tinh", "tỉnh", "province"),
		ev("thanh_pho_tw", "thành phố trực thuộc trung ương", "centrally governed city"),
		ev("thanh_pho", "thành phố", "city"),
		ev("thi_xa", "thị xã", "town"),
		ev("huyen", "huyện", "district"),
		ev("quan", "quận", "urban district"),
		ev("phuong", "phường", "ward"),
		ev("xa", "xã", "commune"),
		ev("thi_tran", "thị trấn", "township"),
		ev("dac_khu", "đặc khu", "special zone"),
	},
	EnumLegalForm: {
		ev("cong_ty_tnhh", "công ty TNHH", "limited liability company"),
		ev("cong_ty_cp", "công ty cổ phần", "joint-stock company"),
		ev("dntn", "doanh nghiệp tư nhân", "private enterprise"),
		ev("htx", "hợp tác xã", "cooperative"),
		ev("to_hop_tac", "tổ hợp tác", "cooperative group"),
		ev("ho_kinh_doanh", "hộ kinh doanh", "household business"),
		ev("co_so", "cơ sở sản xuất", "production unit"),
	},
	EnumScale: {
		ev("sieu_nho", "siêu nhỏ", "micro"),
		ev("nho", "nhỏ", "small"),
		ev("vua", "vừa", "medium"),
	},
	EnumGroup: {
		ev("che_bien", "chế biến nông, lâm, thủy sản và thực phẩm", "processed farm, forest and fishery products and food"),
		ev("tcmn", "thủ công mỹ nghệ", "handicrafts"),
		ev("co_khi", "thiết bị, máy móc, dụng cụ, phụ tùng cơ khí", "equipment, machinery, tools and mechanical parts"),
		ev("khac", "sản phẩm khác", "other products"),
	},
	EnumScheme: {
		ev("cnnt", "sản phẩm công nghiệp nông thôn tiêu biểu", "standout rural industrial product"),
		ev("ocop", "OCOP", "OCOP"),
	},
	EnumLevel: {
		ev("huyen", "cấp huyện", "district level"),
		ev("tinh", "cấp tỉnh", "provincial level"),
		ev("khu_vuc", "cấp khu vực", "regional level"),
		ev("quoc_gia", "cấp quốc gia", "national level"),
	},
	EnumRegion: {
		// As the regional rounds are named: "cấp khu vực phía Nam".
		ev("bac", "phía Bắc", "North"),
		ev("trung_tn", "miền Trung – Tây Nguyên", "Centre and Central Highlands"),
		ev("nam", "phía Nam", "South"),
	},
	EnumFundingSource: {
		ev("kcqg", "khuyến công quốc gia", "national industrial promotion"),
		ev("kcdp", "khuyến công địa phương", "local industrial promotion"),
		ev("khac", "nguồn khác", "other sources"),
	},
	EnumProjectType: {
		ev("nhom", "đề án nhóm", "group project"),
		ev("diem", "đề án điểm", "pilot project"),
		ev("don", "đề án đơn", "single project"),
	},
	EnumActivity: {
		ev("dao_tao_nghe", "đào tạo nghề, truyền nghề", "vocational training"),
		ev("nang_luc_co_so", "nâng cao năng lực quản lý cơ sở", "management capacity of establishments"),
		ev("mo_hinh_trinh_dien", "xây dựng mô hình trình diễn kỹ thuật", "technical demonstration models"),
		ev("ung_dung_mmtb", "ứng dụng máy móc thiết bị tiên tiến", "advanced machinery and equipment"),
		ev("san_xuat_sach_hon", "sản xuất sạch hơn", "cleaner production"),
		ev("binh_chon_sp", "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", "standout product selection"),
		ev("hoi_cho_trien_lam", "hội chợ, triển lãm", "trade fairs and exhibitions"),
		ev("xuc_tien_sp", "xúc tiến thương mại, phát triển sản phẩm", "trade promotion and product development"),
		ev("tu_van", "tư vấn, trợ giúp", "consulting and assistance"),
		ev("thong_tin_tuyen_truyen", "thông tin, tuyên truyền", "information and communication"),
		ev("lien_ket_ccn", "liên kết, phát triển cụm công nghiệp", "links and industrial clusters"),
		ev("hop_tac_quoc_te", "hợp tác quốc tế về khuyến công", "international cooperation"),
		ev("nang_luc_khuyen_cong", "nâng cao năng lực tổ chức khuyến công", "capacity of the promotion agency"),
		ev("khac", "hoạt động khác", "other activities"),
	},
	EnumStatus: {
		ev("de_xuat", "đề xuất", "proposed"),
		ev("phe_duyet", "đã phê duyệt", "approved"),
		ev("thuc_hien", "đang thực hiện", "in progress"),
		ev("nghiem_thu", "đã nghiệm thu", "accepted"),
		ev("quyet_toan", "đã quyết toán", "settled"),
		ev("huy", "đã hủy", "cancelled"),
	},
	EnumStage: {
		ev("de_nghi", "đề nghị", "requested"),
		ev("phe_duyet", "phê duyệt", "approved"),
		ev("giai_ngan", "giải ngân", "disbursed"),
		ev("quyet_toan", "quyết toán", "settled"),
	},
	// The words before a rounded figure, as package vi writes them.
	EnumApprox: approxValues(),
	EnumScope: {
		ev("quoc_gia", "quốc gia", "national"),
		ev("tinh", "tỉnh", "provincial"),
	},
	EnumMetric: {
		ev("establishments_supported", "Số cơ sở được hỗ trợ", "Establishments supported"),
		ev("funding_total", "Tổng kinh phí khuyến công", "Total promotion funding"),
		ev("funding_kcqg", "Kinh phí khuyến công quốc gia", "National promotion funding"),
		ev("funding_kcdp", "Kinh phí khuyến công địa phương", "Local promotion funding"),
		ev("counterpart_total", "Vốn đối ứng của cơ sở", "Counterpart funding of the establishments"),
		ev("investment_total", "Tổng vốn đầu tư", "Total investment"),
		ev("leverage", "Vốn đối ứng trên một đồng khuyến công", "Counterpart per đồng of promotion funding"),
		ev("projects", "Số đề án", "Projects"),
		ev("projects_accepted", "Số đề án được nghiệm thu", "Projects accepted"),
		ev("demo_models", "Mô hình trình diễn kỹ thuật", "Technical demonstration models"),
		ev("entries", "Sản phẩm tham gia bình chọn", "Products entered for selection"),
		ev("cnnt_tinh", "Sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", "Standout products, provincial level"),
		ev("cnnt_khu_vuc", "Sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực", "Standout products, regional level"),
		ev("cnnt_quoc_gia", "Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia", "Standout products, national level"),
		ev("ocop", "Sản phẩm OCOP được công nhận", "OCOP products recognised"),
		ev("ocop_3_sao", "Sản phẩm OCOP 3 sao", "3-star OCOP products"),
		ev("ocop_4_sao", "Sản phẩm OCOP 4 sao", "4-star OCOP products"),
		ev("ocop_5_sao", "Sản phẩm OCOP 5 sao", "5-star OCOP products"),
		ev("ocop_owners", "Chủ thể có sản phẩm OCOP", "OCOP product owners"),
		ev("ocop_in_force", "Sản phẩm OCOP còn hiệu lực", "OCOP products with a valid certificate"),
		ev("fairs", "Hội chợ, triển lãm tham gia", "Trade fairs attended"),
		ev("study_tours", "Chuyến tham quan, khảo sát", "Study tours"),
		ev("establishments_in_area", "Số cơ sở công nghiệp nông thôn trên địa bàn", "Rural industrial establishments in the area"),
	},
	EnumLanguage: {
		ev("vi", "tiếng Việt", "Vietnamese"),
		ev("en", "tiếng Anh", "English"),
	},
	EnumRoundStatus: {
		ev("dang_binh_chon", "đang bình chọn", "being judged"),
		ev("da_cong_nhan", "đã công nhận", "recognised"),
	},
	EnumStars: {
		ev("3", "3 sao", "3 stars"),
		ev("4", "4 sao", "4 stars"),
		ev("5", "5 sao", "5 stars"),
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
			return v.Label.Text(lang)
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
