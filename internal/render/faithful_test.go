package render

import (
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
)

// This file checks, on whole sites (the example site, the test site of
// testdata/nhieu-tinh and the generated demo site of size M), that no page
// makes up a figure: every amount written in full is an amount of the
// records, a sum of them that a page shows (by year, stage, source,
// activity, type or area, where the records place it), a derived one
// (total minus support), a labelled average, or a difference between a
// reported figure and such a sum; a total divided among areas or projects
// would not be. And that no page shows 0 or an empty cell for a figure
// that was not published.

// faithful checks every HTML page of out against the records of m.
func faithful(t *testing.T, m *model.Model, out memSink) {
	t.Helper()
	problems, checked := faithfulProblems(m, out)
	for _, p := range problems {
		t.Error(p)
	}
	if checked == 0 {
		t.Fatalf("no amount written in full on any page: the check checks nothing")
	}
}

// faithfulProblems lists what the pages of out say that the records of m
// do not, and how many amounts it checked.
func faithfulProblems(m *model.Model, out memSink) (problems []string, checked int) {
	allowed := allowedAmounts(m)
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(out[name])
		// The leverage is a ratio, not an amount.
		text := leverageRE.ReplaceAllString(pageText(page), "")
		for _, mt := range fullMoneyRE.FindAllStringSubmatch(text, -1) {
			n, err := strconv.ParseInt(strings.ReplaceAll(mt[2], ".", ""), 10, 64)
			if err != nil {
				problems = append(problems, name+": "+err.Error())
				continue
			}
			checked++
			if !allowed[n] {
				problems = append(problems, name+" shows "+strings.TrimSpace(mt[0])+", which is no amount, sum or difference of the records (a made-up split?)")
			}
		}
		if z := zeroRE.FindString(text); z != "" {
			problems = append(problems, name+" prints an amount of 0 đồng")
		}
		for _, bad := range zeroCells(page) {
			problems = append(problems, name+": "+bad)
		}
	}
	return problems, checked
}

