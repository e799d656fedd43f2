package model

// This file places amounts in areas and works out a project's whole
// investment. Nothing here divides an amount: an amount goes to an area
// only when the records put all of it there.

// partOf returns the unit one level below the site's area that u is, or
// lies in (the district of a commune): the level of the breakdown by area.
// Without an area, the level is the one below the top units. It returns
// nil for the area itself, a unit above or beside it, and nil.
func partOf(u, area *Unit) *Unit {
	for x, n := u, 0; x != nil && n < maxUnitDepth; x, n = x.Parent, n+1 {
		if area != nil && x.Parent == area {
			return x
		}
		if area == nil && x.Parent != nil && x.Parent.Parent == nil {
			return x
		}
	}
	return nil
}

// placeOf returns the area part (see partOf) a whole project lies in: its
// unit's, else that of its named beneficiaries when they all lie in one and
// no recipient is unnamed; nil when the records do not place it in one.
func placeOf(p *Project, area *Unit) *Unit {
	if p.Unit != nil {
		return partOf(p.Unit, area)
	}
	if len(p.Beneficiaries) == 0 || p.BeneficiariesCount > distinctNamed(p) {
		return nil
	}
	var place *Unit
	for i, b := range p.Beneficiaries {
		if b.Establishment == nil {
			return nil
		}
		u := partOf(b.Establishment.Address.Unit, area)
		if u == nil || i > 0 && u != place {
			return nil
		}
		place = u
	}
	return place
}

// allocate places a project's own budget in the area parts, as far as the
// records place it: all of it where the project lies in one part (see
// placeOf); else each amount named for a beneficiary (of the budget's
// stage) in the beneficiary's part, and the rest under nil. When the named
// amounts add up to more than the budget, nothing is placed.
func allocate(p *Project, area *Unit) []UnitAmount {
	budget := p.Budget.Amount
	if u := placeOf(p, area); u != nil {
		return []UnitAmount{{Unit: u, Amount: budget}}
	}
	var out []UnitAmount
	var placed int64
	for _, b := range p.Beneficiaries {
		if !b.Amount.Set || b.Amount.Approx != "" || stageOf(b.Amount.Stage) != stageOf(p.Budget.Stage) || b.Establishment == nil {
			continue
		}
		u := partOf(b.Establishment.Address.Unit, area)
		if u == nil {
			continue
		}
		placed += b.Amount.Amount
		found := false
		for i := range out {
			if out[i].Unit == u {
				out[i].Amount += b.Amount.Amount
				found = true
			}
		}
		if !found {
			out = append(out, UnitAmount{Unit: u, Amount: b.Amount.Amount})
		}
	}
	if placed > budget {
		return []UnitAmount{{Amount: budget}}
	}
	if rest := budget - placed; rest > 0 {
		out = append(out, UnitAmount{Amount: rest})
	}
	return out
}

// ProjectCosts are a project's khuyến công budget, counterpart and whole
// investment, the one not written worked out from the two others.
type ProjectCosts struct {
	Budget, Counterpart, Total Money
	// Derived names the figure worked out from the two others: "budget",
	// "counterpart" or "total"; "" when none was.
	Derived string
	// Other is the part of the total beyond the budget and the counterpart
	// when all three are written and the total is larger.
	Other int64
}

// Leverage is the counterpart per đồng of khuyến công funding, and false
// when the two are not both known, of one stage and exact.
func (c ProjectCosts) Leverage() (float64, bool) {
	if !c.Budget.Set || !c.Counterpart.Set || c.Budget.Amount <= 0 || c.Budget.Stage != c.Counterpart.Stage {
		return 0, false
	}
	if c.Budget.Approx != "" || c.Counterpart.Approx != "" {
		return 0, false
	}
	return float64(c.Counterpart.Amount) / float64(c.Budget.Amount), true
}

// Costs returns the project's budget, counterpart and whole investment.
// Given two of them, exact and of one stage, the third is derived: total =
// budget + counterpart, counterpart = total − budget, budget = total −
// counterpart (a shared amount is not the project's budget, so nothing is
// derived from it).
func (p *Project) Costs() ProjectCosts {
	c := ProjectCosts{Budget: p.Budget, Counterpart: p.Counterpart, Total: p.TotalCost}
	exact := func(m Money) bool { return m.Set && m.Approx == "" }
	same := func(a, b Money) bool { return stageOf(a.Stage) == stageOf(b.Stage) }
	b, cp, t := c.Budget, c.Counterpart, c.Total
	switch {
	case b.Set && cp.Set && t.Set:
		if exact(b) && exact(cp) && exact(t) && same(b, cp) && same(cp, t) && t.Amount > b.Amount+cp.Amount {
			c.Other = t.Amount - b.Amount - cp.Amount
		}
	case exact(b) && exact(cp) && !t.Set && same(b, cp):
		c.Total = Money{Amount: b.Amount + cp.Amount, Stage: stageOf(b.Stage), Set: true}
		c.Derived = "total"
	case exact(b) && exact(t) && !cp.Set && same(b, t) && t.Amount >= b.Amount && p.Shared == nil:
		c.Counterpart = Money{Amount: t.Amount - b.Amount, Stage: stageOf(b.Stage), Set: true}
		c.Derived = "counterpart"
	case exact(cp) && exact(t) && !b.Set && same(cp, t) && t.Amount >= cp.Amount && p.Shared == nil:
		c.Budget = Money{Amount: t.Amount - cp.Amount, Stage: stageOf(cp.Stage), Set: true}
		c.Derived = "budget"
	}
	return c
}
