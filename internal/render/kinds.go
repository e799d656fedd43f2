package render

import "github.com/khuyencong/khuyencong/internal/model"

// PageKind is one kind of HTML page: its template, how the build summary
// names its pages, what produces them, about how many there are, and
// whether the sitemap lists them.
type PageKind struct {
	// Name is the kind ("product"), the name of its template
	// (product.html) and the key of Summary.Pages.
	Name string
	// Vi and En name the pages of the kind in the build summary.
	Vi, En string
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
		{"home", "trang chủ", "home", true, (*renderer).home, one},
		{"products", "danh mục sản phẩm", "product catalogue", true, (*renderer).productList,
			func(m *model.Model) int { return pageCount(len(m.Products), ListPaginate) }},
		{"product", "sản phẩm", "products", true, (*renderer).productPages,
			func(m *model.Model) int { return len(m.Products) }},
		{"establishments", "danh bạ cơ sở", "establishment directory", true, (*renderer).establishmentList,
			func(m *model.Model) int { return pageCount(len(m.Establishments), ListPaginate) }},
		{"establishment", "cơ sở", "establishments", true, (*renderer).establishmentPages,
			func(m *model.Model) int { return len(m.Establishments) }},
		{"projects", "danh sách đề án", "project list", true, (*renderer).projectList,
			func(m *model.Model) int { return pageCount(len(m.Projects), ListPaginate) }},
		{"project", "đề án", "projects", true, (*renderer).projectPages,
			func(m *model.Model) int { return len(m.Projects) }},
		{"programmes", "danh sách chương trình", "programme list", true, (*renderer).programmeList, one},
		{"programme", "chương trình", "programmes", true, (*renderer).programmePages,
			func(m *model.Model) int { return len(m.Programmes) }},
		{"rounds", "danh sách vòng bình chọn", "round list", true, (*renderer).roundList, one},
		{"round", "vòng bình chọn", "recognition rounds", true, (*renderer).roundPages,
			func(m *model.Model) int { return len(m.Rounds) }},
		{"units", "danh sách địa bàn", "unit list", true, (*renderer).unitList, one},
		{"unit", "địa bàn", "administrative units", true, (*renderer).unitPages, func(m *model.Model) int {
			n := 0
			for _, u := range m.Units {
				n += pageCount(max(len(u.Establishments), len(u.Products)), ListPaginate)
			}
			return n
		}},
		{"stats", "số liệu", "statistics", true, (*renderer).stats, one},
		{"stats-year", "số liệu từng năm", "statistics by year", true, (*renderer).statsYears,
			func(m *model.Model) int { return len(m.Stats.Years) }},
		{"report", "báo cáo số liệu", "reports", true, (*renderer).reportPages,
			func(m *model.Model) int { return len(m.Stats.Reports) }},
		{"news", "trang tin tức", "news list pages", true, (*renderer).newsList,
			func(m *model.Model) int { return pageCount(len(m.News), m.Site.PerPage()) }},
		{"article", "bài viết", "articles", true, (*renderer).articlePages,
			func(m *model.Model) int { return len(m.News) }},
		{"tags", "danh sách thẻ", "tag list", true, (*renderer).tagList, one},
		{"tag", "thẻ", "tags", true, (*renderer).tagPages, func(m *model.Model) int {
			n := 0
			for _, name := range m.TagNames {
				n += pageCount(len(m.Tags[name]), ListPaginate)
			}
			return n
		}},
		{"page", "trang riêng", "standalone pages", true, (*renderer).standalone,
			func(m *model.Model) int { return len(m.Pages) }},
		{"search", "trang tìm kiếm", "search page", true, (*renderer).search, one},
		{"facet", "trang duyệt theo tiêu chí", "browse-by pages", true, (*renderer).facets, nil},
		{"data", "trang dữ liệu mở", "open data page", true, (*renderer).openData, one},
		{"sheet", "trang tờ in", "print sheet pages", false, (*renderer).sheets, func(m *model.Model) int {
			n := len(m.Products) + len(m.Establishments)
			for _, rd := range m.Rounds {
				if len(rd.Awards) > 0 {
					n++
				}
			}
			return n
		}},
		{"404", "trang 404", "404 page", false, (*renderer).notFound, one},
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
