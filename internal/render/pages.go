package render

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khuyencong/khuyencong/internal/model"
)

// setImage makes the first of photos the page's image for Open Graph:
// the largest copy (1600 pixels wide, the size social networks take),
// with its size. Without base_url, or without photos, there is none.
func (r *renderer) setImage(p *Page, photos ...model.Photo) {
	if len(photos) == 0 {
		return
	}
	ph := photos[0]
	p.Image = r.f.abs(ph.File)
	if p.Image == "" {
		return
	}
	p.ImageAlt = ph.Alt
	if out := r.f.set.Photo(ph.File); out != nil {
		p.ImageWidth, p.ImageHeight = out.Width, out.Height
	}
}

// ProductGroup is a group of the products catalogue: the products of the
// group on one page of the catalogue, and how many the group has in all.
type ProductGroup struct {
	Key      string
	Products []*model.Product
	Total    int
}

// productList writes the pages of the products catalogue.
func (r *renderer) productList() {
	t := r.f.i18n
	sorted := append([]*model.Product(nil), r.m.Products...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return groupIndex(sorted[i].Group) < groupIndex(sorted[j].Group)
	})
	totals := map[string]int{}
	for _, p := range sorted {
		totals[p.Group]++
	}
	list, _ := Path("products")
	var index []IndexLink
	for i, p := range sorted {
		if i == 0 || sorted[i-1].Group != p.Group {
			key := p.Group
			if key == "" {
				key = "khac"
			}
			index = append(index, IndexLink{Label: model.Label(model.EnumGroup, key, r.lang), Anchor: "nhom-" + key, page: i/ListPaginate + 1})
		}
	}
	title := t.text("section.products")
	r.paginated(len(sorted), ListPaginate, list, func(n, lo, hi int) *Page {
		var groups []ProductGroup
		for _, p := range sorted[lo:hi] {
			if k := len(groups); k == 0 || groups[k-1].Key != p.Group {
				groups = append(groups, ProductGroup{Key: p.Group, Total: totals[p.Group]})
			}
			groups[len(groups)-1].Products = append(groups[len(groups)-1].Products, p)
		}
		pg := r.newPage("products", pageFile(list, n), r.pageTitle(title, n), "", groups, pageCrumbs(n, r.section("products"))...)
		pg.Index = listIndex(index, list, n)
		pg.Filter = r.filterForm(pg.Root)
		return pg
	})
	r.filterData()
}

