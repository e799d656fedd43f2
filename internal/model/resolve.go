package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// dangling reports a reference to an id that no record of k has, with the
// ids of k nearest to it suggested, or the collection that does have it.
func (b *builder) dangling(w *walker, v ref, path string, k kindInfo, id string) {
	msg := diag.Msg{
		Vi: fmt.Sprintf("không có %s nào có id %q", k.name.Vi, id),
		En: fmt.Sprintf("no %s has the id %q", k.name.En, id),
	}
	if other := b.elsewhere(id, []kindInfo{k}); other.Vi != "" {
		msg = diag.Msg{
			Vi: fmt.Sprintf("%q là id của %s; trường này nhận %s", id, other.Vi, k.name.Vi),
			En: fmt.Sprintf("%q is the id of %s; this field takes %s", id, other.En, aOrAn(k.name.En)),
		}
	}
	if k.collection == kindUnit.collection {
		h := b.builtinHint(id)
		msg.Vi, msg.En = msg.Vi+h.Vi, msg.En+h.En
		msg = withSuggestions(msg, b.unitSuggestions(id))
	} else {
		msg = withSuggestions(msg, b.suggestions(k.collection, id))
	}
	w.failAt(v.pos, "dangling-ref", path, msg)
}

// aOrAn puts the indefinite article before an English noun.
func aOrAn(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// elsewhere names the collection, of those a field does not accept, whose
// records (or news articles) have id: "một chương trình" / "a programme";
// empty when none has it.
func (b *builder) elsewhere(id string, accepted []kindInfo) diag.Msg {
	for _, k := range kinds {
		if slices.ContainsFunc(accepted, func(a kindInfo) bool { return a.collection == k.collection }) {
			continue
		}
		if _, ok := b.index(k.collection).defs[id]; ok || k.collection == kindUnit.collection && b.builtinID(id) != nil {
			return diag.Msg{Vi: "một " + k.name.Vi, En: aOrAn(k.name.En)}
		}
	}
	if _, ok := b.slugs["news"][id]; ok {
		return diag.M("một bài viết", "a news article")
	}
	if _, ok := b.slugs["pages"][id]; ok {
		return diag.M("một trang riêng", "a standalone page")
	}
	return diag.Msg{}
}

// withSuggestions ends a message with the ids suggested, if any.
func withSuggestions(msg diag.Msg, ids []string) diag.Msg {
	switch len(ids) {
	case 0:
		return msg
	case 1:
		msg.Vi += fmt.Sprintf("; có phải ý bạn là %q?", ids[0])
		msg.En += fmt.Sprintf("; did you mean %q?", ids[0])
		return msg
	}
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	msg.Vi += "; có phải ý bạn là một trong: " + strings.Join(q, ", ") + "?"
	msg.En += "; did you mean one of: " + strings.Join(q, ", ") + "?"
	return msg
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
	b.startBuiltin()
	b.resolveUnits()
	m.Site.Area = b.unit(b.raw.areaWalker, b.raw.area, "area")
	if b.raw.area == nil && b.gz.site != nil {
		m.Site.Area = b.use(b.builtin(b.gz.site.Area()))
	}
	for _, r := range b.raw.establishments {
		b.resolveAddress(r)
	}
	for _, r := range b.raw.products {
		r.p.Establishment = lookup(b, m.EstablishmentByID, kindEstablishment, r.w, r.establishment, "establishment")
	}
	for _, r := range b.raw.awards {
		r.rec.Product = lookup(b, m.ProductByID, kindProduct, r.w, r.product, r.path+".product")
		r.rec.Unit = b.unit(r.w, r.unit, r.path+".unit")
	}
	for _, rd := range m.Rounds {
		// An award whose product is unknown has been reported; it is left
		// out so that every Recognition has its Product or its Name.
		kept := rd.Awards[:0]
		for _, a := range rd.Awards {
			if a.Product != nil || a.Name != "" {
				kept = append(kept, a)
			}
		}
		rd.Awards = kept
	}
	for _, r := range b.raw.rounds {
		for i := range r.next {
			if p := lookup(b, m.ProductByID, kindProduct, r.w, &r.next[i], fmt.Sprintf("next_level[%d]", i)); p != nil && !slices.Contains(r.rd.NextLevel, p) {
				r.rd.NextLevel = append(r.rd.NextLevel, p)
			}
		}
	}
	for _, r := range b.raw.projects {
		r.p.Programme = lookup(b, m.ProgrammeByID, kindProgramme, r.w, r.programme, "programme")
		r.p.Unit = b.unit(r.w, r.unit, "unit")
		b.resolveBeneficiaries(r)
	}
	b.resolveShared()
	b.resolveReports()
	for i := range b.related {
		pr := &b.related[i]
		for j, v := range pr.ids {
			rel, ok := b.resolveRelated(pr.w, v, fmt.Sprintf("related[%d]", j))
			if ok && pr.published {
				pr.a.Related = append(pr.a.Related, rel)
			}
		}
	}
	b.finishUnits()
}

// resolveAddress resolves an establishment's unit, written by id or by
// names (or both, which must then name the same unit), and its
// current_unit.
func (b *builder) resolveAddress(r establishmentRefs) {
	u := b.unit(r.w, r.unit, "address.unit")
	if r.names != nil {
		named := b.unitByNames(r.w, r.names, "address")
		switch {
		case r.unit == nil:
			u = named
		case u != nil && named != nil && u != named:
			r.w.failAt(r.unit.pos, "unit-names-differ", "address.unit", diag.M(
				"unit (%s) và các tên ghi bên cạnh (%s) là hai đơn vị khác nhau; sửa một trong hai cho đúng, hoặc xóa unit để dùng các tên",
				"unit (%s) and the names beside it (%s) are two different units; correct one of them, or delete unit to use the names",
				u.ID, named.ID))
			u = nil
		}
	}
	r.e.Address.Unit = u
	if r.current != nil {
		r.e.Address.Current = b.unit(r.w, r.current, "address.current_unit")
	}
}

// unit resolves a reference to a unit, by id or by names; the country,
// viet-nam, is known without being written in data/units.yaml, and a site
// that names its province knows the built-in units (builtin.go).
func (b *builder) unit(w *walker, v *ref, path string) *Unit {
	switch {
	case v == nil:
		return nil
	case v.names != nil:
		return b.unitByNames(w, v.names, path)
	case v.id == "":
		return nil
	}
	if u := b.unitByID(v.id); u != nil {
		return u
	}
	if _, defined := b.index(kindUnit.collection).defs[v.id]; !defined {
		b.dangling(w, *v, path, kindUnit, v.id)
	}
	return nil
}

// countryID is the id of the country, the unit above the provinces.
const countryID = "viet-nam"

// country returns the built-in unit of the whole country, adding it to the
// model the first time a record refers to it.
func (b *builder) country() *Unit {
	if u := b.m.UnitByID[countryID]; u != nil {
		return u
	}
	u := &Unit{ID: countryID, Name: "Việt Nam", Type: "quoc_gia", Builtin: true}
	u.Current = u
	b.m.Units = append(b.m.Units, u)
	b.m.UnitByID[countryID] = u
	b.index(kindUnit.collection).defs[countryID] = idDef{}
	return u
}

// resolveBeneficiaries resolves a project's named beneficiaries, leaving
// out those unknown (reported) or named twice (reported: the funding
// share would count twice).
func (b *builder) resolveBeneficiaries(r projectRefs) {
	kept := r.p.Beneficiaries[:0]
	// first is the index of each establishment's first line.
	var first map[*Establishment]int
	for i := range r.beneficiaries {
		ben := r.p.Beneficiaries[i]
		path := fmt.Sprintf("beneficiaries[%d].establishment", i)
		ben.Establishment = lookup(b, b.m.EstablishmentByID, kindEstablishment, r.w, &r.beneficiaries[i], path)
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

// resolveShared joins the projects of each budget_shared into one group.
// A project may be in one group only, and a project of a group has no
// budget of its own.
func (b *builder) resolveShared() {
	for _, r := range b.raw.projects {
		if r.shared == nil {
			continue
		}
		if r.p.Shared != nil {
			r.w.failAt(r.shared.pos, "shared-budget", "budget_shared", diag.M(
				"đề án đã thuộc khoản kinh phí chung ghi ở đề án %q; mỗi đề án chỉ thuộc một budget_shared",
				"the project is already part of the shared amount written on project %q; a project belongs to one budget_shared only",
				r.p.Shared.Projects[0].ID))
			continue
		}
		sb := &SharedBudget{Money: r.shared.money, Projects: []*Project{r.p}}
		r.p.Shared = sb
		for i := range r.shared.with {
			v := &r.shared.with[i]
			path := fmt.Sprintf("budget_shared.with[%d]", i)
			q := lookup(b, b.m.ProjectByID, kindProject, r.w, v, path)
			switch {
			case q == nil || q == r.p || slices.Contains(sb.Projects, q):
				continue
			case q.Shared != nil:
				r.w.failAt(v.pos, "shared-budget", path, diag.M(
					"đề án %q đã thuộc khoản kinh phí chung ghi ở đề án %q; mỗi đề án chỉ thuộc một budget_shared",
					"project %q is already part of the shared amount written on project %q; a project belongs to one budget_shared only",
					q.ID, q.Shared.Projects[0].ID))
				continue
			case q.Budget.Set:
				r.w.failAt(v.pos, "shared-budget", path, diag.M(
					"đề án %q đã có budget riêng; hãy xóa budget của đề án đó (khoản chung đã gồm nó) hoặc xóa đề án khỏi with",
					"project %q has a budget of its own; delete that budget (the shared amount covers it) or take the project out of with",
					q.ID))
				continue
			}
			q.Shared = sb
			sb.Projects = append(sb.Projects, q)
		}
		for _, q := range sb.Projects[1:] {
			if q.Year != r.p.Year {
				r.w.warn2(r.shared.pos, "shared-years", "budget_shared", diag.M(
					"các đề án của khoản kinh phí chung thuộc nhiều năm (%d, %d): khoản này chỉ được tính vào tổng của tất cả các năm, không vào năm nào riêng; nếu nguồn nêu khoản riêng từng năm, hãy ghi mỗi năm một budget_shared",
					"the projects of the shared amount are of several years (%d, %d): the amount counts only in the total of all years, in no single year; when the source gives an amount per year, write one budget_shared per year",
					r.p.Year, q.Year))
				break
			}
		}
	}
}

// resolveReports resolves the units of the reports and reports two of the
// same unit, period and title.
func (b *builder) resolveReports() {
	type key struct {
		from, to int
		unit     *Unit
		title    string
	}
	first := map[key]reportRefs{}
	firstID := map[string]reportRefs{}
	kept := b.m.Reports[:0]
	for _, r := range b.raw.reports {
		rp := r.r
		rp.Unit = b.unit(r.w, r.unit, "unit")
		if rp.Unit != nil && rp.Unit == b.m.Site.Area {
			rp.Unit = nil
		}
		k := key{rp.From, rp.To, rp.Unit, rp.Title}
		if f, dup := first[k]; dup {
			r.w.failAt(r.idPos, "duplicate-report", "", diag.Msg{
				Vi: fmt.Sprintf("đã có báo cáo cùng địa bàn và cùng năm ở %s; hai báo cáo cùng năm phải khác địa bàn (unit), giai đoạn (period) hoặc tiêu đề (title)", f.idPos),
				En: fmt.Sprintf("a report on the same area and years is already at %s; two reports of the same year need a different unit, period or title", f.idPos),
			}, diag.Related{Pos: f.idPos, Msg: diag.M("định nghĩa lần đầu ở đây", "first defined here")})
			continue
		}
		if f, dup := firstID[rp.ID]; dup {
			r.w.failAt(r.idPos, "duplicate-id", "", diag.Msg{
				Vi: fmt.Sprintf("id %q đã dùng cho một báo cáo khác ở %s; mỗi id chỉ được dùng một lần", rp.ID, f.idPos),
				En: fmt.Sprintf("id %q is already used by another report at %s; each id may be used only once", rp.ID, f.idPos),
			}, diag.Related{Pos: f.idPos, Msg: diag.M("định nghĩa lần đầu ở đây", "first defined here")})
			continue
		}
		first[k], firstID[rp.ID] = r, r
		b.index(kindReport.collection).defs[rp.ID] = idDef{pos: r.idPos}
		b.m.ReportByID[rp.ID] = rp
		kept = append(kept, rp)
	}
	b.m.Reports = kept
}

// resolveUnits resolves the parents and successors of the units of
// units.yaml, completes those that stand for built-in units, and breaks
// parent cycles.
func (b *builder) resolveUnits() {
	m := b.m
	for _, r := range b.raw.units {
		r.u.Parent = b.unit(r.w, r.parent, "parent")
		kept := r.u.Parents[:0]
		for i := range r.parents {
			if p := b.unit(r.w, &r.parents[i], fmt.Sprintf("parents[%d].unit", i)); p != nil {
				up := r.u.Parents[i]
				up.Unit = p
				kept = append(kept, up)
			}
		}
		r.u.Parents = kept
		if r.u.Parent == nil && len(kept) > 0 {
			r.u.Parent = kept[len(kept)-1].Unit
		}
		for i := range r.successors {
			v := &r.successors[i]
			if s := b.unit(r.w, v, fmt.Sprintf("successors[%d]", i)); s != nil {
				r.u.Successors = append(r.u.Successors, Successor{Unit: s, Partial: v.partial})
			}
		}
	}
	b.completeSiteUnits()
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
				// Report at the last unit of units.yaml on the walk (a
				// built-in unit's parent is not written anywhere).
				r, ok := walkers[x]
				for i := len(path) - 1; !ok && i >= 0; i-- {
					x = path[i]
					r, ok = walkers[x]
				}
				p = x.Parent
				pos, key := diag.Pos{}, "parent"
				switch {
				case r.parent != nil:
					pos = r.parent.pos
				case len(r.parents) > 0:
					pos, key = r.parents[len(r.parents)-1].pos, "parents"
				}
				r.w.failAt(pos, "ref-cycle", key, diag.M(
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
