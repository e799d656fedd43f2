package render

import (
	"fmt"
	"sync"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// siteI18n holds the interface strings of the pages, by key, in Vietnamese
// and in English; the other parts of the theme have tables of their own
// (themeI18n joins them). A site overrides any string with
// `i18n: {key: text}` in data/site.yaml. Keys with a %s or %d take
// arguments (`{{t "news.page" 2}}`).
var siteI18n = map[string]diag.Msg{
	"site.skip":        {Vi: "Bỏ qua, đến nội dung chính", En: "Skip to main content"},
	"site.menu":        {Vi: "Danh mục chính", En: "Main menu"},
	"site.breadcrumbs": {Vi: "Đường dẫn", En: "Breadcrumbs"},
	"site.home":        {Vi: "Trang chủ", En: "Home"},
	"site.publisher":   {Vi: "Cơ quan chủ quản", En: "Published by"},
	"site.contact":     {Vi: "Liên hệ", En: "Contact"},
	"site.license":     {Vi: "Giấy phép dữ liệu", En: "Data licence"},
	"site.updated":     {Vi: "Cập nhật ngày %s", En: "Updated %s"},
	"site.draft":       {Vi: "bản nháp", En: "draft"},
	"site.sources":     {Vi: "Nguồn thông tin", En: "Sources"},
	"site.sourceBy":    {Vi: "%s", En: "%s"},
	"site.phone":       {Vi: "Điện thoại", En: "Phone"},
	"site.email":       {Vi: "Thư điện tử", En: "Email"},
	"site.website":     {Vi: "Trang web", En: "Website"},
	"site.address":     {Vi: "Địa chỉ", En: "Address"},
	"site.more":        {Vi: "Xem tất cả", En: "See all"},
	"site.none":        {Vi: "Chưa có thông tin.", En: "No information yet."},

	"section.products":       {Vi: "Sản phẩm", En: "Products"},
	"section.establishments": {Vi: "Cơ sở công nghiệp nông thôn", En: "Establishments"},
	"section.projects":       {Vi: "Đề án khuyến công", En: "Projects"},
	"section.programmes":     {Vi: "Chương trình", En: "Programmes"},
	"section.rounds":         {Vi: "Bình chọn", En: "Recognition"},
	"section.stats":          {Vi: "Số liệu", En: "Figures"},
	"section.units":          {Vi: "Địa bàn", En: "Areas"},
	"section.news":           {Vi: "Tin tức", En: "News"},
	"section.tags":           {Vi: "Chủ đề", En: "Topics"},

	"home.figures":      {Vi: "Kết quả năm %d", En: "Results for %d"},
	"home.metric":       {Vi: "Chỉ tiêu", En: "Figure"},
	"home.reported":     {Vi: "Số liệu công bố", En: "Reported figure"},
	"home.computed":     {Vi: "Số liệu chi tiết đã nhập", En: "Figure from the detailed records"},
	"home.notComputed":  {Vi: "Không tính được từ dữ liệu chi tiết", En: "Not computable from the detailed records"},
	"home.noReport":     {Vi: "Chưa có số liệu công bố cho năm này.", En: "No figures have been reported for this year yet."},
	"home.standout":     {Vi: "Sản phẩm tiêu biểu", En: "Standout products"},
	"home.latestNews":   {Vi: "Tin mới", En: "Latest news"},
	"home.priorities":   {Vi: "Nội dung ưu tiên của chương trình", En: "Programme priorities"},
	"home.statsLink":    {Vi: "Xem số liệu năm %d", En: "See the figures for %d"},
	"figure.funding":    {Vi: "Kinh phí khuyến công (%s)", En: "Industrial promotion funding (%s)"},
	"figure.projects":   {Vi: "Số đề án", En: "Projects"},
	"figure.supported":  {Vi: "Số cơ sở được hỗ trợ", En: "Establishments supported"},
	"figure.recognized": {Vi: "Số sản phẩm được công nhận", En: "Products recognised"},

	"product.photos":         {Vi: "Hình ảnh", En: "Photos"},
	"product.description":    {Vi: "Giới thiệu sản phẩm", En: "About the product"},
	"product.specs":          {Vi: "Thông số sản phẩm", En: "Specifications"},
	"product.specLabel":      {Vi: "Thông số", En: "Specification"},
	"product.specValue":      {Vi: "Giá trị", En: "Value"},
	"product.price":          {Vi: "Giá", En: "Price"},
	"product.priceAsOf":      {Vi: "giá tại %s", En: "price as of %s"},
	"product.establishment":  {Vi: "Cơ sở sản xuất", En: "Made by"},
	"product.group":          {Vi: "Nhóm sản phẩm", En: "Product group"},
	"product.recognitions":   {Vi: "Công nhận, chứng nhận", En: "Recognition"},
	"product.news":           {Vi: "Tin liên quan", En: "Related news"},
	"product.unrecognized":   {Vi: "Chưa có công nhận nào được ghi nhận.", En: "No recognition recorded yet."},
	"product.count":          {Vi: "%d sản phẩm", En: "%d products"},
	"badge.cnnt":             {Vi: "SP CNNT tiêu biểu %s %d", En: "Standout rural industrial product, %s, %d"},
	"badge.ocop":             {Vi: "OCOP %d sao %s %d", En: "OCOP %d stars, %s, %d"},
	"badge.ocopNoStars":      {Vi: "OCOP %s %d", En: "OCOP, %s, %d"},
	"badge.validUntil":       {Vi: "hiệu lực đến %s", En: "valid until %s"},
	"badge.expired":          {Vi: "hết hiệu lực từ %s", En: "expired on %s"},
	"badge.score":            {Vi: "%s điểm", En: "%s points"},
	"photo.credit":           {Vi: "Ảnh: %s", En: "Photo: %s"},
	"establishment.address":  {Vi: "Địa chỉ", En: "Address"},
	"establishment.nowIs":    {Vi: "nay là %s", En: "now %s"},
	"establishment.letters":  {Vi: "Tra theo chữ cái", En: "Browse by letter"},
	"establishment.support":  {Vi: "Hỗ trợ khuyến công đã nhận", En: "Industrial promotion support received"},
	"establishment.products": {Vi: "Sản phẩm", En: "Products"},
	"establishment.founded":  {Vi: "Năm thành lập", En: "Founded"},
	"establishment.legal":    {Vi: "Loại hình", En: "Legal form"},
	"establishment.scale":    {Vi: "Quy mô", En: "Scale"},
	"establishment.sectors":  {Vi: "Ngành nghề", En: "Sectors"},
	"establishment.contact":  {Vi: "Liên hệ", En: "Contact"},
	"establishment.about":    {Vi: "Giới thiệu", En: "About"},
	"establishment.count":    {Vi: "%d cơ sở", En: "%d establishments"},
	"support.year":           {Vi: "Năm", En: "Year"},
	"support.project":        {Vi: "Đề án", En: "Project"},
	"support.source":         {Vi: "Nguồn kinh phí", En: "Funding source"},
	"support.amount":         {Vi: "Kinh phí hỗ trợ", En: "Support"},
	"support.equipment":      {Vi: "Thiết bị, nội dung hỗ trợ", En: "Equipment or content"},
	"support.projectBudget":  {Vi: "cả đề án: %s", En: "whole project: %s"},

	"project.year":          {Vi: "Năm kế hoạch", En: "Plan year"},
	"project.programme":     {Vi: "Chương trình", En: "Programme"},
	"project.source":        {Vi: "Nguồn kinh phí", En: "Funding source"},
	"project.type":          {Vi: "Loại đề án", En: "Project type"},
	"project.activity":      {Vi: "Nội dung hoạt động", En: "Activity"},
	"project.budget":        {Vi: "Kinh phí khuyến công", En: "Industrial promotion funding"},
	"project.counterpart":   {Vi: "Vốn đối ứng của cơ sở", En: "Counterpart funding"},
	"project.status":        {Vi: "Tình trạng", En: "Status"},
	"project.beneficiaries": {Vi: "Cơ sở thụ hưởng", En: "Beneficiaries"},
	"project.recipients":    {Vi: "Số cơ sở thụ hưởng: %d", En: "Number of beneficiaries: %d"},
	"project.namedOf":       {Vi: "trong đó %d cơ sở có tên dưới đây", En: "of which %d are named below"},
	"project.unnamed":       {Vi: "Danh sách cơ sở thụ hưởng chưa được nhập.", En: "The beneficiaries have not been entered."},
	"project.summary":       {Vi: "Tóm tắt", En: "Summary"},
	"project.units":         {Vi: "Địa bàn", En: "Areas"},
	"project.byYear":        {Vi: "Năm %d", En: "%d"},
	"project.years":         {Vi: "Tra theo năm", En: "Browse by year"},
	"product.groups":        {Vi: "Tra theo nhóm sản phẩm", En: "Browse by product group"},
	"project.count":         {Vi: "%d đề án", En: "%d projects"},

	"programme.scope":      {Vi: "Phạm vi", En: "Scope"},
	"programme.period":     {Vi: "Giai đoạn", En: "Period"},
	"programme.decision":   {Vi: "Quyết định phê duyệt", En: "Approval decision"},
	"programme.priorities": {Vi: "Nội dung ưu tiên", En: "Priorities"},
	"programme.projects":   {Vi: "Đề án thuộc chương trình", En: "Projects of the programme"},
	"programme.summary":    {Vi: "Giới thiệu", En: "About"},

	"round.decision":  {Vi: "Quyết định", En: "Decision"},
	"round.awards":    {Vi: "Sản phẩm được công nhận", En: "Products recognised"},
	"round.product":   {Vi: "Sản phẩm", En: "Product"},
	"round.maker":     {Vi: "Cơ sở", En: "Establishment"},
	"round.score":     {Vi: "Điểm", En: "Score"},
	"round.stars":     {Vi: "Hạng sao", En: "Stars"},
	"round.valid":     {Vi: "Hiệu lực đến", En: "Valid until"},
	"round.cert":      {Vi: "Số giấy chứng nhận", En: "Certificate"},
	"round.reported":  {Vi: "Số sản phẩm được công nhận theo công bố: %d", En: "Products recognised as reported: %d"},
	"round.listed":    {Vi: "Số sản phẩm có trong dữ liệu chi tiết: %d", En: "Products in the detailed records: %d"},
	"round.cnnt":      {Vi: "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu %s năm %d", En: "Standout rural industrial products, %s, %d"},
	"round.ocop":      {Vi: "Công nhận sản phẩm OCOP %s năm %d", En: "OCOP recognition, %s, %d"},
	"round.number":    {Vi: ", đợt %d", En: ", round %d"},
	"round.noAwards":  {Vi: "Danh sách sản phẩm chưa được nhập.", En: "The list of products has not been entered."},
	"decision.number": {Vi: "Số %s", En: "No. %s"},

	"unit.tree":           {Vi: "Danh sách địa bàn", En: "List of areas"},
	"unit.type":           {Vi: "Loại đơn vị", En: "Type"},
	"unit.parent":         {Vi: "Thuộc", En: "Part of"},
	"unit.children":       {Vi: "Đơn vị trực thuộc", En: "Units within"},
	"unit.validFrom":      {Vi: "Thành lập từ %s", En: "Established on %s"},
	"unit.successors":     {Vi: "Đơn vị kế thừa", En: "Succeeded by"},
	"unit.establishments": {Vi: "Cơ sở công nghiệp nông thôn trên địa bàn", En: "Establishments in the area"},
	"unit.products":       {Vi: "Sản phẩm trên địa bàn", En: "Products from the area"},
	"unit.code":           {Vi: "Mã đơn vị hành chính", En: "Official code"},

	"news.page":      {Vi: "Trang %d", En: "Page %d"},
	"news.pages":     {Vi: "Phân trang", En: "Pages"},
	"news.prev":      {Vi: "Trang trước", En: "Previous page"},
	"news.next":      {Vi: "Trang sau", En: "Next page"},
	"news.author":    {Vi: "Tác giả", En: "Author"},
	"news.source":    {Vi: "Nguồn", En: "Source"},
	"news.tags":      {Vi: "Chủ đề", En: "Topics"},
	"news.related":   {Vi: "Nội dung liên quan", En: "Related"},
	"news.tagTitle":  {Vi: "Chủ đề: %s", En: "Topic: %s"},
	"news.empty":     {Vi: "Chưa có tin nào.", En: "No news yet."},
	"news.readMore":  {Vi: "Đọc tiếp", En: "Read more"},
	"news.published": {Vi: "Đăng ngày", En: "Published"},

	"notFound.title": {Vi: "Không tìm thấy trang", En: "Page not found"},
	"notFound.text":  {Vi: "Trang bạn tìm không có hoặc đã được chuyển đi. Mời bạn về trang chủ hoặc chọn một mục trong danh mục.", En: "The page you are looking for does not exist or has moved. Go back to the home page or choose a section from the menu."},
}

// themeI18n returns every interface string of the theme, by key, in both
// languages: the tables of the parts of the site, joined, and the labels
// of recognition levels and regions ("level.tinh", "region.nam"), which
// are those of the data contract (model.Label). No key is in two tables.
// It is made on first use and shared: do not modify it.
var themeI18n = sync.OnceValue(func() map[string]diag.Msg {
	parts := []map[string]diag.Msg{siteI18n, facetI18n, searchI18n, unitI18n, dataI18n, roundI18n, statsI18n, showcaseI18n, filterI18n}
	all := make(map[string]diag.Msg)
	add := func(k string, v diag.Msg) {
		if _, dup := all[k]; dup {
			panic("render: interface string " + k + " is defined twice")
		}
		all[k] = v
	}
	for _, part := range parts {
		for k, v := range part {
			add(k, v)
		}
	}
	for _, enum := range []string{model.EnumLevel, model.EnumRegion} {
		for _, v := range model.EnumValues(enum) {
			add(enum+"."+v.Key, v.Label)
		}
	}
	return all
})

// i18nTable is the interface table of one Render: the theme's strings in
// its language with the site's overrides on top.
type i18nTable map[string]string

func newI18n(lang string, overrides map[string]string) i18nTable {
	theme := themeI18n()
	t := make(i18nTable, len(theme)+len(overrides))
	for k, v := range theme {
		t[k] = v.Text(lang)
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
