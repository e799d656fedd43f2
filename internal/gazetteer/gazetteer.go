// Package gazetteer carries Vietnam's administrative units before and
// after the reform of 1 July 2025, built into the binary: the country
// (viet-nam); the 63 provinces, 696 districts and 10.047 communes that
// existed until 30 June 2025; the 34 provinces and 3.321 communes from
// 1 July 2025 (there are no districts any more); each unit's statistics
// code; which new units took over each former one, whole or in part; and
// which former units each new one was formed from.
//
// The facts come from the lists in source/ (see its README for where they
// come from and how far they can be trusted); the program in gen/ turns
// them into units.txt, which is embedded and decoded on first use.
//
// # Ids
//
// Every unit has an id that is stable, readable and unique across both
// eras. It is the unit's address written as a slug:
//
//   - the country: viet-nam;
//   - a province until 30 June 2025: its name: an-giang, tuyen-quang,
//     ha-giang, ho-chi-minh, ba-ria-vung-tau;
//   - a province from 1 July 2025: its name and 2025: an-giang-2025,
//     tuyen-quang-2025, ho-chi-minh-2025;
//   - any other unit: its short type word, its name, then the id of the
//     unit above it. The type words are huyen, quan, tx (thị xã), tp
//     (thành phố), xa, phuong, tt (thị trấn) and dac-khu. So a district is
//     huyen-chiem-hoa-tuyen-quang or tp-tuyen-quang-tuyen-quang; a commune
//     until 30 June 2025 is xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang; a
//     commune from 1 July 2025 is xa-yen-nguyen-tuyen-quang-2025. An id
//     that names a district is always of a unit before the reform; one
//     that ends in -2025, always of a unit from it.
//   - where two units under the same parent and of the same type have
//     names that are written alike without diacritics (xã Phú Thạnh and xã
//     Phú Thành of huyện Phú Tân, An Giang), both carry their statistics
//     code after the name: xa-phu-thanh-30427-huyen-phu-tan-an-giang.
//
// The slug is the project's (vi.Slug): no diacritics, đ written d, lower
// case, apostrophes dropped, other characters between words a hyphen.
//
// # Names
//
// Lookup and Site.Resolve read names as officers and articles write them:
// type words optional and abbreviated or not ("xã Yên Nguyên", "TP Tuyên
// Quang", "tp. Tuyên Quang", "H. Chiêm Hóa", "Q.1", "P1"), diacritics
// optional word by word, either tone-mark placement (hoà, hòa). A word
// written with diacritics must be spelt right: "Phú Thạnh" is not Phú
// Thành, while "Phu Thanh" may be either. Resolve reads an address with a
// district as before 1 July 2025 and one without as from that date.
//
// The package imports only diag and vi of the project: package model
// builds on it.
package gazetteer

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:generate go run ./gen

//go:embed units.txt
var data string

// Type is a unit's type, as the data contract writes it.
type Type string

// The types of the data contract.
const (
	Country       Type = "quoc_gia"
	Province      Type = "tinh"
	CentralCity   Type = "thanh_pho_tw" // thành phố trực thuộc trung ương
	City          Type = "thanh_pho"    // thành phố of a province
	Town          Type = "thi_xa"
	District      Type = "huyen"
	UrbanDistrict Type = "quan"
	Ward          Type = "phuong"
	Commune       Type = "xa"
	Township      Type = "thi_tran"
	SpecialZone   Type = "dac_khu"
)

// Level is the rank of a unit: country, province, district, commune.
type Level int

// Levels, from the top.
const (
	LevelCountry Level = iota
	LevelProvince
	LevelDistrict
	LevelCommune
)

// Level returns the level of units of type t.
func (t Type) Level() Level {
	switch t {
	case Country:
		return LevelCountry
	case Province, CentralCity:
		return LevelProvince
	case City, Town, District, UrbanDistrict:
		return LevelDistrict
	}
	return LevelCommune
}

// Era says when a unit existed.
type Era int

const (
	// Always: the country.
	Always Era = iota
	// Former units existed until 30 June 2025.
	Former
	// Current units exist from 1 July 2025.
	Current
)

// The dates of the reform, as the data contract writes dates.
const (
	LastFormerDay   = "2025-06-30"
	FirstCurrentDay = "2025-07-01"
)

// Unit is an administrative unit. Units are shared by every caller and
// must not be modified.
type Unit struct {
	ID string
	// Name is the name without the type word: "Yên Nguyên", "1".
	Name string
	Type Type
	// Code is the statistics code: 2 digits for a province, 3 for a
	// district, 5 for a commune; empty for the country. Codes repeat
	// across eras (91 was Kiên Giang and is the new An Giang).
	Code     string
	Era      Era
	Parent   *Unit
	Children []*Unit
	// Successors, of a former unit, are the units from 1 July 2025 that
	// took it over: one, whole, or several, each a part. A former
	// district has none (its communes have them), except an island
	// district that became a special zone.
	Successors []Link
	// FormedFrom, of a current unit, are the former units it was formed
	// from, whole or in part, by code.
	FormedFrom []Link
}

