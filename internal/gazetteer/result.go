package gazetteer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

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
