package model

import (
	"cmp"
	"slices"

	"github.com/khuyencong/khuyencong/internal/par"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// sortKeyed sorts items by a key computed once per item, for determinism
// and so that Vietnamese collation keys are not rebuilt per comparison.
func sortKeyed[T, K any](items []T, key func(T) K, compare func(a, b K) int) {
	type keyed struct {
		item T
		key  K
	}
	tmp := make([]keyed, len(items))
	// The keys, on all cores: making them is most of the work.
	par.Each(len(items), func(i int) { tmp[i] = keyed{items[i], key(items[i])} })
	slices.SortStableFunc(tmp, func(a, b keyed) int { return compare(a.key, b.key) })
	for i := range tmp {
		items[i] = tmp[i].item
	}
}

type nameKey struct {
	first, second string
	n             int
	id            string
}

func compareNameKey(a, b nameKey) int {
	return cmp.Or(cmp.Compare(a.n, b.n), cmp.Compare(a.first, b.first), cmp.Compare(a.second, b.second), cmp.Compare(a.id, b.id))
}

// roundOrder is the order of rounds within a year: by level up the
// ladder, then region, then scheme.
func roundOrder(r *Round) []int {
	return []int{EnumIndex(EnumLevel, r.Level), EnumIndex(EnumRegion, r.Region), EnumIndex(EnumScheme, r.Scheme)}
}

// sortAll puts every collection in the order types.go documents.
func (b *builder) sortAll() {
	m := b.m
	sortUnits(m.Units)
	sortUnits(b.gz.context)
	sortKeyed(m.Establishments, func(e *Establishment) nameKey {
		return nameKey{first: vi.SortKey(e.SortName), second: vi.SortKey(e.Name), id: e.ID}
	}, compareNameKey)
	sortKeyed(m.Products, func(p *Product) nameKey {
		return nameKey{first: vi.SortKey(p.Name), id: p.ID}
	}, compareNameKey)
	slices.SortStableFunc(m.Rounds, func(x, y *Round) int {
		return cmp.Or(cmp.Compare(y.Year, x.Year), slices.Compare(roundOrder(x), roundOrder(y)), cmp.Compare(x.ID, y.ID))
	})
	sortKeyed(m.Projects, func(p *Project) nameKey {
		return nameKey{n: -p.Year, first: vi.SortKey(p.Title), id: p.ID}
	}, compareNameKey)
	sortKeyed(m.Programmes, func(p *Programme) nameKey {
		return nameKey{n: -p.FromYear, first: vi.SortKey(p.Name), id: p.ID}
	}, compareNameKey)
	slices.SortStableFunc(m.Reports, func(x, y *Report) int {
		return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To), cmp.Compare(x.ID, y.ID))
	})
	slices.SortStableFunc(m.News, func(x, y *Article) int {
		return cmp.Or(y.Date.Compare(x.Date), cmp.Compare(x.Slug, y.Slug))
	})
	// Pages: menu entries by weight, then pages outside the menu, each by
	// title.
	sortKeyed(m.Pages, func(a *Article) nameKey {
		w := a.Menu
		if w == 0 {
			w = 1 << 31
		}
		return nameKey{n: w, first: vi.SortKey(a.Title), id: a.Slug}
	}, compareNameKey)
}

// sortUnits sorts units by name, then type, then id.
func sortUnits(units []*Unit) {
	sortKeyed(units, func(u *Unit) nameKey {
		return nameKey{first: vi.SortKey(u.Name), n: EnumIndex(EnumUnitType, u.Type), id: u.ID}
	}, func(a, b nameKey) int {
		return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.n, b.n), cmp.Compare(a.id, b.id))
	})
}

