package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
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
}

func refOf(w *walker, v value) ref {
	return ref{id: v.s, pos: w.pos(v.node), partial: v.b}
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
	}
	establishmentRefs struct {
		e             *Establishment
		w             *walker
		unit, current *ref
	}
	productRefs struct {
		p             *Product
		w             *walker
		establishment *ref
	}
	awardRefs struct {
		rec     *Recognition
		w       *walker
		path    string
		product ref
	}
	projectRefs struct {
		p             *Project
		w             *walker
		programme     *ref
		beneficiaries []ref
	}
)

// refsOf holds the raw references of the records decoded.
type refsOf struct {
	units          []unitRefs
	establishments []establishmentRefs
	products       []productRefs
	awards         []awardRefs
	projects       []projectRefs
	area           *ref
	areaWalker     *walker
}

func sources(o *object) []Source {
	var out []Source
	for _, v := range o.items("sources") {
		s := v.obj
		out = append(out, Source{Title: s.str("title"), URL: s.str("url"), Publisher: s.str("publisher"), Date: s.date("date")})
	}
	return out
}

func photos(o *object) []Photo {
	var out []Photo
	for _, v := range o.items("photos") {
		out = append(out, photo(v.obj))
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
	return Decision{Number: o.str("number"), Title: o.str("title"), URL: o.str("url"), Date: o.date("date")}
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
		rec: recName{Vi: "thiết lập trang", En: "site settings"}}
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
		b.raw.units = append(b.raw.units, unitRefs{u: u, w: r.w, parent: optional(r.w, o, "parent"), successors: refsOfList(r.w, o.items("successors"))})
	}
}

