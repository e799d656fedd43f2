package gazetteer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

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
		found, alike, rd = matchProvince(text, isProv)
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
