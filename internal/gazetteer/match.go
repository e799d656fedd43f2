package gazetteer

import (
	"slices"
	"strings"
	"sync"

	"github.com/khuyencong/khuyencong/internal/vi"
)

// The index of names: for each fold key, the units of that name, as a
// chain through next (built on the first name looked up; a site whose
// addresses are all ids never builds it).
var (
	indexOnce sync.Once
	indexHead map[string]int32 // fold key → last unit of that name, in All()
	indexNext []int32          // unit → the previous one of the same name, or -1
)

func buildIndex() {
	all := All()
	keys := make([]byte, 0, len(data))
	ends := make([]int32, len(all))
	for i, u := range all {
		keys = appendFoldKey(keys, u.Name)
		ends[i] = int32(len(keys))
	}
	text := string(keys)
	indexHead = make(map[string]int32, len(all))
	indexNext = make([]int32, len(all))
	start := int32(0)
	for i := range all {
		k := text[start:ends[i]]
		start = ends[i]
		if j, ok := indexHead[k]; ok {
			indexNext[i] = j
		} else {
			indexNext[i] = -1
		}
		indexHead[k] = int32(i)
	}
}

// named returns the units whose names have the fold key fold, in the order
// of All.
func named(fold string) []*Unit {
	indexOnce.Do(buildIndex)
	all := All()
	var out []*Unit
	if i, ok := indexHead[fold]; ok {
		for ; i >= 0; i = indexNext[i] {
			out = append(out, all[i])
		}
	}
	slices.Reverse(out)
	return out
}

// match returns the units named s that keep accepts, s read as described
// in readings: the first reading that names any unit wins. Diacritics are
// optional word by word: a word written without any matches whatever
// diacritics the name has; a word written with some must be spelt as the
// name spells it (wherever the tone mark sits). So "Phu Thanh" names both
// Phú Thạnh and Phú Thành, "Phú Thạnh" only the first, "Thuận Hòa" not
// Thuận Hóa.
//
// When nothing matches, alike holds the units whose names differ from s
// only by diacritics, for the message; rd is the reading used, or the
// first one.
func match(s string, keep func(*Unit) bool, aliases map[string]string) (found, alike []*Unit, rd reading) {
	return matchIn(s, keep, aliases, named)
}

// matchProvince is match among the provinces of both eras, which it finds
// without the index of all names: a site that names its province, but
// writes no address by names, never builds that index.
func matchProvince(s string, keep func(*Unit) bool) (found, alike []*Unit, rd reading) {
	return matchIn(s, keep, provinceAliases, namedProvince)
}

// namedProvince returns the provinces of both eras whose names have the
// fold key fold, in the order of All.
func namedProvince(fold string) []*Unit {
	var out []*Unit
	var buf []byte
	for _, era := range []Era{Current, Former} {
		for _, p := range Provinces(era) {
			if buf = appendFoldKey(buf[:0], p.Name); string(buf) == fold {
				out = append(out, p)
			}
		}
	}
	return out
}

// matchIn is match, finding the units of a name with named.
func matchIn(s string, keep func(*Unit) bool, aliases map[string]string, named func(string) []*Unit) (found, alike []*Unit, rd reading) {
	rds := readings(vi.NFC(s))
	for i, r := range rds {
		if i == 0 {
			rd = r
		}
		fold, _, marked := keys(r.words)
		if fold == "" {
			continue
		}
		if a, ok := aliases[fold]; ok {
			fold, marked = a, false
		}
		var other []*Unit
		for _, u := range named(fold) {
			if (r.types != nil && !slices.Contains(r.types, u.Type)) || !keep(u) {
				continue
			}
			if !marked || spelt(r.words, u.Name) {
				found = append(found, u)
			} else {
				other = append(other, u)
			}
		}
		if len(found) > 0 {
			return found, nil, r
		}
		if len(other) > 0 && alike == nil {
			alike, rd = other, r
		}
	}
	return nil, alike, rd
}

// spelt reports whether words, as written, spell name: each word written
// with a diacritic has the marks and the tone of the name's word.
func spelt(ws []word, name string) bool {
	nws := splitWords(name)
	if len(nws) != len(ws) {
		// Cut differently ("Daklak"): the whole must be spelt alike.
		_, t, _ := keys(ws)
		return t == toneKey(name)
	}
	for i, w := range ws {
		if w.fold != nws[i].fold || w.marked && w.tone != nws[i].tone {
			return false
		}
	}
	return true
}

// sameName returns the units of any type and era named as rd names
// (without diacritics) that keep accepts.
func sameName(rd reading, keep func(*Unit) bool) []*Unit {
	fold, _, _ := keys(rd.words)
	var out []*Unit
	for _, u := range named(fold) {
		if keep(u) {
			out = append(out, u)
		}
	}
	return out
}

// similar returns up to n units among pool whose names are close to
// rd's (by edit distance of the fold keys, or one containing the other),
// nearest first.
func similar(rd reading, pool []*Unit, n int) []*Unit {
	fold, _, _ := keys(rd.words)
	if fold == "" {
		return nil
	}
	limit := max(1, len(fold)/4)
	type scored struct {
		u *Unit
		d int
	}
	var out []scored
	var buf []byte
	for _, u := range pool {
		if rd.types != nil && !slices.Contains(rd.types, u.Type) {
			continue
		}
		buf = appendFoldKey(buf[:0], u.Name)
		k := string(buf)
		if k == fold {
			continue
		}
		d := distance(fold, k, limit)
		if d > limit && len(fold) >= 4 && (strings.Contains(k, fold) || strings.Contains(fold, k) && len(k) >= 4) {
			d = limit
		}
		if d <= limit {
			out = append(out, scored{u, d})
		}
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return compareUnits(a.u, b.u)
	})
	var us []*Unit
	for i := 0; i < len(out) && i < n; i++ {
		us = append(us, out[i].u)
	}
	return us
}

// distance returns the Levenshtein distance between a and b, or any
// number above limit when it is above limit.
func distance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// compareUnits orders units for lists: the country, then units from 1
// July 2025, then former ones; within an era by level, then by full name
// in Vietnamese order, then by id.
func compareUnits(a, b *Unit) int {
	ea, eb := eraOrder(a.Era), eraOrder(b.Era)
	if ea != eb {
		return ea - eb
	}
	if a.Level() != b.Level() {
		return int(a.Level() - b.Level())
	}
	if c := vi.Compare(a.FullName("vi"), b.FullName("vi")); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func eraOrder(e Era) int {
	switch e {
	case Always:
		return 0
	case Current:
		return 1
	}
	return 2
}

// sortUnits sorts us by compareUnits.
func sortUnits(us []*Unit) { slices.SortStableFunc(us, compareUnits) }
