package model

import (
	"fmt"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// dangling reports a reference to an id that no record of k has, with the
// nearest existing id suggested.
func (b *builder) dangling(w *walker, v ref, path string, k kindInfo, id string) {
	msg := diag.Msg{
		Vi: fmt.Sprintf("không có %s nào có id %q", k.vi, id),
		En: fmt.Sprintf("no %s has the id %q", k.en, id),
	}
	if s := b.suggest(k.collection, id); s != "" {
		msg.Vi += fmt.Sprintf("; có phải ý bạn là %q?", s)
		msg.En += fmt.Sprintf("; did you mean %q?", s)
	}
	w.failAt(v.pos, "dangling-ref", path, msg)
}

// lookup resolves the reference v at path to a record of k in byID,
// reporting a dangling one. An empty reference (already reported as
// missing, or absent) gives nil silently. A duplicate id (left out of the
// model and already reported) also gives nil silently.
func lookup[T any](b *builder, byID map[string]*T, k kindInfo, w *walker, v *ref, path string) *T {
	if v == nil || v.id == "" {
		return nil
	}
	if r := byID[v.id]; r != nil {
		return r
	}
	if _, defined := b.index(k.collection).defs[v.id]; !defined {
		b.dangling(w, *v, path, k, v.id)
	}
	return nil
}

// resolve turns every id read into a pointer, reporting dangling ones.
func (b *builder) resolve() {
	m := b.m
	m.Site.Area = lookup(b, m.UnitByID, kindUnit, b.raw.areaWalker, b.raw.area, "area")
	b.resolveUnits()
	for _, r := range b.raw.establishments {
		r.e.Address.Unit = lookup(b, m.UnitByID, kindUnit, r.w, r.unit, "address.unit")
		if r.current != nil {
			r.e.Address.Current = lookup(b, m.UnitByID, kindUnit, r.w, r.current, "address.current_unit")
		} else if r.e.Address.Unit != nil {
			r.e.Address.Current = r.e.Address.Unit.Current
		}
	}
	for _, r := range b.raw.products {
		r.p.Establishment = lookup(b, m.EstablishmentByID, kindEstablishment, r.w, r.establishment, "establishment")
	}
	for _, r := range b.raw.awards {
		r.rec.Product = lookup(b, m.ProductByID, kindProduct, r.w, &r.product, r.path)
	}
	for _, rd := range m.Rounds {
		// An award whose product is unknown has been reported; it is left
		// out so that every Recognition has its Product.
		kept := rd.Awards[:0]
		for _, a := range rd.Awards {
			if a.Product != nil {
				kept = append(kept, a)
			}
		}
		rd.Awards = kept
	}
	for _, r := range b.raw.projects {
		r.p.Programme = lookup(b, m.ProgrammeByID, kindProgramme, r.w, r.programme, "programme")
		kept := r.p.Beneficiaries[:0]
		// first is the index of each establishment's first line: one
		// named twice would count its funding share twice.
		var first map[*Establishment]int
		for i := range r.beneficiaries {
			ben := r.p.Beneficiaries[i]
			path := fmt.Sprintf("beneficiaries[%d].establishment", i)
			ben.Establishment = lookup(b, m.EstablishmentByID, kindEstablishment, r.w, &r.beneficiaries[i], path)
			if ben.Establishment == nil {
				continue
			}
			if j, dup := first[ben.Establishment]; dup {
				r.w.failAt(r.beneficiaries[i].pos, "duplicate-beneficiary", path, diag.M(
					"cơ sở %q đã có ở beneficiaries[%d]; mỗi cơ sở chỉ ghi một lần trong một đề án (gộp số tiền và thiết bị vào một dòng)",
					"establishment %q is already listed at beneficiaries[%d]; list each establishment once per project (merge its amounts and equipment into one entry)",
					ben.Establishment.ID, j))
				continue
			}
			if first == nil {
				first = map[*Establishment]int{}
			}
			first[ben.Establishment] = i
			kept = append(kept, ben)
		}
		r.p.Beneficiaries = kept
		r.p.Recipients = max(r.p.BeneficiariesCount, len(kept))
	}
	for i := range b.related {
		pr := &b.related[i]
		for j, v := range pr.ids {
			rel, ok := b.resolveRelated(pr.w, v, fmt.Sprintf("related[%d]", j))
			if ok && pr.published {
				pr.a.Related = append(pr.a.Related, rel)
			}
		}
	}
}

// resolveUnits resolves parents and successors, breaks parent cycles and
// works out each unit's Current.
func (b *builder) resolveUnits() {
	m := b.m
	for _, r := range b.raw.units {
		r.u.Parent = lookup(b, m.UnitByID, kindUnit, r.w, r.parent, "parent")
		for i := range r.successors {
			v := &r.successors[i]
			if s := lookup(b, m.UnitByID, kindUnit, r.w, v, fmt.Sprintf("successors[%d]", i)); s != nil {
				r.u.Successors = append(r.u.Successors, Successor{Unit: s, Partial: v.partial})
			}
		}
	}
	// Parent cycles: walk up from each unit; meeting a unit of the walk in
	// progress closes a cycle, which is reported and cut.
	const (
		fresh = iota
		walking
		done
	)
	state := make(map[*Unit]int, len(m.Units))
	walkers := make(map[*Unit]unitRefs, len(b.raw.units))
	for _, r := range b.raw.units {
		walkers[r.u] = r
	}
	for _, u := range m.Units {
		var path []*Unit
		for x := u; x != nil && state[x] == fresh; x = x.Parent {
			state[x] = walking
			path = append(path, x)
			if p := x.Parent; p != nil && state[p] == walking {
				r := walkers[x]
				r.w.failAt(r.parent.pos, "ref-cycle", "parent", diag.M(
					"đơn vị cấp trên tạo thành vòng lặp (%s thuộc %s, … lại thuộc %s); hãy sửa parent",
					"the parent units form a loop (%s is under %s, … which is under %s); correct parent",
					x.ID, p.ID, x.ID))
				x.Parent = nil
				break
			}
		}
		for _, x := range path {
			state[x] = done
		}
	}
	for _, u := range m.Units {
		u.Current = currentUnit(u, b.now)
	}
}

// currentUnit follows successions from u while the unit is not valid on
// now, only through a single, whole successor; nil when the trail splits,
// ends, or loops.
func currentUnit(u *Unit, now time.Time) *Unit {
	seen := map[*Unit]bool{}
	for !u.Valid(now) {
		if seen[u] || len(u.Successors) != 1 || u.Successors[0].Partial {
			return nil
		}
		seen[u] = true
		u = u.Successors[0].Unit
	}
	return u
}
