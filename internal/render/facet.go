package render

// Browsing by facets: every value of every facet is a page of its own
// (/san-pham/nhom/che-bien/, /co-so/don-vi/<unit>/, /de-an/nam/2020/), with
// the number of records it holds, linked from the section's list page and
// from the other values of the same facet. Each facet groups the records
// once, with maps; long pages are split like the news list.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// FacetValue is one value of a facet: its page and how many records it
// holds.
type FacetValue struct {
	Slug, Label string
	Count       int
	// Path is the site-relative file of the value's first page.
	Path string
	// Current marks the value of the page being shown.
	Current bool
	order   string
	items   []any
}

// Facet is one way of browsing a section, with every value it takes.
type Facet struct {
	Slug, Title string
	Values      []FacetValue
}

// FacetPage is the data of one page of a facet value.
type FacetPage struct {
	// Section is "products", "establishments" or "projects".
	Section string
	Facet   Facet
	Value   FacetValue
	// Items are the records of this page: *model.Product,
	// *model.Establishment or *model.Project.
	Products       []*model.Product
	Establishments []*model.Establishment
	Projects       []*model.Project
}

// facetSpec says how a facet files its records.
type facetSpec struct {
	slug, titleKey string
	// values returns the values a record is filed under: slug, label and a
	// sort key, for each.
	values func(x any) [][3]string
}

// facetsOf groups items under each facet of specs. Values are ordered by
// their sort keys.
func facetsOf(section string, specs []facetSpec, items []any, tr i18nTable) []Facet {
	dir := sections[section]
	var out []Facet
	for _, sp := range specs {
		byslug := map[string]int{}
		f := Facet{Slug: sp.slug, Title: tr.text(sp.titleKey)}
		for _, it := range items {
			for _, v := range sp.values(it) {
				i, ok := byslug[v[0]]
				if !ok {
					i = len(f.Values)
					byslug[v[0]] = i
					f.Values = append(f.Values, FacetValue{Slug: v[0], Label: v[1], order: v[2], Path: dirPath(dir, sp.slug, v[0])})
				}
				fv := &f.Values[i]
				if n := len(fv.items); n == 0 || fv.items[n-1] != it {
					fv.items = append(fv.items, it)
					fv.Count++
				}
			}
		}
		if len(f.Values) == 0 {
			continue
		}
		sort.SliceStable(f.Values, func(i, j int) bool { return f.Values[i].order < f.Values[j].order })
		out = append(out, f)
	}
	return out
}

// enumOrder is a sort key following the enum's order in the data contract.
func enumOrder(enum, key string) string { return fmt.Sprintf("%04d", model.EnumIndex(enum, key)) }

// yearOrder sorts years newest first.
func yearOrder(y int) string { return fmt.Sprintf("%06d", 999999-y) }

// enumSlug writes an enum key as a URL slug ("che_bien" → "che-bien").
func enumSlug(key string) string { return strings.ReplaceAll(key, "_", "-") }

func (r *renderer) enumValue(enum, key string) [3]string {
	return [3]string{enumSlug(key), sentence(r.f.label(enum, key)), enumOrder(enum, key)}
}

// sourceValue is the facet value of a funding source; a project whose
// source was not given is under "không rõ nguồn", last.
func (r *renderer) sourceValue(key string) [3]string {
	if key == "" {
		return [3]string{"khong-ro", sentence(r.f.i18n.text("stats.sourceUnknown")), "9999"}
	}
	return r.enumValue(model.EnumFundingSource, key)
}

func yearValue(y int) [3]string {
	return [3]string{strconv.Itoa(y), strconv.Itoa(y), yearOrder(y)}
}

// unitValues files a record under its unit and every unit above it, in
// gazetteer order.
func (r *renderer) unitValues(u *model.Unit, order map[*model.Unit]int) [][3]string {
	var out [][3]string
	seen := map[*model.Unit]bool{}
	for ; u != nil && !seen[u]; u = u.Parent {
		seen[u] = true
		if u.Parent == nil && len(out) > 0 {
			break // the province holds every record: no page of its own
		}
		out = append(out, [3]string{u.ID, r.f.unitName(u), fmt.Sprintf("%08d", order[u])})
	}
	return out
}

