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
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
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

// hasher writes values into a buffer, to be digested at once.
type hasher struct {
	in  *inputs
	buf []byte
	// seen are the pointers (not to records) already written, for cycles.
	seen []unsafe.Pointer
	// top is the depth of the walk of a page's Data: a unit or a round
	// met there is the one the page shows, and is walked; met deeper, it
	// counts by identity, its naming being part of the global digest.
	top int
	// subjects are the records the page shows: its Data, or the records
	// its Data embeds (a unit page's unit).
	subjects []unsafe.Pointer
}

var hasherPool = sync.Pool{New: func() any { return &hasher{buf: make([]byte, 0, 4096)} }}

// hasher returns an empty hasher, to release once summed.
func (in *inputs) hasher() *hasher {
	h := hasherPool.Get().(*hasher)
	h.in = in
	h.reset()
	return h
}

func (h *hasher) reset() {
	h.buf, h.seen, h.subjects, h.top = h.buf[:0], h.seen[:0], h.subjects[:0], 0
}

// release gives the hasher back for another use.
func (h *hasher) release() {
	if cap(h.buf) <= 1<<20 {
		h.in = nil
		hasherPool.Put(h)
	}
}

func (h *hasher) sum() Digest {
	s := sha256.Sum256(h.buf)
	var d Digest
	copy(d[:], s[:])
	return d
}

func (h *hasher) int(n int64)     { h.buf = binary.AppendVarint(h.buf, n) }
func (h *hasher) digest(d Digest) { h.buf = append(h.buf, d[:]...) }

func (h *hasher) str(s string) {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(s)))
	h.buf = append(h.buf, s...)
}

func (h *hasher) bool(b bool) {
	if b {
		h.buf = append(h.buf, 1)
	} else {
		h.buf = append(h.buf, 0)
	}
}

func (h *hasher) time(t time.Time) {
	_, off := t.Zone()
	h.int(t.UnixNano())
	h.int(int64(off))
	h.bool(t.IsZero())
}

// cell writes a cell of an open data table, with its type.
func (h *hasher) cell(v any) {
	switch x := v.(type) {
	case nil:
		h.buf = append(h.buf, 'n')
	case string:
		h.buf = append(h.buf, 's')
		h.str(x)
	case int:
		h.buf = append(h.buf, 'i')
		h.int(int64(x))
	case int64:
		h.buf = append(h.buf, 'l')
		h.int(x)
	default:
		h.buf = append(h.buf, 'v')
		h.str(fmt.Sprintf("%T %#v", v, v))
	}
}

// photo writes what the asset stage made of the content file name.
func (h *hasher) photo(name string) {
	p := h.in.set.Photo(name)
	if p == nil {
		h.int(-1)
		return
	}
	h.int(int64(p.Width))
	h.int(int64(p.Height))
	h.int(int64(len(p.Copies)))
	for _, c := range p.Copies {
		h.str(c.Name)
		h.int(int64(c.Width))
		h.int(int64(c.Height))
	}
}

// bundle writes the files of an article's own folder, which its body may
// link to.
func (h *hasher) bundle(a *model.Article) {
	if a.Bundle == "" {
		return
	}
	prefix := a.Bundle + "/"
	i := sort.SearchStrings(h.in.assets, prefix)
	for ; i < len(h.in.assets) && len(h.in.assets[i]) > len(prefix) && h.in.assets[i][:len(prefix)] == prefix; i++ {
		h.str(h.in.assets[i])
		h.photo(h.in.assets[i])
	}
	h.int(-2)
}

// record writes the identity of the record v (a pointer to one).
func (h *hasher) record(v reflect.Value) {
	rk := recKinds[v.Type()]
	h.buf = append(h.buf, 'R', rk.code)
	h.str(rk.id(v.UnsafePointer()))
}

// structFields writes the exported fields of struct v but those in skip.
func (h *hasher) structFields(v reflect.Value, skip map[int]bool, depth int) {
	t := v.Type()
	for i := range t.NumField() {
		if skip[i] || !t.Field(i).IsExported() {
			continue
		}
		h.value(v.Field(i), depth)
	}
}

