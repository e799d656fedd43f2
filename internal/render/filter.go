package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// The catalogue's filters: every page of the products catalogue carries a
// form (hidden by a <noscript> style when scripts are off, so that it
// takes its place from the first paint otherwise) whose choices of group,
// recognition, area and year combine in place: within a facet any value
// chosen, across facets all of them. The script reads every product from
// one compact file, san-pham/bo-loc.js, which registers itself with
// kcFilter.data(…) when loaded as a <script>, as the search index does,
// so that the filters work from disk (file://), where fetch() is refused.
// The state is in the address (?nhom=che-bien&nam=2022), the same slugs
// as the facet pages, which keep working without a script.

// filterFile is the data file of the catalogue's filters.
const filterFile = dirProducts + "/bo-loc.js"

// filterFacets are the facets of the products a visitor filters by, in
// the order of the form; "don-vi" is a list to pick from, the others
// boxes to tick.
var filterFacets = []string{"nhom", "cong-nhan", "don-vi", "nam"}

// FilterForm is the filter form of a catalogue page.
type FilterForm struct {
	// Data is the data file, relative to the page.
	Data string
	// Strings are the interface strings of filter.js, as a JSON object.
	Strings string
	Facets  []Facet
	Total   int
}

// Select reports whether the facet is chosen from a list rather than
// ticked.
func (f FilterForm) Select(slug string) bool { return slug == "don-vi" }

// filterForm returns the form of a catalogue page whose root is root.
func (r *renderer) filterForm(root string) *FilterForm {
	fs := r.filterFacetList()
	if len(fs) == 0 || len(r.m.Products) == 0 {
		return nil
	}
	t := r.f.i18n
	strs := map[string]string{}
	for _, k := range []string{"count", "none", "more", "loading", "failed", "all", "countAll"} {
		strs[k] = t.text("filter." + k)
	}
	b, _ := json.Marshal(strs)
	return &FilterForm{Data: root + filterFile, Strings: string(b), Facets: fs, Total: len(r.m.Products)}
}

// filterFacetList returns the product facets the form offers, in its
// order.
func (r *renderer) filterFacetList() []Facet {
	all := r.sectionFacets("products")
	var out []Facet
	for _, slug := range filterFacets {
		for _, f := range all {
			if f.Slug == slug {
				out = append(out, f)
			}
		}
	}
	return out
}

