package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Site is the part of the gazetteer a site knows: the provinces it names
// in site.yaml (province:), each as it is from 1 July 2025 with the former
// provinces merged into it, their former districts, the communes of both
// eras, and the units linked to those by a succession (a former commune
// part of which went to another province). A Site is safe for concurrent
// use.
type Site struct {
	all       bool
	provinces []*Unit // current provinces, by code

	knownOnce sync.Once
	known     map[*Unit]bool
}

// Part is the part of an address a result is about.
type Part int

// Parts of an address.
const (
	PartNone Part = iota
	PartProvince
	PartDistrict
	PartCommune
)

// Field returns the key of the part in an address record: "province",
// "district", "commune".
func (p Part) Field() string {
	switch p {
	case PartProvince:
		return "province"
	case PartDistrict:
		return "district"
	case PartCommune:
		return "commune"
	}
	return ""
}

// Problem says why a result has no unit.
type Problem int

// Problems.
const (
	Found     Problem = iota // Unit is set
	NotFound                 // no unit has that name there
	Ambiguous                // several units have that name there
	Empty                    // nothing was given
)

// Why says what a candidate is to the name that was looked up.
type Why int

// Reasons a unit is offered as a candidate.
const (
	SameName      Why = iota // one of several units of that name (Ambiguous)
	OtherType                // that name, another type (phường, not xã)
	OtherDistrict            // that name, in another district of the province
	OtherEra                 // that name, in the other era
	OtherProvince            // that name, in another province
	Spelling                 // that name with other diacritics
	Similar                  // a name close to it
)

// Result is what resolving an address gave: a unit, or why there is none
// and the units that may have been meant, each with a message ready to be
// printed as a note.
type Result struct {
	Unit    *Unit
	Problem Problem
	// Part is the part the problem is about (for Found, the lowest part
	// given), and Given its text.
	Part  Part
	Given string
	// Era is the era the names were read in: Former when the address has
	// a district, Current when it has none.
	Era Era
	// Outside is true when Unit is not among the units of the site.
	Outside bool
	// Msg is the message of a problem: what was not found where, or which
	// name is ambiguous.
	Msg        diag.Msg
	Candidates []Candidate
	// More counts the candidates left out of Candidates.
	More int
	// Notes say what is worth telling about a unit found: a province
	// written by its former name, a unit outside the site's provinces.
	Notes []diag.Msg
}

// Candidate is a unit that may have been meant, with a note that says
// what it is and what to write for it.
type Candidate struct {
	Unit *Unit
	Why  Why
	Msg  diag.Msg
}

// maxCandidates is the number of candidates a result lists.
const maxCandidates = 8

// NewSite returns the site that covers the provinces named by values, as
// site.yaml's province: gives them: a name with or without diacritics or
// type word ("Tuyên Quang", "tuyen quang", "tỉnh Tuyên Quang", "TP HCM"),
// a statistics code ("08"), or "all" for the whole country. Names and
// codes are read as those from 1 July 2025; a former province is read as
// the province it is part of now, with a note. It returns one result per
// value: the current province covered (or the country for "all"), or the
// problem.
func NewSite(values []string) (*Site, []Result) {
	s := &Site{}
	var results []Result
	for _, v := range values {
		r := siteProvince(v)
		results = append(results, r)
		switch {
		case r.Unit == nil:
		case r.Unit.Type == Country:
			s.all = true
		case !slices.Contains(s.provinces, r.Unit):
			s.provinces = append(s.provinces, r.Unit)
		}
	}
	sortByCode(s.provinces)
	return s, results
}

// WholeCountry returns the site that covers every province.
func WholeCountry() *Site { return &Site{all: true} }

