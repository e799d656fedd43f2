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
	found, alike, rd := matchProvince(v, isProv(Current))
	if len(found) == 1 {
		r.Unit = found[0]
		return r
	}
	found, alikeFormer, _ := matchProvince(v, isProv(Former))
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
