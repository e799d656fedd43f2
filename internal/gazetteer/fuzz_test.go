package gazetteer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khuyencong/khuyencong/internal/vi"
)

var fuzzSites = []string{"", "Tuyên Quang", "An Giang", "Hồ Chí Minh, Hà Nội"}

// FuzzResolve reads addresses by name: it never panics, a unit found is
// named by what was written, a problem has a message and its candidates
// are distinct units with their ids, and the same input gives the same
// result.
func FuzzResolve(f *testing.F) {
	for _, tc := range resolveCases {
		f.Add(uint8(slices.Index(fuzzSites, tc.site)), tc.commune, tc.district, tc.province)
	}
	f.Add(uint8(0), "P.  01", "Q . 1", "T.P HCM")
	f.Add(uint8(1), "xã", "huyện", "tỉnh")
	f.Add(uint8(2), "\u0301\u0300", "0000", "'")
	sites := make([]*Site, len(fuzzSites))
	for i, v := range fuzzSites {
		if v == "" {
			sites[i] = WholeCountry()
		} else {
			sites[i], _ = NewSite(strings.Split(v, ", "))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, commune, district, province string) {
		s := sites[int(which)%len(sites)]
		r := s.Resolve(commune, district, province)
		if (r.Unit != nil) != (r.Problem == Found) {
			t.Fatalf("unit %v with problem %d", r.Unit, r.Problem)
		}
		if r.Unit == nil {
			if r.Msg.Vi == "" || r.Msg.En == "" {
				t.Fatalf("problem %d without a message", r.Problem)
			}
		} else {
			given, u := r.Given, r.Unit
			if r.Part == PartCommune && u.Era == Former && !names(district, u.Parent) {
				t.Fatalf("%q in district %q gave %s", commune, district, u.ID)
			}
			if !isNumber(strings.TrimSpace(given)) && !names(given, u) {
				t.Fatalf("%q gave %s", given, u.ID)
			}
			if district != "" && strings.TrimSpace(vi.NFC(district)) != "" && u.Era != Former {
				t.Fatalf("an address with district %q gave %s", district, u.ID)
			}
		}
		seen := map[*Unit]bool{}
		for _, c := range r.Candidates {
			if c.Unit == nil || seen[c.Unit] || !strings.Contains(c.Msg.Vi, c.Unit.ID) || !strings.Contains(c.Msg.En, c.Unit.ID) {
				t.Fatalf("candidate %+v", c)
			}
			seen[c.Unit] = true
		}
		if len(r.Candidates) > maxCandidates {
			t.Fatalf("%d candidates", len(r.Candidates))
		}
		if again := s.Resolve(commune, district, province); show(again, "vi") != show(r, "vi") {
			t.Fatalf("two results:\n%s\n%s", show(r, "vi"), show(again, "vi"))
		}
	})
}

// FuzzLookup looks names up as units find does: it never panics, lists a
// unit once, and a name it finds names every unit it lists.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"yen nguyen", "Yên Nguyên, Chiêm Hóa", "TP Tuyên Quang", "Q.1", "P1", "02365", "xa-yen-nguyen-tuyen-quang-2025", ",,", "Hoà Bình"} {
		f.Add(s, "")
		f.Add(s, "Tuyên Quang")
	}
	f.Fuzz(func(t *testing.T, text, province string) {
		m := Lookup(text, province)
		seen := map[*Unit]bool{}
		for _, u := range m.Units {
			if u == nil || seen[u] {
				t.Fatalf("unit listed twice or nil: %v", m.Units)
			}
			seen[u] = true
		}
		name, _, _ := strings.Cut(m.Text, ",")
		if !m.Similar && ByID(strings.ToLower(m.Text)) == nil && !isNumber(m.Text) {
			for _, u := range m.Units {
				if !names(name, u) {
					t.Fatalf("%q listed %s", text, u.ID)
				}
			}
		}
	})
}

// FuzzKeys: the fast fold key of the index agrees with the key of the
// words for any text, and the tone key does not depend on where the tone
// mark sits.
func FuzzKeys(f *testing.F) {
	for _, s := range []string{"Hoà Bình", "Ea H'Leo", "Phường 007", "0'5", "Ðắk\u0301", "日本 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = vi.NFC(s)
		fold, _, _ := keys(splitWords(s))
		if fast := string(appendFoldKey(nil, s)); fast != fold {
			t.Fatalf("%q: appendFoldKey %q, words %q", s, fast, fold)
		}
		// Moving the tone from the second vowel to the first, as the old
		// placement does, keeps the tone key.
		old := strings.NewReplacer("òa", "oà", "óa", "oá", "ỏa", "oả", "õa", "oã", "ọa", "oạ", "úy", "uý", "ùy", "uỳ").Replace(s)
		if old != s && toneKey(old) != toneKey(s) {
			t.Fatalf("%q and %q have tone keys %q and %q", s, old, toneKey(s), toneKey(old))
		}
	})
}
