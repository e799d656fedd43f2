package model

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/vi"
)

// This file counts recognitions: the awards listed in the rounds (those of
// products without a record of their own included), and the OCOP
// certificates in force.

// ocopStars are the star counts Stats.OCOPValid always lists.
var ocopStars = []int{3, 4, 5}

// recAcc gathers recognition counts.
type recAcc struct {
	total    int
	scheme   map[string]int // "scheme/level"
	group    map[string]int // product group, "" when not given
	unit     map[*Unit]int
	stars    map[int]int
	owners   map[string]bool
	reported map[string]int
}

func newRecAcc() recAcc {
	return recAcc{
		scheme:   map[string]int{},
		group:    map[string]int{},
		unit:     map[*Unit]int{},
		stars:    map[int]int{},
		owners:   map[string]bool{},
		reported: map[string]int{},
	}
}

// AwardUnit is the unit of a recognised product as recorded: its
// establishment's address unit, or the unit written with the award.
func AwardUnit(aw *Recognition) *Unit {
	if aw.Product != nil {
		if e := aw.Product.Establishment; e != nil {
			return e.Address.Unit
		}
		return nil
	}
	return aw.Unit
}

// ownerKey tells the owners of OCOP products apart: an establishment by
// id, an owner written with the award by name; "" when not known.
func ownerKey(aw *Recognition) string {
	if aw.Product != nil {
		if e := aw.Product.Establishment; e != nil {
			return "e/" + e.ID
		}
		return ""
	}
	if aw.Owner != "" {
		return "n/" + vi.Fold(aw.Owner)
	}
	return ""
}

// addRound counts a round's awards, those of products within unit when
// unit is set (the rounds' reported counts, which cannot be placed, are
// then left out).
func (a *recAcc) addRound(r *Round, unit *Unit) {
	key := r.Scheme + "/" + r.Level
	if r.HasReportedCount && unit == nil {
		a.reported[key] += r.ReportedCount
	}
	for _, aw := range r.Awards {
		if aw.Product == nil && aw.Name == "" {
			continue // unresolved: reported, not counted
		}
		u := AwardUnit(aw)
		if unit != nil && (u == nil || !under(u, unit)) {
			continue
		}
		a.total++
		a.scheme[key]++
		group := ""
		if aw.Product != nil {
			group = aw.Product.Group
		}
		a.group[group]++
		for x, n := u, 0; x != nil && n < maxUnitDepth; x, n = x.Parent, n+1 {
			a.unit[x]++
		}
		if r.Scheme == "ocop" {
			if aw.Stars > 0 {
				a.stars[aw.Stars]++
			}
			if k := ownerKey(aw); k != "" {
				a.owners[k] = true
			}
		}
	}
}

// finish returns the counts with their keys in display order: scheme/level
// in the data contract's order (cnnt first, levels upward), then product
// groups in their order ("group/" last: no group given), then units by
// count, largest first, then name and id.
func (a *recAcc) finish() RecognitionStats {
	rs := RecognitionStats{Total: a.total, ByKey: map[string]int{}, Reported: a.reported}
	for _, k := range schemeLevelKeys(a.scheme) {
		rs.ByKey[k] = a.scheme[k]
		rs.Keys = append(rs.Keys, k)
	}
	groups := make([]string, 0, len(a.group))
	for _, g := range sortKeys(a.group, EnumGroup) {
		if g != "" {
			groups = append(groups, g)
		}
	}
	if _, ok := a.group[""]; ok {
		groups = append(groups, "") // no group given: shown last
	}
	for _, g := range groups {
		k := "group/" + g
		rs.ByKey[k] = a.group[g]
		rs.Keys = append(rs.Keys, k)
	}
	units := make([]*Unit, 0, len(a.unit))
	for u := range a.unit {
		units = append(units, u)
	}
	sort.Slice(units, func(i, j int) bool {
		if a.unit[units[i]] != a.unit[units[j]] {
			return a.unit[units[i]] > a.unit[units[j]]
		}
		return unitLess(units[i], units[j])
	})
	for _, u := range units {
		k := "unit/" + u.ID
		rs.ByKey[k] = a.unit[u]
		rs.Keys = append(rs.Keys, k)
	}
	for _, n := range ocopStars {
		if c := a.stars[n]; c > 0 {
			k := "stars/" + strconv.Itoa(n)
			rs.ByKey[k] = c
			rs.Keys = append(rs.Keys, k)
		}
	}
	rs.Owners = len(a.owners)
	return rs
}

// schemeLevelKeys orders "scheme/level" keys by scheme, then level upward.
func schemeLevelKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	SortSchemeLevels(keys)
	return keys
}

// SortSchemeLevels sorts "scheme/level" keys ("cnnt/tinh", "ocop/tinh") in
// display order: by scheme, then level upward, as the data contract lists
// them.
func SortSchemeLevels(keys []string) {
	order := func(k string) (int, int) {
		scheme, level, ok := strings.Cut(k, "/")
		if !ok {
			return len(enums[EnumScheme]), len(enums[EnumLevel])
		}
		return EnumIndex(EnumScheme, scheme), EnumIndex(EnumLevel, level)
	}
	sort.Slice(keys, func(i, j int) bool {
		si, li := order(keys[i])
		sj, lj := order(keys[j])
		if si != sj {
			return si < sj
		}
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
	})
}

