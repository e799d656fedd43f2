package model

import (
	"sort"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// This file derives the figures of Stats from the detailed records.
// Projects and rounds are indexed by year once; each set of figures (a
// year, every year, a report's unit and years) is then computed from the
// records of its years alone.
//
// Rules worth knowing when reading the figures:
//
//   - Cancelled projects (status huy) count nowhere.
//   - Funding is kept per budget stage; an amount counts under its own
//     stage only (phe_duyet when none is written).
//   - A budget that was not published counts nowhere but in Unpublished:
//     it is never taken as 0, and sums over records say how many records
//     they lack.
//   - A shared amount (budget_shared) counts once, for its group of
//     projects, and only in figures that hold every project of the group;
//     it is never divided among them, nor among areas, sources or
//     activities: a breakdown puts it under one key only when every
//     project of the group has that key, else under KeyUnallocated.
//   - The breakdown by area holds only amounts recorded at the level of
//     the units below the site's area (see allocate); the rest is not
//     allocated.
//   - Establishments supported are the distinct named beneficiaries plus,
//     for each project whose beneficiaries_count is larger than its named
//     beneficiaries, the difference. In All, named beneficiaries are
//     distinct across every year; unnamed recipients cannot be told apart,
//     so those of different years are added.

// mainStage is the budget stage of headline figures and the default stage
// of a budget or a reported amount.
const mainStage = "phe_duyet"

// maxUnitDepth bounds a walk up the parent chain of units, so that a cycle
// (which validation reports) cannot hang the build.
const maxUnitDepth = 32

// scope selects the records a YearStats is computed from: the years from
// to to (both 0: every year) and the records located in unit (nil: all).
type scope struct {
	from, to int
	unit     *Unit
	// area is the site's area, whose units one level down make the
	// breakdown by area.
	area *Unit
}

func (sc scope) hasYear(y int) bool {
	return sc.from == 0 && sc.to == 0 || y >= sc.from && y <= sc.to
}

// hasProject reports whether a project (not cancelled) belongs to the
// scope: its plan year, and its place: its unit, else every named
// beneficiary, within the scope's unit.
func (sc scope) hasProject(p *Project) bool {
	if p.Status == "huy" || !sc.hasYear(p.Year) {
		return false
	}
	if sc.unit == nil {
		return true
	}
	if p.Unit != nil {
		return under(p.Unit, sc.unit)
	}
	if len(p.Beneficiaries) == 0 {
		return false
	}
	for _, b := range p.Beneficiaries {
		if b.Establishment == nil || !under(b.Establishment.Address.Unit, sc.unit) {
			return false
		}
	}
	return true
}

// under reports whether u is anc or lies below it, through the unit's
// parent now or at any time (Parents), or through what it was merged into:
// a unit whose successors all lie below anc lies there too (a district of
// a former province is within the province it merged into).
func under(u, anc *Unit) bool {
	seen := 0
	var walk func(x *Unit) bool
	walk = func(x *Unit) bool {
		for ; x != nil && seen < maxUnitDepth; x = x.Parent {
			seen++
			if x == anc {
				return true
			}
			for _, p := range x.Parents {
				if p.Unit != x.Parent && walk(p.Unit) {
					return true
				}
			}
			if len(x.Successors) > 0 && x.Successors[0].Unit != x {
				all := true
				for _, s := range x.Successors {
					if !walk(s.Unit) {
						all = false
						break
					}
				}
				if all {
					return true
				}
			}
		}
		return false
	}
	return walk(u)
}

// computeStats derives m.Stats, and each product's Levels and Path, from
// the decoded, resolved and filtered records, and warns in diags where a
// computed figure exceeds the one a report published. Build calls it once,
// after every record is resolved.
func computeStats(m *Model, diags *diag.List) {
	area := m.Site.Area
	for _, r := range m.Reports {
		if r.From == 0 && r.To == 0 {
			r.From, r.To = r.Year, r.Year
		}
	}
	projectsByYear := map[int][]*Project{}
	for _, p := range m.Projects {
		if p.Status != "huy" {
			projectsByYear[p.Year] = append(projectsByYear[p.Year], p)
		}
	}
	// Rounds being judged count in the entries, not in the
	// recognitions, and make no year of their own.
	roundsByYear := map[int][]*Round{}
	years := map[int]bool{}
	for _, r := range m.Rounds {
		roundsByYear[r.Year] = append(roundsByYear[r.Year], r)
		if r.Judged() {
			years[r.Year] = true
		}
	}
	for y := range projectsByYear {
		years[y] = true
	}
	for _, r := range m.Reports {
		if r.Unit == nil && !r.MultiYear() {
			years[r.Year] = true
		}
	}
	order := make([]int, 0, len(years))
	for y := range years {
		order = append(order, y)
	}
	sort.Ints(order)

	span := func(sc scope) ([]*Project, []*Round) {
		if sc.from == 0 && sc.to == 0 {
			rs := m.Rounds
			var ps []*Project
			for _, p := range m.Projects {
				if p.Status != "huy" {
					ps = append(ps, p)
				}
			}
			return ps, rs
		}
		var ps []*Project
		var rs []*Round
		for y := sc.from; y <= sc.to; y++ {
			ps = append(ps, projectsByYear[y]...)
			rs = append(rs, roundsByYear[y]...)
		}
		return ps, rs
	}

	st := Stats{Years: make([]*YearStats, 0, len(order))}
	byYear := map[int]*YearStats{}
	for _, y := range order {
		sc := scope{from: y, to: y, area: area}
		ps, rs := span(sc)
		ys := figures(m, sc, ps, rs)
		st.Years = append(st.Years, ys)
		byYear[y] = ys
	}
	all := scope{area: area}
	ps, rs := span(all)
	st.All = *figures(m, all, ps, rs)
	st.OCOPValid = ocopValid(m)

	for _, r := range m.Reports {
		rs := &ReportStats{Report: r, Comparable: r.Unit == nil || area == nil || under(r.Unit, area)}
		if rs.Comparable {
			sc := scope{from: r.From, to: r.To, unit: r.Unit, area: area}
			ps, rds := span(sc)
			rs.Figures = figures(m, sc, ps, rds)
		}
		rs.Reconciled = reconcile(m, rs, diags)
		st.Reports = append(st.Reports, rs)
		if ys := byYear[r.Year]; ys != nil && r.Unit == nil && !r.MultiYear() {
			ys.Reports = append(ys.Reports, rs)
			if ys.Report == nil {
				ys.Report, ys.Reconciled = r, rs.Reconciled
			}
		}
	}
	m.Stats = st
	setProductLevels(m)
}

// figures computes the figures of the projects and rounds of a scope
// (those given are the scope's years; the scope's unit filters them).
func figures(m *Model, sc scope, projects []*Project, rounds []*Round) *YearStats {
	ys := &YearStats{From: sc.from, To: sc.to}
	if sc.from == sc.to {
		ys.Year = sc.from
	}
	a := newFundingAcc()
	named := map[*Establishment]struct{}{}
	unnamed := 0
	groups := map[*SharedBudget]bool{}
	for _, p := range projects {
		if !sc.hasProject(p) {
			continue
		}
		ys.Projects++
		if p.Activity == "mo_hinh_trinh_dien" {
			ys.DemoModels++
		}
		switch {
		case p.Shared != nil:
			if counted, seen := groups[p.Shared]; seen {
				if !counted {
					ys.SharedOutside++
				}
				break
			}
			counted := true
			for _, q := range p.Shared.Projects {
				if q.Status != "huy" && !sc.hasProject(q) {
					counted = false
				}
			}
			groups[p.Shared] = counted
			if counted {
				a.addShared(p.Shared, sc)
			} else {
				ys.SharedOutside++
			}
		case p.Budget.Set:
			a.addProject(p, sc)
		default:
			ys.Unpublished++
		}
		for _, b := range p.Beneficiaries {
			if b.Establishment != nil {
				named[b.Establishment] = struct{}{}
			}
		}
		if n := distinctNamed(p); p.BeneficiariesCount > n {
			unnamed += p.BeneficiariesCount - n
		}
		if max(p.BeneficiariesCount, len(p.Beneficiaries)) == 0 {
			ys.RecipientsUnknown++
		}
		addCosts(&ys.Costs, p)
	}
	ys.Costs.Stage = mainStage
	ys.Funding = a.finish()
	for i, f := range ys.Funding {
		if f.Stage == mainStage {
			ys.Main = i
		}
	}
	ys.NamedSupported = len(named)
	ys.EstablishmentsSupported = len(named) + unnamed
	if len(ys.Funding) == 1 && !a.approx && ys.Unpublished == 0 && ys.SharedOutside == 0 &&
		ys.RecipientsUnknown == 0 && ys.EstablishmentsSupported > 0 {
		ys.AvgSupport = divRoundHalfUp(ys.Funding[0].Total, int64(ys.EstablishmentsSupported))
	}
	accepted(m, sc, ys)
	for _, r := range rounds {
		if r.Entries.Set && sc.unit == nil && sc.hasYear(r.Year) {
			ys.Entries += r.Entries.Value
			ys.EntriesRounds++
		}
	}
	rec := newRecAcc()
	for _, r := range rounds {
		if sc.hasYear(r.Year) && r.Judged() {
			rec.addRound(r, sc.unit)
		}
	}
	ys.Recognitions = rec.finish()
	return ys
}

// accepted counts the projects (of any plan year) whose acceptance
// milestone is dated in the scope's years, within its unit.
func accepted(m *Model, sc scope, ys *YearStats) {
	for _, p := range m.Projects {
		if p.Status == "huy" {
			continue
		}
		for _, ms := range p.Milestones {
			if ms.Status != "nghiem_thu" || ms.Date.IsZero() || !sc.hasYear(ms.Date.Year) {
				continue
			}
			in := sc.unit == nil
			if !in {
				q := *p
				q.Year = ms.Date.Year
				in = sc.hasProject(&q)
			}
			if in {
				ys.Accepted++
				ys.HasAccepted = true
			}
			break
		}
	}
}

// addCosts adds a project's counterpart and whole investment (written, or
// derived from the two others) of the main stage.
func addCosts(c *Costs, p *Project) {
	pc := p.Costs()
	if pc.Counterpart.Set && pc.Counterpart.Stage == mainStage {
		c.Counterpart += pc.Counterpart.Amount
		c.CounterpartProjects++
	} else {
		c.CounterpartMissing++
	}
	if pc.Total.Set && pc.Total.Stage == mainStage {
		c.Total += pc.Total.Amount
		c.TotalProjects++
	} else {
		c.TotalMissing++
	}
	if pc.Budget.Set && pc.Counterpart.Set && pc.Budget.Stage == mainStage && pc.Counterpart.Stage == mainStage {
		c.LeverageBudget += pc.Budget.Amount
		c.LeverageCounterpart += pc.Counterpart.Amount
		c.LeverageProjects++
	}
}

// fundingAcc gathers funding by stage.
type fundingAcc struct {
	stages map[string]*stageAcc
	// approx is true when an amount added is rounded.
	approx bool
}

type stageAcc struct {
	total            int64
	projects, shared int
	source           map[string]int64
	activity         map[string]int64
	typ              map[string]int64
	unit             map[*Unit]int64
}

func newFundingAcc() *fundingAcc { return &fundingAcc{stages: map[string]*stageAcc{}} }

func (a *fundingAcc) stage(m Money) *stageAcc {
	stage := stageOf(m.Stage)
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
	if m.Approx != "" {
		a.approx = true
	}
	return s
}

// addProject adds a project's own budget.
func (a *fundingAcc) addProject(p *Project, sc scope) {
	s := a.stage(p.Budget)
	amt := p.Budget.Amount
	s.total += amt
	s.projects++
	s.source[p.FundingSource] += amt
	s.activity[p.Activity] += amt
	s.typ[projectType(p)] += amt
	for _, sh := range allocate(p, sc.area) {
		s.unit[sh.Unit] += sh.Amount
	}
}

// addShared adds a shared amount once, under a key of a breakdown only
// when every project of the group has that key.
func (a *fundingAcc) addShared(sb *SharedBudget, sc scope) {
	s := a.stage(sb.Money)
	amt := sb.Amount
	s.total += amt
	s.shared++
	common := func(key func(*Project) string) string {
		k := key(sb.Projects[0])
		for _, q := range sb.Projects[1:] {
			if key(q) != k {
				return KeyUnallocated
			}
		}
		return k
	}
	s.source[common(func(q *Project) string { return q.FundingSource })] += amt
	s.activity[common(func(q *Project) string { return q.Activity })] += amt
	s.typ[common(projectType)] += amt
	var unit *Unit
	for i, q := range sb.Projects {
		u := placeOf(q, sc.area)
		if i > 0 && u != unit {
			unit = nil
			break
		}
		unit = u
	}
	s.unit[unit] += amt
}

// finish sorts the gathered figures by stage.
func (a *fundingAcc) finish() []StageFunding {
	var out []StageFunding
	for _, stage := range sortKeys(a.stages, EnumStage) {
		s := a.stages[stage]
		out = append(out, StageFunding{
			Stage:      stage,
			Total:      s.total,
			Projects:   s.projects,
			Shared:     s.shared,
			BySource:   amounts(s.source, EnumFundingSource),
			ByActivity: amounts(s.activity, EnumActivity),
			ByType:     amounts(s.typ, EnumProjectType),
			ByUnit:     unitAmounts(s.unit),
		})
	}
	return out
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

// distinctNamed returns the number of distinct establishments a project
// names.
func distinctNamed(p *Project) int {
	seen := make(map[*Establishment]struct{}, len(p.Beneficiaries))
	for _, b := range p.Beneficiaries {
		if b.Establishment != nil {
			seen[b.Establishment] = struct{}{}
		}
	}
	return len(seen)
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

// sortKeys returns the keys of m in the enum's display order, other keys
// (KeyUnknown, KeyUnallocated) last in byte order.
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
// then by unit (see unitLess), the nil unit (not allocated) last.
func unitAmounts(m map[*Unit]int64) []UnitAmount {
	out := make([]UnitAmount, 0, len(m))
	for u, v := range m {
		if v != 0 {
			out = append(out, UnitAmount{Unit: u, Amount: v})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i].Unit == nil) != (out[j].Unit == nil) {
			return out[j].Unit == nil
		}
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
