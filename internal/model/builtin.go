package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/gazetteer"
)

// The built-in gazetteer in the model.
//
// A site that names its province in site.yaml (province:) knows the
// province's units, current and former, without typing them: a record may
// name any built-in unit by its id, or by its names ({commune, district,
// province}), and site.yaml's area defaults to the province.
//
// data/units.yaml still adds or corrects units. A unit of units.yaml stands
// for the built-in unit of the same id or, when the ids differ, of the same
// statistics code in the same era (a unit that ends by 30 June 2025 is
// former, one that begins on 1 July 2025 or later is current; a unit that
// says neither is matched by its name). Its written fields win; those it
// leaves out (code, dates, the unit above, successors) come from the built-in
// unit; a written fact that differs from the built-in one is reported once,
// as a note, so that a correction is known to be deliberate.
//
// Built-in units enter the model as records use them. Model.Units, which
// have pages, holds the units of units.yaml, the built-in units records
// refer to (an establishment's address as recorded and as it is today, a
// project's or report's unit, an award's unit, an article's related units,
// area) and the units above those: never the 13.000 units of the country.
// The units those name in their history (the units a unit was merged into
// or formed from, and theirs above) are in the model too, so that pages can
// name them, but have no page: they are reached through Successors,
// FormedFrom and Parent only.

// builtinUnits is the part of the built-in gazetteer a build uses.
type builtinUnits struct {
	// site is the gazetteer of site.yaml's province:, nil when it has none.
	site *gazetteer.Site
	// of maps each built-in unit used to the model's unit for it: the
	// unit of units.yaml that stands for it, or one made from it; from is
	// the reverse.
	of   map[*gazetteer.Unit]*Unit
	from map[*Unit]*gazetteer.Unit
	// made are the units made from built-in ones, in the order made.
	made []*Unit
	// used are the units records refer to.
	used map[*Unit]bool
	// context are the units made that have no page (set by finishUnits).
	context []*Unit
}

// Era boundaries of the reform of 1 July 2025.
var (
	lastFormerDay   = Date{Year: 2025, Month: 6, Day: 30}
	firstCurrentDay = Date{Year: 2025, Month: 7, Day: 1}
)

// startBuiltin reads site.yaml's province: and matches the units of
// units.yaml to the built-in units they stand for.
func (b *builder) startBuiltin() {
	gz := &b.gz
	gz.of, gz.from, gz.used = map[*gazetteer.Unit]*Unit{}, map[*Unit]*gazetteer.Unit{}, map[*Unit]bool{}
	if len(b.raw.provinces) == 0 {
		return
	}
	values := make([]string, len(b.raw.provinces))
	for i, v := range b.raw.provinces {
		values[i] = v.id
	}
	site, results := gazetteer.NewSite(values)
	w := b.raw.areaWalker
	found := false
	for i, r := range results {
		v := b.raw.provinces[i]
		if r.Unit == nil {
			w.failAt(v.pos, "unknown-province", "province", r.Msg, candidateNotes(r)...)
			continue
		}
		found = true
		for _, n := range r.Notes {
			w.noteAt(v.pos, "province-note", "province", n)
		}
	}
	if !found {
		return
	}
	gz.site = site
	b.m.builtin = site
	b.matchSiteUnits()
}

// ResolveNames resolves a unit written by names (commune, district,
// province) as the address of a record is resolved, for tools that write
// records (import): the result holds the built-in unit, or the problem with
// the units that may have been meant. ok is false for a site whose
// site.yaml names no province, where names cannot be resolved.
func (m *Model) ResolveNames(commune, district, province string) (r gazetteer.Result, ok bool) {
	if m.builtin == nil {
		return gazetteer.Result{}, false
	}
	return m.builtin.Resolve(commune, district, province), true
}

// HasBuiltin reports whether the site uses the built-in gazetteer
// (site.yaml names its province).
func (m *Model) HasBuiltin() bool { return m.builtin != nil }

