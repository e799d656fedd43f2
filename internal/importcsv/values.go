package importcsv

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// enumAliases are spellings of enum values in common use beyond their
// keys and labels, folded.
var enumAliases = map[string]map[string]string{
	model.EnumLegalForm: {
		"cong ty trach nhiem huu han": "cong_ty_tnhh", "cty tnhh": "cong_ty_tnhh", "tnhh": "cong_ty_tnhh",
		"cong ty cp": "cong_ty_cp", "cty cp": "cong_ty_cp", "ctcp": "cong_ty_cp",
		"dntn": "dntn", "htx": "htx", "tht": "to_hop_tac",
		"ho kd": "ho_kinh_doanh", "hkd": "ho_kinh_doanh", "ho san xuat": "ho_kinh_doanh",
		"co so": "co_so",
	},
	model.EnumFundingSource: {
		"quoc gia": "kcqg", "trung uong": "kcqg", "kc quoc gia": "kcqg",
		"dia phuong": "kcdp", "tinh": "kcdp", "kc dia phuong": "kcdp", "khuyen cong tinh": "kcdp",
		"khac": "khac",
	},
	model.EnumProjectType: {"nhom": "nhom", "diem": "diem", "don": "don"},
	model.EnumGroup: {
		"che bien": "che_bien", "thuc pham": "che_bien", "thu cong my nghe": "tcmn",
		"co khi": "co_khi", "khac": "khac",
	},
}

// enumKey returns the key of an enum value written as its key, its
// Vietnamese or English label (with or without diacritics, the leading
// "đã", "đề án" or "cấp" optional, or only the part before the first
// comma), or a common alias.
func enumKey(enum, s string) (string, bool) {
	f := foldHeader(s)
	if f == "" {
		return "", false
	}
	if k, ok := enumAliases[enum][f]; ok {
		return k, true
	}
	bare := noCommas(f)
	for _, v := range model.EnumValues(enum) {
		for _, c := range []string{v.Key, v.Label.Vi, v.Label.En} {
			c = foldHeader(c)
			if f == c || bare == noCommas(c) {
				return v.Key, true
			}
			for _, p := range []string{"da ", "de an ", "cap "} {
				if strings.TrimPrefix(c, p) == f {
					return v.Key, true
				}
			}
			if before, _, ok := strings.Cut(c, ","); ok && strings.TrimSpace(before) == f {
				return v.Key, true
			}
		}
	}
	return "", false
}

// noCommas drops the commas of a folded label: "nong, lam" → "nong lam".
func noCommas(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
}

// enumChoices lists the Vietnamese labels of an enum for a message.
func enumChoices(enum string) string {
	var out []string
	for _, v := range model.EnumValues(enum) {
		out = append(out, "“"+v.Label.Vi+"”")
	}
	return strings.Join(out, ", ")
}

// parseMoney reads an amount of đồng: 1200000000, 1.200.000.000,
// 1,200,000,000 or 1 200 000 000, with or without "đồng", "đ" or "VND";
// or with a word, "1,2 tỷ", "900 triệu", which converted says so in
// note.
func parseMoney(s string) (amount int64, note string, ok bool) {
	n, approx, scaled, ok := vi.ParseMoney(s)
	if !ok || approx != "" {
		return 0, "", false
	}
	if scaled {
		note = fmt.Sprintf("“%s” được đổi thành %d đồng", s, n)
	}
	return n, note, true
}

