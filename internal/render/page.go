package render

import (
	"html/template"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/model"
)

// Page is what every page template is executed with. Templates reach the
// record or list of the page through Data, whose type depends on Kind.
type Page struct {
	// Kind names the template (product, establishment, …).
	Kind string
	// File is where the page is written ("san-pham/x/index.html").
	File string
	// Root leads from the page back to the site root: "" for the home
	// page, "../" one folder down, … Links are {{$.Root}}{{path .}}. On
	// the 404 page, served at any depth, it is the root-relative path of
	// base_url instead ("/" or "/khuyen-cong/").
	Root string
	// Lang is the interface language, "vi" or "en".
	Lang string
	// Title is the page's own title; the document title adds the site's.
	Title string
	// Description is the meta description (and Open Graph description).
	Description string
	// Canonical is the absolute URL of the page, "" without base_url.
	Canonical string
	// Image is the absolute URL of the page's image for Open Graph, "";
	// ImageWidth and ImageHeight its size (0 when not known), ImageAlt
	// its text.
	Image                   string
	ImageWidth, ImageHeight int
	ImageAlt                string
	// OGType is the Open Graph type: "website" or "article".
	OGType string
	// Crumbs lead from the home page to this page (empty on the home
	// page); the last one is the page itself.
	Crumbs []Crumb
	// Menu is the main menu, with the entry of the current section marked.
	Menu []MenuLink
	// JSONLD are the schema.org documents of the page, each a complete
	// JSON text safe inside <script>.
	JSONLD []template.JS
	// Drafts is true when draft articles are marked with a badge.
	Drafts bool
	Site   *model.Site
	Model  *model.Model
	// Now is the build date.
	Now  time.Time
	Data any
	// Pager is set on paginated lists.
	Pager *Pager
	// Index leads to the groups of a paginated list (letters of the
	// directory, product groups, years), on whichever page each starts.
	Index []IndexLink
	// Filter is the filter form of the products catalogue, nil elsewhere.
	Filter *FilterForm
	// facets are the facets of a section list page (see Facets).
	facets []Facet
}

// Crumb is one step of the breadcrumbs. Path is site-relative; the last
// crumb (the page itself) has none.
type Crumb struct {
	Title string
	Path  string
}

// MenuLink is one entry of the main menu. Href is ready to write: relative
// to the page for the site's own pages, as given for other sites.
type MenuLink struct {
	Title   string
	Href    string
	Current bool
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	// Pages are the site-relative paths of every page, first to last.
	Pages []string
}

// Prev and Next return the path of the previous and next page, "" at the
// ends.
func (p *Pager) Prev() string {
	if p.Number <= 1 {
		return ""
	}
	return p.Pages[p.Number-2]
}

func (p *Pager) Next() string {
	if p.Number >= p.Total {
		return ""
	}
	return p.Pages[p.Number]
}

// PageLink is one numbered link of a pager, or a gap where pages are
// left out (Gap, with no number and no path).
type PageLink struct {
	Number  int
	Path    string
	Current bool
	Gap     bool
}

// Links returns links to the first and the last page and to the pages
// near the current one, the current one marked, with a gap where pages
// are left out: a pager stays short however long the list, and every page
// is still reached, from its neighbours.
func (p *Pager) Links() []PageLink {
	var out []PageLink
	for n := 1; n <= p.Total; n++ {
		near := n >= p.Number-pagerWindow && n <= p.Number+pagerWindow
		if n == 1 || n == p.Total || near {
			out = append(out, PageLink{Number: n, Path: p.Pages[n-1], Current: n == p.Number})
			continue
		}
		if !out[len(out)-1].Gap {
			out = append(out, PageLink{Gap: true})
		}
		// Skip to the next page shown, so that the loop stays as short
		// as the pager.
		if n < p.Number-pagerWindow {
			n = p.Number - pagerWindow - 1
		} else {
			n = p.Total - 1
		}
	}
	return out
}

// menuEntry is a menu item before it is made relative to a page: either a
// site path (Path) or an outside URL (URL).
type menuEntry struct {
	Title, Path, URL string
	// Section is the folder whose pages mark the entry current.
	Section string
}

// defaultMenu lists the sections, then the standalone pages that ask for a
// place in the menu (by weight, then title).
func defaultMenu(m *model.Model, tr i18nTable) []menuEntry {
	keys := []string{"products", "establishments", "projects", "programmes", "rounds", "stats", "units", "news"}
	var out []menuEntry
	for _, k := range keys {
		p, _ := Path(k)
		out = append(out, menuEntry{Title: tr.text("section." + k), Path: p, Section: sections[k]})
	}
	var pages []*model.Article
	for _, a := range m.Pages {
		if a.Menu > 0 {
			pages = append(pages, a)
		}
	}
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Menu != pages[j].Menu {
			return pages[i].Menu < pages[j].Menu
		}
		return pages[i].Title < pages[j].Title
	})
	for _, a := range pages {
		p, _ := Path(a)
		out = append(out, menuEntry{Title: a.Title, Path: p, Section: strings.TrimSuffix(p, "/index.html")})
	}
	return out
}

// siteMenu turns the menu of site.yaml into entries: a URL starting with
// "/" is a path of this site ("/san-pham/" → san-pham/index.html), any
// other is kept as written.
func siteMenu(items []model.MenuItem) []menuEntry {
	out := make([]menuEntry, 0, len(items))
	for _, it := range items {
		e := menuEntry{Title: it.Title}
		if p, ok := sitePath(it.URL); ok {
			e.Path = p
			e.Section = strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
		} else {
			e.URL = it.URL
		}
		out = append(out, e)
	}
	return out
}

// sitePath turns a root-relative URL of the site into the file it names:
// "/" → index.html, "/san-pham/" → san-pham/index.html,
// "/tai-lieu/a.pdf" → tai-lieu/a.pdf. It reports false for any other URL.
func sitePath(u string) (string, bool) {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return "", false
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Path == "" {
		return "", false
	}
	p := strings.TrimPrefix(pu.Path, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	} else if !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".") {
		p += "/index.html"
	}
	return p, true
}

// menuFor returns the menu as seen from the page at file with root.
func menuFor(entries []menuEntry, file, root string) []MenuLink {
	out := make([]MenuLink, 0, len(entries))
	for _, e := range entries {
		l := MenuLink{Title: e.Title, Href: e.URL}
		if e.URL == "" {
			l.Href = root + e.Path
			l.Current = e.Section != "" && (file == e.Path || strings.HasPrefix(file, e.Section+"/"))
		}
		out = append(out, l)
	}
	return out
}

// BasePath returns the path of base_url, "/" when it is not set: the root
// the 404 page links from, since a server shows it at any depth, and the
// prefix a preview server strips from requests.
func BasePath(base string) string {
	if base == "" {
		return "/"
	}
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}
