package render

// What each page is made from, for builds that render only what changed.
//
// Render computes, for every page, a Digest of everything the page is made
// from. A Sink that keeps the files of an earlier build with their digests
// (an IncrementalSink) is asked, before a page's template runs, whether it
// still holds that page made from the same inputs; when it does, the
// template does not run and the file is left as it is.
//
// A page's inputs are read from the model, not guessed. They are:
//
//   - what every page shares (global): the interface language, base_url,
//     whether drafts are marked, the build date, the site's own template
//     files, data/site.yaml as modelled, and how every unit and every
//     recognition round is named (units and rounds are named on most
//     pages: an address walks its units up to the province, a badge names
//     its round);
//   - the page itself as handed to its template: the Page value (title,
//     breadcrumbs, menu, pager, facets…) and its Data, walked field by
//     field;
//   - every record the walk of Data reaches, to the depth its kind reads
//     (kindScopes): the record's identity and the digest of its own
//     fields (shallowDigest), in which the records it refers to count by
//     identity only. Depth 1, the default of record pages, is the record
//     shown and the records it refers to: a product's page reads its
//     establishment's name and address, not the other products of that
//     establishment.
//
// Pages of a kind not listed in kindScopes (the home page, statistics,
// lists of every record, the search and open data pages, and any kind
// added later) read the whole model: their digest holds the digest of
// every record. So do all pages when the site has its own templates,
// which may reach any record through .Model.
//
// Back links that only a unit's or a round's own pages list (a unit's
// establishments, a round's awards) are left out of the unit's and the
// round's digest: those pages hand the records they list to their
// template in Data, where the walk finds them.
//
// The digest of a record leaves out diag.Pos values: where a record is
// written never reaches a page. Only exported fields are read, as
// templates read them; Page.Facets, the one method of page data that
// returns unexported fields, is walked as its result.