// filterData writes the data file of the filters: the facets' values and
// every product as the cards show it.
//
//	kcFilter.data({
//	  "f": [[slug, [[value slug, label], …]], …],   facets, form order
//	  "m": [[name], …],                             makers
//	  "u": [label, …],                              places
//	  "r": [[round path, badge text, scheme, stars, expired, validity], …]
//	  "p": [[path, name, maker, place, [[value index, …] per facet],
//	         [photo src, width, height, alt] or 0, [recognition index, …]], …]
//	})
//
// Paths are relative to the site root; the maker and place are indexes
// into m and u (-1 for none).
func (r *renderer) filterData() {
	if !r.opts.wants(filterFile) {
		return
	}
	fs := r.filterFacetList()
	if len(r.m.Products) == 0 {
		return
	}
	idx := make(map[*model.Product]int, len(r.m.Products))
	for i, p := range r.m.Products {
		idx[p] = i
	}
	values := make([][][]int, len(r.m.Products))
	for i := range values {
		values[i] = make([][]int, len(fs))
		for f := range fs {
			values[i][f] = []int{}
		}
	}
	facets := make([]any, 0, len(fs))
	for fi, f := range fs {
		vs := make([]any, 0, len(f.Values))
		for vi, v := range f.Values {
			vs = append(vs, []string{v.Slug, v.Label})
			for _, it := range v.items {
				if p, ok := it.(*model.Product); ok {
					values[idx[p]][fi] = append(values[idx[p]][fi], vi)
				}
			}
		}
		facets = append(facets, []any{f.Slug, vs})
	}

	makers, makerIdx := []any{}, map[*model.Establishment]int{}
	places, placeIdx := []any{}, map[*model.Unit]int{}
	rounds, recIdx := []any{}, map[*model.Recognition]int{}
	products := make([]any, 0, len(r.m.Products))
	for i, p := range r.m.Products {
		maker, place := -1, -1
		if e := p.Establishment; e != nil {
			k, ok := makerIdx[e]
			if !ok {
				k = len(makers)
				makerIdx[e] = k
				makers = append(makers, []string{e.Name})
			}
			maker = k
			if u := e.Address.Unit; u != nil {
				k, ok := placeIdx[u]
				if !ok {
					k = len(places)
					placeIdx[u] = k
					places = append(places, r.f.unitName(u))
				}
				place = k
			}
		}
		var photo any = 0
		if len(p.Photos) > 0 {
			pic := r.f.photo("", p.Photos[0])
			photo = []any{pic.Small, pic.SmallWidth, pic.SmallHeight, pic.Alt}
		}
		recs := []int{}
		for _, rc := range p.Recognitions {
			k, ok := recIdx[rc]
			if !ok {
				k = len(rounds)
				recIdx[rc] = k
				path, _ := Path(rc)
				expired := 0
				if rc.Expired(r.m.Now) {
					expired = 1
				}
				rounds = append(rounds, []any{path, r.f.award(rc), rc.Round.Scheme, rc.Stars, expired, r.f.validity(rc)})
			}
			recs = append(recs, k)
		}
		path, _ := Path(p)
		products = append(products, []any{path, p.Name, maker, place, values[i], photo, recs})
	}
	abbrs := make([][2]string, 0, len(abbreviations))
	for _, a := range abbreviations {
		abbrs = append(abbrs, [2]string{a.short, a.long})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	err := enc.Encode(map[string]any{"f": facets, "m": makers, "u": places, "r": rounds, "p": products, "a": abbrs})
	if err != nil {
		r.diags.Error(diag.Pos{}, "filter", diag.M("không tạo được dữ liệu bộ lọc sản phẩm: %v", "cannot write the data of the product filters: %v", err))
		return
	}
	// JSON is a JavaScript expression; encoding/json escapes U+2028,
	// U+2029 and, like an HTML page's data, <, > and &.
	js := "kcFilter.data(" + strings.TrimSpace(b.String()) + ");\n"
	r.write(filterFile, []byte(js))
}

// filterStrings are the interface strings of the filter form.
var filterI18n = map[string]diag.Msg{
	"filter.title":    {Vi: "Lọc sản phẩm", En: "Filter the products"},
	"filter.open":     {Vi: "Chọn nhóm, công nhận, địa bàn, năm", En: "Choose group, recognition, area, year"},
	"filter.intro":    {Vi: "Chọn nhiều mục để thu hẹp danh sách; kết quả hiện ngay bên dưới.", En: "Choose several to narrow the list; the results show below at once."},
	"filter.anyPlace": {Vi: "Mọi địa bàn", En: "Any area"},
	"filter.reset":    {Vi: "Bỏ chọn tất cả", En: "Clear all"},
	"filter.count":    {Vi: "Có %d sản phẩm phù hợp.", En: "%d products match."},
	"filter.countAll": {Vi: "Tất cả %d sản phẩm.", En: "All %d products."},
	"filter.none":     {Vi: "Không có sản phẩm nào phù hợp; hãy bỏ bớt lựa chọn.", En: "No product matches; clear some choices."},
	"filter.more":     {Vi: "Xem thêm sản phẩm", En: "Show more products"},
	"filter.loading":  {Vi: "Đang tải dữ liệu…", En: "Loading…"},
	"filter.failed":   {Vi: "Không tải được dữ liệu bộ lọc.", En: "Could not load the filter data."},
	"filter.all":      {Vi: "Tất cả", En: "All"},
	"filter.results":  {Vi: "Sản phẩm phù hợp", En: "Matching products"},
}
