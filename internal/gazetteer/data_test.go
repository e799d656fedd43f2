package gazetteer

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/vi"
)

// source reads a list of source/ as rows of fields, header left out.
func source(t *testing.T, file string) [][]string {
	t.Helper()
	b, err := os.ReadFile("source/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if i > 0 {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	return rows
}

// name is a name of the lists as units.txt keeps it.
func name(s string) string { return strings.Join(strings.Fields(s), " ") }

var typeOf = map[string]Type{
	"tỉnh": Province, "huyện": District, "quận": UrbanDistrict, "thị xã": Town,
	"xã": Commune, "phường": Ward, "thị trấn": Township, "đặc khu": SpecialZone,
}

func typeIn(level Level, word string) Type {
	word = strings.ToLower(word)
	if word == "thành phố" {
		if level == LevelProvince {
			return CentralCity
		}
		return City
	}
	return typeOf[word]
}

// Every unit of the lists is in the embedded gazetteer with its name,
// type, parent and successions, and nothing else is.
func TestEmbeddedMatchesSources(t *testing.T) {
	check := func(era Era, code string, level Level, nm, typ string, parent *Unit) *Unit {
		t.Helper()
		u := ByCode(era, code)
		switch {
		case u == nil:
			t.Errorf("%s (%s) is not in the gazetteer", code, nm)
		case u.Name != name(nm) || u.Type != typeIn(level, typ) || u.Level() != level || u.Era != era:
			t.Errorf("%s is %q %s level %d era %d, want %q %s", code, u.Name, u.Type, u.Level(), u.Era, name(nm), typeIn(level, typ))
		case parent != nil && u.Parent != parent:
			t.Errorf("%s %s: parent %s, want %s", code, nm, u.Parent.ID, parent.ID)
		}
		return u
	}
	counts := map[string]int{}
	for _, r := range source(t, "tinh-2025.tsv") {
		u := check(Current, r[0], LevelProvince, r[1], r[2], VietNam())
		var from []string
		for _, l := range u.FormedFrom {
			from = append(from, l.Unit.Code)
			if l.Partial {
				t.Errorf("%s formed from part of %s", u.ID, l.Unit.ID)
			}
		}
		if got := strings.Join(from, ","); got != r[3] {
			t.Errorf("%s formed from %s, want %s", u.ID, got, r[3])
		}
		counts["provinces"]++
	}
	for _, r := range source(t, "xa-2025.tsv") {
		check(Current, r[1], LevelCommune, r[2], r[3], ByCode(Current, r[0]))
		counts["communes"]++
		counts["communes of "+r[0]]++
	}
	for _, r := range source(t, "tinh-truoc-2025.tsv") {
		u := check(Former, r[0], LevelProvince, r[1], r[2], VietNam())
		if len(u.Successors) != 1 || u.Successors[0].Unit != ByCode(Current, r[3]) || u.Successors[0].Partial {
			t.Errorf("%s: successors %v, want all of it in %s", u.ID, u.Successors, r[3])
		}
		counts["former provinces"]++
	}
	for _, r := range source(t, "huyen-truoc-2025.tsv") {
		u := check(Former, r[1], LevelDistrict, r[2], r[3], ByCode(Former, r[0]))
		var want []Link
		if r[4] != "" {
			want = []Link{{Unit: ByCode(Current, r[4])}}
		}
		if !slices.Equal(u.Successors, want) {
			t.Errorf("%s: successors %v, want %v", u.ID, u.Successors, want)
		}
		counts["districts"]++
		counts["districts of "+r[0]]++
	}
	for _, r := range source(t, "xa-truoc-2025.tsv") {
		u := check(Former, r[2], LevelCommune, r[3], r[4], ByCode(Former, r[1]))
		if u.Province().Code != r[0] {
			t.Errorf("%s is in province %s, want %s", u.ID, u.Province().Code, r[0])
		}
		var got []string
		for _, l := range u.Successors {
			how := "full"
			if l.Partial {
				how = "partial"
			}
			got = append(got, l.Unit.Code+":"+how)
			if l.Unit.Era != Current || l.Unit.Level() != LevelCommune {
				t.Errorf("%s: successor %s is not a current commune", u.ID, l.Unit.ID)
			}
			if !slices.Contains(l.Unit.FormedFrom, Link{Unit: u, Partial: l.Partial}) {
				t.Errorf("%s: successor %s does not list it as formed from", u.ID, l.Unit.ID)
			}
		}
		if strings.Join(got, ",") != r[5] {
			t.Errorf("%s: successors %s, want %s", u.ID, strings.Join(got, ","), r[5])
		}
		counts["former communes"]++
		counts["former communes of "+r[0]]++
	}

	// The counts: of the lists (as the README states them), and per
	// province, of the gazetteer.
	want := map[string]int{"provinces": 34, "communes": 3321, "former provinces": 63, "districts": 696, "former communes": 10047}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("the lists have %d %s, want %d", counts[k], k, n)
		}
	}
	if n := len(All()); n != 1+34+3321+63+696+10047 {
		t.Errorf("the gazetteer has %d units", n)
	}
	if len(Provinces(Current)) != 34 || len(Provinces(Former)) != 63 {
		t.Errorf("%d current and %d former provinces", len(Provinces(Current)), len(Provinces(Former)))
	}
	for _, p := range Provinces(Current) {
		if got, want := len(p.Children), counts["communes of "+p.Code]; got != want {
			t.Errorf("%s has %d communes, the list %d", p.ID, got, want)
		}
	}
	for _, p := range Provinces(Former) {
		communes := 0
		for _, d := range p.Children {
			communes += len(d.Children)
		}
		if got, want := len(p.Children), counts["districts of "+p.Code]; got != want {
			t.Errorf("%s has %d districts, the list %d", p.ID, got, want)
		}
		if got, want := communes, counts["former communes of "+p.Code]; got != want {
			t.Errorf("%s has %d communes, the list %d", p.ID, got, want)
		}
	}
	// Every current commune was formed from something.
	for _, p := range Provinces(Current) {
		for _, c := range p.Children {
			if len(c.FormedFrom) == 0 {
				t.Errorf("%s is formed from nothing", c.ID)
			}
		}
	}
}

