package gazetteer

import (
	"fmt"
	"io"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Matches is what Lookup found.
type Matches struct {
	Text string
	// Province is the current province the search was limited to, nil for
	// the whole country.
	Province *Unit
	// ProvinceProblem is set when the province given was not understood;
	// nothing was looked up then.
	ProvinceProblem *Result
	// Units are the units of that name, in the order of compareUnits.
	Units []*Unit
	// Similar is true when no unit has that name: Units are then those of
	// the nearest names.
	Similar bool
}

// maxSimilar is the number of similar names Lookup offers.
const maxSimilar = 6

// Lookup looks a unit up in both eras, for an officer who wants its id:
// by name (type word and diacritics optional: "yen nguyen", "TP Tuyên
// Quang"), by name followed by names of the units above it ("Yên Nguyên,
// Chiêm Hóa"), by id, or by statistics code. province, when not empty,
// limits the search to one province (by name or code, as in site.yaml) as
// it is now, with the former provinces merged into it.
func Lookup(text, province string) Matches {
	f := Matches{Text: clean(text)}
	site := WholeCountry()
	if strings.TrimSpace(province) != "" {
		r := siteProvince(province)
		if r.Unit == nil {
			f.ProvinceProblem = &r
			return f
		}
		if r.Unit.Type != Country {
			f.Province = r.Unit
			site = &Site{provinces: []*Unit{r.Unit}}
		}
	}
	if f.Text == "" {
		return f
	}
	if u := ByID(strings.ToLower(f.Text)); u != nil && site.Knows(u) {
		f.Units = []*Unit{u}
		return f
	}
	if isNumber(f.Text) {
		code := f.Text
		if len(code) == 1 {
			code = "0" + code
		}
		for _, e := range []Era{Current, Former} {
			if u := ByCode(e, code); u != nil && site.Knows(u) {
				f.Units = append(f.Units, u)
			}
		}
		sortUnits(f.Units)
		return f
	}
	parts := strings.Split(f.Text, ",")
	above := parts[1:]
	keep := func(u *Unit) bool {
		if !site.Knows(u) {
			return false
		}
		for _, p := range above {
			if strings.TrimSpace(p) == "" {
				continue
			}
			ok := false
			for a := u.Parent; a != nil && !ok; a = a.Parent {
				ok = names(p, a)
			}
			if !ok {
				return false
			}
		}
		return true
	}
	found, alike, rd := match(parts[0], keep, provinceAliases)
	if len(found) > 0 {
		sortUnits(found)
		f.Units = found
		return f
	}
	// Nearest first: the same name elsewhere than the units named after
	// it, the same name with other diacritics, then similar names.
	f.Similar = true
	if len(above) > 0 {
		if elsewhere, _, _ := match(parts[0], site.Knows, provinceAliases); len(elsewhere) > 0 {
			alike = append(elsewhere, alike...)
		}
	}
	sortUnits(alike)
	if len(alike) > maxSimilar {
		alike = alike[:maxSimilar]
	}
	f.Units = alike
	for _, u := range similar(rd, site.Units(), maxSimilar) {
		if len(f.Units) < maxSimilar {
			f.Units = append(f.Units, u)
		}
	}
	return f
}

// names reports whether text names u (type word and diacritics
// optional).
func names(text string, u *Unit) bool {
	key := foldKey(u.Name)
	for _, rd := range readings(vi.NFC(text)) {
		fold, _, _ := keys(rd.words)
		if a, ok := provinceAliases[fold]; ok && u.Level() == LevelProvince {
			fold = a
		}
		if fold == key && (rd.types == nil || containsType(rd.types, u.Type)) {
			return true
		}
	}
	return false
}

func containsType(ts []Type, t Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// WriteFind prints what Lookup found, for an officer to copy an id from:
// each unit's id, full name, era, code, and its successors or the units it
// was formed from. It returns false when no unit has the name.
func WriteFind(w io.Writer, f Matches, lang string) bool {
	t := func(v, e string, args ...any) string { return diag.M(v, e, args...).Text(lang) }
	if f.ProvinceProblem != nil {
		WriteProblem(w, *f.ProvinceProblem, lang)
		return false
	}
	where := ""
	if f.Province != nil {
		where = t(" trong %s (cả các tỉnh cũ hợp nhất vào đó)", " in %s (with the former provinces merged into it)", f.Province.Title(lang))
	}
	switch {
	case len(f.Units) == 0:
		fmt.Fprintln(w, t("Không có đơn vị nào tên %q%s.", "No unit is named %q%s.", f.Text, where))
		return false
	case f.Similar:
		fmt.Fprintln(w, t("Không có đơn vị nào tên %q%s. Tên gần giống:", "No unit is named %q%s. Similar names:", f.Text, where))
	default:
		fmt.Fprintln(w, t("%q%s: %d đơn vị", "%q%s: %d units", f.Text, where, len(f.Units)))
	}
	for _, u := range f.Units {
		fmt.Fprintln(w)
		writeUnit(w, u, lang)
	}
	return !f.Similar
}

// WriteProblem prints a result's problem and its candidates, one a line.
func WriteProblem(w io.Writer, r Result, lang string) {
	fmt.Fprintln(w, r.Msg.Text(lang))
	for _, c := range r.Candidates {
		fmt.Fprintln(w, "  "+c.Msg.Text(lang))
	}
}

func writeUnit(w io.Writer, u *Unit, lang string) {
	t := func(v, e string, args ...any) string { return diag.M(v, e, args...).Text(lang) }
	ref := func(x *Unit) string { return x.FullName(lang) + " — " + x.ID }
	fmt.Fprintln(w, u.ID)
	fmt.Fprintln(w, "  "+u.FullName(lang))
	var facts []string
	switch u.Era {
	case Former:
		facts = append(facts, t("đến %s", "until %s", vi.PartialDate(2025, 6, 30, lang)))
	case Current:
		facts = append(facts, t("từ %s", "from %s", vi.PartialDate(2025, 7, 1, lang)))
	}
	if u.Code != "" {
		facts = append(facts, t("mã %s", "code %s", u.Code))
	}
	if len(facts) > 0 {
		fmt.Fprintln(w, "  "+strings.Join(facts, " · "))
	}
	switch {
	case u.Era == Former && len(u.Successors) == 1 && !u.Successors[0].Partial:
		fmt.Fprintln(w, "  "+t("nay là: %s", "now: %s", ref(u.Successors[0].Unit)))
	case u.Era == Former && len(u.Successors) > 1:
		fmt.Fprintln(w, "  "+t("nay thuộc (mỗi đơn vị một phần):", "now part of (each takes a part):"))
		for _, s := range u.Successors {
			fmt.Fprintln(w, "    "+ref(s.Unit))
		}
	case u.Era == Former:
		var ps []string
		for _, p := range u.TodayProvinces() {
			ps = append(ps, ref(p))
		}
		fmt.Fprintln(w, "  "+t("nay thuộc: %s (cấp huyện không còn từ 01/07/2025)", "now in: %s (districts ceased on 1 July 2025)", strings.Join(ps, "; ")))
	case len(u.FormedFrom) > 0:
		fmt.Fprintln(w, "  "+t("hợp thành từ:", "formed from:"))
		for _, l := range u.FormedFrom {
			line := "    " + ref(l.Unit)
			if l.Partial {
				line += t(" (một phần)", " (part of it)")
			}
			fmt.Fprintln(w, line)
		}
	}
	if a := addressOf(u); a != "" {
		fmt.Fprintln(w, "  "+t("ghi theo tên: %s", "by name: %s", a))
	}
}

// addressOf returns the address by names that resolves to u, as a YAML
// flow mapping, or "" when names cannot single it out.
func addressOf(u *Unit) string {
	var commune, district, province string
	var fields []string
	switch u.Level() {
	case LevelCommune:
		commune = addressName(u)
		fields = append(fields, "commune: "+commune)
		if d := u.Ancestor(LevelDistrict); d != nil {
			district = addressName(d)
			fields = append(fields, "district: "+district)
		}
	case LevelDistrict:
		district = addressName(u)
		fields = append(fields, "district: "+district)
	case LevelCountry:
		return ""
	}
	province = u.Province().Name
	fields = append(fields, "province: "+province)
	if r := WholeCountry().Resolve(commune, district, province); r.Unit != u || len(r.Notes) > 0 {
		return ""
	}
	return "{" + strings.Join(fields, ", ") + "}"
}