// value writes v. A record met on the way is written by identity; with
// depth ≥ 0 the digest of its own fields follows, and when depth > 0 the
// records it refers to are walked in turn, with depth-1. A depth of -1
// writes records by identity only.
func (h *hasher) value(v reflect.Value, depth int) {
	if !v.IsValid() {
		h.buf = append(h.buf, 'n')
		return
	}
	t := v.Type()
	switch t {
	case typePos:
		return
	case typeTime:
		h.time(*(*time.Time)(unsafe.Pointer(v.Addr().UnsafePointer())))
		return
	}
	switch v.Kind() {
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		h.bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.buf = binary.AppendUvarint(h.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		h.buf = binary.LittleEndian.AppendUint64(h.buf, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			h.buf = append(h.buf, '0')
			return
		}
		if rk := recKinds[t]; rk != nil {
			if depth < 0 || rk.global && depth < h.top {
				h.record(v)
				return
			}
			ri := h.in.info(v)
			h.digest(ri.token)
			if depth > 0 {
				next := ri.forward
				if h.subject(v) {
					next = ri.all
				}
				for _, n := range next {
					h.value(n, depth-1)
				}
			}
			return
		}
		p := v.UnsafePointer()
		for i, s := range h.seen {
			if s == p {
				h.buf = append(h.buf, 'S')
				h.int(int64(i))
				return
			}
		}
		h.seen = append(h.seen, p)
		h.buf = append(h.buf, 'P')
		h.value(v.Elem(), depth)
	case reflect.Interface:
		if v.IsNil() {
			h.buf = append(h.buf, 'n')
			return
		}
		h.str(v.Elem().Type().String())
		h.value(v.Elem(), depth)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.buf = append(h.buf, '0')
			return
		}
		n := v.Len()
		h.int(int64(n))
		if t.Elem().Kind() == reflect.Uint8 {
			if v.Kind() == reflect.Slice {
				h.buf = append(h.buf, v.Bytes()...)
				return
			}
		}
		for i := range n {
			h.value(v.Index(i), depth)
		}
	case reflect.Map:
		if v.IsNil() {
			h.buf = append(h.buf, '0')
			return
		}
		keys := v.MapKeys()
		type kv struct {
			k []byte
			v reflect.Value
		}
		entries := make([]kv, len(keys))
		for i, k := range keys {
			kh := &hasher{in: h.in}
			kh.value(k, -1)
			entries[i] = kv{kh.buf, v.MapIndex(k)}
		}
		sort.Slice(entries, func(i, j int) bool { return string(entries[i].k) < string(entries[j].k) })
		h.int(int64(len(entries)))
		for _, e := range entries {
			h.buf = append(h.buf, e.k...)
			h.value(e.v, depth)
		}
	case reflect.Struct:
		if t == typeFacet {
			h.facet(v)
			return
		}
		h.structFields(v, nil, depth)
		if t == typePhoto {
			h.photo(v.FieldByIndex([]int{0}).String())
		}
	default:
		// Functions and channels have no value to digest; a page's data
		// holds none.
		h.str(t.String())
	}
}

// subject reports whether the record v is one the page shows (its Data,
// or a record embedded in its Data), rather than one of a list.
func (h *hasher) subject(v reflect.Value) bool {
	p := v.UnsafePointer()
	for _, s := range h.subjects {
		if s == p {
			return true
		}
	}
	return false
}

// notFollowed returns the fields the walk does not follow from a record
// of a list: those never followed and the back links.
func (rk *recKind) notFollowed() map[int]bool {
	rk.once.Do(func() {
		rk.listSkip = map[int]bool{}
		for i := range rk.never {
			rk.listSkip[i] = true
		}
		for i := range rk.back {
			rk.listSkip[i] = true
		}
	})
	return rk.listSkip
}

// neighbours returns the records the fields of struct v refer to, but
// those in skip, in the order of the fields.
func neighbours(v reflect.Value, skip map[int]bool) []reflect.Value {
	var c collector
	t := v.Type()
	for i := range t.NumField() {
		if !skip[i] && t.Field(i).IsExported() {
			c.collect(v.Field(i))
		}
	}
	return c.out
}

// collector gathers the records a value holds.
type collector struct {
	out  []reflect.Value
	seen []unsafe.Pointer
}

func (c *collector) collect(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if recKinds[v.Type()] != nil {
			c.out = append(c.out, v)
			return
		}
		p := v.UnsafePointer()
		for _, s := range c.seen {
			if s == p {
				return
			}
		}
		c.seen = append(c.seen, p)
		c.collect(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			c.collect(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if !mayHoldRecords(v.Type().Elem()) {
			return
		}
		for i := range v.Len() {
			c.collect(v.Index(i))
		}
	case reflect.Map:
		if !mayHoldRecords(v.Type().Elem()) {
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			c.collect(v.MapIndex(k))
		}
	case reflect.Struct:
		if !mayHoldRecords(v.Type()) {
			return
		}
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				c.collect(v.Field(i))
			}
		}
	}
}

var holdsRecords sync.Map // reflect.Type → bool

// mayHoldRecords reports whether a value of type t may hold a pointer to
// a record.
func mayHoldRecords(t reflect.Type) bool {
	if b, ok := holdsRecords.Load(t); ok {
		return b.(bool)
	}
	holdsRecords.Store(t, true) // for recursive types, while computing
	b := computeHoldsRecords(t, map[reflect.Type]bool{})
	holdsRecords.Store(t, b)
	return b
}

func computeHoldsRecords(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if recKinds[t] != nil {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return computeHoldsRecords(t.Elem(), seen)
	case reflect.Map:
		return computeHoldsRecords(t.Elem(), seen)
	case reflect.Interface:
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() && computeHoldsRecords(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// facet writes a facet as its value pages show it: its slug and title,
// and each value's slug, label, count, page and whether it is the current
// one. The records of each value are not part of it.
func (h *hasher) facet(v reflect.Value) {
	f := v.Interface().(Facet)
	h.str(f.Slug)
	h.str(f.Title)
	h.int(int64(len(f.Values)))
	for _, fv := range f.Values {
		h.str(fv.Slug)
		h.str(fv.Label)
		h.int(int64(fv.Count))
		h.str(fv.Path)
		h.bool(fv.Current)
	}
}