// siteProvince reads one value of province:.
func siteProvince(v string) Result {
	v = strings.TrimSpace(vi.NFC(v))
	r := Result{Part: PartProvince, Given: v, Era: Current}
	switch foldKey(v) {
	case "":
		r.Problem = Empty
		r.Msg = diag.M("province: chưa ghi tên hay mã tỉnh; ví dụ: province: Tuyên Quang, hoặc province: all cho cả nước",
			"province: names no province; for example: province: Tuyên Quang, or province: all for the whole country")
		return r
	case "all", "tatca", "canuoc":
		r.Unit = VietNam()
		return r
	}
	if isNumber(v) {
		code := v
		if len(code) == 1 {
			code = "0" + code
		}
		if u := ByCode(Current, code); u != nil && u.Level() == LevelProvince {
			r.Unit = u
			return r
		}
		if u := ByCode(Former, code); u != nil && u.Level() == LevelProvince {
			r.Unit = u.Successors[0].Unit
			r.Notes = append(r.Notes, diag.Msg{
				Vi: fmt.Sprintf("mã %s là của %s trước 01/07/2025, nay thuộc %s (mã %s): trang gồm cả %s", code, u.Title("vi"), r.Unit.Title("vi"), r.Unit.Code, r.Unit.Title("vi")),
				En: fmt.Sprintf("code %s is that of %s before 1 July 2025, now part of %s (code %s): the site covers all of %s", code, u.Title("en"), r.Unit.Title("en"), r.Unit.Code, r.Unit.Title("en")),
			})
			return r
		}
		r.Problem = NotFound
		r.Msg = diag.M("không có tỉnh, thành phố nào mã %q; xem mã bằng lệnh: khuyencong units find TÊN-TỈNH",
			"no province has the code %q; look codes up with: khuyencong units find PROVINCE-NAME", v)
		return r
	}
	isProv := func(era Era) func(*Unit) bool {
		return func(u *Unit) bool { return u.Era == era && u.Level() == LevelProvince }
	}
	found, alike, rd := match(v, isProv(Current), provinceAliases)
	if len(found) == 1 {
		r.Unit = found[0]
		return r
	}
	found, alikeFormer, _ := match(v, isProv(Former), provinceAliases)
	if len(found) == 1 {
		f := found[0]
		r.Unit = f.Successors[0].Unit
		r.Notes = append(r.Notes, diag.Msg{
			Vi: fmt.Sprintf("%s không còn từ 01/07/2025, nay thuộc %s: trang gồm cả %s", f.Title("vi"), r.Unit.Title("vi"), r.Unit.Title("vi")),
			En: fmt.Sprintf("%s ceased on 1 July 2025 and is now part of %s: the site covers all of %s", f.Title("en"), r.Unit.Title("en"), r.Unit.Title("en")),
		})
		return r
	}
	r.Problem = NotFound
	r.Msg = diag.M("không có tỉnh, thành phố nào tên %q", "no province is named %q", v)
	lk := lookup{rd: rd}
	r.addCandidates(append(alike, alikeFormer...), Spelling, lk)
	pool := append(slices.Clone(Provinces(Current)), Provinces(Former)...)
	r.addCandidates(similar(rd, pool, maxCandidates), Similar, lk)
	return r
}

// Provinces returns the current provinces the site covers, by code (none
// for a site of the whole country).
func (s *Site) Provinces() []*Unit { return s.provinces }

// All reports whether the site covers the whole country.
func (s *Site) All() bool { return s.all }

// Area returns the unit the site reports on by default: its province when
// it names one, else the country.
func (s *Site) Area() *Unit {
	if !s.all && len(s.provinces) == 1 {
		return s.provinces[0]
	}
	return VietNam()
}

// Knows reports whether u is one of the site's units.
func (s *Site) Knows(u *Unit) bool {
	if s.all || u == nil {
		return s.all && u != nil
	}
	s.knownOnce.Do(s.makeKnown)
	return s.known[u]
}

// Units returns the site's units in the order of All.
func (s *Site) Units() []*Unit {
	if s.all {
		return All()
	}
	var out []*Unit
	for _, u := range All() {
		if s.Knows(u) {
			out = append(out, u)
		}
	}
	return out
}

func (s *Site) makeKnown() {
	k := map[*Unit]bool{VietNam(): true}
	var add func(u *Unit)
	add = func(u *Unit) {
		k[u] = true
		for _, c := range u.Children {
			add(c)
		}
	}
	for _, p := range s.provinces {
		add(p)
		for _, f := range p.FormedFrom {
			add(f.Unit)
		}
	}
	// Units linked to them, with the units above those.
	var linked []*Unit
	for u := range k {
		for _, l := range u.Successors {
			linked = append(linked, l.Unit)
		}
		for _, l := range u.FormedFrom {
			linked = append(linked, l.Unit)
		}
	}
	for _, u := range linked {
		for a := u; a != nil; a = a.Parent {
			k[a] = true
		}
	}
	s.known = k
}

