package render

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Home is the data of the home page.
type Home struct {
	// Year is the latest year with figures, nil when there is none.
	Year *model.YearStats
	// Figures pair each reported figure of that year with the one computed
	// from the detailed records; when the year has no report they are the
	// computed figures alone (Reported empty).
	Figures []Figure
	// Standout are the products with the highest recognitions.
	Standout []*model.Product
	News     []*model.Article
	// Programmes are those with priorities, newest first.
	Programmes []*model.Programme
}

// Figure is one headline figure. Computed is "" when the detailed records
// cannot give it: NotComputed then says why in words, never 0.
type Figure struct {
	Label, Reported, Computed string
	NotComputed, Missing      string
}

const (
	homeStandout = 6
	homeNews     = 5
)

func (r *renderer) home() {
	h := Home{}
	if ys := r.m.Stats.Years; len(ys) > 0 {
		h.Year = ys[len(ys)-1]
		h.Figures = r.figures(h.Year)
	}
	h.Standout = standout(r.m.Products, homeStandout, r.m.Now)
	h.News = r.m.News[:min(homeNews, len(r.m.News))]
	for _, p := range r.m.Programmes {
		if len(p.Priorities) > 0 {
			h.Programmes = append(h.Programmes, p)
		}
	}
	sort.SliceStable(h.Programmes, func(i, j int) bool { return h.Programmes[i].FromYear > h.Programmes[j].FromYear })
	title := r.m.Site.Title
	p := r.newPage("home", "index.html", title, r.m.Site.Description, h)
	r.emit(p)
}

// figures returns the headline figures of a year: those of its report
// beside the records, or when the year has no report the figures of the
// records that hold any data (a figure without data is left out, not 0).
func (r *renderer) figures(y *model.YearStats) []Figure {
	sb := statsBuilder{m: r.m, f: r.f, lang: r.lang}
	var out []Figure
	if y.Report != nil && len(y.Reconciled) > 0 {
		for _, rc := range y.Reconciled {
			sr := sb.reconciled(rc)
			out = append(out, Figure{Label: sr.Label, Reported: sr.Reported, Computed: sr.Computed,
				NotComputed: sr.NotComputed, Missing: sr.Missing})
		}
		return out
	}
	for _, f := range sb.facts(y) {
		out = append(out, Figure{Label: f.Label, Computed: f.Value, Missing: f.Note})
	}
	return out
}

// standout returns up to n recognised products, highest recognition in
// force first (national, regional, provincial, district; OCOP by stars),
// newer first among equals, then those with a photo, the model's name
// order last. An expired OCOP
// certificate does not make a product standout today.
func standout(products []*model.Product, n int, now time.Time) []*model.Product {
	type ranked struct {
		p          *model.Product
		rank, year int
	}
	var rs []ranked
	for _, p := range products {
		best, year := -1, 0
		for _, rc := range p.Recognitions {
			if rc.Expired(now) {
				continue
			}
			v := model.EnumIndex(model.EnumLevel, rc.Round.Level)*10 + rc.Stars
			if v > best || v == best && rc.Round.Year > year {
				best, year = v, rc.Round.Year
			}
		}
		if best >= 0 {
			rs = append(rs, ranked{p, best, year})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].rank != rs[j].rank {
			return rs[i].rank > rs[j].rank
		}
		if rs[i].year != rs[j].year {
			return rs[i].year > rs[j].year
		}
		// A showcase: among equals, those with a photo first.
		return len(rs[i].p.Photos) > 0 && len(rs[j].p.Photos) == 0
	})
	out := make([]*model.Product, 0, min(n, len(rs)))
	for _, x := range rs[:min(n, len(rs))] {
		out = append(out, x.p)
	}
	return out
}

// initial returns the index letter of a name in the Vietnamese alphabet:
// the first letter in upper case with its tone mark dropped but its own
// marks kept ("ấp" → "Â", "đồng" → "Đ", "ước" → "Ư"); "#" when the name
// does not start with a letter.
func initial(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	first := []rune(norm.NFC.String(name))[0]
	if !unicode.IsLetter(first) {
		return "#"
	}
	var kept []rune
	for _, c := range norm.NFD.String(string(first)) {
		switch c {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323': // tone marks
			continue
		}
		kept = append(kept, c)
	}
	return norm.NFC.String(strings.ToUpper(string(kept)))
}

// letterAnchor is the id of a letter's heading: "chu-a", "chu-aw" for Ă,
// "chu-aa" for Â, "chu-dd" for Đ, …, telex-style so that no two letters
// share one.
func letterAnchor(l string) string {
	telex := map[string]string{"Ă": "aw", "Â": "aa", "Đ": "dd", "Ê": "ee", "Ô": "oo", "Ơ": "ow", "Ư": "uw", "#": "khac"}
	if s, ok := telex[l]; ok {
		return "chu-" + s
	}
	if s := vi.Slug(l); s != "" {
		return "chu-" + s
	}
	return "chu-khac"
}
