package render

import (
	"slices"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/gazetteer"
	"github.com/khuyencong/khuyencong/internal/model"
)

// The wording of administrative units, in one place: every page that names
// a unit, says what became of it or what it is today goes through these
// functions.
//
//   - A unit is named with its short type word ("thành phố Huế", "tỉnh An
//     Giang"), never with its classification ("thành phố trực thuộc trung
//     ương").
//   - A unit with successors was merged: "hợp nhất" when it and others
//     formed a new unit, "sáp nhập vào" when it joined one that existed
//     before; never "giải thể". A unit that ended without successors (the
//     districts abolished on 1 July 2025) "không còn là đơn vị hành chính".
//   - valid_to is the last day a unit existed: the change is dated the
//     day after.
//   - A unit formed by a merger lists the units it was formed from.
//   - Today's unit: "nay là …" when the succession is one to one, else,
//     climbing to the nearest unit whose successor is certain, "nay thuộc
//     …".

// unitName returns a unit's name with its short type word ("xã Tri Tôn",
// "thành phố Huế"; "Tri Tôn commune" in English), worded as the built-in
// gazetteer words it.
func (f *funcs) unitName(u *model.Unit) string {
	if u == nil {
		return ""
	}
	return gazetteer.Title(gazetteer.Type(u.Type), u.Name, f.lang)
}

// unitNames joins the names of units: "A, B và C" ("A, B and C").
func (f *funcs) unitNames(units []*model.Unit) string {
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = f.unitName(u)
	}
	return f.joinAnd(names)
}

// unitPath names a unit and the units above it up to the province: "huyện
// Bắc Quang, tỉnh Hà Giang".
func (f *funcs) unitPath(u *model.Unit) string {
	var parts []string
	for x, n := u, 0; x != nil && x.Type != "quoc_gia" && n < 32; x, n = x.Parent, n+1 {
		parts = append(parts, f.unitName(x))
	}
	return strings.Join(parts, ", ")
}

