package render

import (
	"fmt"
	"sort"
)

// Interface strings of the theme, by key, in Vietnamese and in English. A
// site overrides any of them with `i18n: {key: text}` in data/site.yaml.
// Keys with a %s or %d take arguments (`{{t "news.page" 2}}`).
var i18nVi = map[string]string{
	"site.skip":        "Bỏ qua, đến nội dung chính",
	"site.menu":        "Danh mục chính",
	"site.breadcrumbs": "Đường dẫn",
	"site.home":        "Trang chủ",
	"site.publisher":   "Cơ quan chủ quản",
	"site.contact":     "Liên hệ",
	"site.license":     "Giấy phép dữ liệu",
	"site.updated":     "Cập nhật ngày %s",
	"site.draft":       "bản nháp",
	"site.sources":     "Nguồn thông tin",
	"site.sourceBy":    "%s",
	"site.phone":       "Điện thoại",
	"site.email":       "Thư điện tử",
	"site.website":     "Trang web",
	"site.address":     "Địa chỉ",
	"site.more":        "Xem tất cả",
	"site.none":        "Chưa có thông tin.",

	"section.products":       "Sản phẩm",
	"section.establishments": "Cơ sở công nghiệp nông thôn",
	"section.projects":       "Đề án khuyến công",
	"section.programmes":     "Chương trình",
	"section.rounds":         "Bình chọn",
	"section.stats":          "Số liệu",
	"section.units":          "Địa bàn",
	"section.news":           "Tin tức",
	"section.tags":           "Chủ đề",

	"home.figures":      "Kết quả năm %d",
	"home.metric":       "Chỉ tiêu",
	"home.reported":     "Số liệu công bố",
	"home.computed":     "Số liệu chi tiết đã nhập",
	"home.notComputed":  "Không tính được từ dữ liệu chi tiết",
	"home.noReport":     "Chưa có số liệu công bố cho năm này.",
	"home.standout":     "Sản phẩm tiêu biểu",
	"home.latestNews":   "Tin mới",
	"home.priorities":   "Nội dung ưu tiên của chương trình",
	"home.statsLink":    "Xem số liệu năm %d",
	"figure.funding":    "Kinh phí khuyến công (%s)",
	"figure.projects":   "Số đề án",
	"figure.supported":  "Số cơ sở được hỗ trợ",
	"figure.recognized": "Số sản phẩm được công nhận",

	"product.photos":         "Hình ảnh",
	"product.description":    "Giới thiệu sản phẩm",
	"product.specs":          "Thông số sản phẩm",
	"product.specLabel":      "Thông số",
	"product.specValue":      "Giá trị",
	"product.price":          "Giá",
	"product.priceAsOf":      "giá tại %s",
	"product.establishment":  "Cơ sở sản xuất",
	"product.group":          "Nhóm sản phẩm",
	"product.recognitions":   "Công nhận, chứng nhận",
	"product.news":           "Tin liên quan",
	"product.unrecognized":   "Chưa có công nhận nào được ghi nhận.",
	"product.count":          "%d sản phẩm",
	"badge.cnnt":             "SP CNNT tiêu biểu %s %d",
	"badge.ocop":             "OCOP %d sao %s %d",
	"badge.ocopNoStars":      "OCOP %s %d",
	"badge.validUntil":       "hiệu lực đến %s",
	"badge.expired":          "hết hiệu lực từ %s",
	"badge.score":            "%s điểm",
	"level.huyen":            "cấp huyện",
	"level.tinh":             "cấp tỉnh",
	"level.khu_vuc":          "cấp khu vực",
	"level.quoc_gia":         "cấp quốc gia",
	"region.bac":             "phía Bắc",
	"region.trung_tn":        "miền Trung – Tây Nguyên",
	"region.nam":             "phía Nam",
	"photo.credit":           "Ảnh: %s",
	"establishment.address":  "Địa chỉ",
	"establishment.nowIs":    "nay là %s",
	"establishment.letters":  "Tra theo chữ cái",
	"establishment.support":  "Hỗ trợ khuyến công đã nhận",
	"establishment.products": "Sản phẩm",
	"establishment.founded":  "Năm thành lập",
	"establishment.legal":    "Loại hình",
	"establishment.scale":    "Quy mô",
	"establishment.sectors":  "Ngành nghề",
	"establishment.contact":  "Liên hệ",
	"establishment.about":    "Giới thiệu",
	"establishment.count":    "%d cơ sở",
	"support.year":           "Năm",
	"support.project":        "Đề án",
	"support.source":         "Nguồn kinh phí",
	"support.amount":         "Kinh phí hỗ trợ",
	"support.equipment":      "Thiết bị, nội dung hỗ trợ",
	"support.projectBudget":  "cả đề án: %s",

	"project.year":          "Năm kế hoạch",
	"project.programme":     "Chương trình",
	"project.source":        "Nguồn kinh phí",
	"project.type":          "Loại đề án",
	"project.activity":      "Nội dung hoạt động",
	"project.budget":        "Kinh phí khuyến công",
	"project.counterpart":   "Vốn đối ứng của cơ sở",
	"project.status":        "Tình trạng",
	"project.beneficiaries": "Cơ sở thụ hưởng",
	"project.recipients":    "Số cơ sở thụ hưởng: %d",
	"project.namedOf":       "trong đó %d cơ sở có tên dưới đây",
	"project.unnamed":       "Danh sách cơ sở thụ hưởng chưa được nhập.",
	"project.summary":       "Tóm tắt",
	"project.units":         "Địa bàn",
	"project.byYear":        "Năm %d",
	"project.years":         "Tra theo năm",
	"product.groups":        "Tra theo nhóm sản phẩm",
	"project.count":         "%d đề án",

	"programme.scope":      "Phạm vi",
	"programme.period":     "Giai đoạn",
	"programme.decision":   "Quyết định phê duyệt",
	"programme.priorities": "Nội dung ưu tiên",
	"programme.projects":   "Đề án thuộc chương trình",
	"programme.summary":    "Giới thiệu",

	"round.decision":  "Quyết định",
	"round.awards":    "Sản phẩm được công nhận",
	"round.product":   "Sản phẩm",
	"round.maker":     "Cơ sở",
	"round.score":     "Điểm",
	"round.stars":     "Hạng sao",
	"round.valid":     "Hiệu lực đến",
	"round.cert":      "Số giấy chứng nhận",
	"round.reported":  "Số sản phẩm được công nhận theo công bố: %d",
	"round.listed":    "Số sản phẩm có trong dữ liệu chi tiết: %d",
	"round.cnnt":      "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu %s năm %d",
	"round.ocop":      "Công nhận sản phẩm OCOP %s năm %d",
	"round.number":    ", đợt %d",
	"round.noAwards":  "Danh sách sản phẩm chưa được nhập.",
	"decision.number": "Số %s",

	"unit.tree":           "Danh sách địa bàn",
	"unit.type":           "Loại đơn vị",
	"unit.parent":         "Thuộc",
	"unit.children":       "Đơn vị trực thuộc",
	"unit.validFrom":      "Thành lập từ %s",
	"unit.successors":     "Đơn vị kế thừa",
	"unit.establishments": "Cơ sở công nghiệp nông thôn trên địa bàn",
	"unit.products":       "Sản phẩm trên địa bàn",
	"unit.code":           "Mã đơn vị hành chính",

	"news.page":      "Trang %d",
	"news.pages":     "Phân trang",
	"news.prev":      "Trang trước",
	"news.next":      "Trang sau",
	"news.author":    "Tác giả",
	"news.source":    "Nguồn",
	"news.tags":      "Chủ đề",
	"news.related":   "Nội dung liên quan",
	"news.tagTitle":  "Chủ đề: %s",
	"news.empty":     "Chưa có tin nào.",
	"news.readMore":  "Đọc tiếp",
	"news.published": "Đăng ngày",

	"notFound.title": "Không tìm thấy trang",
	"notFound.text":  "Trang bạn tìm không có hoặc đã được chuyển đi. Mời bạn về trang chủ hoặc chọn một mục trong danh mục.",
}