// Ids are unique, made by the documented rule from vi.Slug, and found by
// ByID.
func TestIDs(t *testing.T) {
	seen := map[string]*Unit{}
	prefix := map[Type]string{District: "huyen", UrbanDistrict: "quan", Town: "tx", City: "tp",
		Commune: "xa", Ward: "phuong", Township: "tt", SpecialZone: "dac-khu"}
	for _, u := range All() {
		if o := seen[u.ID]; o != nil {
			t.Errorf("id %s is that of %s and of %s", u.ID, o.FullName("vi"), u.FullName("vi"))
		}
		seen[u.ID] = u
		if ByID(u.ID) != u {
			t.Errorf("ByID(%s) is not the unit", u.ID)
		}
		var want string
		switch u.Level() {
		case LevelCountry:
			want = "viet-nam"
		case LevelProvince:
			want = vi.Slug(u.Name)
			if u.Era == Current {
				want += "-2025"
			}
		default:
			part := vi.Slug(u.Name)
			for _, o := range u.Parent.Children {
				if o != u && o.Type == u.Type && vi.Slug(o.Name) == part {
					part += "-" + u.Code
					break
				}
			}
			want = prefix[u.Type] + "-" + part + "-" + u.Parent.ID
		}
		if u.ID != want {
			t.Errorf("id %s, want %s", u.ID, want)
		}
	}
	for id, want := range map[string]string{
		"viet-nam":                    "Việt Nam",
		"an-giang":                    "tỉnh An Giang",
		"kien-giang":                  "tỉnh Kiên Giang",
		"an-giang-2025":               "tỉnh An Giang",
		"tuyen-quang-2025":            "tỉnh Tuyên Quang",
		"ho-chi-minh-2025":            "thành phố Hồ Chí Minh",
		"huyen-chiem-hoa-tuyen-quang": "huyện Chiêm Hóa, tỉnh Tuyên Quang",
		"tp-tuyen-quang-tuyen-quang":  "thành phố Tuyên Quang, tỉnh Tuyên Quang",
		"tx-ky-anh-ha-tinh":           "thị xã Kỳ Anh, tỉnh Hà Tĩnh",
		"huyen-ky-anh-ha-tinh":        "huyện Kỳ Anh, tỉnh Hà Tĩnh",
		"xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang": "xã Yên Nguyên, huyện Chiêm Hóa, tỉnh Tuyên Quang",
		"xa-yen-nguyen-tuyen-quang-2025":            "xã Yên Nguyên, tỉnh Tuyên Quang",
		"phuong-1-quan-3-ho-chi-minh":               "phường 1, quận 3, thành phố Hồ Chí Minh",
		"tt-tri-ton-huyen-tri-ton-an-giang":         "thị trấn Tri Tôn, huyện Tri Tôn, tỉnh An Giang",
		"xa-tri-ton-an-giang-2025":                  "xã Tri Tôn, tỉnh An Giang",
		"xa-phu-thanh-30427-huyen-phu-tan-an-giang": "xã Phú Thạnh, huyện Phú Tân, tỉnh An Giang",
		"xa-phu-thanh-30433-huyen-phu-tan-an-giang": "xã Phú Thành, huyện Phú Tân, tỉnh An Giang",
		"dac-khu-con-dao-ho-chi-minh-2025":          "đặc khu Côn Đảo, thành phố Hồ Chí Minh",
		"huyen-cu-mgar-dak-lak":                     "huyện Cư M'gar, tỉnh Đắk Lắk",
	} {
		u := ByID(id)
		if u == nil {
			t.Errorf("no unit %s", id)
			continue
		}
		if got := u.FullName("vi"); got != want {
			t.Errorf("%s is %s, want %s", id, got, want)
		}
	}
}