// joinAnd joins words with commas and a last "và" ("and").
func (f *funcs) joinAnd(words []string) string {
	and := " và "
	if f.lang == "en" {
		and = " and "
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + and + words[len(words)-1]
}

// changeDate is the first day of a unit's change: the day after its
// valid_to, formatted.
func (f *funcs) changeDate(u *model.Unit) string {
	d, _ := f.date(model.DayAfter(u.ValidTo))
	return d
}

// unitFate says what became of a unit that ends (has a valid_to), "" for
// one that does not:
//
//	Hợp nhất với tỉnh Kiên Giang thành tỉnh An Giang từ 01/07/2025.
//	Sáp nhập vào xã B từ 01/07/2025.
//	Từ 01/07/2025, địa bàn được sáp nhập vào: xã A (một phần), xã B (một phần).
//	Không còn là đơn vị hành chính từ 01/07/2025.
func (f *funcs) unitFate(u *model.Unit) string {
	if u == nil || u.ValidTo.IsZero() {
		return ""
	}
	t := f.i18n
	when := f.changeDate(u)
	switch {
	case len(u.Successors) == 0:
		return t.text("unit.ended", when)
	case len(u.Successors) == 1 && !u.Successors[0].Partial:
		s := u.Successors[0].Unit
		if formedOnChange(s, u) {
			var others []string
			for _, x := range s.FormedFrom {
				if x == u {
					continue
				}
				name := f.unitName(x)
				if partOnly(x, s) {
					name += " (" + t.text("unit.partial") + ")"
				}
				others = append(others, name)
			}
			if len(others) == 0 {
				return t.text("unit.becameNew", f.unitName(s), when)
			}
			return t.text("unit.mergedWith", f.joinAnd(others), f.unitName(s), when)
		}
		return t.text("unit.mergedInto", f.unitName(s), when)
	}
	parts := make([]string, len(u.Successors))
	for i, s := range u.Successors {
		parts[i] = f.unitName(s.Unit)
		if s.Partial {
			parts[i] += " (" + t.text("unit.partial") + ")"
		}
	}
	return t.text("unit.splitInto", when, strings.Join(parts, ", "))
}

// partOnly reports whether only part of x went into s.
func partOnly(x, s *model.Unit) bool {
	for _, succ := range x.Successors {
		if succ.Unit == s && succ.Partial {
			return true
		}
	}
	return false
}

// unitFateNow is unitFate followed, when the unit was not merged whole into
// one unit, by the nearest unit it lies in today: "Không còn là đơn vị
// hành chính từ 01/07/2025; nay thuộc tỉnh Tuyên Quang".
func (f *funcs) unitFateNow(u *model.Unit) string {
	fate := f.unitFate(u)
	if fate == "" {
		return ""
	}
	if len(u.Successors) == 1 && !u.Successors[0].Partial {
		// Merged whole: say which province the unit it went into is
		// in, when that is another than its own.
		s := u.Successors[0].Unit
		if p := topUnit(s); p != s && p != topUnit(u) {
			return fate + "; " + f.i18n.text("unit.nowIn", f.unitName(p))
		}
		return fate
	}
	if now := f.unitNow(u); now != "" {
		return fate + "; " + now
	}
	return fate
}

// formedOnChange reports whether successor s came into being the day after
// u ended: u and the others then formed it (hợp nhất), rather than joined
// a unit that existed before (sáp nhập).
func formedOnChange(s, u *model.Unit) bool {
	return !s.ValidFrom.IsZero() && s.ValidFrom == model.DayAfter(u.ValidTo)
}

// unitOrigin says what a unit was formed from, "" when no unit lists it
// as a successor:
//
//	Thành lập từ 01/07/2025 trên cơ sở hợp nhất tỉnh An Giang và tỉnh Kiên Giang.
//	Từ 01/07/2025 nhận sáp nhập xã A và xã B.
func (f *funcs) unitOrigin(u *model.Unit) string {
	if u == nil || len(u.FormedFrom) == 0 {
		return ""
	}
	t := f.i18n
	var whole, partial []string
	for _, x := range u.FormedFrom {
		if partOnly(x, u) {
			partial = append(partial, t.text("unit.partOf", f.unitName(x)))
		} else {
			whole = append(whole, f.unitName(x))
		}
	}
	from := f.joinAnd(append(whole, partial...))
	if !u.ValidFrom.IsZero() {
		d, _ := f.date(u.ValidFrom)
		new := true
		for _, x := range u.FormedFrom {
			if x.ValidTo.IsZero() || model.DayAfter(x.ValidTo) != u.ValidFrom {
				new = false
			}
		}
		if new {
			if len(u.FormedFrom) == 1 {
				return t.text("unit.formedFromOne", d, from)
			}
			return t.text("unit.formedFrom", d, from)
		}
	}
	return t.text("unit.absorbed", from)
}

// unitNow names the unit today of a unit that no longer exists: "nay là
// xã Tri Tôn" when its succession is one to one, else "nay thuộc tỉnh An
// Giang" for the nearest unit above it whose successor is certain; ""
// when the unit still exists or nothing is certain.
func (f *funcs) unitNow(u *model.Unit) string {
	return f.nowOf(u, nil, false)
}

// addressNow is unitNow for an address, whose current unit may be written
// (current_unit). An address in a commune is today's unit ("nay là xã Yên
// Nguyên, tỉnh Tuyên Quang") whenever its commune went whole into one, even
// one formed with others: the place is now addressed so. When the commune
// was split, only the province is certain ("nay thuộc tỉnh Tuyên Quang").
// A province or district merged with others is part of the new unit
// ("nay thuộc tỉnh An Giang"), as unitNow says.
func (f *funcs) addressNow(a model.Address) string {
	return f.nowOf(a.Unit, a.Current, true)
}

func (f *funcs) nowOf(u, current *model.Unit, address bool) string {
	if u == nil {
		return ""
	}
	if current == nil {
		current = u.Current
	}
	t := f.i18n
	if current != nil {
		if current == u {
			return ""
		}
		name := f.unitName(current)
		if p := current.Parent; p != nil && p.Type != "quoc_gia" {
			name += ", " + f.unitName(p)
		}
		if address && communeLevel[u.Type] && wentWhole(u, current) || renamedOnly(u, current) {
			return t.text("establishment.nowIs", name)
		}
		return f.nowIn(current, name)
	}
	if len(u.Successors) > 0 {
		// Split: the provinces its parts are in are certain.
		if ps := successorProvinces(u); len(ps) == 1 {
			return f.nowIn(ps[0], f.unitName(ps[0]))
		} else if len(ps) > 1 {
			return t.text("unit.nowIn", f.unitNames(ps))
		}
	}
	for p, n := u.Parent, 0; p != nil && n < 32; p, n = p.Parent, n+1 {
		if c := p.Current; c != nil {
			if c.Type == "quoc_gia" {
				return ""
			}
			return f.nowIn(c, f.unitName(c))
		}
	}
	return ""
}

// nowIn says that a place is now in the unit c, written name: "nay thuộc
// tỉnh Tuyên Quang". When c is a province formed by merging several, one
// of which bore its name, it is "tỉnh An Giang mới": "tỉnh An Giang (nay
// thuộc tỉnh An Giang)" would read as if nothing had changed.
func (f *funcs) nowIn(c *model.Unit, name string) string {
	if top := c.Parent == nil || c.Parent.Type == "quoc_gia"; top && len(c.FormedFrom) > 1 {
		for _, old := range c.FormedFrom {
			if old.Name == c.Name {
				return f.i18n.text("unit.nowInNew", name)
			}
		}
	}
	return f.i18n.text("unit.nowIn", name)
}

// communeLevel are the types of units at the level of a commune.
var communeLevel = map[string]bool{"xa": true, "phuong": true, "thi_tran": true, "dac_khu": true}

// wentWhole reports whether u went whole into current: each unit on the way
// had one successor, not partial.
func wentWhole(u, current *model.Unit) bool {
	for x, n := u, 0; x != current; n++ {
		if n == 32 || len(x.Successors) != 1 || x.Successors[0].Partial {
			return false
		}
		x = x.Successors[0].Unit
	}
	return true
}

// topUnit returns the highest unit above u below the country: its
// province.
func topUnit(u *model.Unit) *model.Unit {
	for n := 0; u.Parent != nil && u.Parent.Type != "quoc_gia" && n < 32; n++ {
		u = u.Parent
	}
	return u
}

// successorProvinces returns the provinces of u's successors, once each in
// the order of the successors; none when a successor lies in no province
// (is one itself).
func successorProvinces(u *model.Unit) []*model.Unit {
	var out []*model.Unit
	for _, s := range u.Successors {
		p := topUnit(s.Unit)
		if p == s.Unit {
			return nil
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// unitAbove returns the units above u, nearest first, for the chain on its
// page: "huyện Chiêm Hóa, tỉnh Tuyên Quang"; the country only when it is
// the unit right above.
func (f *funcs) unitAbove(u *model.Unit) []*model.Unit {
	var out []*model.Unit
	for x, n := u.Parent, 0; x != nil && n < 32; x, n = x.Parent, n+1 {
		if x.Type == "quoc_gia" && len(out) > 0 {
			break
		}
		out = append(out, x)
	}
	return out
}

// renamedOnly reports whether current replaced u one to one: each unit on
// the way was the only one its successor was formed from. Otherwise u is
// today part of current ("nay thuộc"), not current itself ("nay là").
func renamedOnly(u, current *model.Unit) bool {
	for x, n := u, 0; x != current && n < 32; n++ {
		if len(x.Successors) != 1 {
			return false
		}
		next := x.Successors[0].Unit
		if len(next.FormedFrom) > 1 {
			return false
		}
		x = next
	}
	return true
}

// unitParents says which unit a unit was under over time, "" when that did
// not change: "thuộc tỉnh Thừa Thiên Huế đến 31/12/2024; thuộc thành phố
// Huế từ 01/01/2025".
func (f *funcs) unitParents(u *model.Unit) string {
	if u == nil || len(u.Parents) == 0 {
		return ""
	}
	t := f.i18n
	var parts []string
	for _, p := range u.Parents {
		name := f.unitName(p.Unit)
		from, _ := f.date(p.From)
		to, _ := f.date(p.To)
		switch {
		case from != "" && to != "":
			parts = append(parts, t.text("unit.underFromTo", name, from, to))
		case from != "":
			parts = append(parts, t.text("unit.underFrom", name, from))
		case to != "":
			parts = append(parts, t.text("unit.underTo", name, to))
		default:
			parts = append(parts, t.text("unit.under", name))
		}
	}
	return strings.Join(parts, "; ")
}

// unitI18n holds the sentences about units: Vietnamese, English.
var unitI18n = map[string]diag.Msg{
	"unit.ended":         {Vi: "Không còn là đơn vị hành chính từ %s", En: "No longer an administrative unit from %s"},
	"unit.becameNew":     {Vi: "Từ %[2]s là %[1]s", En: "From %[2]s: %[1]s"},
	"unit.mergedWith":    {Vi: "Hợp nhất với %s thành %s từ %s", En: "Merged with %s into %s from %s"},
	"unit.mergedInto":    {Vi: "Sáp nhập vào %s từ %s", En: "Merged into %s from %s"},
	"unit.splitInto":     {Vi: "Từ %s, địa bàn được sáp nhập vào: %s", En: "From %s, its area was merged into: %s"},
	"unit.partial":       {Vi: "một phần", En: "partly"},
	"unit.partOf":        {Vi: "một phần %s", En: "part of %s"},
	"unit.formedFrom":    {Vi: "Thành lập từ %s trên cơ sở hợp nhất %s", En: "Formed on %s by merging %s"},
	"unit.formedFromOne": {Vi: "Thành lập từ %s trên cơ sở %s", En: "Formed on %s from %s"},
	"unit.absorbed":      {Vi: "Nhận sáp nhập %s", En: "%s merged into it"},
	"unit.nowIn":         {Vi: "nay thuộc %s", En: "now in %s"},
	"unit.nowInNew":      {Vi: "nay thuộc %s mới", En: "now in the new %s"},
	"unit.under":         {Vi: "thuộc %s", En: "part of %s"},
	"unit.underFrom":     {Vi: "thuộc %s từ %s", En: "part of %s from %s"},
	"unit.underTo":       {Vi: "thuộc %s đến %s", En: "part of %s until %s"},
	"unit.underFromTo":   {Vi: "thuộc %s từ %s đến %s", En: "part of %s from %s to %s"},
	"unit.history":       {Vi: "Đơn vị cấp trên", En: "Units above over time"},
	"unit.formed":        {Vi: "Hình thành", En: "Formed"},
	"unit.fate":          {Vi: "Thay đổi", En: "Change"},
}