// Link is one unit of a succession; Partial when only part of the former
// unit went to the new one.
type Link struct {
	Unit    *Unit
	Partial bool
}

// Level returns the unit's level.
func (u *Unit) Level() Level { return u.Type.Level() }

// ValidFrom returns the first day the unit existed, "" when it existed
// before the lists begin.
func (u *Unit) ValidFrom() string {
	if u.Era == Current {
		return FirstCurrentDay
	}
	return ""
}

// ValidTo returns the last day the unit existed, "" when it still does.
func (u *Unit) ValidTo() string {
	if u.Era == Former {
		return LastFormerDay
	}
	return ""
}

// Ancestor returns the unit above u (or u itself) at level l, nil when
// there is none (a current commune has no district).
func (u *Unit) Ancestor(l Level) *Unit {
	for a := u; a != nil; a = a.Parent {
		if a.Level() == l {
			return a
		}
	}
	return nil
}

// Province returns the province u is in (u itself for a province).
func (u *Unit) Province() *Unit { return u.Ancestor(LevelProvince) }

// Today returns the current unit that is u today: u itself when it is
// current (or the country), else its single successor when that took it
// over whole. It returns nil for a unit split between several (see
// TodayProvinces) and for a district.
func (u *Unit) Today() *Unit {
	if u.Era != Former {
		return u
	}
	if len(u.Successors) == 1 && !u.Successors[0].Partial {
		return u.Successors[0].Unit
	}
	return nil
}

// TodayProvinces returns the current provinces whose area holds u's area
// today, sorted by code: one for nearly every unit; two for the few
// former units part of which went to another province.
func (u *Unit) TodayProvinces() []*Unit {
	switch {
	case u.Era != Former:
		if p := u.Province(); p != nil {
			return []*Unit{p}
		}
		return nil
	case u.Level() == LevelProvince:
		return []*Unit{u.Successors[0].Unit}
	}
	var out []*Unit
	var walk func(x *Unit)
	walk = func(x *Unit) {
		for _, s := range x.Successors {
			if p := s.Unit.Province(); !containsUnit(out, p) {
				out = append(out, p)
			}
		}
		if len(x.Successors) == 0 {
			for _, c := range x.Children {
				walk(c)
			}
		}
	}
	walk(u)
	sortByCode(out)
	return out
}

func containsUnit(us []*Unit, u *Unit) bool {
	for _, x := range us {
		if x == u {
			return true
		}
	}
	return false
}

