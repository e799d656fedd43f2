package render

import (
	"strconv"
	"strings"
)

// ListPaginate is the number of entries on one page of a long list: the
// establishments directory, the products catalogue, the project list, the
// lists of a unit page and the tag pages. Lists are lighter per entry than
// the news list (whose size is paginate: in site.yaml), so they take more
// per page; a list never grows past it, whatever the size of the site.
const ListPaginate = 100

// pagerWindow is how many numbered links a pager shows on each side of
// the current page, besides the first and the last.
const pagerWindow = 2

// pageFile returns the file of page n of a list whose first page is
// first: "co-so/index.html" → "co-so/trang/2/index.html".
func pageFile(first string, n int) string {
	if n <= 1 {
		return first
	}
	return strings.TrimSuffix(first, "index.html") + "trang/" + strconv.Itoa(n) + "/index.html"
}

// pageCount returns the number of pages a list of n entries takes, at
// least one.
func pageCount(n, per int) int {
	return max(1, (n+per-1)/per)
}

// newPager returns the pager of a list of total pages whose first page is
// first, at page 1; pages makes the path of page n.
func newPager(total int, path func(n int) string) *Pager {
	p := &Pager{Number: 1, Total: total, Pages: make([]string, total)}
	for n := 1; n <= total; n++ {
		p.Pages[n-1] = path(n)
	}
	return p
}

// at returns a copy of the pager at page n; the copies share Pages.
func (p *Pager) at(n int) *Pager {
	c := *p
	c.Number = n
	return &c
}

// paginated emits the pages of a list of count entries, per on a page:
// page(n, lo, hi) makes page n, holding the entries [lo, hi). The pages
// share one Pager. An empty list still has its first page.
func (r *renderer) paginated(count, per int, first string, page func(n, lo, hi int) *Page) {
	pager := newPager(pageCount(count, per), func(n int) string { return pageFile(first, n) })
	for n := 1; n <= pager.Total; n++ {
		if !r.opts.wants(pageFile(first, n)) {
			continue
		}
		lo, hi := min((n-1)*per, count), min(n*per, count)
		p := page(n, lo, hi)
		p.Pager = pager.at(n)
		r.emit(p)
	}
}

// pageTitle adds "– Trang n" to the title of every page but the first.
func (r *renderer) pageTitle(title string, n int) string {
	if n <= 1 {
		return title
	}
	return title + " – " + r.f.i18n.text("news.page", n)
}

// pageCrumbs returns the crumbs of page n of a list: those of its first
// page, and from page 2 on the first page itself.
func pageCrumbs(n int, first Crumb, crumbs ...Crumb) []Crumb {
	if n <= 1 {
		return crumbs
	}
	return append(append([]Crumb(nil), crumbs...), first)
}

// IndexLink leads into a paginated list: to the heading of a group (a
// letter, a product group, a year) on the page where the group starts.
type IndexLink struct {
	Label string
	// Path is the site-relative file of that page, "" when it is the
	// page that shows the link; Anchor is the id of the heading.
	Path, Anchor string
	// page is the number of the page where the group starts.
	page int
}

// listIndex returns the index as shown on page n of the list whose first
// page is first.
func listIndex(index []IndexLink, first string, n int) []IndexLink {
	out := make([]IndexLink, len(index))
	for i, l := range index {
		out[i] = IndexLink{Label: l.Label, Anchor: l.Anchor}
		if l.page != n {
			out[i].Path = pageFile(first, l.page)
		}
	}
	return out
}
