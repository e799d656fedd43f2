package render

import (
	"sort"
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
)

// pages writes every HTML page but the 404 page, in a fixed order.
func (r *renderer) pages() {
	r.home()
	r.products()
	r.establishments()
	r.projects()
	r.programmes()
	r.rounds()
	r.units()
	r.stats()
	r.news()
	r.standalone()
	r.search()
}

// photoURL is the absolute URL of a photo for Open Graph, "" without one.
func (r *renderer) photoURL(ph []model.Photo) string {
	if len(ph) == 0 {
		return ""
	}
	return r.f.abs(ph[0].File)
}

// ProductGroup is a group of the products catalogue.
type ProductGroup struct {
	Key      string
	Products []*model.Product
}

func (r *renderer) products() {
	t := r.f.i18n
	var groups []ProductGroup
	byKey := map[string]int{}
	sorted := append([]*model.Product(nil), r.m.Products...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return groupIndex(sorted[i].Group) < groupIndex(sorted[j].Group)
	})
	for _, p := range sorted {
		i, ok := byKey[p.Group]
		if !ok {
			i = len(groups)
			byKey[p.Group] = i
			groups = append(groups, ProductGroup{Key: p.Group})
		}
		groups[i].Products = append(groups[i].Products, p)
	}
	list, _ := Path("products")
	r.emit(r.newPage("products", list, t.text("section.products"), "", groups))

	for _, p := range r.m.Products {
		file, _ := Path(p)
		pg := r.newPage("product", file, p.Name, describe(string(p.Description)), p, r.section("products"))
		pg.Image = r.photoURL(p.Photos)
		r.emit(pg)
	}
}

// groupIndex orders product groups as the data contract does, with
// products of no group last.
func groupIndex(g string) int {
	if g == "" {
		return 1 << 20
	}
	return model.EnumIndex(model.EnumGroup, g)
}

// LetterGroup is the establishments whose sort name starts with Letter.
type LetterGroup struct {
	Letter string
	// Anchor is the id of the group's heading ("chu-a", "chu-dd").
	Anchor         string
	Establishments []*model.Establishment
}

func (r *renderer) establishments() {
	t := r.f.i18n
	var groups []LetterGroup
	byLetter := map[string]int{}
	for _, e := range r.m.Establishments {
		l := initial(e.SortName)
		if l == "" {
			l = initial(e.Name)
		}
		i, ok := byLetter[l]
		if !ok {
			i = len(groups)
			byLetter[l] = i
			groups = append(groups, LetterGroup{Letter: l, Anchor: letterAnchor(l)})
		}
		groups[i].Establishments = append(groups[i].Establishments, e)
	}
	list, _ := Path("establishments")
	r.emit(r.newPage("establishments", list, t.text("section.establishments"), "", groups))

	for _, e := range r.m.Establishments {
		file, _ := Path(e)
		desc := describe(string(e.Description))
		if desc == "" {
			desc = e.Name + ". " + r.f.address(e.Address)
		}
		pg := r.newPage("establishment", file, e.Name, desc, e, r.section("establishments"))
		pg.Image = r.photoURL(e.Photos)
		r.emit(pg)
	}
}

// YearGroup is the projects of one plan year.
type YearGroup struct {
	Year     int
	Projects []*model.Project
}

func (r *renderer) projects() {
	t := r.f.i18n
	var groups []YearGroup
	for _, p := range r.m.Projects {
		if n := len(groups); n == 0 || groups[n-1].Year != p.Year {
			groups = append(groups, YearGroup{Year: p.Year})
		}
		groups[len(groups)-1].Projects = append(groups[len(groups)-1].Projects, p)
	}
	list, _ := Path("projects")
	r.emit(r.newPage("projects", list, t.text("section.projects"), "", groups))

	for _, p := range r.m.Projects {
		file, _ := Path(p)
		r.emit(r.newPage("project", file, p.Title, describe(string(p.Summary)), p, r.section("projects")))
	}
}

func (r *renderer) programmes() {
	t := r.f.i18n
	list, _ := Path("programmes")
	r.emit(r.newPage("programmes", list, t.text("section.programmes"), "", r.m.Programmes))
	for _, p := range r.m.Programmes {
		file, _ := Path(p)
		r.emit(r.newPage("programme", file, p.Name, describe(string(p.Summary)), p, r.section("programmes")))
	}
}

// RoundPage is a recognition round with its title.
type RoundPage struct {
	*model.Round
	Title string
}

