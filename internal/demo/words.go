package demo

// Word tables the illustrative records are drawn from. The names are made
// up; the units are those of the example site's gazetteer plus communes
// with illustrative names.

var legalForms = []struct{ key, prefix string }{
	{"cong_ty_tnhh", "Công ty TNHH"},
	{"cong_ty_cp", "Công ty Cổ phần"},
	{"dntn", "Doanh nghiệp tư nhân"},
	{"htx", "Hợp tác xã"},
	{"to_hop_tac", "Tổ hợp tác"},
	{"ho_kinh_doanh", "Hộ kinh doanh"},
	{"co_so", "Cơ sở"},
}

var nameFirst = []string{
	"Phú", "Thành", "Hưng", "Bảy", "Ánh", "Đồng", "Mỹ", "Tân", "Hoàng", "Ngọc",
	"Kim", "Thất", "Vĩnh", "Trà", "Sao", "Út", "Năm", "Bình", "Châu", "Hòa",
	"Phước", "Long", "An", "Đức", "Minh", "Quốc", "Thuận", "Lộc", "Khánh", "Trường",
	"Ơn", "Ưng", "Ông", "Đại", "Gia", "Hồng", "Lâm", "Nam", "Sơn", "Tường",
}

var nameSecond = []string{
	"Quý", "Đạt", "Thịnh", "Núi", "Dương", "Xanh", "Hòa", "Phát", "Long", "Ánh",
	"Sơn", "Lợi", "Tế", "Sư", "Mai", "Hiền", "Lửa", "Minh", "Giang", "Hưng",
	"Điền", "Thọ", "Nguyên", "Tín", "Phúc", "Việt", "An", "Tài", "Trung", "Hải",
	"Ấn", "Ước", "Đông", "Bắc", "Tây", "Lộc", "Vượng", "Nhân", "Nghĩa", "Trí",
}

var sectorsByGroup = map[string][]string{
	"che_bien": {"chế biến lúa gạo", "chế biến thủy sản", "chế biến nông sản", "thực phẩm", "đồ uống", "tinh dầu"},
	"tcmn":     {"dệt thổ cẩm", "mây tre đan", "lục bình", "gốm", "dệt lụa", "mộc mỹ nghệ"},
	"co_khi":   {"cơ khí nông nghiệp", "rèn", "sửa chữa máy nông nghiệp", "gia công kim loại"},
	"khac":     {"vật liệu xây dựng", "bao bì", "hóa mỹ phẩm"},
}

var groups = []string{"che_bien", "che_bien", "che_bien", "tcmn", "tcmn", "co_khi", "khac"}

var productKinds = map[string][]string{
	"che_bien": {"Gạo thơm", "Tinh dầu tràm", "Mắm cá linh", "Khô cá lóc", "Đường thốt nốt", "Bánh phồng", "Trà khổ qua", "Mật ong tràm", "Nước mắm", "Bột sắn dây", "Cốm dẹp", "Lạp xưởng"},
	"tcmn":     {"Khăn choàng thổ cẩm", "Giỏ lục bình", "Lụa tơ tằm", "Chiếu cói", "Bình gốm", "Tượng gỗ", "Túi xách đan"},
	"co_khi":   {"Máy gặt lúa", "Máy sấy lúa", "Dao rèn", "Máy bơm nước", "Máy tách hạt", "Máy cắt cỏ"},
	"khac":     {"Gạch không nung", "Bao bì giấy", "Xà phòng thảo mộc"},
}

var equipment = []string{
	"máy tách màu gạo", "máy sấy", "lò hơi", "máy đóng gói tự động", "máy dệt", "hệ thống xử lý nước thải",
	"máy chiết rót", "dây chuyền chưng cất tinh dầu", "máy cắt CNC", "máy hút chân không",
}

var communeNames = []string{
	"Mỹ Hòa Hưng", "Bình Thạnh", "Vĩnh Tế", "Nhơn Hội", "Phú Lâm", "Long Điền", "Tân Lập",
	"Lương Phi", "Ô Lâm", "Cô Tô", "Núi Tô", "An Cư", "Vọng Thê", "Định Mỹ", "Hòa Lạc",
	"Bình Mỹ", "Kiến An", "Mỹ Đức", "Khánh Hòa", "Châu Phong",
}

