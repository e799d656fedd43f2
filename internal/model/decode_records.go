package model

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/par"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// ref is a reference read from a record, kept until every collection is
// decoded: the id written, where, and for a successor whether it is
// partial. It holds no YAML node, so that the trees of a file are freed
// once the file is decoded.
type ref struct {
	id      string
	pos     diag.Pos
	partial bool
	// names is the unit written by names instead of an id.
	names *unitNames
}

// unitNames is a unit written by names, as an address gives it; each part
// may be empty.
type unitNames struct {
	commune, district, province string
	// at are the positions of the three parts (the mapping's where a
	// part is not written).
	at [3]diag.Pos
}

func refOf(w *walker, v value) ref {
	if v.obj != nil {
		return ref{pos: w.pos(v.node), names: namesOf(w, v.obj)}
	}
	return ref{id: v.s, pos: w.pos(v.node), partial: v.b}
}

// namesOf reads the names of a unit from a mapping with the keys commune,
// district and province; nil when it has none.
func namesOf(w *walker, o *object) *unitNames {
	n := &unitNames{commune: o.str("commune"), district: o.str("district"), province: o.str("province")}
	if n.commune == "" && n.district == "" && n.province == "" {
		return nil
	}
	for i, k := range addressNameKeys {
		n.at[i] = w.pos(o.node)
		if v := o.at(k); v != nil {
			n.at[i] = w.pos(v)
		}
	}
	return n
}

func refsOfList(w *walker, vs []value) []ref {
	var out []ref
	for _, v := range vs {
		out = append(out, refOf(w, v))
	}
	return out
}

// optional returns the reference at key of o, nil when absent.
func optional(w *walker, o *object, key string) *ref {
	if v, ok := o.get(key); ok {
		r := refOf(w, v)
		return &r
	}
	return nil
}

// Raw references of each record kind, kept until every collection is
// decoded and resolved by resolve.go.
type (
	unitRefs struct {
		u          *Unit
		w          *walker
		parent     *ref
		successors []ref
		// parents are the units of u.Parents, in order.
		parents []ref
	}
	establishmentRefs struct {
		e             *Establishment
		w             *walker
		unit, current *ref
		// names is the address written by names, nil when it has none.
		names *unitNames
	}
	productRefs struct {
		p             *Product
		w             *walker
		establishment *ref
	}
	awardRefs struct {
		rec           *Recognition
		w             *walker
		path          string
		product, unit *ref
	}
	roundRefs struct {
		rd   *Round
		w    *walker
		next []ref
	}
	projectRefs struct {
		p             *Project
		w             *walker
		programme     *ref
		unit          *ref
		beneficiaries []ref
		// shared is the budget_shared written on p, nil when none.
		shared *sharedRefs
	}
	sharedRefs struct {
		money Money
		pos   diag.Pos
		with  []ref
	}
	reportRefs struct {
		r    *Report
		w    *walker
		unit *ref
		// key is what makes the report one of a kind: period and title.
		idPos diag.Pos
	}
)

// refsOf holds the raw references of the records decoded.
type refsOf struct {
	units          []unitRefs
	establishments []establishmentRefs
	products       []productRefs
	awards         []awardRefs
	rounds         []roundRefs
	projects       []projectRefs
	reports        []reportRefs
	area           *ref
	areaWalker     *walker
	// provinces are the values of site.yaml's province:.
	provinces []ref
}

func sources(o *object) []Source {
	var out []Source
	for _, v := range o.items("sources") {
		s := v.obj
		out = append(out, Source{Title: s.str("title"), URL: s.str("url"), Publisher: s.str("publisher"), Date: s.date("date")})
	}
	return out
}

func photo(p *object) Photo {
	ph := Photo{File: p.str("file"), Caption: p.str("caption"), Credit: p.str("credit"), Alt: p.str("alt")}
	if ph.Alt == "" {
		ph.Alt = ph.Caption
	}
	return ph
}