import (
	"reflect"
	"runtime"
	"sort"
	"sync"
	"time"
	"unsafe"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// Digest identifies what a file was made from: two renders that give a
// page the same Digest give it the same bytes.
type Digest [16]byte

// inputsScheme changes whenever what a digest covers changes, so that
// digests of different schemes never match.
const inputsScheme = "khuyencong-inputs-1"

// kindScope is how the pages of a kind find their inputs: the records the
// walk of their Data reaches, to depth (0: the records in Data only), and
// whatever extra adds.
type kindScope struct {
	depth int
	extra func(h *hasher, m *model.Model)
	// records, when not nil, are the collections of the model the pages
	// read as a whole (see collectionNames), instead of walking their
	// Data.
	records []string
}

// kindScopes lists the kinds of page that read only the records of their
// Data. Every other kind reads the whole model.
var kindScopes = map[string]kindScope{
	"product":        {depth: 1},
	"establishment":  {depth: 1},
	"project":        {depth: 1},
	"article":        {depth: 1},
	"products":       {depth: 1},
	"establishments": {depth: 1},
	"projects":       {depth: 1},
	"tag":            {depth: 1},
	"unit":           {depth: 1},
	"facet":          {depth: 1},
	"page":           {depth: 1},
	"programme":      {depth: 1},
	// A sheet shows a product or an establishment (with its maker, its
	// awards), or the awarded products of a round, each named in Data.
	"sheet":  {depth: 1},
	"tags":   {depth: 0},
	"search": {depth: 0},
	"404":    {depth: 0},
	// A round's page lists its awards with their makers.
	"round": {depth: 2},
	// The statistics are computed from every record but the articles.
	"stats":      {depth: -1, records: statsRecords},
	"stats-year": {depth: -1, records: statsRecords},
	// The news list also names every tag (news.html).
	"news": {depth: 1, extra: func(h *hasher, m *model.Model) {
		h.int(int64(len(m.TagNames)))
		for _, t := range m.TagNames {
			h.str(t)
		}
	}},
}

// statsRecords are the collections the statistics are computed from.
var statsRecords = []string{"establishments", "products", "projects", "programmes", "reports", "units", "rounds", "assets"}

// recKind describes a type of record: how the digest names it, and
// whether it is named on most pages (its naming fields are then part of
// the global digest, and the walk does not follow it further).
type recKind struct {
	code   byte
	id     func(p unsafe.Pointer) string
	global bool
	// hub are the fields left out of the record's digest: the long lists
	// of a unit or a round (the establishments of a province, the awards
	// of a round), which would tie most pages to every record otherwise.
	hub map[int]bool
	// never are the fields no walk follows: a unit's lists, which its pages
	// hand to their template in Data (UnitPage).
	never map[int]bool
	// back are the back links of the record: lists of the records that
	// refer to it (an establishment's products, support and news), which
	// only its own page shows. The walk follows them from the record a
	// page shows (its subject), not from the records a list shows.
	back map[int]bool

	once     sync.Once
	listSkip map[int]bool
}

var (
	recKinds     map[reflect.Type]*recKind
	typePos      = reflect.TypeFor[diag.Pos]()
	typeTime     = reflect.TypeFor[time.Time]()
	typePhoto    = reflect.TypeFor[model.Photo]()
	typeArticle  = reflect.TypeFor[*model.Article]()
	typeFacet    = reflect.TypeFor[Facet]()
	typePage     = reflect.TypeFor[Page]()
	pageSkip     = fieldSet(typePage, "Site", "Model", "Now", "JSONLD", "Data")
	pageDataIdx  = fieldIndex(typePage, "Data")
	recKindsOnce sync.Once
)

func initRecKinds() {
	recKinds = map[reflect.Type]*recKind{
		reflect.TypeFor[*model.Unit](): {code: 'u', global: true, id: func(p unsafe.Pointer) string { return (*model.Unit)(p).ID },
			hub:   fieldSet(reflect.TypeFor[model.Unit](), "Establishments", "Products", "News"),
			never: fieldSet(reflect.TypeFor[model.Unit](), "Establishments", "Products", "News")},
		reflect.TypeFor[*model.Round](): {code: 'r', global: true, id: func(p unsafe.Pointer) string { return (*model.Round)(p).ID },
			hub:  fieldSet(reflect.TypeFor[model.Round](), "Awards", "NextLevel", "News"),
			back: fieldSet(reflect.TypeFor[model.Round](), "Awards", "NextLevel", "News")},
		reflect.TypeFor[*model.Establishment](): {code: 'e', id: func(p unsafe.Pointer) string { return (*model.Establishment)(p).ID },
			back: fieldSet(reflect.TypeFor[model.Establishment](), "Products", "Support", "Recognitions", "News")},
		reflect.TypeFor[*model.Product](): {code: 'p', id: func(p unsafe.Pointer) string { return (*model.Product)(p).ID },
			back: fieldSet(reflect.TypeFor[model.Product](), "Recognitions", "News", "Path", "Levels")},
		reflect.TypeFor[*model.Project](): {code: 'j', id: func(p unsafe.Pointer) string { return (*model.Project)(p).ID },
			back: fieldSet(reflect.TypeFor[model.Project](), "Shared", "Units", "News")},
		reflect.TypeFor[*model.Programme](): {code: 'g', id: func(p unsafe.Pointer) string { return (*model.Programme)(p).ID },
			back: fieldSet(reflect.TypeFor[model.Programme](), "Projects", "News")},
		reflect.TypeFor[*model.Report](): {code: 'b', id: func(p unsafe.Pointer) string { return (*model.Report)(p).ID },
			back: fieldSet(reflect.TypeFor[model.Report](), "News")},
		reflect.TypeFor[*model.Article](): {code: 'a', id: func(p unsafe.Pointer) string { return (*model.Article)(p).Pos.File }},
	}
}

// fieldSet returns the indexes of the named fields of struct type t; a
// name t lacks is ignored (the field is then digested like any other).
func fieldSet(t reflect.Type, names ...string) map[int]bool {
	out := map[int]bool{}
	for _, n := range names {
		if f, ok := t.FieldByName(n); ok && len(f.Index) == 1 {
			out[f.Index[0]] = true
		}
	}
	return out
}

func fieldIndex(t reflect.Type, name string) int {
	f, _ := t.FieldByName(name)
	return f.Index[0]
}

// inputs computes the digests of the pages of one Render.
type inputs struct {
	m   *model.Model
	set *asset.Set
	// assets are m.Assets, sorted, for the files of an article's folder.
	assets []string
	// global is the digest of what every page reads; whole that of every
	// record, for the kinds that read the whole model; collections that
	// of each collection (see collectionNames).
	global, whole Digest
	collections   map[string]Digest
	// everything is true when every page reads the whole model.
	everything bool

	// records are the records of the model, computed at once by
	// newInputs and only read after; others holds any other record met
	// (none in a model that lists every record).
	records map[unsafe.Pointer]*recInfo
	mu      sync.Mutex
	others  map[unsafe.Pointer]*recInfo
}

// recInfo is what the inputs of a render know of one record, computed
// once.
type recInfo struct {
	// token is the digest of its identity and its own fields (see
	// shallowDigest).
	token Digest
	// all are the records its fields refer to, but those no walk follows;
	// forward leaves its back links out too.
	all, forward []reflect.Value
}

// newInputs computes what the pages of r share.
func newInputs(r *renderer) *inputs {
	recKindsOnce.Do(initRecKinds)
	m := r.m
	in := &inputs{m: m, set: r.opts.Assets, assets: append([]string(nil), m.Assets...), everything: len(r.opts.Theme) > 0,
		others: map[unsafe.Pointer]*recInfo{}}
	sort.Strings(in.assets)
	in.records = recordInfos(in, m)

	h := in.hasher()
	h.str(inputsScheme)
	h.str(r.lang)
	h.str(r.f.base)
	h.bool(r.opts.ShowDrafts)
	names := make([]string, 0, len(r.opts.Theme))
	for n := range r.opts.Theme {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h.str(n)
		h.str(string(r.opts.Theme[n]))
	}
	if in.everything {
		h.time(m.Now)
	} else {
		y, mo, d := m.Now.Date()
		h.int(int64(y*10000 + int(mo)*100 + d))
	}
	h.value(reflect.ValueOf(m.Site), -1)
	for _, u := range m.Units {
		h.digest(in.info(reflect.ValueOf(u)).token)
	}
	for _, rd := range m.Rounds {
		h.digest(in.info(reflect.ValueOf(rd)).token)
	}
	for _, e := range r.menu {
		h.value(reflect.ValueOf(e), -1)
	}
	in.global = h.sum()

	in.collections = map[string]Digest{}
	for _, c := range []struct {
		name string
		list any
	}{{"establishments", m.Establishments}, {"products", m.Products}, {"projects", m.Projects}, {"programmes", m.Programmes},
		{"reports", m.Reports}, {"news", m.News}, {"pages", m.Pages}} {
		w := in.hasher()
		v := reflect.ValueOf(c.list)
		w.int(int64(v.Len()))
		for i := range v.Len() {
			w.digest(in.info(v.Index(i)).token)
		}
		in.collections[c.name] = w.sum()
	}
	// Units and rounds in full, their long lists included.
	w := in.hasher()
	for _, u := range m.Units {
		w.value(reflect.ValueOf(*u), -1)
	}
	in.collections["units"] = w.sum()
	w = in.hasher()
	for _, rd := range m.Rounds {
		w.value(reflect.ValueOf(*rd), -1)
	}
	in.collections["rounds"] = w.sum()
	w = in.hasher()
	w.int(int64(len(in.assets)))
	for _, a := range in.assets {
		w.str(a)
		w.photo(a)
	}
	in.collections["assets"] = w.sum()
	in.whole = in.collectionsDigest(collectionNames)
	return in
}

// collectionNames are the collections of the model as inputs count them.
var collectionNames = []string{"establishments", "products", "projects", "programmes", "reports", "news", "pages", "units", "rounds", "assets"}

// collectionsDigest returns the digest of the collections named.
func (in *inputs) collectionsDigest(names []string) Digest {
	w := in.hasher()
	for _, n := range names {
		w.str(n)
		w.digest(in.collections[n])
	}
	return w.sum()
}

// page returns the digest of the inputs of page p.
func (in *inputs) page(p *Page) Digest {
	h := in.hasher()
	h.digest(in.global)
	scope, scoped := kindScopes[p.Kind]
	switch {
	case in.everything || !scoped:
		h.digest(in.whole)
		scope = kindScope{depth: -1}
	case scope.records != nil:
		h.digest(in.collectionsDigest(scope.records))
	}
	v := reflect.ValueOf(p).Elem()
	h.structFields(v, pageSkip, -1)
	h.value(reflect.ValueOf(p.facets), -1)
	h.top = scope.depth
	h.subjects = subjectsOf(p.Data)
	h.value(v.Field(pageDataIdx), scope.depth)
	if scope.extra != nil {
		scope.extra(h, in.m)
	}
	d := h.sum()
	h.release()
	return d
}

// subjectsOf returns the records data shows: data itself when it is a
// record, else the records its struct embeds.
func subjectsOf(data any) []unsafe.Pointer {
	v := reflect.ValueOf(data)
	if !v.IsValid() {
		return nil
	}
	if recKinds[v.Type()] != nil && !v.IsNil() {
		return []unsafe.Pointer{v.UnsafePointer()}
	}
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	var out []unsafe.Pointer
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Anonymous && recKinds[f.Type] != nil && !v.Field(i).IsNil() {
			out = append(out, v.Field(i).UnsafePointer())
		}
	}
	return out
}

