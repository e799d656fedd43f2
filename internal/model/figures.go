package model

import (
	"math/bits"
	"sort"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// This file derives the figures of Stats from the detailed records, in one
// pass over each collection: projects are indexed by year, establishments
// and units by pointer, and nothing scans another collection per record.
//
// Rules worth knowing when reading the figures:
//
//   - Cancelled projects (status huy) count nowhere: not in Years, not in
//     funding, not in the establishments supported.
//   - Funding is kept per budget stage; a project's budget counts under
//     its own stage only (phe_duyet when none is written).
//   - Establishments supported in a year are the distinct named
//     beneficiaries of that year's projects plus, for each project whose
//     beneficiaries_count is larger than its named beneficiaries, the
//     difference. In All, named beneficiaries are distinct across every
//     year; unnamed recipients cannot be told apart, so those of different
//     years are added.
//   - Recognitions count the awards listed in the rounds (only those whose
//     product is resolved); rounds' reported_count is summed apart, in
//     RecognitionStats.Reported.

// ocopStars are the star counts Stats.OCOPValid always lists.
var ocopStars = []int{3, 4, 5}

// mainStage is the budget stage of headline figures and the default stage
// of a budget or a reported amount.
const mainStage = "phe_duyet"

// maxUnitDepth bounds a walk up the parent chain of units, so that a cycle
// (which validation reports) cannot hang the build.
const maxUnitDepth = 32

// computeStats derives m.Stats, and each product's Levels and Path, from
// the decoded, resolved and filtered records, and warns in diags where a
// computed figure exceeds the one a report published. Build calls it once,
// after every record is resolved.
func computeStats(m *Model, diags *diag.List) {
	years := map[int]*yearAcc{}
	year := func(y int) *yearAcc {
		a := years[y]
		if a == nil {
			a = newYearAcc()
			a.ys.Year = y
			years[y] = a
		}
		return a
	}
	all := newYearAcc()

	for _, p := range m.Projects {
		if p.Status == "huy" {
			continue
		}
		shares := splitByUnit(p)
		y := year(p.Year)
		y.addProject(p, shares)
		all.addProject(p, shares)
	}

	for _, r := range m.Rounds {
		y := year(r.Year)
		y.rec.addRound(r)
		all.rec.addRound(r)
	}

	reports := map[int]*Report{}
	for _, r := range m.Reports {
		if reports[r.Year] == nil {
			reports[r.Year] = r
		}
		year(r.Year)
	}

	order := make([]int, 0, len(years))
	for y := range years {
		order = append(order, y)
	}
	sort.Ints(order)

	st := Stats{Years: make([]*YearStats, 0, len(order))}
	for _, y := range order {
		a := years[y]
		a.finish()
		a.ys.Report = reports[y]
		st.Years = append(st.Years, a.ys)
	}
	all.finish()
	st.All = *all.ys
	st.OCOPValid = ocopValid(m)
	m.Stats = st

	setProductLevels(m)

	for _, ys := range m.Stats.Years {
		if ys.Report != nil {
			ys.Reconciled = reconcile(ys, diags)
		}
	}
}

// yearAcc gathers one year's figures (or all years') before they are
// sorted into a YearStats.
type yearAcc struct {
	ys     *YearStats
	stages map[string]*stageAcc
	named  map[*Establishment]struct{}
	// unnamed counts recipients given by beneficiaries_count beyond the
	// named ones.
	unnamed int
	rec     recAcc
}

type stageAcc struct {
	total    int64
	source   map[string]int64
	activity map[string]int64
	typ      map[string]int64
	unit     map[*Unit]int64
}

func newYearAcc() *yearAcc {
	return &yearAcc{
		ys:     &YearStats{},
		stages: map[string]*stageAcc{},
		named:  map[*Establishment]struct{}{},
		rec:    newRecAcc(),
	}
}

// projectType returns the project's type, don when none is written.
func projectType(p *Project) string {
	if p.Type == "" {
		return "don"
	}
	return p.Type
}

// stageOf returns the stage of an amount, phe_duyet when none is written.
func stageOf(stage string) string {
	if stage == "" {
		return mainStage
	}
	return stage
}

func (a *yearAcc) addProject(p *Project, shares []unitShare) {
	a.ys.Projects++

	stage := stageOf(p.Budget.Stage)
	s := a.stages[stage]
	if s == nil {
		s = &stageAcc{
			source:   map[string]int64{},
			activity: map[string]int64{},
			typ:      map[string]int64{},
			unit:     map[*Unit]int64{},
		}
		a.stages[stage] = s
	}
	amt := p.Budget.Amount
	s.total += amt
	s.source[p.FundingSource] += amt
	s.activity[p.Activity] += amt
	s.typ[projectType(p)] += amt
	for _, sh := range shares {
		s.unit[sh.unit] += sh.amount
	}

	for _, b := range p.Beneficiaries {
		if b.Establishment != nil {
			a.named[b.Establishment] = struct{}{}
		}
	}
	if n := distinctNamed(p); p.BeneficiariesCount > n {
		a.unnamed += p.BeneficiariesCount - n
	}
}

// distinctNamed returns the number of distinct establishments a project
// names.
func distinctNamed(p *Project) int {
	if len(p.Beneficiaries) > 16 {
		seen := make(map[*Establishment]struct{}, len(p.Beneficiaries))
		for _, b := range p.Beneficiaries {
			if b.Establishment != nil {
				seen[b.Establishment] = struct{}{}
			}
		}
		return len(seen)
	}
	n := 0
	for i, b := range p.Beneficiaries {
		if b.Establishment == nil {
			continue
		}
		dup := false
		for _, c := range p.Beneficiaries[:i] {
			if c.Establishment == b.Establishment {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

// finish sorts the gathered figures into a.ys.
func (a *yearAcc) finish() {
	ys := a.ys
	for _, stage := range sortKeys(a.stages, EnumStage) {
		s := a.stages[stage]
		ys.Funding = append(ys.Funding, StageFunding{
			Stage:      stage,
			Total:      s.total,
			BySource:   amounts(s.source, EnumFundingSource),
			ByActivity: amounts(s.activity, EnumActivity),
			ByType:     amounts(s.typ, EnumProjectType),
			ByUnit:     unitAmounts(s.unit),
		})
	}
	ys.Main = 0
	for i, f := range ys.Funding {
		if f.Stage == mainStage {
			ys.Main = i
		}
	}
	ys.NamedSupported = len(a.named)
	ys.EstablishmentsSupported = len(a.named) + a.unnamed
	if len(ys.Funding) > 0 {
		ys.AvgSupport = divRoundHalfUp(ys.Funding[ys.Main].Total, int64(ys.EstablishmentsSupported))
	}
	ys.Recognitions = a.rec.finish()
}

// divRoundHalfUp returns a/b rounded half up (away from zero for a
// negative a), 0 when b is not positive.
func divRoundHalfUp(a, b int64) int64 {
	if b <= 0 {
		return 0
	}
	neg := a < 0
	if neg {
		a = -a
	}
	q, r := a/b, a%b
	if r >= b-r {
		q++
	}
	if neg {
		return -q
	}
	return q
}

// sortKeys returns the keys of m in the enum's display order, unknown keys
// (which validation rejects) last in byte order.
func sortKeys[V any](m map[string]V, enum string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, rj := EnumIndex(enum, keys[i]), EnumIndex(enum, keys[j])
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// amounts lists the non-zero entries of m in the enum's display order.
func amounts(m map[string]int64, enum string) []Amount {
	var out []Amount
	for _, k := range sortKeys(m, enum) {
		if m[k] != 0 {
			out = append(out, Amount{Key: k, Amount: m[k]})
		}
	}
	return out
}

// unitAmounts lists the non-zero entries of m by amount, largest first,
// then by unit (see unitLess), the unknown unit last among equals.
func unitAmounts(m map[*Unit]int64) []UnitAmount {
	out := make([]UnitAmount, 0, len(m))
	for u, v := range m {
		if v != 0 {
			out = append(out, UnitAmount{Unit: u, Amount: v})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Amount != out[j].Amount {
			return out[i].Amount > out[j].Amount
		}
		return unitLess(out[i].Unit, out[j].Unit)
	})
	return out
}

// unitLess orders units by name in Vietnamese order, then id (two units
// may share a name in different provinces), the unknown unit (nil) last.
func unitLess(a, b *Unit) bool {
	if a == nil || b == nil {
		return a != nil
	}
	if c := vi.Compare(a.Name, b.Name); c != 0 {
		return c < 0
	}
	return a.ID < b.ID
}

// unitShare is the part of a project's budget that went to one unit.
type unitShare struct {
	unit   *Unit
	amount int64
}

// splitByUnit splits a project's budget between the address units (as
// recorded) of its named beneficiaries; the unit nil stands for recipients
// whose unit is unknown.
//
// When every named beneficiary has an amount, each gets its amount (scaled
// down in proportion when they add up to more than the budget) and what is
// left of the budget goes to the unnamed recipients, under nil. Otherwise
// the budget is split equally between all recipients (the larger of
// beneficiaries_count and the named ones), the unnamed ones under nil.
// Shares are whole đồng and always add up to the budget exactly: the đồng
// left over by rounding down go one each to the largest remainders.
func splitByUnit(p *Project) []unitShare {
	budget := p.Budget.Amount
	if len(p.Beneficiaries) == 0 || budget <= 0 {
		return []unitShare{{unit: nil, amount: budget}}
	}
	// shares holds the weights first, in order of first appearance; a
	// project names few beneficiaries, so a linear search beats a map.
	shares := make([]unitShare, 0, len(p.Beneficiaries)+1)
	add := func(u *Unit, w int64) {
		for i := range shares {
			if shares[i].unit == u {
				shares[i].amount += w
				return
			}
		}
		shares = append(shares, unitShare{unit: u, amount: w})
	}
	unitOf := func(b Beneficiary) *Unit {
		if b.Establishment == nil {
			return nil
		}
		return b.Establishment.Address.Unit
	}

	withAmounts := true
	var named int64
	for _, b := range p.Beneficiaries {
		if b.Amount.Amount <= 0 {
			withAmounts = false
		}
		named += b.Amount.Amount
	}
	if withAmounts {
		for _, b := range p.Beneficiaries {
			add(unitOf(b), b.Amount.Amount)
		}
		if budget > named {
			add(nil, budget-named)
		}
	} else {
		for _, b := range p.Beneficiaries {
			add(unitOf(b), 1)
		}
		if extra := p.BeneficiariesCount - distinctNamed(p); extra > 0 {
			add(nil, int64(extra))
		}
	}
	apportion(budget, shares)
	return shares
}

// apportion replaces the weights in shares by parts of total (positive) in
// proportion to them, by largest remainder; ties go to the earlier share.
func apportion(total int64, shares []unitShare) {
	var sum uint64
	for _, s := range shares {
		sum += uint64(s.amount)
	}
	rem := make([]uint64, len(shares))
	var given int64
	for i, s := range shares {
		// total*w/sum without overflow: w <= sum, so the quotient fits.
		hi, lo := bits.Mul64(uint64(total), uint64(s.amount))
		q, r := bits.Div64(hi, lo, sum)
		shares[i].amount = int64(q)
		rem[i] = r
		given += int64(q)
	}
	if given == total {
		return
	}
	idx := make([]int, len(shares))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]] > rem[idx[b]] })
	for k := 0; given < total; k++ {
		shares[idx[k%len(idx)]].amount++
		given++
	}
}

// recAcc gathers recognition counts.
type recAcc struct {
	total    int
	scheme   map[string]int // "scheme/level"
	group    map[string]int // product group, "" when not given
	unit     map[*Unit]int
	reported map[string]int
}

func newRecAcc() recAcc {
	return recAcc{
		scheme:   map[string]int{},
		group:    map[string]int{},
		unit:     map[*Unit]int{},
		reported: map[string]int{},
	}
}

func (a *recAcc) addRound(r *Round) {
	key := r.Scheme + "/" + r.Level
	if r.HasReportedCount {
		a.reported[key] += r.ReportedCount
	}
	for _, aw := range r.Awards {
		if aw.Product == nil {
			continue
		}
		a.total++
		a.scheme[key]++
		a.group[aw.Product.Group]++
		if e := aw.Product.Establishment; e != nil {
			for u, n := e.Address.Unit, 0; u != nil && n < maxUnitDepth; u, n = u.Parent, n+1 {
				a.unit[u]++
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

// ocopValid counts the OCOP certificates valid on m.Now by stars: issued
// on or before that day (the decision date, else the first day of the
// round's year) and valid until it or later (ValidUntil, else the decision
// date + 36 months; a certificate with neither date is not counted, its
// validity being unknown). A partial date such as 2024-06 is valid to the
// end of that month. Certificates are listed in the order of m.Products
// (Vietnamese name order), then by round year.
func ocopValid(m *Model) []StarCount {
	now := m.Now
	if now.IsZero() {
		now = time.Now()
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)

	out := make([]StarCount, len(ocopStars))
	for i, s := range ocopStars {
		out[i].Stars = s
	}
	for _, r := range m.Rounds {
		if r.Scheme != "ocop" {
			continue
		}
		issued := r.Decision.Date
		if issued.IsZero() {
			issued = Date{Year: r.Year}
		}
		if issued.Time().After(today) {
			continue
		}
		for _, aw := range r.Awards {
			if aw.Product == nil {
				continue
			}
			until := aw.ValidUntil
			if until.IsZero() {
				if r.Decision.Date.IsZero() {
					continue
				}
				until = addMonths(r.Decision.Date, 36)
			}
			if lastDay(until).Before(today) {
				continue
			}
			for i, s := range ocopStars {
				if aw.Stars == s {
					out[i].Count++
					out[i].Awards = append(out[i].Awards, aw)
				}
			}
		}
	}
	pos := make(map[*Product]int, len(m.Products))
	for i, p := range m.Products {
		pos[p] = i
	}
	for i := range out {
		aws := out[i].Awards
		sort.SliceStable(aws, func(a, b int) bool {
			pa, pb := pos[aws[a].Product], pos[aws[b].Product]
			if pa != pb {
				return pa < pb
			}
			return aws[a].Round.Year < aws[b].Round.Year
		})
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