// grouped reads a whole number whose digits may be grouped by threes with
// dots, commas or spaces.
func grouped(s string) (int64, bool) { return vi.ParseGrouped(s) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseYear reads a year of four digits ("2020", or "2020.0" as a
// spreadsheet may write a number).
func parseYear(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".0")
	if len(s) != 4 || !allDigits(s) {
		return 0, false
	}
	y, _ := strconv.Atoi(s)
	return y, y >= 1900
}

// parseBool reads yes or no in Vietnamese or English.
func parseBool(s string) (value, ok bool) {
	switch foldHeader(s) {
	case "co", "x", "yes", "y", "true", "1", "cong khai":
		return true, true
	case "khong", "no", "n", "false", "0", "rieng tu", "an":
		return false, true
	}
	return false, false
}

// splitList splits a cell on semicolons, or on commas when it has none.
func splitList(s string) []string {
	sep := ";"
	if !strings.Contains(s, ";") {
		sep = ","
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// unitTypeWords are the folded words that may precede a unit's name,
// longest first, with the unit types they allow.
var unitTypeWords = []struct {
	word  string
	types []string
}{
	{"thanh pho", []string{"thanh_pho", "thanh_pho_tw"}},
	{"thi tran", []string{"thi_tran"}},
	{"dac khu", []string{"dac_khu"}},
	{"thi xa", []string{"thi_xa"}},
	{"phuong", []string{"phuong"}},
	{"huyen", []string{"huyen"}},
	{"quan", []string{"quan"}},
	{"tinh", []string{"tinh"}},
	{"tp", []string{"thanh_pho", "thanh_pho_tw"}},
	{"tx", []string{"thi_xa"}},
	{"tt", []string{"thi_tran"}},
	{"xa", []string{"xa"}},
}

// findUnits returns the units a cell names: a unit id, or a name with or
// without its type word ("xã Tri Tôn", "Tri Tôn").
func findUnits(m *model.Model, s string) []*model.Unit {
	if u := m.UnitByID[strings.TrimSpace(s)]; u != nil {
		return []*model.Unit{u}
	}
	if u := m.UnitByID[vi.Slug(s)]; u != nil && vi.Slug(s) == strings.ToLower(strings.TrimSpace(s)) {
		return []*model.Unit{u}
	}
	name := foldHeader(s)
	var types []string
	for _, w := range unitTypeWords {
		if rest, ok := strings.CutPrefix(name, w.word+" "); ok {
			name, types = rest, w.types
			break
		}
	}
	var out []*model.Unit
	for _, u := range m.Units {
		if foldHeader(u.Name) != name {
			continue
		}
		if types != nil && !contains(types, u.Type) {
			continue
		}
		out = append(out, u)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// under reports whether unit u lies within unit p.
func under(u, p *model.Unit) bool {
	for x := u.Parent; x != nil; x = x.Parent {
		if x == p {
			return true
		}
	}
	return false
}

// describeUnits lists units for a message: `huyen-tri-ton (huyện Tri Tôn)`.
func describeUnits(units []*model.Unit) string {
	var out []string
	for _, u := range units {
		out = append(out, fmt.Sprintf("%s (%s %s)", u.ID, model.Label(model.EnumUnitType, u.Type, "vi"), u.Name))
	}
	return strings.Join(out, ", ")
}

// named is a record an imported row may refer to by id or by name.
type named struct {
	id, name, sortName string
}

// findNamed returns the records a cell names by id or by name (with or
// without the legal form).
func findNamed(list []named, s string) []named {
	s = strings.TrimSpace(s)
	for _, r := range list {
		if r.id == s {
			return []named{r}
		}
	}
	f := foldHeader(s)
	var out []named
	for _, r := range list {
		if foldHeader(r.name) == f || (r.sortName != "" && foldHeader(r.sortName) == f) {
			out = append(out, r)
		}
	}
	return out
}

func namedIDs(list []named) string {
	var out []string
	for _, r := range list {
		out = append(out, r.id)
	}
	return strings.Join(out, ", ")
}

// cellMsg prefixes a message with the column it is about.
func cellMsg(header string, msg diag.Msg) diag.Msg {
	return diag.Msg{
		Vi: fmt.Sprintf("cột “%s”: %s", header, msg.Vi),
		En: fmt.Sprintf("column “%s”: %s", header, msg.En),
	}
}