// recordInfos computes the recInfo of every record of m, on all cores.
func recordInfos(in *inputs, m *model.Model) map[unsafe.Pointer]*recInfo {
	var all []reflect.Value
	for _, list := range []any{m.Units, m.Establishments, m.Products, m.Rounds, m.Projects, m.Programmes, m.Reports, m.News, m.Pages} {
		v := reflect.ValueOf(list)
		for i := range v.Len() {
			all = append(all, v.Index(i))
		}
	}
	infos := make([]*recInfo, len(all))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(all); i += workers {
				infos[i] = in.compute(all[i])
			}
		})
	}
	wg.Wait()
	out := make(map[unsafe.Pointer]*recInfo, len(all))
	for i, v := range all {
		out[v.UnsafePointer()] = infos[i]
	}
	return out
}

// info returns what the render knows of the record v (a pointer to one).
func (in *inputs) info(v reflect.Value) *recInfo {
	p := v.UnsafePointer()
	if ri := in.records[p]; ri != nil {
		return ri
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	ri := in.others[p]
	if ri == nil {
		ri = in.compute(v)
		in.others[p] = ri
	}
	return ri
}

// compute computes the recInfo of the record v.
func (in *inputs) compute(v reflect.Value) *recInfo {
	rk := recKinds[v.Type()]
	h := in.hasher()
	h.record(v)
	ri := &recInfo{}
	h.shallowDigest(v, rk)
	ri.token = h.sum()
	h.release()
	ri.all = neighbours(v.Elem(), rk.never)
	ri.forward = neighbours(v.Elem(), rk.notFollowed())
	return ri
}

// shallowDigest writes the record's own fields, the records it refers to
// counting by identity, its long lists (hub) left out.
func (h *hasher) shallowDigest(v reflect.Value, rk *recKind) {
	h.structFields(v.Elem(), rk.hub, -1)
	if v.Type() == typeArticle {
		h.bundle((*model.Article)(v.UnsafePointer()))
	}
}