func decision(o *object) Decision {
	if o == nil {
		return Decision{}
	}
	return Decision{Number: o.str("number"), Title: o.str("title"), URL: o.str("url"), Issuer: o.str("issuer"), Date: o.date("date")}
}

func (b *builder) decodeSite(doc *load.Doc) {
	s := &b.m.Site
	s.Language, s.Paginate = "vi", DefaultPaginate
	if doc == nil {
		b.diags.Error(diag.Pos{File: "data/site.yaml"}, "missing-file", diag.M(
			"thiếu tệp data/site.yaml; tạo tệp này với ít nhất một dòng, ví dụ: title: Khuyến công An Giang",
			"data/site.yaml is missing; create it with at least one line, e.g. title: Khuyến công An Giang"))
		return
	}
	w := &walker{diags: &b.diags, file: doc.Path, assets: b.assets,
		rec: diag.Msg{Vi: "thiết lập trang", En: "site settings"}}
	o := w.mapping(doc.Root, siteSchema, "")
	if o == nil {
		return
	}
	s.Pos = w.pos(o.node)
	s.Title, s.Description, s.BaseURL = o.str("title"), o.str("description"), o.str("base_url")
	if o.has("language") {
		s.Language = o.str("language")
	}
	if v, ok := o.get("i18n"); ok {
		s.I18n = make(map[string]string, len(v.labels))
		for _, l := range v.labels {
			s.I18n[l.Label] = l.Value
		}
	}
	if p := o.sub("publisher"); p != nil {
		s.Publisher = Publisher{Name: p.str("name"), Parent: p.str("parent"), Address: p.str("address"),
			Phone: p.str("phone"), Email: p.str("email"), Website: p.str("website")}
	}
	if v, ok := o.get("paginate"); ok {
		if v.n == 0 {
			w.fail(v.node, "wrong-type", "paginate", diag.M(
				"phải là một số lớn hơn 0, ví dụ 20", "must be a number above 0, e.g. 20"))
		} else {
			s.Paginate = int(min(v.n, 1000000))
		}
	}
	for _, v := range o.items("menu") {
		s.Menu = append(s.Menu, MenuItem{Title: v.obj.str("title"), URL: v.obj.str("url")})
	}
	if md := o.sub("markdown"); md != nil {
		s.UnsafeHTML = md.boolean("unsafe_html")
	}
	s.Notice = o.str("notice")
	if l := o.sub("license"); l != nil {
		s.License = Link{Name: l.str("name"), URL: l.str("url")}
	}
	b.raw.area, b.raw.areaWalker = optional(w, o, "area"), w
	for _, v := range o.items("province") {
		b.raw.provinces = append(b.raw.provinces, refOf(w, v))
	}
}

func (b *builder) decodeUnits(docs []*load.Doc) {
	for _, r := range b.records(docs, kindUnit, func(n *yaml.Node) (string, bool) { return peek(n, "id"), true }) {
		o := r.obj
		u := &Unit{ID: r.id, Name: o.str("name"), Type: o.str("type"), Code: o.str("code"),
			ValidFrom: o.date("valid_from"), ValidTo: o.date("valid_to"), Pos: r.pos}
		if !u.ValidFrom.IsZero() && !u.ValidTo.IsZero() && u.ValidTo.Time().Before(u.ValidFrom.Time()) {
			r.w.fail(o.at("valid_to"), "bad-range", "valid_to", diag.M(
				"ngày kết thúc trước ngày bắt đầu (valid_from)", "ends before it starts (valid_from)"))
		}
		b.m.Units = append(b.m.Units, u)
		b.m.UnitByID[u.ID] = u
		refs := unitRefs{u: u, w: r.w, parent: optional(r.w, o, "parent"), successors: refsOfList(r.w, o.items("successors"))}
		for i, v := range o.items("parents") {
			po := v.obj
			pu, ok := po.get("unit")
			if !ok {
				continue
			}
			up := UnitParent{From: po.date("from"), To: po.date("to")}
			if !up.From.IsZero() && !up.To.IsZero() && up.To.Time().Before(up.From.Time()) {
				r.w.fail(po.at("to"), "bad-range", fmt.Sprintf("parents[%d].to", i), diag.M(
					"ngày kết thúc trước ngày bắt đầu (from)", "ends before it starts (from)"))
			}
			u.Parents = append(u.Parents, up)
			refs.parents = append(refs.parents, refOf(r.w, pu))
		}
		b.raw.units = append(b.raw.units, refs)
	}
}