func (r *renderer) productFacets() []Facet {
	order := r.unitOrder()
	specs := []facetSpec{
		{"cong-nhan", "facet.recognition", func(x any) [][3]string {
			var out [][3]string
			for _, rc := range x.(*model.Product).Recognitions {
				rd := rc.Round
				lv := r.f.i18n.text("level." + rd.Level)
				o := fmt.Sprintf("%d%04d", model.EnumIndex(model.EnumScheme, rd.Scheme), model.EnumIndex(model.EnumLevel, rd.Level))
				if rd.Scheme == "ocop" {
					if rc.Expired(r.m.Now) {
						continue // listed as current nowhere
					}
					out = append(out, [3]string{"ocop-" + enumSlug(rd.Level), "OCOP " + lv, o})
					if rc.Stars > 0 {
						out = append(out, [3]string{fmt.Sprintf("ocop-%d-sao", rc.Stars), r.f.i18n.text("facet.stars", rc.Stars), fmt.Sprintf("2%04d", rc.Stars)})
					}
				} else {
					out = append(out, [3]string{"cnnt-" + enumSlug(rd.Level), r.f.i18n.text("facet.cnnt", lv), o})
				}
			}
			return out
		}},
		{"nhom", "facet.group", func(x any) [][3]string {
			if g := x.(*model.Product).Group; g != "" {
				return [][3]string{r.enumValue(model.EnumGroup, g)}
			}
			return nil
		}},
		{"don-vi", "facet.unit", func(x any) [][3]string {
			if e := x.(*model.Product).Establishment; e != nil {
				return r.unitValues(e.Address.Unit, order)
			}
			return nil
		}},
		{"nam", "facet.recognitionYear", func(x any) [][3]string {
			var out [][3]string
			for _, rc := range x.(*model.Product).Recognitions {
				out = append(out, yearValue(rc.Round.Year))
			}
			return out
		}},
	}
	items := make([]any, len(r.m.Products))
	for i, p := range r.m.Products {
		items[i] = p
	}
	return facetsOf("products", specs, items, r.f.i18n)
}

func (r *renderer) establishmentFacets() []Facet {
	order := r.unitOrder()
	support := func(x any, value func(s model.Support) [3]string) [][3]string {
		var out [][3]string
		for _, s := range x.(*model.Establishment).Support {
			if s.Project != nil {
				out = append(out, value(s))
			}
		}
		return out
	}
	specs := []facetSpec{
		{"don-vi", "facet.unit", func(x any) [][3]string {
			return r.unitValues(x.(*model.Establishment).Address.Unit, order)
		}},
		{"nganh", "facet.sector", func(x any) [][3]string {
			var out [][3]string
			for _, s := range x.(*model.Establishment).Sectors {
				if sl := vi.Slug(s); sl != "" {
					out = append(out, [3]string{sl, sentence(s), vi.SortKey(s)})
				}
			}
			return out
		}},
		{"loai-hinh", "facet.legalForm", func(x any) [][3]string {
			if lf := x.(*model.Establishment).LegalForm; lf != "" {
				return [][3]string{r.enumValue(model.EnumLegalForm, lf)}
			}
			return nil
		}},
		{"nguon-von", "facet.supportSource", func(x any) [][3]string {
			return support(x, func(s model.Support) [3]string { return r.sourceValue(s.Project.FundingSource) })
		}},
		{"hoat-dong", "facet.supportActivity", func(x any) [][3]string {
			return support(x, func(s model.Support) [3]string { return r.enumValue(model.EnumActivity, s.Project.Activity) })
		}},
		{"nam", "facet.supportYear", func(x any) [][3]string {
			return support(x, func(s model.Support) [3]string { return yearValue(s.Project.Year) })
		}},
	}
	items := make([]any, len(r.m.Establishments))
	for i, e := range r.m.Establishments {
		items[i] = e
	}
	return dedupeFacets(facetsOf("establishments", specs, items, r.f.i18n))
}

func (r *renderer) projectFacets() []Facet {
	specs := []facetSpec{
		{"nam", "facet.year", func(x any) [][3]string { return [][3]string{yearValue(x.(*model.Project).Year)} }},
		{"nguon-von", "facet.source", func(x any) [][3]string {
			return [][3]string{r.sourceValue(x.(*model.Project).FundingSource)}
		}},
		{"hoat-dong", "facet.activity", func(x any) [][3]string {
			return [][3]string{r.enumValue(model.EnumActivity, x.(*model.Project).Activity)}
		}},
	}
	items := make([]any, len(r.m.Projects))
	for i, p := range r.m.Projects {
		items[i] = p
	}
	return facetsOf("projects", specs, items, r.f.i18n)
}

// dedupeFacets counts each record once per value even when it is filed
// under the value several times in a row of other values (an establishment
// supported twice in one year). facetsOf drops repeats that follow each
// other; this drops the others.
func dedupeFacets(fs []Facet) []Facet {
	for fi := range fs {
		for vi := range fs[fi].Values {
			v := &fs[fi].Values[vi]
			seen := make(map[any]bool, len(v.items))
			kept := v.items[:0]
			for _, it := range v.items {
				if !seen[it] {
					seen[it] = true
					kept = append(kept, it)
				}
			}
			v.items = kept
			v.Count = len(kept)
		}
	}
	return fs
}

// unitOrder numbers the units in gazetteer order.
func (r *renderer) unitOrder() map[*model.Unit]int {
	order := make(map[*model.Unit]int, len(r.m.Units))
	for i, u := range r.m.Units {
		order[u] = i
	}
	return order
}

