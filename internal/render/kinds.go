package render

import (
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// PageKind is one kind of HTML page: its template, how the build summary
// names its pages, what produces them, about how many there are, and
// whether the sitemap lists them.
type PageKind struct {
	// Name is the kind ("product"), the name of its template
	// (product.html) and the key of Summary.Pages.
	Name string
	// Label names the pages of the kind in the build summary.
	Label diag.Msg
	// Sitemap is whether the pages have an address of their own: the
	// sitemap lists them and they carry JSON-LD. The 404 page has not:
	// servers show it at any address.
	Sitemap bool

	// produce emits the pages of the kind (and writes the files that go
	// with them, such as the search index or the open data).
	produce func(r *renderer)
	// count returns how many pages of the kind Render writes for m, or
	// about as many; nil when counting them costs as much as making them.
	// It only sets the scale of a progress line.
	count func(m *model.Model) int
}

// PageKinds returns every kind of page, in the order Render produces
// them: the order of the sitemap.
func PageKinds() []PageKind {
	one := func(*model.Model) int { return 1 }
	return []PageKind{
		{"home", diag.Msg{Vi: "trang chủ", En: "home"}, true, (*renderer).home, one},
		{"products", diag.Msg{Vi: "danh mục sản phẩm", En: "product catalogue"}, true, (*renderer).productList,
			func(m *model.Model) int { return pageCount(len(m.Products), ListPaginate) }},
		{"product", diag.Msg{Vi: "sản phẩm", En: "products"}, true, (*renderer).productPages,
			func(m *model.Model) int { return len(m.Products) }},
		{"establishments", diag.Msg{Vi: "danh bạ cơ sở", En: "establishment directory"}, true, (*renderer).establishmentList,
			func(m *model.Model) int { return pageCount(len(m.Establishments), ListPaginate) }},
		{"establishment", diag.Msg{Vi: "cơ sở", En: "establishments"}, true, (*renderer).establishmentPages,
			func(m *model.Model) int { return len(m.Establishments) }},
		{"projects", diag.Msg{Vi: "danh sách đề án", En: "project list"}, true, (*renderer).projectList,
			func(m *model.Model) int { return pageCount(len(m.Projects), ListPaginate) }},
		{"project", diag.Msg{Vi: "đề án", En: "projects"}, true, (*renderer).projectPages,
			func(m *model.Model) int { return len(m.Projects) }},
		{"programmes", diag.Msg{Vi: "danh sách chương trình", En: "programme list"}, true, (*renderer).programmeList, one},
		{"programme", diag.Msg{Vi: "chương trình", En: "programmes"}, true, (*renderer).programmePages,
			func(m *model.Model) int { return len(m.Programmes) }},
		{"rounds", diag.Msg{Vi: "danh sách vòng bình chọn", En: "round list"}, true, (*renderer).roundList, one},
		{"round", diag.Msg{Vi: "vòng bình chọn", En: "recognition rounds"}, true, (*renderer).roundPages,
			func(m *model.Model) int { return len(m.Rounds) }},
		{"units", diag.Msg{Vi: "danh sách địa bàn", En: "unit list"}, true, (*renderer).unitList, one},
		{"unit", diag.Msg{Vi: "địa bàn", En: "administrative units"}, true, (*renderer).unitPages, func(m *model.Model) int {
			n := 0
			for _, u := range m.Units {
				n += pageCount(max(len(u.Establishments), len(u.Products)), ListPaginate)
			}
			return n
		}},
		{"stats", diag.Msg{Vi: "số liệu", En: "statistics"}, true, (*renderer).stats, one},
		{"stats-year", diag.Msg{Vi: "số liệu từng năm", En: "statistics by year"}, true, (*renderer).statsYears,
			func(m *model.Model) int { return len(m.Stats.Years) }},
		{"report", diag.Msg{Vi: "báo cáo số liệu", En: "reports"}, true, (*renderer).reportPages,
			func(m *model.Model) int { return len(m.Stats.Reports) }},
		{"news", diag.Msg{Vi: "trang tin tức", En: "news list pages"}, true, (*renderer).newsList,
			func(m *model.Model) int { return pageCount(len(m.News), m.Site.PerPage()) }},
		{"article", diag.Msg{Vi: "bài viết", En: "articles"}, true, (*renderer).articlePages,
			func(m *model.Model) int { return len(m.News) }},
		{"tags", diag.Msg{Vi: "danh sách thẻ", En: "tag list"}, true, (*renderer).tagList, one},
		{"tag", diag.Msg{Vi: "thẻ", En: "tags"}, true, (*renderer).tagPages, func(m *model.Model) int {
			n := 0
			for _, name := range m.TagNames {
				n += pageCount(len(m.Tags[name]), ListPaginate)
			}
			return n
		}},
		{"page", diag.Msg{Vi: "trang riêng", En: "standalone pages"}, true, (*renderer).standalone,
			func(m *model.Model) int { return len(m.Pages) }},
		{"search", diag.Msg{Vi: "trang tìm kiếm", En: "search page"}, true, (*renderer).search, one},
		{"facet", diag.Msg{Vi: "trang duyệt theo tiêu chí", En: "browse-by pages"}, true, (*renderer).facets, nil},
		{"data", diag.Msg{Vi: "trang dữ liệu mở", En: "open data page"}, true, (*renderer).openData, one},
		{"sheet", diag.Msg{Vi: "trang tờ in", En: "print sheet pages"}, false, (*renderer).sheets, func(m *model.Model) int {
			n := len(m.Products) + len(m.Establishments)
			for _, rd := range m.Rounds {
				if len(rd.Awards) > 0 {
					n++
				}
			}
			return n
		}},
		{"404", diag.Msg{Vi: "trang 404", En: "404 page"}, false, (*renderer).notFound, one},
	}
}

// pageKindIndex maps the name of every kind of page to its entry.
func pageKindIndex() map[string]PageKind {
	kinds := PageKinds()
	idx := make(map[string]PageKind, len(kinds))
	for _, k := range kinds {
		idx[k.Name] = k
	}
	return idx
}

// pages writes every HTML page, a kind after the other, in a fixed order.
func (r *renderer) pages() {
	for _, k := range PageKinds() {
		k.produce(r)
	}
}

// expectedPages returns about how many pages Render writes for r.m: the
// record pages and the pages of every list. It only sets the scale of a
// progress line.
func (r *renderer) expectedPages() int {
	n := 0
	for _, k := range PageKinds() {
		if k.count != nil {
			n += k.count(r.m)
		}
	}
	return n
}