var i18nEn = map[string]string{
	"site.skip":        "Skip to main content",
	"site.menu":        "Main menu",
	"site.breadcrumbs": "Breadcrumbs",
	"site.home":        "Home",
	"site.publisher":   "Published by",
	"site.contact":     "Contact",
	"site.license":     "Data licence",
	"site.updated":     "Updated %s",
	"site.draft":       "draft",
	"site.sources":     "Sources",
	"site.sourceBy":    "%s",
	"site.phone":       "Phone",
	"site.email":       "Email",
	"site.website":     "Website",
	"site.address":     "Address",
	"site.more":        "See all",
	"site.none":        "No information yet.",

	"section.products":       "Products",
	"section.establishments": "Establishments",
	"section.projects":       "Projects",
	"section.programmes":     "Programmes",
	"section.rounds":         "Recognition",
	"section.stats":          "Figures",
	"section.units":          "Areas",
	"section.news":           "News",
	"section.tags":           "Topics",

	"home.figures":      "Results for %d",
	"home.metric":       "Figure",
	"home.reported":     "Reported figure",
	"home.computed":     "Figure from the detailed records",
	"home.notComputed":  "Not computable from the detailed records",
	"home.noReport":     "No figures have been reported for this year yet.",
	"home.standout":     "Standout products",
	"home.latestNews":   "Latest news",
	"home.priorities":   "Programme priorities",
	"home.statsLink":    "See the figures for %d",
	"figure.funding":    "Industrial promotion funding (%s)",
	"figure.projects":   "Projects",
	"figure.supported":  "Establishments supported",
	"figure.recognized": "Products recognised",

	"product.photos":         "Photos",
	"product.description":    "About the product",
	"product.specs":          "Specifications",
	"product.specLabel":      "Specification",
	"product.specValue":      "Value",
	"product.price":          "Price",
	"product.priceAsOf":      "price as of %s",
	"product.establishment":  "Made by",
	"product.group":          "Product group",
	"product.recognitions":   "Recognition",
	"product.news":           "Related news",
	"product.unrecognized":   "No recognition recorded yet.",
	"product.count":          "%d products",
	"badge.cnnt":             "Standout rural industrial product, %s, %d",
	"badge.ocop":             "OCOP %d stars, %s, %d",
	"badge.ocopNoStars":      "OCOP, %s, %d",
	"badge.validUntil":       "valid until %s",
	"badge.expired":          "expired on %s",
	"badge.score":            "%s points",
	"level.huyen":            "district level",
	"level.tinh":             "provincial level",
	"level.khu_vuc":          "regional level",
	"level.quoc_gia":         "national level",
	"region.bac":             "North",
	"region.trung_tn":        "Centre and Central Highlands",
	"region.nam":             "South",
	"photo.credit":           "Photo: %s",
	"establishment.address":  "Address",
	"establishment.nowIs":    "now %s",
	"establishment.letters":  "Browse by letter",
	"establishment.support":  "Industrial promotion support received",
	"establishment.products": "Products",
	"establishment.founded":  "Founded",
	"establishment.legal":    "Legal form",
	"establishment.scale":    "Scale",
	"establishment.sectors":  "Sectors",
	"establishment.contact":  "Contact",
	"establishment.about":    "About",
	"establishment.count":    "%d establishments",
	"support.year":           "Year",
	"support.project":        "Project",
	"support.source":         "Funding source",
	"support.amount":         "Support",
	"support.equipment":      "Equipment or content",
	"support.projectBudget":  "whole project: %s",

	"project.year":          "Plan year",
	"project.programme":     "Programme",
	"project.source":        "Funding source",
	"project.type":          "Project type",
	"project.activity":      "Activity",
	"project.budget":        "Industrial promotion funding",
	"project.counterpart":   "Counterpart funding",
	"project.status":        "Status",
	"project.beneficiaries": "Beneficiaries",
	"project.recipients":    "Number of beneficiaries: %d",
	"project.namedOf":       "of which %d are named below",
	"project.unnamed":       "The beneficiaries have not been entered.",
	"project.summary":       "Summary",
	"project.units":         "Areas",
	"project.byYear":        "%d",
	"project.years":         "Browse by year",
	"product.groups":        "Browse by product group",
	"project.count":         "%d projects",

	"programme.scope":      "Scope",
	"programme.period":     "Period",
	"programme.decision":   "Approval decision",
	"programme.priorities": "Priorities",
	"programme.projects":   "Projects of the programme",
	"programme.summary":    "About",

	"round.decision":  "Decision",
	"round.awards":    "Products recognised",
	"round.product":   "Product",
	"round.maker":     "Establishment",
	"round.score":     "Score",
	"round.stars":     "Stars",
	"round.valid":     "Valid until",
	"round.cert":      "Certificate",
	"round.reported":  "Products recognised as reported: %d",
	"round.listed":    "Products in the detailed records: %d",
	"round.cnnt":      "Standout rural industrial products, %s, %d",
	"round.ocop":      "OCOP recognition, %s, %d",
	"round.number":    ", round %d",
	"round.noAwards":  "The list of products has not been entered.",
	"decision.number": "No. %s",

	"unit.tree":           "List of areas",
	"unit.type":           "Type",
	"unit.parent":         "Part of",
	"unit.children":       "Units within",
	"unit.validFrom":      "Established on %s",
	"unit.successors":     "Succeeded by",
	"unit.establishments": "Establishments in the area",
	"unit.products":       "Products from the area",
	"unit.code":           "Official code",

	"news.page":      "Page %d",
	"news.pages":     "Pages",
	"news.prev":      "Previous page",
	"news.next":      "Next page",
	"news.author":    "Author",
	"news.source":    "Source",
	"news.tags":      "Topics",
	"news.related":   "Related",
	"news.tagTitle":  "Topic: %s",
	"news.empty":     "No news yet.",
	"news.readMore":  "Read more",
	"news.published": "Published",

	"notFound.title": "Page not found",
	"notFound.text":  "The page you are looking for does not exist or has moved. Go back to the home page or choose a section from the menu.",
}

// strings is the interface table of one Render: the theme's table for the
// language with the site's overrides on top.
type i18nTable map[string]string

func newI18n(lang string, overrides map[string]string) i18nTable {
	base := i18nVi
	if lang == "en" {
		base = i18nEn
	}
	t := make(i18nTable, len(base)+len(overrides))
	for k, v := range base {
		t[k] = v
	}
	for k, v := range overrides {
		t[k] = v
	}
	return t
}

// text returns the string under key, formatted with args when given. An
// unknown key comes out as itself, so a mistyped key shows on the page
// instead of vanishing; the i18n test checks every key the theme uses.
func (t i18nTable) text(key string, args ...any) string {
	s, ok := t[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// i18nKeys returns the keys of the theme's Vietnamese table, sorted.
func i18nKeys() []string {
	keys := make([]string, 0, len(i18nVi))
	for k := range i18nVi {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