// sectionFacets returns the facets of a section's list page.
func (r *renderer) sectionFacets(section string) []Facet {
	if fs, ok := r.facetsBySection[section]; ok {
		return fs
	}
	var fs []Facet
	switch section {
	case "products":
		fs = dedupeFacets(r.productFacets())
	case "establishments":
		fs = r.establishmentFacets()
	case "projects":
		fs = r.projectFacets()
	}
	if r.facetsBySection == nil {
		r.facetsBySection = map[string][]Facet{}
	}
	r.facetsBySection[section] = fs
	return fs
}

// facets writes the page of every facet value, paginated.
func (r *renderer) facets() {
	per := r.m.Site.PerPage()
	for _, section := range []string{"products", "establishments", "projects"} {
		if !r.opts.wants(sections[section] + "/") {
			continue // every facet page lies in the section's folder
		}
		for _, f := range r.sectionFacets(section) {
			for vi := range f.Values {
				r.facetValue(section, f, vi, per)
			}
		}
	}
}

func (r *renderer) facetValue(section string, f Facet, vi, per int) {
	t := r.f.i18n
	v := f.Values[vi]
	nav := f
	nav.Values = append([]FacetValue(nil), f.Values...)
	nav.Values[vi].Current = true
	total := max(1, (len(v.items)+per-1)/per)
	pager := &Pager{Total: total}
	for n := 1; n <= total; n++ {
		if n == 1 {
			pager.Pages = append(pager.Pages, v.Path)
		} else {
			pager.Pages = append(pager.Pages, dirPath(strings.TrimSuffix(v.Path, "/index.html"), "trang", strconv.Itoa(n)))
		}
	}
	for n := 1; n <= total; n++ {
		if !r.opts.wants(pager.Pages[n-1]) {
			continue
		}
		data := FacetPage{Section: section, Facet: nav, Value: v}
		for _, it := range v.items[(n-1)*per : min(n*per, len(v.items))] {
			switch x := it.(type) {
			case *model.Product:
				data.Products = append(data.Products, x)
			case *model.Establishment:
				data.Establishments = append(data.Establishments, x)
			case *model.Project:
				data.Projects = append(data.Projects, x)
			}
		}
		title := t.text("facet.title", t.text("section."+section), f.Title, v.Label)
		crumbs := []Crumb{r.section(section)}
		if n > 1 {
			crumbs = append(crumbs, Crumb{Title: v.Label, Path: v.Path})
			title += " – " + t.text("news.page", n)
		}
		pg := *pager
		pg.Number = n
		p := r.newPage("facet", pager.Pages[n-1], title, t.text("facet.description", v.Count, t.text("section."+section), f.Title, v.Label), data, crumbs...)
		p.Pager = &pg
		r.emit(p)
	}
}

// facetI18n holds the interface strings of the facet pages: Vietnamese,
// English.
var facetI18n = map[string]diag.Msg{
	"facet.browse":          {Vi: "Xem theo", En: "Browse by"},
	"facet.recognition":     {Vi: "Công nhận", En: "Recognition"},
	"facet.group":           {Vi: "Nhóm sản phẩm", En: "Product group"},
	"facet.unit":            {Vi: "Địa bàn", En: "Area"},
	"facet.recognitionYear": {Vi: "Năm công nhận", En: "Year recognised"},
	"facet.sector":          {Vi: "Ngành nghề", En: "Sector"},
	"facet.legalForm":       {Vi: "Loại hình", En: "Legal form"},
	"facet.supportSource":   {Vi: "Nguồn kinh phí hỗ trợ", En: "Support by funding source"},
	"facet.supportActivity": {Vi: "Nội dung hỗ trợ", En: "Support by activity"},
	"facet.supportYear":     {Vi: "Năm được hỗ trợ", En: "Year supported"},
	"facet.year":            {Vi: "Năm", En: "Year"},
	"facet.source":          {Vi: "Nguồn kinh phí", En: "Funding source"},
	"facet.activity":        {Vi: "Nội dung hoạt động", En: "Activity"},
	"facet.stars":           {Vi: "OCOP %d sao", En: "OCOP %d stars"},
	"facet.cnnt":            {Vi: "Sản phẩm công nghiệp nông thôn tiêu biểu %s", En: "Standout product, %s"},
	"facet.title":           {Vi: "%s – %s: %s", En: "%s – %s: %s"},
	"facet.description":     {Vi: "%d mục trong %s, theo %s: %s.", En: "%d records in %s by %s: %s."},
	"facet.count":           {Vi: "%d mục", En: "%d records"},
	"facet.others":          {Vi: "Các giá trị khác", En: "Other values"},
	"facet.pages":           {Vi: "Các trang", En: "Pages"},
}

// Facets returns the facets of a section's list page (products,
// establishments, projects), nil on any other page: the list pages link
// to every facet value. They are computed once per render (see newPage).
func (p *Page) Facets() []Facet { return p.facets }