func (b *builder) decodeEstablishments(docs []*load.Doc) {
	for _, r := range b.records(docs, kindEstablishment, idFromName("name")) {
		o := r.obj
		e := &Establishment{ID: r.id, Name: o.str("name"), SortName: o.str("sort_name"),
			LegalForm: o.str("legal_form"), Scale: o.str("scale"), Sectors: o.strings("sectors"),
			Founded: int(o.integer("founded")), Description: o.markdown("description"),
			Photos: r.w.photoList(o), Sources: sources(o), Pos: r.pos}
		if e.SortName == "" {
			e.SortName = vi.SortName(e.Name)
		}
		refs := establishmentRefs{e: e, w: r.w}
		if a := o.sub("address"); a != nil {
			e.Address.Street, e.Address.Hamlet = a.str("street"), a.str("hamlet")
			refs.unit, refs.current = optional(r.w, a, "unit"), optional(r.w, a, "current_unit")
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

// roundID is the default id of a recognition round:
// scheme-level[-region]-year, e.g. cnnt-khu-vuc-nam-2020.
func roundID(n *yaml.Node) (string, bool) {
	if id := peek(n, "id"); id != "" {
		return id, true
	}
	scheme, level, year := peek(n, "scheme"), peek(n, "level"), peek(n, "year")
	if scheme == "" || level == "" || year == "" {
		return "", false
	}
	parts := scheme + " " + level
	if region := peek(n, "region"); region != "" {
		parts += " " + region
	}
	return vi.Slug(strings.ReplaceAll(parts+" "+year, "_", "-")), false
}

func (b *builder) decodeRounds(docs []*load.Doc) {
	for _, r := range b.records(docs, kindRound, roundID) {
		o := r.obj
		rd := &Round{ID: r.id, Scheme: o.str("scheme"), Level: o.str("level"), Region: o.str("region"),
			Year: int(o.integer("year")), Decision: decision(o.sub("decision")), Sources: sources(o), Pos: r.pos}
		if v, ok := o.get("reported_count"); ok {
			rd.ReportedCount, rd.HasReportedCount = int(min(v.n, 1<<31-1)), true
		}
		b.checkRound(r.w, o, rd)
		for i, v := range o.items("awards") {
			a := v.obj
			rec := &Recognition{Round: rd, Score: a.float("score"), ValidUntil: a.date("valid_until"),
				Certificate: a.str("certificate"), Pos: r.w.pos(a.node)}
			path := "awards[" + strconv.Itoa(i) + "]"
			if sv, ok := a.get("stars"); ok {
				switch {
				case rd.Scheme == "cnnt":
					r.w.fail(sv.node, "bad-stars", path+".stars", diag.M(
						"số sao chỉ dùng cho OCOP; vòng bình chọn sản phẩm CNNT tiêu biểu không có sao, hãy xóa dòng này",
						"stars are for OCOP only; a standout rural product round has no stars, delete this line"))
				case sv.n < 3 || sv.n > 5:
					r.w.fail(sv.node, "bad-stars", path+".stars", diag.M(
						"sản phẩm OCOP được từ 3 đến 5 sao; đang ghi %d", "OCOP products have 3 to 5 stars; found %d", sv.n))
				default:
					rec.Stars = int(sv.n)
				}
			} else if rd.Scheme == "ocop" {
				r.w.warn(a.node, "missing-field", path, diag.M(
					"chưa ghi số sao (stars: 3, 4 hoặc 5) của sản phẩm OCOP", "the OCOP stars (stars: 3, 4 or 5) are not given"))
			}
			if rd.Scheme == "ocop" && rec.ValidUntil.IsZero() {
				rec.ValidUntil = ocopValidUntil(rd)
			}
			rd.Awards = append(rd.Awards, rec)
			if pv, ok := a.get("product"); ok {
				b.raw.awards = append(b.raw.awards, awardRefs{rec: rec, w: r.w, path: path + ".product", product: refOf(r.w, pv)})
			}
		}
		b.m.Rounds = append(b.m.Rounds, rd)
		b.m.RoundByID[rd.ID] = rd
	}
}

// ocopValidUntil is the default end of an OCOP certificate: 36 months
// after the decision date, to the precision the date is known. Without a
// decision date the round's year stands in for it, so the certificate is
// taken to end at the start of year+3: never later than it truly does.
func ocopValidUntil(rd *Round) Date {
	d := rd.Decision.Date
	switch {
	case d.IsZero():
		return Date{Year: rd.Year + 3}
	case d.Day == 0:
		return Date{Year: d.Year + 3, Month: d.Month}
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 36, 0)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// checkRound checks the level against the scheme and the region against
// the level.
func (b *builder) checkRound(w *walker, o *object, rd *Round) {
	if rd.Scheme != "" && rd.Level != "" {
		allowed := levelsByScheme[rd.Scheme]
		ok := false
		for _, l := range allowed {
			ok = ok || l == rd.Level
		}
		if !ok {
			labels, labelsEn := "", ""
			for i, l := range allowed {
				if i > 0 {
					labels += ", "
					labelsEn += ", "
				}
				labels += l + " (" + Label(EnumLevel, l, "vi") + ")"
				labelsEn += l + " (" + Label(EnumLevel, l, "en") + ")"
			}
			w.fail(o.at("level"), "bad-level", "level", diag.Msg{
				Vi: fmt.Sprintf("cấp %q không dùng cho %s; cấp được phép: %s", rd.Level, Label(EnumScheme, rd.Scheme, "vi"), labels),
				En: fmt.Sprintf("level %q is not used for %s; allowed levels: %s", rd.Level, Label(EnumScheme, rd.Scheme, "en"), labelsEn),
			})
			rd.Level = ""
		}
	}
	switch {
	case rd.Level == "khu_vuc" && rd.Region == "" && !o.has("region"):
		w.fail(o.node, "missing-field", "", diag.M(
			"vòng bình chọn cấp khu vực phải ghi region: bac (miền Bắc), trung_tn (miền Trung - Tây Nguyên) hoặc nam (miền Nam)",
			"a regional round needs region: bac (North), trung_tn (Centre and Central Highlands) or nam (South)"))
	case rd.Level != "khu_vuc" && rd.Level != "" && rd.Region != "":
		w.fail(o.at("region"), "bad-region", "region", diag.M(
			"chỉ vòng bình chọn cấp khu vực (level: khu_vuc) mới ghi region; hãy xóa dòng này",
			"only a regional round (level: khu_vuc) has a region; delete this line"))
		rd.Region = ""
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

func (b *builder) decodeProjects(docs []*load.Doc) {
	for _, r := range b.records(docs, kindProject, idFromName("title")) {
		o := r.obj
		p := &Project{ID: r.id, Title: o.str("title"), Year: int(o.integer("year")),
			FundingSource: o.str("funding_source"), Type: o.str("type"), Activity: o.str("activity"),
			Budget: o.money("budget"), Counterpart: o.money("counterpart"),
			BeneficiariesCount: int(min(o.integer("beneficiaries_count"), 1<<31-1)),
			Status:             o.str("status"), Summary: o.markdown("summary"), Sources: sources(o), Pos: r.pos}
		if p.Type == "" {
			p.Type = "don"
		}
		refs := projectRefs{p: p, w: r.w, programme: optional(r.w, o, "programme")}
		for _, v := range o.items("beneficiaries") {
			bo := v.obj
			p.Beneficiaries = append(p.Beneficiaries, Beneficiary{Amount: bo.money("amount"), Equipment: bo.str("equipment")})
			refs.beneficiaries = append(refs.beneficiaries, refOf(r.w, bo.vals["establishment"]))
		}
		b.m.Projects = append(b.m.Projects, p)
		b.m.ProjectByID[p.ID] = p
		b.raw.projects = append(b.raw.projects, refs)
	}
}

func (b *builder) decodeReports(docs []*load.Doc) {
	first := b.reportYears
	for _, r := range b.records(docs, kindReport, func(n *yaml.Node) (string, bool) { return peek(n, "year"), true }) {
		o := r.obj
		rp := &Report{Year: int(o.integer("year")), Reported: map[string]Quantity{},
			Notes: o.markdown("notes"), Sources: sources(o), Pos: r.pos}
		if v, ok := o.get("reported"); ok {
			rp.Reported = v.quantities
		}
		if rp.Year == 0 {
			continue
		}
		if pos, dup := first[rp.Year]; dup {
			r.w.fail(o.at("year"), "duplicate-id", "year", diag.M(
				"năm %d đã có báo cáo ở %s; mỗi năm chỉ một báo cáo", "year %d already has a report at %s; one report per year",
				rp.Year, pos), diag.Related{Pos: pos, Msg: diag.M("định nghĩa lần đầu ở đây", "first defined here")})
			continue
		}
		first[rp.Year] = r.w.pos(o.at("year"))
		b.m.Reports = append(b.m.Reports, rp)
	}
}