// productPages writes a page per product.
func (r *renderer) productPages() {
	for _, p := range r.m.Products {
		file, _ := Path(p)
		if !r.opts.wants(file) {
			continue
		}
		pg := r.newPage("product", file, p.Name, r.describe(string(p.Description)), p, r.section("products"))
		r.setImage(pg, p.Photos...)
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

// establishmentList writes the pages of the establishment directory.
func (r *renderer) establishmentList() {
	t := r.f.i18n
	all := r.m.Establishments
	letters := make([]string, len(all))
	list, _ := Path("establishments")
	var index []IndexLink
	for i, e := range all {
		l := initial(e.SortName)
		if l == "" {
			l = initial(e.Name)
		}
		letters[i] = l
		if i == 0 || letters[i-1] != l {
			index = append(index, IndexLink{Label: l, Anchor: letterAnchor(l), page: i/ListPaginate + 1})
		}
	}
	title := t.text("section.establishments")
	r.paginated(len(all), ListPaginate, list, func(n, lo, hi int) *Page {
		var groups []LetterGroup
		for i := lo; i < hi; i++ {
			if k := len(groups); k == 0 || groups[k-1].Letter != letters[i] {
				groups = append(groups, LetterGroup{Letter: letters[i], Anchor: letterAnchor(letters[i])})
			}
			groups[len(groups)-1].Establishments = append(groups[len(groups)-1].Establishments, all[i])
		}
		pg := r.newPage("establishments", pageFile(list, n), r.pageTitle(title, n), "", groups, pageCrumbs(n, r.section("establishments"))...)
		pg.Index = listIndex(index, list, n)
		return pg
	})
}

// establishmentPages writes a page per establishment.
func (r *renderer) establishmentPages() {
	for _, e := range r.m.Establishments {
		file, _ := Path(e)
		if !r.opts.wants(file) {
			continue
		}
		desc := r.describe(string(e.Description))
		if desc == "" {
			desc = e.Name + ". " + r.f.address(e.Address)
		}
		pg := r.newPage("establishment", file, e.Name, desc, e, r.section("establishments"))
		r.setImage(pg, e.Photos...)
		r.emit(pg)
	}
}

// YearGroup is the projects of one plan year on one page of the project
// list, and how many the year has in all.
type YearGroup struct {
	Year     int
	Projects []*model.Project
	Total    int
}

// projectList writes the pages of the project list.
func (r *renderer) projectList() {
	t := r.f.i18n
	all := r.m.Projects
	totals := map[int]int{}
	for _, p := range all {
		totals[p.Year]++
	}
	list, _ := Path("projects")
	var index []IndexLink
	for i, p := range all {
		if i == 0 || all[i-1].Year != p.Year {
			index = append(index, IndexLink{Label: strconv.Itoa(p.Year), Anchor: "nam-" + strconv.Itoa(p.Year), page: i/ListPaginate + 1})
		}
	}
	title := t.text("section.projects")
	r.paginated(len(all), ListPaginate, list, func(n, lo, hi int) *Page {
		var groups []YearGroup
		for _, p := range all[lo:hi] {
			if k := len(groups); k == 0 || groups[k-1].Year != p.Year {
				groups = append(groups, YearGroup{Year: p.Year, Total: totals[p.Year]})
			}
			groups[len(groups)-1].Projects = append(groups[len(groups)-1].Projects, p)
		}
		pg := r.newPage("projects", pageFile(list, n), r.pageTitle(title, n), "", groups, pageCrumbs(n, r.section("projects"))...)
		pg.Index = listIndex(index, list, n)
		return pg
	})
}

// projectPages writes a page per project.
func (r *renderer) projectPages() {
	for _, p := range r.m.Projects {
		file, _ := Path(p)
		if !r.opts.wants(file) {
			continue
		}
		r.emit(r.newPage("project", file, p.Title, r.describe(string(p.Summary)), p, r.section("projects")))
	}
}

// programmeList writes the list of programmes.
func (r *renderer) programmeList() {
	list, _ := Path("programmes")
	r.emit(r.newPage("programmes", list, r.f.i18n.text("section.programmes"), "", r.m.Programmes))
}

// programmePages writes a page per programme.
func (r *renderer) programmePages() {
	for _, p := range r.m.Programmes {
		file, _ := Path(p)
		if !r.opts.wants(file) {
			continue
		}
		r.emit(r.newPage("programme", file, p.Name, r.describe(string(p.Summary)), p, r.section("programmes")))
	}
}

// RoundPage is a recognition round with its title, and which columns its
// table of awards needs.
type RoundPage struct {
	*model.Round
	Title                                 string
	HasGrades, HasScores, HasCertificates bool
}

// roundPageData returns every recognition round with its title.
func (r *renderer) roundPageData() []RoundPage {
	all := make([]RoundPage, len(r.m.Rounds))
	for i, rd := range r.m.Rounds {
		all[i] = RoundPage{Round: rd, Title: r.f.roundTitle(rd)}
		for _, a := range rd.Awards {
			all[i].HasGrades = all[i].HasGrades || a.Grade != ""
			all[i].HasScores = all[i].HasScores || a.Score != 0
			all[i].HasCertificates = all[i].HasCertificates || a.Certificate != ""
		}
	}
	return all
}

// roundList writes the list of recognition rounds.
func (r *renderer) roundList() {
	list, _ := Path("rounds")
	r.emit(r.newPage("rounds", list, r.f.i18n.text("section.rounds"), "", r.roundPageData()))
}

// roundPages writes a page per recognition round.
func (r *renderer) roundPages() {
	for _, rd := range r.roundPageData() {
		file, _ := Path(rd.Round)
		r.emit(r.newPage("round", file, rd.Title, "", rd, r.section("rounds")))
	}
}

// unitList writes the list of administrative units, from the top ones.
func (r *renderer) unitList() {
	var roots []*model.Unit
	for _, u := range r.m.Units {
		if u.Parent == nil {
			roots = append(roots, u)
		}
	}
	list, _ := Path("units")
	r.emit(r.newPage("units", list, r.f.i18n.text("section.units"), "", roots))
}

// unitPages writes the pages of every administrative unit.
func (r *renderer) unitPages() {
	for _, u := range r.m.Units {
		file, _ := Path(u)
		crumbs := []Crumb{r.section("units")}
		var up []Crumb
		for p := u.Parent; p != nil; p = p.Parent {
			pp, _ := Path(p)
			up = append([]Crumb{{Title: r.f.unitName(p), Path: pp}}, up...)
		}
		crumbs = append(crumbs, up...)
		name := sentence(r.f.unitName(u))
		count := max(len(u.Establishments), len(u.Products))
		r.paginated(count, ListPaginate, file, func(n, lo, hi int) *Page {
			data := UnitPage{
				Unit:               u,
				Establishments:     u.Establishments[min(lo, len(u.Establishments)):min(hi, len(u.Establishments))],
				Products:           u.Products[min(lo, len(u.Products)):min(hi, len(u.Products))],
				EstablishmentTotal: len(u.Establishments),
				ProductTotal:       len(u.Products),
			}
			if n == 1 {
				data.News = u.News
			}
			return r.newPage("unit", pageFile(file, n), r.pageTitle(name, n), "", data, pageCrumbs(n, Crumb{Title: name, Path: file}, crumbs...)...)
		})
	}
}

// UnitPage is one page of a unit: the unit, with the slice of its
// establishments and products this page lists (Establishments and
// Products hide the unit's own lists) and how many it has in all; News,
// the articles about the unit, on the first page only.
type UnitPage struct {
	*model.Unit
	Establishments     []*model.Establishment
	Products           []*model.Product
	News               []*model.Article
	EstablishmentTotal int
	ProductTotal       int
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

// newsList writes the pages of the news list.
func (r *renderer) newsList() {
	t := r.f.i18n
	per := r.m.Site.PerPage()
	total := pageCount(len(r.m.News), per)
	pager := newPager(total, func(n int) string {
		p, _ := Path("news", n)
		return p
	})
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*per, min(n*per, len(r.m.News))
		title := r.pageTitle(t.text("section.news"), n)
		p := r.newPage("news", pager.Pages[n-1], title, "", NewsList{Articles: r.m.News[lo:hi]}, pageCrumbs(n, r.section("news"))...)
		p.Pager = pager.at(n)
		r.emit(p)
	}
}

// articlePages writes a page per news article.
func (r *renderer) articlePages() {
	for _, a := range r.m.News {
		file, _ := Path(a)
		if !r.opts.wants(file) {
			continue
		}
		desc := a.Summary
		if desc == "" {
			desc = r.describe(string(a.Body))
		}
		p := r.newPage("article", file, a.Title, desc, a, r.section("news"))
		p.OGType = "article"
		if a.Image != nil {
			r.setImage(p, *a.Image)
		}
		r.emit(p)
	}
}

// tagList writes the list of tags.
func (r *renderer) tagList() {
	t := r.f.i18n
	tags := make([]TagCount, 0, len(r.m.TagNames))
	for _, name := range r.m.TagNames {
		tags = append(tags, TagCount{Name: name, Count: len(r.m.Tags[name])})
	}
	list, _ := Path("tags")
	r.emit(r.newPage("tags", list, t.text("section.tags"), "", tags, r.section("news")))
}

// tagPages writes the pages of every tag.
func (r *renderer) tagPages() {
	t := r.f.i18n
	for _, name := range r.m.TagNames {
		file, _ := Path("tag", name)
		articles := r.m.Tags[name]
		title := t.text("news.tagTitle", name)
		r.paginated(len(articles), ListPaginate, file, func(n, lo, hi int) *Page {
			return r.newPage("tag", pageFile(file, n), r.pageTitle(title, n), "", NewsList{Tag: name, Articles: articles[lo:hi]},
				pageCrumbs(n, Crumb{Title: title, Path: file}, r.section("news"), r.section("tags"))...)
		})
	}
}

// standalone writes a page per standalone page of content/pages/.
func (r *renderer) standalone() {
	for _, a := range r.m.Pages {
		file, _ := Path(a)
		if !r.opts.wants(file) {
			continue
		}
		desc := a.Summary
		if desc == "" {
			desc = r.describe(string(a.Body))
		}
		p := r.newPage("page", file, a.Title, desc, a)
		if a.Image != nil {
			r.setImage(p, *a.Image)
		}
		r.emit(p)
	}
}

// describe makes a meta description from Markdown: the first paragraph as
// plain text, cut at a word to about 160 characters.
func describe(md string) string { return describeN(md, 160) }

// describeMarkup are the ASCII characters describe leaves out, and
// describeSpace those unicode.IsSpace reports.
var describeMarkup, describeSpace = asciiSet("#*_`[]>|"), asciiSet("\t\n\v\f\r ")

func asciiSet(chars string) (set [utf8.RuneSelf]bool) {
	for _, c := range []byte(chars) {
		if c < utf8.RuneSelf {
			set[c] = true
		}
	}
	return set
}

// describeN is describe cut to about limit characters.
func describeN(md string, limit int) string {
	md = strings.TrimSpace(md)
	if md == "" {
		return ""
	}
	para := md
	if i := strings.Index(md, "\n\n"); i >= 0 {
		para = md[:i]
	}
	// The text is written with every run of spaces made one space, and
	// none at either end; writing stops once it is longer than limit,
	// which is all the cut below reads. ASCII, most of the bytes, is read
	// without decoding.
	var b strings.Builder
	b.Grow(min(len(para), 3*limit+8))
	n := 0
	space := false
	skipURL := false
	var prev rune
	for i := 0; i < len(para); {
		c, size := rune(para[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(para[i:])
		}
		raw := para[i : i+size]
		i += size
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
		case c < utf8.RuneSelf && describeMarkup[c]:
			continue
		}
		if c < utf8.RuneSelf && describeSpace[c] || c >= utf8.RuneSelf && unicode.IsSpace(c) {
			space = n > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		if c == utf8.RuneError && size == 1 {
			b.WriteRune(c)
		} else {
			b.WriteString(raw)
		}
		if n++; n > limit {
			break
		}
	}
	s := b.String()
	if n <= limit {
		return s
	}
	runes := []rune(s)
	cut := string(runes[:limit])
	if i := strings.LastIndex(cut, " "); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