func (b *builder) decodeEstablishments(docs []*load.Doc) {
	first := len(b.m.Establishments)
	defer func() {
		// The names to sort by, on all cores.
		added := b.m.Establishments[first:]
		par.Each(len(added), func(i int) {
			if e := added[i]; e.SortName == "" {
				e.SortName = vi.SortName(e.Name)
			}
		})
	}()
	for _, r := range b.records(docs, kindEstablishment, idFromName("name")) {
		o := r.obj
		e := &Establishment{ID: r.id, Name: o.str("name"), SortName: o.str("sort_name"),
			LegalForm: o.str("legal_form"), Scale: o.str("scale"), Sectors: o.strings("sectors"),
			Founded: int(o.integer("founded")), Description: o.markdown("description"),
			Photos: r.w.photoList(o), Sources: sources(o), Pos: r.pos}
		refs := establishmentRefs{e: e, w: r.w}
		if a := o.sub("address"); a != nil {
			e.Address.Street, e.Address.Hamlet = a.str("street"), a.str("hamlet")
			refs.unit, refs.current = optional(r.w, a, "unit"), optional(r.w, a, "current_unit")
			refs.names = namesOf(r.w, a)
		}
		// Contact details are published only when marked public;
		// applyPrivate has already removed those listed as private.
		if c := o.sub("contact"); c != nil && c.boolean("public") {
			e.Contact = Contact{Phone: c.str("phone"), Email: c.str("email"), Website: c.str("website")}
		}
		b.m.Establishments = append(b.m.Establishments, e)
		b.m.EstablishmentByID[e.ID] = e
		b.raw.establishments = append(b.raw.establishments, refs)
	}
}

func (b *builder) decodeProducts(docs []*load.Doc) {
	for _, r := range b.records(docs, kindProduct, idFromName("name")) {
		o := r.obj
		p := &Product{ID: r.id, Name: o.str("name"), Group: o.str("group"),
			Description: o.markdown("description"), Photos: r.w.photoList(o), Sources: sources(o), Pos: r.pos}
		if v, ok := o.get("specs"); ok {
			p.Specs = v.labels
		}
		if pr := o.sub("price"); pr != nil && pr.has("amount") {
			p.Price = Price{Amount: pr.integer("amount"), Unit: pr.str("unit"), AsOf: pr.date("as_of"), Set: true}
		}
		b.m.Products = append(b.m.Products, p)
		b.m.ProductByID[p.ID] = p
		b.raw.products = append(b.raw.products, productRefs{p: p, w: r.w, establishment: optional(r.w, o, "establishment")})
	}
}

func (b *builder) decodeProgrammes(docs []*load.Doc) {
	for _, r := range b.records(docs, kindProgramme, idFromName("name")) {
		o := r.obj
		p := &Programme{ID: r.id, Name: o.str("name"), Scope: o.str("scope"),
			FromYear: int(o.integer("from_year")), ToYear: int(o.integer("to_year")),
			Decision: decision(o.sub("decision")), Summary: o.markdown("summary"), Sources: sources(o), Pos: r.pos}
		for _, v := range o.items("priorities") {
			p.Priorities = append(p.Priorities, Markdown(v.s))
		}
		if p.FromYear != 0 && p.ToYear != 0 && p.ToYear < p.FromYear {
			r.w.fail(o.at("to_year"), "bad-range", "to_year", diag.M(
				"năm kết thúc %d trước năm bắt đầu %d", "end year %d is before start year %d", p.ToYear, p.FromYear))
		}
		b.m.Programmes = append(b.m.Programmes, p)
		b.m.ProgrammeByID[p.ID] = p
	}
}