// BuiltinID reports whether id is that of a built-in unit the site may
// refer to (site.yaml names its province), as a tool that writes records
// needs to know.
func (m *Model) BuiltinID(id string) bool {
	if m.builtin == nil || id == countryID {
		return false
	}
	return gazetteer.ByID(id) != nil
}

// candidateNotes turns the candidates of a gazetteer result into notes.
func candidateNotes(r gazetteer.Result) []diag.Related {
	var out []diag.Related
	for _, c := range r.Candidates {
		out = append(out, diag.Related{Msg: c.Msg})
	}
	if r.More > 0 {
		out = append(out, diag.Related{Msg: diag.M("và %d đơn vị khác", "and %d other units", r.More)})
	}
	return out
}

// matchSiteUnits finds the built-in unit each unit of units.yaml stands
// for, by id, else by era and code.
func (b *builder) matchSiteUnits() {
	gz := &b.gz
	for _, r := range b.raw.units {
		u := r.u
		if u.ID == countryID {
			continue
		}
		g := gazetteer.ByID(u.ID)
		if g == nil {
			g = codeMatch(u)
		}
		if g == nil {
			continue
		}
		if other := gz.of[g]; other != nil {
			r.w.warn2(u.Pos, "builtin-twice", "", diag.Msg{
				Vi: fmt.Sprintf("đơn vị này và đơn vị %q (%s) cùng là đơn vị có sẵn %s (%s); trang chỉ dùng đơn vị %q: xóa một trong hai, hoặc sửa code nếu đây là đơn vị khác",
					other.ID, other.Pos, g.ID, g.FullName("vi"), other.ID),
				En: fmt.Sprintf("this unit and unit %q (%s) both stand for the built-in unit %s (%s); the site uses %q only: delete one of them, or correct code if this is another unit",
					other.ID, other.Pos, g.ID, g.FullName("en"), other.ID),
			})
			continue
		}
		gz.of[g], gz.from[u] = u, g
	}
}