// link builds every back link, walking the sorted collections so that each
// list comes out in order.
func (b *builder) link() {
	m := b.m
	for _, u := range m.Units {
		if u.Parent != nil {
			u.Parent.Children = append(u.Parent.Children, u)
		}
		for _, p := range u.Parents {
			if p.Unit != u.Parent && !slices.Contains(p.Unit.Children, u) {
				p.Unit.Children = append(p.Unit.Children, u)
			}
		}
	}
	// Units without a page (builtin.go) are no one's children, but what
	// they were merged into was formed from them.
	for _, us := range [][]*Unit{m.Units, b.gz.context} {
		for _, u := range us {
			for _, s := range u.Successors {
				if !slices.Contains(s.Unit.FormedFrom, u) {
					s.Unit.FormedFrom = append(s.Unit.FormedFrom, u)
				}
			}
		}
	}
	if len(b.gz.context) > 0 {
		for _, u := range m.Units {
			sortUnits(u.FormedFrom)
		}
	}
	unitsOf := make(map[*Establishment][]*Unit, len(m.Establishments))
	for _, e := range m.Establishments {
		us := unitsAbove(e.Address.Unit, e.Address.Current)
		unitsOf[e] = us
		for _, u := range us {
			u.Establishments = append(u.Establishments, e)
		}
	}
	for _, p := range m.Products {
		if e := p.Establishment; e != nil {
			e.Products = append(e.Products, p)
			for _, u := range unitsOf[e] {
				u.Products = append(u.Products, p)
			}
		}
	}
	for _, p := range m.Projects {
		if p.Programme != nil {
			p.Programme.Projects = append(p.Programme.Projects, p)
		}
		if p.Unit != nil {
			p.Units = append(p.Units, p.Unit)
		}
		for _, ben := range p.Beneficiaries {
			e := ben.Establishment
			e.Support = append(e.Support, Support{Project: p, Amount: ben.Amount, Equipment: ben.Equipment})
			if u := e.Address.Unit; u != nil && !slices.Contains(p.Units, u) {
				p.Units = append(p.Units, u)
			}
		}
	}
	// Recognitions oldest first: by the round's year, then up the levels.
	var recs []*Recognition
	for _, rd := range m.Rounds {
		for _, a := range rd.Awards {
			if a.Product != nil {
				recs = append(recs, a)
			}
		}
	}
	slices.SortStableFunc(recs, func(x, y *Recognition) int {
		return cmp.Or(cmp.Compare(x.Round.Year, y.Round.Year),
			slices.Compare(roundOrder(x.Round), roundOrder(y.Round)), cmp.Compare(x.Round.ID, y.Round.ID))
	})
	for _, r := range recs {
		r.Product.Recognitions = append(r.Product.Recognitions, r)
		if e := r.Product.Establishment; e != nil {
			e.Recognitions = append(e.Recognitions, r)
		}
	}
	for _, a := range m.News {
		for _, ref := range a.Related {
			switch {
			case ref.Establishment != nil:
				ref.Establishment.News = appendOnce(ref.Establishment.News, a)
			case ref.Product != nil:
				ref.Product.News = appendOnce(ref.Product.News, a)
			case ref.Project != nil:
				ref.Project.News = appendOnce(ref.Project.News, a)
			case ref.Round != nil:
				ref.Round.News = appendOnce(ref.Round.News, a)
			case ref.Programme != nil:
				ref.Programme.News = appendOnce(ref.Programme.News, a)
			case ref.Unit != nil:
				ref.Unit.News = appendOnce(ref.Unit.News, a)
			case ref.Report != nil:
				ref.Report.News = appendOnce(ref.Report.News, a)
			}
		}
		for _, t := range a.Tags {
			if _, ok := m.Tags[t]; !ok {
				m.TagNames = append(m.TagNames, t)
			}
			m.Tags[t] = append(m.Tags[t], a)
		}
	}
	vi.Sort(m.TagNames)
}

func appendOnce(list []*Article, a *Article) []*Article {
	if n := len(list); n > 0 && list[n-1] == a {
		return list
	}
	return append(list, a)
}

// unitsAbove lists, once each, the given units, the units above them, and
// the units each of those is today (Current), with theirs above: every unit
// whose page lists a record at these units.
func unitsAbove(units ...*Unit) []*Unit {
	var out []*Unit
	var add func(u *Unit)
	add = func(u *Unit) {
		for x := u; x != nil && !slices.Contains(out, x); x = x.Parent {
			out = append(out, x)
			if c := x.Current; c != nil && c != x {
				add(c)
			}
		}
	}
	for _, u := range units {
		add(u)
	}
	return out
}