// The id rule of the decoder gives vi.Slug for every name.
func TestAppendSlugIsViSlug(t *testing.T) {
	for _, u := range All() {
		if got, want := string(appendSlug(nil, u.Name)), vi.Slug(u.Name); got != want {
			t.Errorf("appendSlug(%q) = %q, vi.Slug = %q", u.Name, got, want)
		}
	}
	for _, s := range []string{"Ñoño", "Đồng Xoài", "Ia H' Drai", "Ðắk", "日本"} {
		if got, want := string(appendSlug(nil, s)), vi.Slug(s); got != want {
			t.Errorf("appendSlug(%q) = %q, vi.Slug = %q", s, got, want)
		}
	}
}

func TestUnitFacts(t *testing.T) {
	old := ByID("xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang")
	cur := ByID("xa-yen-nguyen-tuyen-quang-2025")
	if old.ValidTo() != "2025-06-30" || old.ValidFrom() != "" || cur.ValidFrom() != "2025-07-01" || cur.ValidTo() != "" {
		t.Errorf("validity: %s–%s, %s–%s", old.ValidFrom(), old.ValidTo(), cur.ValidFrom(), cur.ValidTo())
	}
	if old.Today() != cur || cur.Today() != cur || VietNam().Today() != VietNam() {
		t.Errorf("Today of %s is %v", old.ID, old.Today())
	}
	split := ByID("xa-kim-phu-tp-tuyen-quang-tuyen-quang")
	if split.Today() != nil || len(split.Successors) != 2 {
		t.Errorf("%s: Today %v, successors %v", split.ID, split.Today(), split.Successors)
	}
	if got := ids(split.TodayProvinces()); got != "tuyen-quang-2025" {
		t.Errorf("%s is today in %s", split.ID, got)
	}
	// A district has no successors of its own; its area is in the
	// province(s) its communes went to.
	d := ByID("huyen-chiem-hoa-tuyen-quang")
	if d.Today() != nil || ids(d.TodayProvinces()) != "tuyen-quang-2025" {
		t.Errorf("%s: %v %s", d.ID, d.Today(), ids(d.TodayProvinces()))
	}
	// Part of xã Tân Phú (Châu Thành, An Giang) went to Đồng Tháp.
	if got := ids(ByID("huyen-chau-thanh-an-giang").TodayProvinces()); got != "dong-thap-2025 an-giang-2025" {
		t.Errorf("huyện Châu Thành (An Giang) is today in %s", got)
	}
	if got := ids(ByID("ha-giang").TodayProvinces()); got != "tuyen-quang-2025" {
		t.Errorf("Hà Giang is today in %s", got)
	}
	island := ByID("huyen-con-dao-ba-ria-vung-tau")
	if island.Today() != ByID("dac-khu-con-dao-ho-chi-minh-2025") {
		t.Errorf("Côn Đảo is today %v", island.Today())
	}
	if got := ids(ByID("an-giang-2025").FormedFrom); got != "an-giang kien-giang" {
		t.Errorf("An Giang (2025) formed from %s", got)
	}
	// Codes repeat across eras.
	if ByCode(Former, "91").ID != "kien-giang" || ByCode(Current, "91").ID != "an-giang-2025" || ByCode(Always, "91") != nil {
		t.Error("code 91 is not Kiên Giang before and An Giang after")
	}
	if got := old.Ancestor(LevelDistrict); got != d {
		t.Errorf("district of %s: %v", old.ID, got)
	}
	if cur.Ancestor(LevelDistrict) != nil || cur.Province().ID != "tuyen-quang-2025" {
		t.Errorf("current commune's district %v, province %v", cur.Ancestor(LevelDistrict), cur.Province())
	}
	for lang, want := range map[string]string{"vi": "phường 1, quận 3, thành phố Hồ Chí Minh", "en": "Ward 1, District 3, Hồ Chí Minh city"} {
		if got := ByID("phuong-1-quan-3-ho-chi-minh").FullName(lang); got != want {
			t.Errorf("FullName(%s) = %q, want %q", lang, got, want)
		}
	}
}

// ids lists the ids of units or links, space-separated.
func ids[T *Unit | Link](xs []T) string {
	var out []string
	for _, x := range xs {
		switch v := any(x).(type) {
		case *Unit:
			out = append(out, v.ID)
		case Link:
			out = append(out, v.Unit.ID)
		}
	}
	return strings.Join(out, " ")
}

func (l Link) String() string { return fmt.Sprintf("%s partial=%v", l.Unit.ID, l.Partial) }