// districts are the example site's former district-level units.
var districts = []struct{ id, name, typ, code string }{
	{"tp-long-xuyen", "Long Xuyên", "thanh_pho", "883"},
	{"tp-chau-doc", "Châu Đốc", "thanh_pho", "884"},
	{"huyen-an-phu", "An Phú", "huyen", "886"},
	{"tx-tan-chau", "Tân Châu", "thi_xa", "887"},
	{"huyen-phu-tan", "Phú Tân", "huyen", "888"},
	{"huyen-chau-phu", "Châu Phú", "huyen", "889"},
	{"tx-tinh-bien", "Tịnh Biên", "thi_xa", "890"},
	{"huyen-tri-ton", "Tri Tôn", "huyen", "891"},
	{"huyen-chau-thanh", "Châu Thành", "huyen", "892"},
	{"huyen-cho-moi", "Chợ Mới", "huyen", "893"},
	{"huyen-thoai-son", "Thoại Sơn", "huyen", "894"},
}

var activities = []string{
	"dao_tao_nghe", "nang_luc_co_so", "mo_hinh_trinh_dien", "ung_dung_mmtb", "ung_dung_mmtb", "ung_dung_mmtb",
	"san_xuat_sach_hon", "binh_chon_sp", "hoi_cho_trien_lam", "xuc_tien_sp", "tu_van", "thong_tin_tuyen_truyen",
}

var activityTitle = map[string]string{
	"dao_tao_nghe":           "Đào tạo nghề %s",
	"nang_luc_co_so":         "Nâng cao năng lực quản lý cho cơ sở %s",
	"mo_hinh_trinh_dien":     "Xây dựng mô hình trình diễn kỹ thuật %s",
	"ung_dung_mmtb":          "Hỗ trợ ứng dụng %s",
	"san_xuat_sach_hon":      "Áp dụng sản xuất sạch hơn trong %s",
	"binh_chon_sp":           "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu, ngành %s",
	"hoi_cho_trien_lam":      "Tham gia hội chợ giới thiệu sản phẩm %s",
	"xuc_tien_sp":            "Xúc tiến, phát triển sản phẩm %s",
	"tu_van":                 "Tư vấn phát triển sản xuất %s",
	"thong_tin_tuyen_truyen": "Thông tin tuyên truyền về %s",
}

var sentences = []string{
	"Cơ sở đã đầu tư thêm thiết bị để nâng công suất và ổn định chất lượng sản phẩm.",
	"Nhờ được hỗ trợ kinh phí khuyến công, nhiều hộ sản xuất mạnh dạn đổi mới công nghệ.",
	"Sản phẩm đã có mặt tại nhiều siêu thị và cửa hàng đặc sản trong và ngoài tỉnh.",
	"Người lao động ở địa phương có thêm việc làm ổn định với thu nhập khá.",
	"Đơn vị chú trọng khâu đóng gói, nhãn mác và truy xuất nguồn gốc.",
	"Mô hình trình diễn giúp các cơ sở khác trong vùng học hỏi và nhân rộng.",
	"Cán bộ khuyến công thường xuyên xuống cơ sở để hướng dẫn kỹ thuật.",
	"Việc áp dụng sản xuất sạch hơn giúp tiết kiệm điện, nước và giảm chất thải.",
	"Nhiều sản phẩm tham gia hội chợ đã ký được hợp đồng tiêu thụ mới.",
	"Chủ cơ sở cho biết máy móc mới giúp rút ngắn thời gian sản xuất gần một nửa.",
	"Nguyên liệu được thu mua trực tiếp từ nông dân trong vùng với giá ổn định.",
	"Địa phương đang hướng tới xây dựng thương hiệu chung cho sản phẩm làng nghề.",
	"Các lớp đào tạo nghề thu hút đông đảo phụ nữ và thanh niên nông thôn tham gia.",
	"Sản phẩm đạt chứng nhận là động lực để cơ sở tiếp tục cải tiến mẫu mã.",
	"Thời gian tới, đơn vị dự kiến mở rộng nhà xưởng và tuyển thêm lao động.",
	"Hoạt động xúc tiến thương mại giúp sản phẩm tiếp cận khách hàng ở thành phố lớn.",
}

var headings = []string{
	"Đổi mới thiết bị, nâng cao chất lượng", "Mở rộng thị trường", "Tạo việc làm cho lao động nông thôn",
	"Hướng đi bền vững", "Kết quả bước đầu", "Kế hoạch thời gian tới",
}

var tags = []string{
	"khuyến công", "sản phẩm tiêu biểu", "máy móc thiết bị", "đào tạo nghề", "hội chợ", "sản xuất sạch hơn",
	"OCOP", "làng nghề", "xúc tiến thương mại", "chuyển đổi số",
}

var authors = []string{"Minh Châu", "Thanh Tâm", "Hoàng Yến", "Quốc Bảo", "Ngọc Hân", "Đức Anh"}