// provincesOf returns the site's provinces of an era: its current
// provinces, or the former provinces merged into them.
func (s *Site) provincesOf(era Era) []*Unit {
	if s.all {
		return Provinces(era)
	}
	if era == Current {
		return s.provinces
	}
	var out []*Unit
	for _, p := range s.provinces {
		for _, f := range p.FormedFrom {
			out = append(out, f.Unit)
		}
	}
	return out
}

// Resolve finds the unit an address names: commune, district and province
// as written (type words and diacritics optional), any of them empty.
// With a district the names are those of the units until 30 June 2025;
// without one, those from 1 July 2025. Without a province the names are
// looked up in the site's provinces.
//
// The province may also be written by its other name: a former province
// in an address without a district is read as the province it is part of
// now (with a note), and a current province in an address with a district
// stands for the former provinces merged into it ("huyện Bắc Quang, tỉnh
// Tuyên Quang" finds Bắc Quang of the former Hà Giang).
func (s *Site) Resolve(commune, district, province string) Result {
	commune, district, province = clean(commune), clean(district), clean(province)
	era := Current
	if district != "" {
		era = Former
	}
	r := Result{Era: era}
	if commune == "" && district == "" && province == "" {
		r.Problem = Empty
		r.Msg = diag.M("địa chỉ chưa ghi tên xã, huyện hay tỉnh", "the address names no commune, district or province")
		return r
	}

	// The provinces to look in, best first, and the one written.
	provs := s.provincesOf(era)
	var written *Unit
	scope := siteScope{site: s, provinces: provs}
	if province != "" {
		pr, ps, w, ceased := s.resolveProvince(province, era)
		if pr.Unit == nil {
			return pr
		}
		r.Notes = append(r.Notes, pr.Notes...)
		provs, written = ps, w
		scope = siteScope{provinces: provs}
		if district == "" && commune == "" {
			r.Unit, r.Part, r.Given = w, PartProvince, province
			return s.finish(r)
		}
		if ceased != nil {
			r.Notes = append(r.Notes, *ceased)
		}
	}

	// The district.
	var d *Unit
	if district != "" {
		isDistrict := func(u *Unit) bool { return u.Era == Former && u.Level() == LevelDistrict }
		found, alike, rd := match(district, func(u *Unit) bool { return isDistrict(u) && slices.Contains(provs, u.Parent) }, nil)
		if len(found) > 1 && written != nil {
			// Prefer the province as written to the others merged with it.
			if in := filter(found, func(u *Unit) bool { return u.Parent == written }); len(in) > 0 {
				found = in
			}
		}
		r.Part, r.Given = PartDistrict, district
		switch len(found) {
		case 1:
			d = found[0]
		case 0:
			r.Problem = NotFound
			r.Msg = notFoundMsg(rd, LevelDistrict, district, scope)
			lk := lookup{rd: rd, site: s}
			r.addCandidates(alike, Spelling, lk)
			r.addCandidates(similar(rd, childrenOf(provs), maxCandidates), Similar, lk)
			others := sameName(rd, func(u *Unit) bool { return isDistrict(u) && !slices.Contains(provs, u.Parent) })
			r.addCandidates(others, OtherProvince, lk)
			return r
		default:
			return ambiguous(r, found, rd, scope, s)
		}
		if commune == "" {
			r.Unit = d
			return s.finish(r)
		}
		scope = siteScope{district: d}
	}

	// The commune.
	r.Part, r.Given = PartCommune, commune
	var in func(u *Unit) bool
	if d != nil {
		in = func(u *Unit) bool { return u.Parent == d }
	} else {
		in = func(u *Unit) bool {
			return u.Era == Current && u.Level() == LevelCommune && slices.Contains(provs, u.Parent)
		}
	}
	found, alike, rd := match(commune, in, nil)
	switch len(found) {
	case 1:
		r.Unit = found[0]
		return s.finish(r)
	case 0:
	default:
		return ambiguous(r, found, rd, scope, s)
	}
	r.Problem = NotFound
	r.Msg = notFoundMsg(rd, LevelCommune, commune, scope)
	lk := lookup{rd: rd, site: s, district: d}
	r.addCandidates(alike, Spelling, lk)
	isCommune := func(u *Unit) bool { return u.Level() == LevelCommune }
	// That name, another type, in the same place.
	if rd.types != nil {
		r.addCandidates(sameName(reading{words: rd.words}, func(u *Unit) bool {
			return in(u) && !slices.Contains(rd.types, u.Type)
		}), OtherType, lk)
	}
	if d != nil {
		// In another district of the province; in the current era.
		r.addCandidates(sameName(rd, func(u *Unit) bool {
			return isCommune(u) && u.Era == Former && u.Parent != d && slices.Contains(provs, u.Parent.Parent)
		}), OtherDistrict, lk)
		r.addCandidates(sameName(rd, func(u *Unit) bool {
			return isCommune(u) && u.Era == Current && slices.Contains(currentOf(provs), u.Parent)
		}), OtherEra, lk)
	} else {
		// In the former era: the address lacks its district.
		r.addCandidates(sameName(rd, func(u *Unit) bool {
			return isCommune(u) && u.Era == Former && slices.Contains(formerOf(provs), u.Parent.Parent)
		}), OtherEra, lk)
	}
	var pool []*Unit
	if d != nil {
		pool = d.Children
	} else {
		pool = childrenOf(provs)
	}
	r.addCandidates(similar(rd, pool, maxCandidates), Similar, lk)
	// In another province.
	r.addCandidates(sameName(rd, func(u *Unit) bool {
		if !isCommune(u) || u.Era != era || in(u) {
			return false
		}
		return !slices.Contains(provs, u.Province())
	}), OtherProvince, lk)
	return r
}