// codeMatch returns the built-in unit with u's statistics code, of u's
// level and era; nil when there is none or the era cannot be told.
func codeMatch(u *Unit) *gazetteer.Unit {
	if u.Code == "" {
		return nil
	}
	level := gazetteer.Type(u.Type).Level()
	var found []*gazetteer.Unit
	for _, era := range unitEras(u) {
		if g := gazetteer.ByCode(era, u.Code); g != nil && g.Level() == level {
			found = append(found, g)
		}
	}
	if len(found) > 1 {
		// Neither date written: the code of a province or a commune may be
		// of either era; the name tells them apart.
		found = slices.DeleteFunc(found, func(g *gazetteer.Unit) bool { return !gazetteer.SameSpelling(g.Name, u.Name) })
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// unitEras returns the eras a unit of units.yaml may be of, by its dates.
func unitEras(u *Unit) []gazetteer.Era {
	switch {
	case !u.ValidTo.IsZero() && !u.ValidTo.Time().After(lastFormerDay.Time()):
		return []gazetteer.Era{gazetteer.Former}
	case !u.ValidFrom.IsZero() && !u.ValidFrom.Time().Before(firstCurrentDay.Time()):
		return []gazetteer.Era{gazetteer.Current}
	}
	return []gazetteer.Era{gazetteer.Former, gazetteer.Current}
}

// completeSiteUnits fills the fields a unit of units.yaml leaves out from
// the built-in unit it stands for, and notes the written facts that differ
// from the built-in ones. It runs once the written references are
// resolved.
func (b *builder) completeSiteUnits() {
	gz := &b.gz
	for _, r := range b.raw.units {
		u := r.u
		g := gz.from[u]
		if g == nil {
			continue
		}
		var diffs []diag.Msg
		differ := func(what, written, builtin string) {
			diffs = append(diffs, diag.M("%s %s (có sẵn: %s)", "%s %s (built in: %s)", what, written, builtin))
		}
		if !gazetteer.SameSpelling(u.Name, g.Name) {
			differ("name", fmt.Sprintf("%q", u.Name), fmt.Sprintf("%q", g.Name))
		}
		if u.Type != string(g.Type) {
			differ("type", u.Type, string(g.Type))
		}
		switch {
		case u.Code == "":
			u.Code = g.Code
		case u.Code != g.Code:
			differ("code", fmt.Sprintf("%q", u.Code), fmt.Sprintf("%q", g.Code))
		}
		from, to := gazetteerDate(g.ValidFrom()), gazetteerDate(g.ValidTo())
		switch {
		case u.ValidFrom.IsZero():
			u.ValidFrom = from
		case u.ValidFrom != from:
			differ("valid_from", formatDate(u.ValidFrom), orNone(formatDate(from)))
		}
		switch {
		case u.ValidTo.IsZero():
			u.ValidTo = to
		case u.ValidTo != to:
			differ("valid_to", formatDate(u.ValidTo), orNone(formatDate(to)))
		}
		above := g.Parent
		if above != nil && above.Type == gazetteer.Country {
			above = nil
		}
		switch {
		case r.parent == nil && len(r.parents) == 0:
			if above != nil {
				u.Parent = b.builtin(above)
			}
		case u.Parent != nil && !b.standsFor(u.Parent, above):
			differ("parent", u.Parent.ID, orNone(idOf(above)))
		}
		switch {
		case len(r.successors) == 0:
			for _, s := range g.Successors {
				u.Successors = append(u.Successors, Successor{Unit: b.builtin(s.Unit), Partial: s.Partial})
			}
		case !b.sameSuccessors(u.Successors, g.Successors):
			var want []string
			for _, s := range g.Successors {
				want = append(want, successorText(b.builtin(s.Unit).ID, s.Partial))
			}
			var got []string
			for _, s := range u.Successors {
				got = append(got, successorText(s.Unit.ID, s.Partial))
			}
			differ("successors", "["+strings.Join(got, ", ")+"]", "["+strings.Join(want, ", ")+"]")
		}
		if len(diffs) > 0 {
			var vs, es []string
			for _, d := range diffs {
				vs, es = append(vs, d.Vi), append(es, d.En)
			}
			r.w.noteAt(u.Pos, "builtin-corrected", "", diag.Msg{
				Vi: fmt.Sprintf("sửa đơn vị có sẵn %s (%s): %s; trang dùng những gì ghi ở đây. Nếu không định sửa, xóa các trường đó để dùng danh mục có sẵn",
					g.ID, g.FullName("vi"), strings.Join(vs, "; ")),
				En: fmt.Sprintf("corrects the built-in unit %s (%s): %s; the site uses what is written here. If no correction is meant, delete those fields to use the built-in gazetteer",
					g.ID, g.FullName("en"), strings.Join(es, "; ")),
			})
		}
	}
}

func successorText(id string, partial bool) string {
	if partial {
		return "{unit: " + id + ", partial: true}"
	}
	return id
}

func idOf(g *gazetteer.Unit) string {
	if g == nil {
		return ""
	}
	return g.ID
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// gazetteerDate reads a date of the gazetteer ("2025-06-30", or "").
func gazetteerDate(s string) Date {
	if s == "" {
		return Date{}
	}
	d, _ := parseDate(s)
	return d
}

// formatDate writes a date as the data contract does.
func formatDate(d Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// standsFor reports whether the model's unit u is the built-in unit g (nil
// for no unit, or the country).
func (b *builder) standsFor(u *Unit, g *gazetteer.Unit) bool {
	if g == nil {
		return u == nil || u.ID == countryID
	}
	return b.gz.from[u] == g
}

func (b *builder) sameSuccessors(got []Successor, want []gazetteer.Link) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(s Successor) bool { return s.Partial == w.Partial && b.standsFor(s.Unit, w.Unit) }) {
			return false
		}
	}
	return true
}

// builtin returns the model's unit for the built-in unit g: the unit of
// units.yaml that stands for it, else one made from it (with the units
// above it and the units it was merged into).
func (b *builder) builtin(g *gazetteer.Unit) *Unit {
	if g.Type == gazetteer.Country {
		return b.country()
	}
	gz := &b.gz
	if u := gz.of[g]; u != nil {
		return u
	}
	u := &Unit{ID: g.ID, Name: g.Name, Type: string(g.Type), Code: g.Code,
		ValidFrom: gazetteerDate(g.ValidFrom()), ValidTo: gazetteerDate(g.ValidTo()), Builtin: true}
	gz.of[g], gz.from[u] = u, g
	gz.made = append(gz.made, u)
	if p := g.Parent; p != nil && p.Type != gazetteer.Country {
		u.Parent = b.builtin(p)
	}
	for _, s := range g.Successors {
		u.Successors = append(u.Successors, Successor{Unit: b.builtin(s.Unit), Partial: s.Partial})
	}
	return u
}

// use marks a unit as referred to by a record: it has a page, as have the
// units above it.
func (b *builder) use(u *Unit) *Unit {
	if u != nil {
		b.gz.used[u] = true
	}
	return u
}

// builtinID returns the built-in unit a site that names its province may
// refer to by id; nil for a site without province: or an unknown id.
func (b *builder) builtinID(id string) *gazetteer.Unit {
	if b.gz.site == nil || id == countryID {
		return nil
	}
	return gazetteer.ByID(id)
}

// unitByID returns the unit with the given id: one of units.yaml, the
// country, or a built-in one; nil when there is none.
func (b *builder) unitByID(id string) *Unit {
	if u := b.m.UnitByID[id]; u != nil {
		return u
	}
	if id == countryID {
		return b.country()
	}
	if g := b.builtinID(id); g != nil {
		return b.use(b.builtin(g))
	}
	return nil
}

// unitSuggestions returns the ids to suggest for a unit id that names no
// unit: ids of units.yaml near it, then the built-in units it may mean.
func (b *builder) unitSuggestions(id string) []string {
	ids := b.suggestions(kindUnit.collection, id)
	if b.gz.site == nil {
		return ids
	}
	for _, g := range b.gz.site.Suggest(id, maxSuggestions) {
		sid := g.ID
		if u := b.gz.of[g]; u != nil {
			sid = u.ID
		}
		if len(ids) < maxSuggestions && !slices.Contains(ids, sid) {
			ids = append(ids, sid)
		}
	}
	return ids
}

// builtinHint says, for a unit id that no unit of a site without
// province: has but the built-in gazetteer has, how to use it.
func (b *builder) builtinHint(id string) diag.Msg {
	if b.gz.site != nil || id == "" {
		return diag.Msg{}
	}
	g := gazetteer.ByID(id)
	if g == nil || g.Type == gazetteer.Country {
		return diag.Msg{}
	}
	p := provinceToName(g)
	return diag.M(
		"; %q là id của một đơn vị có sẵn (%s): thêm province: %s vào data/site.yaml để dùng danh mục đơn vị có sẵn",
		"; %q is the id of a built-in unit (%s): add province: %s to data/site.yaml to use the built-in gazetteer",
		id, g.FullName("vi"), p)
}

// provinceToName returns what to write in province: for the province g is
// in today.
func provinceToName(g *gazetteer.Unit) string {
	if ps := g.TodayProvinces(); len(ps) > 0 {
		return ps[0].Name
	}
	return g.Name
}

// unitByNames resolves a unit written by names, reporting a name that is
// unknown or ambiguous at its part, with the units nearest to it.
func (b *builder) unitByNames(w *walker, n *unitNames, path string) *Unit {
	at := func(p gazetteer.Part) diag.Pos {
		switch p {
		case gazetteer.PartDistrict:
			return n.at[1]
		case gazetteer.PartProvince:
			return n.at[2]
		}
		return n.at[0]
	}
	field := func(p gazetteer.Part) string { return join(path, p.Field()) }
	if b.gz.site == nil {
		r := gazetteer.WholeCountry().Resolve(n.commune, n.district, n.province)
		part := gazetteer.PartCommune
		switch {
		case n.commune != "":
		case n.district != "":
			part = gazetteer.PartDistrict
		default:
			part = gazetteer.PartProvince
		}
		msg := diag.M(
			"địa chỉ ghi theo tên cần danh mục đơn vị có sẵn: thêm province: TÊN-TỈNH vào data/site.yaml, hoặc ghi id của đơn vị trong data/units.yaml (unit: …)",
			"an address written by names needs the built-in gazetteer: add province: PROVINCE-NAME to data/site.yaml, or write the id of a unit of data/units.yaml (unit: …)")
		if r.Unit != nil {
			p := provinceToName(r.Unit)
			msg = diag.Msg{
				Vi: fmt.Sprintf("địa chỉ ghi theo tên cần danh mục đơn vị có sẵn: thêm province: %s vào data/site.yaml (tên này là %s), hoặc ghi id của đơn vị trong data/units.yaml (unit: …)", p, r.Unit.FullName("vi")),
				En: fmt.Sprintf("an address written by names needs the built-in gazetteer: add province: %s to data/site.yaml (these names are %s), or write the id of a unit of data/units.yaml (unit: …)", p, r.Unit.FullName("en")),
			}
		}
		w.failAt(at(part), "names-without-province", field(part), msg)
		return nil
	}
	r := b.gz.site.Resolve(n.commune, n.district, n.province)
	switch r.Problem {
	case gazetteer.Found:
		for _, note := range r.Notes {
			if !r.Outside {
				w.noteAt(at(r.Part), "unit-name-note", field(r.Part), note)
			}
		}
		return b.use(b.builtin(r.Unit))
	case gazetteer.Ambiguous:
		w.failAt(at(r.Part), "ambiguous-unit-name", field(r.Part), r.Msg, candidateNotes(r)...)
	default:
		w.failAt(at(r.Part), "unknown-unit-name", field(r.Part), r.Msg, candidateNotes(r)...)
	}
	return nil
}

// finishUnits works out today's unit of every unit and address, and which
// built-in units have a page: those records refer to and the units above
// them. It makes the units that those name in their history (successors,
// and the units a successor or a current unit was formed from), which have
// no page.
func (b *builder) finishUnits() {
	gz := &b.gz
	m := b.m
	current := func() {
		for _, u := range m.Units {
			u.Current = currentUnit(u, b.now)
		}
		for _, u := range gz.made {
			u.Current = currentUnit(u, b.now)
		}
	}
	current()
	for _, r := range b.raw.establishments {
		if r.current == nil && r.e.Address.Unit != nil {
			r.e.Address.Current = r.e.Address.Unit.Current
		}
	}
	if len(gz.made) == 0 {
		return
	}
	listed := map[*Unit]bool{}
	list := func(u *Unit) {
		for x, n := u, 0; x != nil && !listed[x] && n < 64; x, n = x.Parent, n+1 {
			listed[x] = true
		}
	}
	for _, u := range m.Units {
		list(u)
	}
	for _, u := range gz.made {
		if gz.used[u] {
			list(u)
		}
	}
	for _, e := range m.Establishments {
		for _, u := range unitsAbove(e.Address.Unit, e.Address.Current) {
			list(u)
		}
	}
	// The units the listed ones name: what each was merged into, and what
	// those and each current unit were formed from.
	named := func(u *Unit) {
		g := gz.from[u]
		if g == nil {
			return
		}
		for _, f := range g.FormedFrom {
			b.builtin(f.Unit)
		}
		for _, s := range u.Successors {
			if gs := gz.from[s.Unit]; gs != nil {
				for _, f := range gs.FormedFrom {
					b.builtin(f.Unit)
				}
			}
		}
	}
	for _, u := range m.Units {
		named(u)
	}
	for i := 0; i < len(gz.made); i++ {
		if u := gz.made[i]; listed[u] {
			named(u)
		}
	}
	current()
	for _, u := range gz.made {
		if listed[u] {
			m.Units = append(m.Units, u)
			m.UnitByID[u.ID] = u
		} else {
			gz.context = append(gz.context, u)
		}
	}
}