// ocopValid counts the OCOP certificates in force on m.Now by stars, with
// their recognitions, in the order of m.Products (Vietnamese name order),
// products without a record last by name, then by round year.
func ocopValid(m *Model) []StarCount {
	now := m.Now
	if now.IsZero() {
		now = time.Now()
	}
	out := make([]StarCount, len(ocopStars))
	for i, s := range ocopStars {
		out[i].Stars = s
	}
	for _, aw := range ocopInForce(m, now, nil) {
		for i, s := range ocopStars {
			if aw.Stars == s {
				out[i].Count++
				out[i].Awards = append(out[i].Awards, aw)
			}
		}
	}
	pos := make(map[*Product]int, len(m.Products))
	for i, p := range m.Products {
		pos[p] = i
	}
	rank := func(aw *Recognition) int {
		if aw.Product == nil {
			return len(m.Products)
		}
		return pos[aw.Product]
	}
	for i := range out {
		aws := out[i].Awards
		sort.SliceStable(aws, func(a, b int) bool {
			pa, pb := rank(aws[a]), rank(aws[b])
			if pa != pb {
				return pa < pb
			}
			if pa == len(m.Products) {
				if c := vi.Compare(aws[a].Name, aws[b].Name); c != 0 {
					return c < 0
				}
			}
			return aws[a].Round.Year < aws[b].Round.Year
		})
	}
	return out
}

// ocopInForce returns the OCOP awards whose certificate is in force on the
// day t: issued on or before it (the decision date, else the first day of
// the round's year) and valid until it or later (a partial date such as
// 2024-06 is valid to the end of that month; a certificate of unknown
// validity is not counted); of products within unit when unit is set.
func ocopInForce(m *Model, t time.Time, unit *Unit) []*Recognition {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	var out []*Recognition
	for _, r := range m.Rounds {
		if r.Scheme != "ocop" || !r.Judged() {
			continue
		}
		issued := r.Decision.Date
		if issued.IsZero() {
			issued = Date{Year: r.Year}
		}
		if issued.Time().After(day) {
			continue
		}
		for _, aw := range r.Awards {
			until := aw.ValidUntil
			if until.IsZero() && !r.Decision.Date.IsZero() {
				until = addMonths(r.Decision.Date, 36)
			}
			if until.IsZero() || lastDay(until).Before(day) {
				continue
			}
			if unit != nil {
				if u := AwardUnit(aw); u == nil || !under(u, unit) {
					continue
				}
			}
			out = append(out, aw)
		}
	}
	return out
}

// addMonths adds n months to a date, keeping how much of it is known and
// clamping the day to the end of a shorter month.
func addMonths(d Date, n int) Date {
	if d.Month == 0 {
		return Date{Year: d.Year + n/12}
	}
	m := d.Month - 1 + n
	out := Date{Year: d.Year + m/12, Month: m%12 + 1, Day: d.Day}
	if last := lastDay(Date{Year: out.Year, Month: out.Month}).Day(); out.Day > last {
		out.Day = last
	}
	return out
}

// lastDay returns the last day a date covers: the day itself, the last day
// of its month, or 31 December of its year.
func lastDay(d Date) time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.Time()
}

// setProductLevels sets each product's Levels and Path from the CNNT
// awards of every round.
func setProductLevels(m *Model) {
	byProduct := map[*Product][]*Recognition{}
	for _, r := range m.Rounds {
		if r.Scheme != "cnnt" {
			continue
		}
		for _, aw := range r.Awards {
			if aw.Product != nil {
				byProduct[aw.Product] = append(byProduct[aw.Product], aw)
			}
		}
	}
	for _, p := range m.Products {
		recs := byProduct[p]
		p.Levels, p.Path = nil, nil
		if len(recs) == 0 {
			continue
		}
		// Oldest first; within a year, higher level first, then higher
		// score, then the order of the rounds.
		sort.SliceStable(recs, func(i, j int) bool {
			a, b := recs[i], recs[j]
			if a.Round.Year != b.Round.Year {
				return a.Round.Year < b.Round.Year
			}
			la, lb := EnumIndex(EnumLevel, a.Round.Level), EnumIndex(EnumLevel, b.Round.Level)
			if la != lb {
				return la > lb
			}
			return a.Score > b.Score
		})
		first := map[string]*Recognition{}
		for i, rc := range recs {
			if first[rc.Round.Level] == nil {
				first[rc.Round.Level] = rc
			}
			if i == 0 || rc.Round.Year != recs[i-1].Round.Year {
				p.Path = append(p.Path, rc)
			}
		}
		for _, lv := range sortKeys(first, EnumLevel) {
			p.Levels = append(p.Levels, first[lv])
		}
	}
}