// TestFaithfulCanFail checks that the check above catches what it is for:
// a shared amount divided among its projects, a zero for a figure not
// published, an empty number cell.
func TestFaithfulCanFail(t *testing.T) {
	m := v2Model(t, model.Options{})
	pages := map[string]string{
		"split.html": "<main><dl class=\"facts\"><dt>Kinh phí</dt><dd>60 triệu đồng – 60.000.000 đồng</dd></dl></main>",
		"zero.html":  "<main><p>Kinh phí khuyến công: 0 đồng</p></main>",
		"cell.html":  "<main><table class=\"stats\"><tr><th>2024</th><td class=\"num\">0</td><td class=\"num\"></td></tr></table><dl><dd>0</dd></dl></main>",
		"fine.html":  "<main><p>180.000.000 đồng, 150.000.000 đồng, 270.000.000 đồng (suy ra)</p></main>",
	}
	out := memSink{}
	for name, page := range pages {
		out[name] = []byte(page)
	}
	problems, checked := faithfulProblems(m, out)
	want := []string{
		"cell.html: table stats has a number cell \"0\" in the row \"2024 0\"",
		"cell.html: table stats has a number cell \"\" in the row \"2024 0\"",
		"cell.html: a fact reads \"0\"",
		"split.html shows 60.000.000 đồng, which is no amount, sum or difference of the records (a made-up split?)",
		"zero.html shows 0 đồng, which is no amount, sum or difference of the records (a made-up split?)",
		"zero.html prints an amount of 0 đồng",
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") || checked != 5 {
		t.Errorf("got (%d amounts checked)\n%s\nwant\n%s", checked, strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

// leverageRE is the sentence of a project's leverage ("Mỗi đồng khuyến
// công đi cùng 1,8 đồng vốn đối ứng."), a ratio.
var leverageRE = regexp.MustCompile(`Mỗi đồng khuyến công đi cùng [0-9.,]+ đồng vốn đối ứng\.`)

// fullMoneyRE is an amount written in full: "1.200.000.000 đồng",
// "+3.830.000.000 đồng".
var fullMoneyRE = regexp.MustCompile(`(^|[^0-9.,])[+−]?(\d{1,3}(?:\.\d{3})+|\d+) đồng`)

var (
	tableRE = regexp.MustCompile(`(?s)<table class="([^"]*)"[^>]*>(.*?)</table>`)
	rowRE   = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE  = regexp.MustCompile(`(?s)<t([hd])([^>]*)>(.*?)</t[hd]>`)
	ddRE    = regexp.MustCompile(`(?s)<dd>(.*?)</dd>`)
)

// zeroCells lists the cells of a page that show 0 or nothing for a figure:
// a number cell or a fact holding "0" or empty. The difference column of a
// reconciliation (a reported figure minus a computed one) may be 0.
func zeroCells(page string) []string {
	var out []string
	for _, tm := range tableRE.FindAllStringSubmatch(page, -1) {
		reconciliation := strings.Contains(tm[1], "reconciliation")
		for _, rm := range rowRE.FindAllStringSubmatch(tm[2], -1) {
			for i, cm := range cellRE.FindAllStringSubmatch(rm[1], -1) {
				if cm[1] != "d" || !strings.Contains(cm[2], "num") {
					continue
				}
				v := strings.TrimSpace(pageText(cm[3]))
				if reconciliation && i == 3 {
					continue
				}
				if v == "" || v == "0" || v == "—" {
					out = append(out, "table "+tm[1]+" has a number cell "+strconv.Quote(v)+" in the row "+strconv.Quote(pageText(rm[1])))
				}
			}
		}
	}
	for _, dm := range ddRE.FindAllStringSubmatch(page, -1) {
		if v := strings.TrimSpace(pageText(dm[1])); v == "" || v == "0" {
			out = append(out, "a fact reads "+strconv.Quote(v))
		}
	}
	return out
}

// atom is an amount the records place under one key of each breakdown;
// "*" under a key is an amount shared by projects of different keys.
type atom struct {
	amount                  int64
	stage                   string
	source, activity, typ   string
	part                    *model.Unit
	projects                []*model.Project
	counterpart, investment bool
}

// allowedAmounts lists every amount a page may write in full, computed
// from the records alone (see the top of the file).
func allowedAmounts(m *model.Model) map[int64]bool {
	allowed := map[int64]bool{}
	add := func(n int64) {
		if n < 0 {
			n = -n
		}
		if n > 0 {
			allowed[n] = true
		}
	}
	var reported []int64
	for _, r := range m.Reports {
		for _, q := range r.Reported {
			if q.Money {
				add(q.Value)
				reported = append(reported, q.Value)
			}
		}
	}
	for _, p := range m.Products {
		if p.Price.Set {
			add(p.Price.Amount)
		}
	}
	var atoms []atom
	seen := map[*model.SharedBudget]bool{}
	for _, p := range m.Projects {
		b, c, tc := p.Budget, p.Counterpart, p.TotalCost
		for _, x := range []model.Money{b, c, tc} {
			if x.Set {
				add(x.Amount)
			}
		}
		for _, ben := range p.Beneficiaries {
			if ben.Amount.Set {
				add(ben.Amount.Amount)
			}
		}
		if b.Set && c.Set {
			add(b.Amount + c.Amount)
		}
		if tc.Set && b.Set {
			add(tc.Amount - b.Amount)
		}
		if tc.Set && c.Set {
			add(tc.Amount - c.Amount)
		}
		if tc.Set && b.Set && c.Set {
			add(tc.Amount - b.Amount - c.Amount)
		}
		if p.Status == "huy" {
			continue
		}
		costs := p.Costs()
		if costs.Counterpart.Set && stageKey(costs.Counterpart.Stage) == "phe_duyet" {
			atoms = append(atoms, atom{amount: costs.Counterpart.Amount, counterpart: true, projects: []*model.Project{p}})
		}
		if costs.Total.Set && stageKey(costs.Total.Stage) == "phe_duyet" {
			atoms = append(atoms, atom{amount: costs.Total.Amount, investment: true, projects: []*model.Project{p}})
		}
		switch {
		case p.Shared != nil && !seen[p.Shared]:
			seen[p.Shared] = true
			sb := p.Shared
			add(sb.Amount)
			a := atom{amount: sb.Amount, stage: stageKey(sb.Stage), projects: sb.Projects}
			a.source, a.activity, a.typ = sb.Projects[0].FundingSource, sb.Projects[0].Activity, typeKey(sb.Projects[0])
			a.part = placeIn(sb.Projects[0], m.Site.Area)
			for _, q := range sb.Projects[1:] {
				if q.FundingSource != a.source {
					a.source = "*"
				}
				if q.Activity != a.activity {
					a.activity = "*"
				}
				if typeKey(q) != a.typ {
					a.typ = "*"
				}
				if placeIn(q, m.Site.Area) != a.part {
					a.part = nil
				}
			}
			atoms = append(atoms, a)
		case p.Budget.Set:
			base := atom{stage: stageKey(p.Budget.Stage), source: p.FundingSource, activity: p.Activity, typ: typeKey(p), projects: []*model.Project{p}}
			if u := placeIn(p, m.Site.Area); u != nil {
				a := base
				a.amount, a.part = p.Budget.Amount, u
				atoms = append(atoms, a)
				continue
			}
			var placed int64
			var parts []atom
			for _, ben := range p.Beneficiaries {
				if !ben.Amount.Set || ben.Amount.Approx != "" || stageKey(ben.Amount.Stage) != base.stage || ben.Establishment == nil {
					continue
				}
				if u := partIn(ben.Establishment.Address.Unit, m.Site.Area); u != nil {
					a := base
					a.amount, a.part = ben.Amount.Amount, u
					parts = append(parts, a)
					placed += ben.Amount.Amount
				}
			}
			if placed > p.Budget.Amount {
				parts, placed = nil, 0
			}
			if rest := p.Budget.Amount - placed; rest > 0 {
				a := base
				a.amount = rest
				parts = append(parts, a)
			}
			atoms = append(atoms, parts...)
		}
	}

	// The scopes pages sum over: every year, each year, each report's
	// years and unit.
	type scope struct {
		from, to int
		unit     *model.Unit
	}
	scopes := []scope{{}}
	years := map[int]bool{}
	for _, p := range m.Projects {
		years[p.Year] = true
	}
	for y := range years {
		scopes = append(scopes, scope{from: y, to: y})
	}
	for _, r := range m.Reports {
		scopes = append(scopes, scope{from: r.From, to: r.To, unit: r.Unit})
	}
	inScope := func(sc scope, p *model.Project) bool {
		if sc.from != 0 && (p.Year < sc.from || p.Year > sc.to) {
			return false
		}
		if sc.unit == nil {
			return true
		}
		if p.Unit != nil {
			return below(p.Unit, sc.unit)
		}
		if len(p.Beneficiaries) == 0 {
			return false
		}
		for _, b := range p.Beneficiaries {
			if b.Establishment == nil || !below(b.Establishment.Address.Unit, sc.unit) {
				return false
			}
		}
		return true
	}
	var sums []int64
	for _, sc := range scopes {
		groups := map[string]int64{}
		for _, a := range atoms {
			in := true
			for _, p := range a.projects {
				in = in && inScope(sc, p)
			}
			if !in {
				continue
			}
			switch {
			case a.counterpart:
				groups["counterpart"] += a.amount
				continue
			case a.investment:
				groups["investment"] += a.amount
				continue
			}
			groups[a.stage] += a.amount
			groups[a.stage+"/source/"+a.source] += a.amount
			groups[a.stage+"/activity/"+a.activity] += a.amount
			groups[a.stage+"/type/"+a.typ] += a.amount
			part := "?"
			if a.part != nil {
				part = a.part.ID
			}
			groups[a.stage+"/part/"+part] += a.amount
		}
		keys := make([]string, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			add(groups[k])
			sums = append(sums, groups[k])
		}
	}
	for _, r := range reported {
		for _, s := range sums {
			add(r - s)
		}
	}
	// Averages are labelled as such ("hỗ trợ bình quân mỗi cơ sở").
	for _, ys := range append(m.Stats.Years, &m.Stats.All) {
		add(ys.AvgSupport)
	}
	for _, rs := range m.Stats.Reports {
		if rs.Figures != nil {
			add(rs.Figures.AvgSupport)
		}
	}
	return allowed
}

func stageKey(s string) string {
	if s == "" {
		return "phe_duyet"
	}
	return s
}

func typeKey(p *model.Project) string {
	if p.Type == "" {
		return "don"
	}
	return p.Type
}

// below reports whether u is anc or under it, through its parents now or
// over time.
func below(u, anc *model.Unit) bool {
	for x, n := u, 0; x != nil && n < 32; x, n = x.Parent, n+1 {
		if x == anc {
			return true
		}
		for _, p := range x.Parents {
			if p.Unit == anc {
				return true
			}
		}
	}
	return false
}

// partIn is the unit one level below the area that u lies in.
func partIn(u, area *model.Unit) *model.Unit {
	for x, n := u, 0; x != nil && n < 32; x, n = x.Parent, n+1 {
		if area != nil && x.Parent == area || area == nil && x.Parent != nil && x.Parent.Parent == nil {
			return x
		}
	}
	return nil
}

// placeIn is the area part a whole project lies in, nil when the records
// do not put it in one.
func placeIn(p *model.Project, area *model.Unit) *model.Unit {
	if p.Unit != nil {
		return partIn(p.Unit, area)
	}
	if len(p.Beneficiaries) == 0 {
		return nil
	}
	named := map[*model.Establishment]bool{}
	var place *model.Unit
	for i, b := range p.Beneficiaries {
		if b.Establishment == nil {
			return nil
		}
		named[b.Establishment] = true
		u := partIn(b.Establishment.Address.Unit, area)
		if u == nil || i > 0 && u != place {
			return nil
		}
		place = u
	}
	if p.BeneficiariesCount > len(named) {
		return nil
	}
	return place
}

// TestFaithfulExampleSite checks the pages of the example site.
func TestFaithfulExampleSite(t *testing.T) {
	m := exampleModel(t)
	faithful(t, m, renderTest(t, m, Options{Assets: plainAssets(m)}))
}

// TestFaithfulTestSite checks the pages of the multi-province test site.
func TestFaithfulTestSite(t *testing.T) {
	m := v2Model(t, model.Options{})
	faithful(t, m, renderTest(t, m, Options{Assets: plainAssets(m)}))
}

// TestFaithfulDemoSite checks the pages of the generated demo site of size
// M.
func TestFaithfulDemoSite(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo site of size M takes seconds to render")
	}
	size, _ := demo.SizeByName("M")
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, size, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	src, diags := load.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatalf("loading the demo site: %v", diags)
	}
	m, diags := model.Build(src, model.Options{Now: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatalf("building the demo site: %v", diags)
	}
	set, diags := asset.Prepare(m, asset.Options{ContentDir: filepath.Join(dir, "content")})
	if diags.HasErrors() {
		t.Fatalf("the photos of the demo site: %v", diags)
	}
	faithful(t, m, renderTest(t, m, Options{Assets: set}))
}