func sortByCode(us []*Unit) {
	// Insertion sort: these lists have a handful of units.
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && us[j].Code < us[j-1].Code; j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

// db is the decoded gazetteer.
type db struct {
	country Unit
	// all holds every unit: the country, then units.txt's order (each
	// province followed by its units, current era first).
	all []*Unit
	// provinces[Former] and provinces[Current].
	provinces [3][]*Unit

	// The maps by id and by code are made on first use: a site needs
	// only its own units.
	idOnce   sync.Once
	byID     map[string]*Unit
	codeOnce sync.Once
	byCode   [3]map[string]*Unit
}

var (
	loadOnce sync.Once
	loaded   *db
)

// get returns the gazetteer, decoding it on first use.
func get() *db {
	loadOnce.Do(func() { loaded = decode(data) })
	return loaded
}

// typeLetters maps the type letters of units.txt to types.
var typeLetters = [128]Type{
	't': Province, 'w': CentralCity, 'c': City, 's': Town, 'h': District,
	'q': UrbanDistrict, 'p': Ward, 'x': Commune, 'r': Township, 'd': SpecialZone,
}

// decode reads units.txt (see package gen for its format). The data is
// checked by the generator and by the tests: a malformed line panics.
//
// Decoding runs on every build of a site that names its province, so it
// allocates little: the units in one slice, their ids in one string, the
// children and the links in one slice each.
func decode(s string) *db {
	d := &db{}
	d.country = Unit{ID: "viet-nam", Name: "Việt Nam", Type: Country, Era: Always}
	n := strings.Count(s, "\n") // at least the number of units
	units := make([]Unit, 0, n)
	// For each unit: its parent (index in units, -1 for the country), its
	// id as offsets into ids, its links.
	parent := make([]int32, 0, n)
	idAt := make([][2]int32, 0, n)
	links := make([]string, 0, n)
	ids := make([]byte, 0, len(s)*3/2)
	var last [4]int32 // the last unit read of each level
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		tab := strings.IndexByte(line, '\t')
		head, rest := line[:tab], line[tab+1:]
		name, link, _ := strings.Cut(rest, "\t")
		kind := head[0]
		qualify := head[len(head)-1] == '!'
		if qualify {
			head = head[:len(head)-1]
		}
		code, typ := head[1:len(head)-1], typeLetters[head[len(head)-1]]
		era := Current
		if kind == 'B' || kind == 'b' || kind == 'c' {
			era = Former
		}
		lvl := typ.Level()
		p := int32(-1)
		if lvl > LevelProvince {
			p = last[lvl-1]
			if kind == 'a' {
				p = last[LevelProvince]
			}
		}
		i := int32(len(units))
		last[lvl] = i
		units = append(units, Unit{Name: name, Type: typ, Code: code, Era: era})
		parent = append(parent, p)
		links = append(links, link)

		start := int32(len(ids))
		if lvl == LevelProvince {
			ids = appendSlug(ids, name)
			if era == Current {
				ids = append(ids, "-2025"...)
			}
		} else {
			ids = append(ids, idPrefix(typ)...)
			ids = append(ids, '-')
			ids = appendSlug(ids, name)
			if qualify {
				ids = append(ids, '-')
				ids = append(ids, code...)
			}
			ids = append(ids, '-')
			pa := idAt[p]
			ids = append(ids, ids[pa[0]:pa[1]]...)
		}
		idAt = append(idAt, [2]int32{start, int32(len(ids))})
	}
	idText := string(ids)

	// Parents, children, ids; the current units by code for the links.
	nChildren := make([]int32, len(units))
	for _, p := range parent {
		if p >= 0 {
			nChildren[p]++
		}
	}
	children := make([]*Unit, 0, len(units))
	d.all = make([]*Unit, 0, len(units)+1)
	d.all = append(d.all, &d.country)
	current := make(map[string]int32, 3400)
	for i := range units {
		u := &units[i]
		u.ID = idText[idAt[i][0]:idAt[i][1]]
		if c := int(nChildren[i]); c > 0 {
			u.Children = children[len(children) : len(children) : len(children)+c]
			children = children[:len(children)+c]
		}
		if p := parent[i]; p >= 0 {
			u.Parent = &units[p]
			u.Parent.Children = append(u.Parent.Children, u)
		} else {
			u.Parent = &d.country
			d.provinces[u.Era] = append(d.provinces[u.Era], u)
		}
		if u.Era == Current {
			current[u.Code] = int32(i)
		}
		d.all = append(d.all, u)
	}
	d.country.Children = slices.Concat(d.provinces[Current], d.provinces[Former])

	// Successors, then their reverse, each in one slice.
	succ := make([]Link, 0, len(units)+len(units)/8)
	nFormed := make([]int32, len(units))
	for i, l := range links {
		start := len(succ)
		for l != "" {
			c, rest, _ := strings.Cut(l, ",")
			l = rest
			partial := strings.HasSuffix(c, "~")
			to := current[strings.TrimSuffix(c, "~")]
			nFormed[to]++
			succ = append(succ, Link{Unit: &units[to], Partial: partial})
		}
		if len(succ) > start {
			units[i].Successors = succ[start:len(succ):len(succ)]
		}
	}
	from := make([]Link, 0, len(succ))
	for i := range units {
		if c := int(nFormed[i]); c > 0 {
			units[i].FormedFrom = from[len(from) : len(from) : len(from)+c]
			from = from[:len(from)+c]
		}
	}
	for i := range units {
		u := &units[i]
		for _, l := range u.Successors {
			l.Unit.FormedFrom = append(l.Unit.FormedFrom, Link{Unit: u, Partial: l.Partial})
		}
	}
	return d
}

// idPrefix returns the type word that starts the id of a unit below a
// province.
func idPrefix(t Type) string {
	switch t {
	case District:
		return "huyen"
	case UrbanDistrict:
		return "quan"
	case Town:
		return "tx"
	case City:
		return "tp"
	case Commune:
		return "xa"
	case Ward:
		return "phuong"
	case Township:
		return "tt"
	case SpecialZone:
		return "dac-khu"
	}
	return string(t)
}

// ByID returns the unit with the given id, nil when there is none.
func ByID(id string) *Unit {
	d := get()
	d.idOnce.Do(func() {
		d.byID = make(map[string]*Unit, len(d.all))
		for _, u := range d.all {
			d.byID[u.ID] = u
		}
	})
	return d.byID[id]
}

// ByCode returns the unit of era with the given statistics code, nil when
// there is none. Codes repeat across eras, so the era is required.
func ByCode(era Era, code string) *Unit {
	if era != Former && era != Current {
		return nil
	}
	d := get()
	d.codeOnce.Do(func() {
		d.byCode[Former] = make(map[string]*Unit, 10900)
		d.byCode[Current] = make(map[string]*Unit, 3400)
		for _, u := range d.all[1:] {
			d.byCode[u.Era][u.Code] = u
		}
	})
	return d.byCode[era][code]
}

// VietNam returns the country.
func VietNam() *Unit { return &get().country }

// Provinces returns the provinces of an era, by code.
func Provinces(era Era) []*Unit {
	if era != Former && era != Current {
		return nil
	}
	return get().provinces[era]
}

// All returns every unit: the country, then each current province with its
// communes, then each former province with its districts and their
// communes, each by code. The slice must not be modified.
func All() []*Unit { return get().all }