// clean trims s and makes it NFC.
func clean(s string) string { return strings.TrimSpace(vi.NFC(s)) }

func filter(us []*Unit, keep func(*Unit) bool) []*Unit {
	var out []*Unit
	for _, u := range us {
		if keep(u) {
			out = append(out, u)
		}
	}
	return out
}

// childrenOf returns the units directly below us.
func childrenOf(us []*Unit) []*Unit {
	var out []*Unit
	for _, u := range us {
		out = append(out, u.Children...)
	}
	return out
}

// currentOf returns the current provinces that provinces (former or
// current) are part of now.
func currentOf(provinces []*Unit) []*Unit {
	var out []*Unit
	for _, p := range provinces {
		for _, c := range p.TodayProvinces() {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// formerOf returns the former provinces merged into provinces (current or
// former).
func formerOf(provinces []*Unit) []*Unit {
	var out []*Unit
	for _, c := range currentOf(provinces) {
		for _, f := range c.FormedFrom {
			out = append(out, f.Unit)
		}
	}
	return out
}

// resolveProvince reads the province of an address. It returns the result
// (Unit nil on a problem), the provinces of era to look in, the province
// as written, and, for a former province in an address of the current
// era, a note saying where its units are looked for.
func (s *Site) resolveProvince(text string, era Era) (Result, []*Unit, *Unit, *diag.Msg) {
	r := Result{Part: PartProvince, Given: text, Era: era}
	isProv := func(u *Unit) bool { return u.Level() == LevelProvince }
	var found, alike []*Unit
	var rd reading
	if isNumber(text) {
		for _, e := range []Era{era, otherEra(era)} {
			if u := ByCode(e, text); u != nil && u.Level() == LevelProvince {
				found = []*Unit{u}
				break
			}
		}
	} else {
		found, alike, rd = match(text, isProv, provinceAliases)
	}
	if len(found) == 0 {
		r.Problem = NotFound
		r.Msg = diag.M("không có tỉnh, thành phố nào tên %q", "no province is named %q", text)
		lk := lookup{rd: rd, site: s}
		r.addCandidates(alike, Spelling, lk)
		pool := append(slices.Clone(Provinces(Current)), Provinces(Former)...)
		r.addCandidates(similar(rd, pool, maxCandidates), Similar, lk)
		return r, nil, nil, nil
	}
	// The same name may be a province of both eras: take the one of era.
	p := found[0]
	for _, u := range found {
		if u.Era == era {
			p = u
		}
	}
	r.Unit = p
	switch {
	case p.Era == era && era == Current:
		return r, []*Unit{p}, p, nil
	case p.Era == era:
		// The named former province, with the others merged with it
		// (the district is looked for in the named one first).
		return r, formerOf([]*Unit{p}), p, nil
	case era == Former:
		// A current province with a district: its former provinces.
		return r, formerOf([]*Unit{p}), p, nil
	}
	c := p.Successors[0].Unit
	note := diag.Msg{
		Vi: fmt.Sprintf("%s không còn từ 01/07/2025 (nay thuộc %s); địa chỉ không ghi huyện nên được đọc theo các đơn vị từ ngày đó, trong %s", p.Title("vi"), c.Title("vi"), c.Title("vi")),
		En: fmt.Sprintf("%s ceased on 1 July 2025 (it is now part of %s); an address without a district is read as of that date, in %s", p.Title("en"), c.Title("en"), c.Title("en")),
	}
	return r, []*Unit{c}, p, &note
}

func otherEra(e Era) Era {
	if e == Former {
		return Current
	}
	return Former
}

// finish marks a unit found outside the site.
func (s *Site) finish(r Result) Result {
	r.Problem = Found
	if r.Unit != nil && !s.Knows(r.Unit) {
		r.Outside = true
		p := r.Unit.Province()
		r.Notes = append(r.Notes, diag.Msg{
			Vi: fmt.Sprintf("%s không thuộc tỉnh nào của trang: thêm %s vào province: trong data/site.yaml, hoặc thêm đơn vị vào data/units.yaml", r.Unit.FullName("vi"), provinceName(p)),
			En: fmt.Sprintf("%s is in none of the site's provinces: add %s to province: in data/site.yaml, or add the unit to data/units.yaml", r.Unit.FullName("en"), provinceName(p)),
		})
	}
	return r
}

// provinceName returns the name to write in province: for the province u
// is part of today.
func provinceName(u *Unit) string {
	if u == nil {
		return ""
	}
	if t := u.TodayProvinces(); len(t) > 0 {
		return t[0].Name
	}
	return u.Name
}

// siteScope describes where a name was looked for, for messages.
type siteScope struct {
	site      *Site
	provinces []*Unit
	district  *Unit
}

func (sc siteScope) msg() diag.Msg {
	switch {
	case sc.district != nil:
		return diag.Msg{Vi: sc.district.FullName("vi"), En: sc.district.FullName("en")}
	case sc.site != nil && sc.site.all:
		return diag.Msg{Vi: "cả nước", En: "the whole country"}
	}
	var vs, es []string
	for _, p := range sc.provinces {
		vs = append(vs, p.Title("vi"))
		es = append(es, p.Title("en"))
	}
	if len(vs) == 0 {
		return diag.Msg{Vi: "các tỉnh của trang (chưa ghi province: trong data/site.yaml)", En: "the site's provinces (data/site.yaml has no province:)"}
	}
	return diag.Msg{Vi: strings.Join(vs, ", "), En: strings.Join(es, ", ")}
}

// levelWords names the units of a level in messages.
var levelWords = map[Level]diag.Msg{
	LevelProvince: {Vi: "tỉnh, thành phố", En: "province"},
	LevelDistrict: {Vi: "huyện, quận, thị xã, thành phố", En: "district"},
	LevelCommune:  {Vi: "xã, phường, thị trấn, đặc khu", En: "commune, ward or township"},
}

// kindOf names what rd looks for: its type word, else the level.
func kindOf(rd reading, l Level) diag.Msg {
	if len(rd.types) > 0 {
		return diag.Msg{Vi: TypeWord(rd.types[0], "vi"), En: TypeWord(rd.types[0], "en")}
	}
	return levelWords[l]
}

func notFoundMsg(rd reading, l Level, given string, sc siteScope) diag.Msg {
	k, where := kindOf(rd, l), sc.msg()
	if rd.types != nil && rd.name != "" {
		given = rd.name
	}
	m := diag.Msg{
		Vi: fmt.Sprintf("không có %s nào tên %q trong %s", k.Vi, given, where.Vi),
		En: fmt.Sprintf("no %s named %q in %s", k.En, given, where.En),
	}
	if l == LevelCommune {
		if sc.district != nil {
			m.Vi += " (địa chỉ có ghi huyện nên được đọc theo các đơn vị trước 01/07/2025)"
			m.En += " (an address with a district is read as before 1 July 2025)"
		} else {
			m.Vi += " (địa chỉ không ghi huyện nên được đọc theo các đơn vị từ 01/07/2025)"
			m.En += " (an address without a district is read as from 1 July 2025)"
		}
	}
	return m
}

func ambiguous(r Result, found []*Unit, rd reading, sc siteScope, s *Site) Result {
	r.Problem = Ambiguous
	where := sc.msg()
	r.Msg = diag.Msg{
		Vi: fmt.Sprintf("%q có thể là %d đơn vị trong %s: hãy ghi mã (unit: …) của đơn vị đúng trong số dưới đây, hoặc ghi tên cho rõ hơn (đủ dấu, có chữ chỉ loại, thêm huyện hay tỉnh)", r.Given, len(found), where.Vi),
		En: fmt.Sprintf("%q may be any of %d units in %s: write the id (unit: …) of the right one below, or the name more fully (with its diacritics and type word, its district or province)", r.Given, len(found), where.En),
	}
	r.addCandidates(found, SameName, lookup{rd: rd, site: s})
	return r
}

// addCandidates adds units as candidates, up to maxCandidates in all.
// Units of the same name are sorted; similar ones come nearest first.
func (r *Result) addCandidates(us []*Unit, why Why, lk lookup) {
	if why != Similar {
		us = slices.Clone(us)
		sortUnits(us)
	}
	for _, u := range us {
		if slices.ContainsFunc(r.Candidates, func(c Candidate) bool { return c.Unit == u }) {
			continue
		}
		if len(r.Candidates) == maxCandidates {
			r.More++
			continue
		}
		r.Candidates = append(r.Candidates, candidate(u, why, lk))
	}
}

// lookup is what a name was looked up as, for the notes of candidates.
type lookup struct {
	rd       reading
	site     *Site
	district *Unit // the district given
}

// candidate makes the note of a candidate.
func candidate(u *Unit, why Why, lk lookup) Candidate {
	c := Candidate{Unit: u, Why: why}
	// The full name, and for a former unit when that is not said
	// otherwise, its era.
	full := func(lang string) string {
		if u.Era == Former && why != OtherEra && why != OtherDistrict {
			return u.FullName(lang) + diag.M(" (trước 01/07/2025)", " (before 1 July 2025)").Text(lang)
		}
		return u.FullName(lang)
	}
	id := u.ID
	switch why {
	case OtherType:
		c.Msg = diag.Msg{
			Vi: fmt.Sprintf("có %s (%s, không phải %s) — unit: %s", full("vi"), TypeWord(u.Type, "vi"), kindOf(lk.rd, u.Level()).Vi, id),
			En: fmt.Sprintf("there is %s (a %s, not a %s) — unit: %s", full("en"), TypeWord(u.Type, "en"), kindOf(lk.rd, u.Level()).En, id),
		}
	case OtherDistrict:
		d := u.Parent
		var not diag.Msg
		if lk.district != nil {
			not = diag.Msg{Vi: ", không thuộc " + lk.district.Title("vi"), En: ", not in " + lk.district.Title("en")}
		}
		c.Msg = diag.Msg{
			Vi: fmt.Sprintf("%s thuộc %s%s: ghi district: %s — unit: %s", u.Title("vi"), d.FullName("vi"), not.Vi, addressName(d), id),
			En: fmt.Sprintf("%s is in %s%s: write district: %s — unit: %s", u.Title("en"), d.FullName("en"), not.En, addressName(d), id),
		}
	case OtherEra:
		if u.Era == Former {
			c.Msg = diag.Msg{
				Vi: fmt.Sprintf("%s là đơn vị trước 01/07/2025: nếu đúng là nó, ghi thêm district: %s — unit: %s", full("vi"), addressName(u.Parent), id),
				En: fmt.Sprintf("%s is a unit from before 1 July 2025: if that is the one, add district: %s — unit: %s", full("en"), addressName(u.Parent), id),
			}
		} else {
			c.Msg = diag.Msg{
				Vi: fmt.Sprintf("%s là đơn vị từ 01/07/2025: nếu đúng là nó, bỏ district — unit: %s", full("vi"), id),
				En: fmt.Sprintf("%s is a unit from 1 July 2025: if that is the one, leave district out — unit: %s", full("en"), id),
			}
		}
	case OtherProvince:
		p := provinceName(u.Province())
		if u.Era == Former {
			p = u.Province().Name
		}
		c.Msg = diag.Msg{
			Vi: fmt.Sprintf("%s: ghi province: %s — unit: %s", full("vi"), p, id),
			En: fmt.Sprintf("%s: write province: %s — unit: %s", full("en"), p, id),
		}
		if lk.site != nil && !lk.site.Knows(u) {
			c.Msg.Vi += " (tỉnh này không có trong province: của data/site.yaml)"
			c.Msg.En += " (a province not in province: of data/site.yaml)"
		}
	case Spelling:
		c.Msg = diag.Msg{
			Vi: fmt.Sprintf("có %s, viết dấu khác — unit: %s", full("vi"), id),
			En: fmt.Sprintf("there is %s, spelt with other diacritics — unit: %s", full("en"), id),
		}
	case Similar:
		c.Msg = diag.Msg{
			Vi: fmt.Sprintf("tên gần giống: %s — unit: %s", full("vi"), id),
			En: fmt.Sprintf("similar name: %s — unit: %s", full("en"), id),
		}
	default:
		c.Msg = diag.Msg{
			Vi: fmt.Sprintf("%s — unit: %s", full("vi"), id),
			En: fmt.Sprintf("%s — unit: %s", full("en"), id),
		}
	}
	return c
}

// addressName returns what to write in an address for u: its name, or its
// title when the name is a number ("quận 1") or is also the name of a unit
// of another type beside it (huyện Kỳ Anh and thị xã Kỳ Anh).
func addressName(u *Unit) string {
	if isNumber(u.Name) {
		return u.Title("vi")
	}
	if u.Parent != nil {
		k := foldKey(u.Name)
		for _, o := range u.Parent.Children {
			if o.Type != u.Type && foldKey(o.Name) == k {
				return u.Title("vi")
			}
		}
	}
	return u.Name
}

// Suggest returns up to n of the site's units that an id naming no unit
// may have meant, nearest first: the units named by the id read as a name
// ("xa-yen-nguyen" → xã Yên Nguyên of both eras); else those whose ids
// start with its first word and hold all its words in order, fewest others
// first
// ("xa-yen-nguyen-chiem-hoa-tuyen-quang" → …-huyen-chiem-hoa-…); else those
// whose ids differ from it by a letter or two. It is for the message about
// an unknown unit id.
func (s *Site) Suggest(id string, n int) []*Unit {
	id = strings.ToLower(strings.TrimSpace(id))
	if found, _, _ := match(strings.ReplaceAll(id, "-", " "), s.Knows, provinceAliases); len(found) > 0 {
		sortUnits(found)
		return found[:min(n, len(found))]
	}
	words := strings.Split(id, "-")
	type scored struct {
		u *Unit
		d int
	}
	var near []scored
	for _, u := range s.Units() {
		if extra, ok := subsequence(words, strings.Split(u.ID, "-")); ok {
			near = append(near, scored{u, extra})
		}
	}
	if len(near) == 0 {
		limit := max(1, len(id)/8)
		for _, u := range s.Units() {
			if d := distance(id, u.ID, limit); d <= limit {
				near = append(near, scored{u, d})
			}
		}
	}
	slices.SortStableFunc(near, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.u.ID, b.u.ID)
	})
	var out []*Unit
	for i := 0; i < len(near) && i < n; i++ {
		out = append(out, near[i].u)
	}
	return out
}

// subsequence reports whether the words of sub appear in words in order,
// the first ones alike, and how many other words words has.
func subsequence(sub, words []string) (extra int, ok bool) {
	if len(sub) == 0 || sub[0] != words[0] {
		return 0, false
	}
	i := 0
	for _, w := range words {
		if i < len(sub) && w == sub[i] {
			i++
		}
	}
	return len(words) - len(sub), i == len(sub)
}