func (r *renderer) rounds() {
	t := r.f.i18n
	all := make([]RoundPage, len(r.m.Rounds))
	for i, rd := range r.m.Rounds {
		all[i] = RoundPage{Round: rd, Title: r.f.roundTitle(rd)}
	}
	list, _ := Path("rounds")
	r.emit(r.newPage("rounds", list, t.text("section.rounds"), "", all))
	for _, rd := range all {
		file, _ := Path(rd.Round)
		r.emit(r.newPage("round", file, rd.Title, "", rd, r.section("rounds")))
	}
}

func (r *renderer) units() {
	t := r.f.i18n
	var roots []*model.Unit
	for _, u := range r.m.Units {
		if u.Parent == nil {
			roots = append(roots, u)
		}
	}
	list, _ := Path("units")
	r.emit(r.newPage("units", list, t.text("section.units"), "", roots))
	for _, u := range r.m.Units {
		file, _ := Path(u)
		crumbs := []Crumb{r.section("units")}
		var up []Crumb
		for p := u.Parent; p != nil; p = p.Parent {
			pp, _ := Path(p)
			up = append([]Crumb{{Title: r.f.unitName(p), Path: pp}}, up...)
		}
		crumbs = append(crumbs, up...)
		r.emit(r.newPage("unit", file, r.f.unitName(u), "", u, crumbs...))
	}
}

// NewsList is a page of a list of articles.
type NewsList struct {
	// Tag is the tag of a tag page, "" on the news list.
	Tag      string
	Articles []*model.Article
}

// TagCount is a tag with the number of its articles.
type TagCount struct {
	Name  string
	Count int
}

func (r *renderer) news() {
	t := r.f.i18n
	per := r.m.Site.Paginate
	if per <= 0 {
		per = 20
	}
	total := max(1, (len(r.m.News)+per-1)/per)
	pager := &Pager{Total: total}
	for n := 1; n <= total; n++ {
		p, _ := Path("news", n)
		pager.Pages = append(pager.Pages, p)
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*per, min(n*per, len(r.m.News))
		pg := *pager
		pg.Number = n
		title := t.text("section.news")
		var crumbs []Crumb
		if n > 1 {
			crumbs = []Crumb{r.section("news")}
			title = t.text("section.news") + " – " + t.text("news.page", n)
		}
		p := r.newPage("news", pager.Pages[n-1], title, "", NewsList{Articles: r.m.News[lo:hi]}, crumbs...)
		p.Pager = &pg
		r.emit(p)
	}

	for _, a := range r.m.News {
		file, _ := Path(a)
		desc := a.Summary
		if desc == "" {
			desc = describe(string(a.Body))
		}
		p := r.newPage("article", file, a.Title, desc, a, r.section("news"))
		p.OGType = "article"
		if a.Image != nil {
			p.Image = r.f.abs(a.Image.File)
		}
		r.emit(p)
	}

	tags := make([]TagCount, 0, len(r.m.TagNames))
	for _, name := range r.m.TagNames {
		tags = append(tags, TagCount{Name: name, Count: len(r.m.Tags[name])})
	}
	list, _ := Path("tags")
	r.emit(r.newPage("tags", list, t.text("section.tags"), "", tags, r.section("news")))
	for _, name := range r.m.TagNames {
		file, _ := Path("tag", name)
		r.emit(r.newPage("tag", file, t.text("news.tagTitle", name), "", NewsList{Tag: name, Articles: r.m.Tags[name]},
			r.section("news"), r.section("tags")))
	}
}

func (r *renderer) standalone() {
	for _, a := range r.m.Pages {
		file, _ := Path(a)
		desc := a.Summary
		if desc == "" {
			desc = describe(string(a.Body))
		}
		p := r.newPage("page", file, a.Title, desc, a)
		if a.Image != nil {
			p.Image = r.f.abs(a.Image.File)
		}
		r.emit(p)
	}
}

// describe makes a meta description from Markdown: the first paragraph as
// plain text, cut at a word to about 160 characters.
func describe(md string) string {
	md = strings.TrimSpace(md)
	if md == "" {
		return ""
	}
	para := md
	if i := strings.Index(md, "\n\n"); i >= 0 {
		para = md[:i]
	}
	var b strings.Builder
	skipURL := false
	var prev rune
	for _, c := range para {
		last := prev
		prev = c
		switch {
		case skipURL:
			if c == ')' {
				skipURL = false
			}
			continue
		case c == '(' && last == ']':
			skipURL = true
			continue
		case strings.ContainsRune("#*_`[]>|", c):
			continue
		case c == '\n' || c == '\t':
			c = ' '
		}
		b.WriteRune(c)
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	const limit = 160
	runes := []rune(s)
	if len(runes) <= limit {
		return s
	}
	cut := string(runes[:limit])
	if i := strings.LastIndex(cut, " "); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
