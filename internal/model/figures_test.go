package model

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Builders of hand-made records, so that these tests do not depend on the
// decoder.

func testUnit(id, name, typ string, parent *Unit) *Unit {
	u := &Unit{ID: id, Name: name, Type: typ, Parent: parent}
	if parent != nil {
		parent.Children = append(parent.Children, u)
	}
	return u
}

func testEst(id string, u *Unit) *Establishment {
	return &Establishment{ID: id, Name: id, Address: Address{Unit: u, Current: u}}
}

func money(n int64) Money { return Money{Amount: n, Set: true} }

func staged(n int64, stage string) Money { return Money{Amount: n, Stage: stage, Set: true} }

func named(es ...*Establishment) []Beneficiary {
	out := make([]Beneficiary, len(es))
	for i, e := range es {
		out[i] = Beneficiary{Establishment: e}
	}
	return out
}

// award adds an award of product p to round r.
func award(r *Round, p *Product, stars int, until Date) *Recognition {
	a := &Recognition{Round: r, Product: p, Stars: stars, ValidUntil: until}
	r.Awards = append(r.Awards, a)
	return a
}

func count(n int64, approx string) Quantity {
	return Quantity{Value: n, Approx: approx, Set: true}
}

func amountOf(n int64, approx string) Quantity {
	return Quantity{Value: n, Approx: approx, Money: true, Set: true}
}

// dumpYear writes a YearStats as text, one figure a line, for exact
// comparison.
func dumpYear(ys *YearStats) string {
	var b strings.Builder
	fmt.Fprintf(&b, "year %d: projects %d, supported %d, named %d, avg %d, main %d\n",
		ys.Year, ys.Projects, ys.EstablishmentsSupported, ys.NamedSupported, ys.AvgSupport, ys.Main)
	amounts := func(as []Amount) string {
		var s []string
		for _, a := range as {
			s = append(s, fmt.Sprintf("%s=%d", a.Key, a.Amount))
		}
		return strings.Join(s, " ")
	}
	for _, f := range ys.Funding {
		var units []string
		for _, u := range f.ByUnit {
			id := "?"
			if u.Unit != nil {
				id = u.Unit.ID
			}
			units = append(units, fmt.Sprintf("%s=%d", id, u.Amount))
		}
		fmt.Fprintf(&b, "funding %s %d: source[%s] activity[%s] type[%s] unit[%s]\n",
			f.Stage, f.Total, amounts(f.BySource), amounts(f.ByActivity), amounts(f.ByType), strings.Join(units, " "))
	}
	rs := ys.Recognitions
	if rs.Total > 0 || len(rs.Reported) > 0 {
		var keys []string
		for _, k := range rs.Keys {
			keys = append(keys, fmt.Sprintf("%s=%d", k, rs.ByKey[k]))
		}
		var rep []string
		for k, v := range rs.Reported {
			rep = append(rep, fmt.Sprintf("%s=%d", k, v))
		}
		sort.Strings(rep)
		fmt.Fprintf(&b, "recognitions %d: [%s] reported[%s]\n", rs.Total, strings.Join(keys, " "), strings.Join(rep, " "))
	}
	b.WriteString(dumpReconciled(ys))
	return b.String()
}

// dumpReconciled writes the reported figures of a year beside the computed
// ones, one a line.
func dumpReconciled(ys *YearStats) string {
	var b strings.Builder
	for _, rc := range ys.Reconciled {
		if !rc.HasComputed {
			fmt.Fprintf(&b, "reported %s %s%d: no computed figure (%s)\n", rc.Metric, approxPrefix(rc.Reported.Approx), rc.Reported.Value, rc.Reason)
			continue
		}
		missing := ""
		if rc.Missing > 0 {
			missing = fmt.Sprintf(", missing %d", rc.Missing)
		}
		fmt.Fprintf(&b, "reported %s %s%d: computed %d, diff %d, exceeds %v%s\n",
			rc.Metric, approxPrefix(rc.Reported.Approx), rc.Reported.Value, rc.Computed, rc.Diff, rc.Exceeds, missing)
	}
	return b.String()
}

func approxPrefix(a string) string {
	if a == "" {
		return ""
	}
	return a + " "
}

func dumpStats(st *Stats) string {
	var b strings.Builder
	for _, ys := range st.Years {
		b.WriteString(dumpYear(ys))
	}
	b.WriteString("all\n")
	b.WriteString(dumpYear(&st.All))
	return b.String()
}

func dumpDiags(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Format("vi"))
		b.WriteByte('\n')
		b.WriteString(d.Format("en"))
		b.WriteByte('\n')
	}
	return b.String()
}

// seedModel is the programme of the seed article: in 2020 a group project
// for 4 establishments (1,2 tỷ đồng) and a national-funds project of 900
// triệu đồng for 3 establishments, the provincial and the Southern
// regional rounds, and the 2020 report as published.
func seedModel() *Model {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	cd := testUnit("chau-doc", "Châu Đốc", "thanh_pho", ag)
	yh := testEst("yen-huong-vina", cd)
	oil := &Product{ID: "tinh-dau-chuc-yen-huong", Name: "Tinh dầu chúc Yến Hương", Establishment: yh, Group: "che_bien"}
	tinh := &Round{ID: "cnnt-tinh-2020", Scheme: "cnnt", Level: "tinh", Year: 2020, ReportedCount: 11, HasReportedCount: true}
	kv := &Round{ID: "cnnt-khu-vuc-nam-2020", Scheme: "cnnt", Level: "khu_vuc", Region: "nam", Year: 2020,
		Decision: Decision{Number: "82/QĐ-CTĐP", Date: Date{2020, 8, 21}}}
	award(tinh, oil, 0, Date{})
	award(kv, oil, 0, Date{})
	report := &Report{Year: 2020, Pos: diag.Pos{File: "data/reports/2020.yaml", Line: 1, Col: 1}, Reported: map[string]Quantity{
		"establishments_supported": count(19, ""),
		"funding_total":            amountOf(4_500_000_000, "gan"),
		"cnnt_tinh":                count(11, ""),
		"cnnt_khu_vuc":             count(1, ""),
		"establishments_in_area":   count(10_000, "khoang"),
	}}
	return &Model{
		Now:            time.Date(2021, 8, 17, 0, 0, 0, 0, time.UTC),
		Units:          []*Unit{ag, cd},
		Establishments: []*Establishment{yh},
		Products:       []*Product{oil},
		Rounds:         []*Round{kv, tinh},
		Projects: []*Project{
			{ID: "may-tach-mau-gao", Year: 2020, FundingSource: "kcqg", Type: "nhom", Activity: "ung_dung_mmtb",
				Budget: money(1_200_000_000), BeneficiariesCount: 4, Recipients: 4},
			{ID: "kcqg-900-trieu", Year: 2020, FundingSource: "kcqg", Activity: "ung_dung_mmtb",
				Budget: money(900_000_000), BeneficiariesCount: 3, Recipients: 3},
		},
		Reports: []*Report{report},
	}
}

func TestComputeStatsSeed(t *testing.T) {
	m := seedModel()
	var diags diag.List
	computeStats(m, &diags)
	want := `year 2020: projects 2, supported 7, named 0, avg 300000000, main 0
funding phe_duyet 2100000000: source[kcqg=2100000000] activity[ung_dung_mmtb=2100000000] type[nhom=1200000000 don=900000000] unit[?=2100000000]
recognitions 2: [cnnt/tinh=1 cnnt/khu_vuc=1 group/che_bien=2 unit/an-giang=2 unit/chau-doc=2] reported[cnnt/tinh=11]
reported establishments_supported 19: computed 7, diff 12, exceeds false
reported funding_total gan 4500000000: computed 2100000000, diff 2400000000, exceeds false
reported cnnt_tinh 11: computed 1, diff 10, exceeds false
reported cnnt_khu_vuc 1: computed 1, diff 0, exceeds false
reported establishments_in_area khoang 10000: no computed figure (not-held)
all
year 0: projects 2, supported 7, named 0, avg 300000000, main 0
funding phe_duyet 2100000000: source[kcqg=2100000000] activity[ung_dung_mmtb=2100000000] type[nhom=1200000000 don=900000000] unit[?=2100000000]
recognitions 2: [cnnt/tinh=1 cnnt/khu_vuc=1 group/che_bien=2 unit/an-giang=2 unit/chau-doc=2] reported[cnnt/tinh=11]
`
	if got := dumpStats(&m.Stats); got != want {
		t.Errorf("stats:\n%s\nwant:\n%s", got, want)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", dumpDiags(diags))
	}
	if m.Stats.Years[0].Report != m.Reports[0] {
		t.Errorf("year 2020 does not point at its report")
	}
	oil := m.Products[0]
	if len(oil.Levels) != 2 || oil.Levels[0].Round.Level != "tinh" || oil.Levels[1].Round.Level != "khu_vuc" {
		t.Errorf("Levels = %v, want tinh then khu_vuc", levels(oil.Levels))
	}
	if len(oil.Path) != 1 || oil.Path[0].Round.Level != "khu_vuc" {
		t.Errorf("Path = %v, want the regional award alone", levels(oil.Path))
	}
}

func levels(rs []*Recognition) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %d", r.Round.Level, r.Round.Year))
	}
	return out
}

func TestComputeStatsFunding(t *testing.T) {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	tt := testUnit("tri-ton", "Tri Tôn", "huyen", ag)
	ts := testUnit("thoai-son", "Thoại Sơn", "huyen", ag)
	a, b, c := testEst("a", tt), testEst("b", tt), testEst("c", ts)

	tests := []struct {
		name     string
		projects []*Project
		want     string
	}{
		{
			name: "stages are never added together",
			projects: []*Project{
				{Year: 2021, FundingSource: "kcdp", Activity: "dao_tao_nghe", Budget: staged(300, "quyet_toan"), BeneficiariesCount: 1},
				{Year: 2021, FundingSource: "kcdp", Activity: "dao_tao_nghe", Budget: staged(500, "giai_ngan"), BeneficiariesCount: 1},
				{Year: 2021, FundingSource: "kcqg", Activity: "tu_van", Budget: money(1000), BeneficiariesCount: 2},
				{Year: 2021, FundingSource: "kcdp", Activity: "dao_tao_nghe", Budget: staged(700, "phe_duyet"), BeneficiariesCount: 1},
				{Year: 2021, FundingSource: "khac", Type: "diem", Activity: "tu_van", Budget: staged(9000, "de_nghi")},
			},
			// No average: the year's funding is of several stages.
			want: `year 2021: projects 5, supported 5, named 0, avg 0, main 1
funding de_nghi 9000: source[khac=9000] activity[tu_van=9000] type[diem=9000] unit[?=9000]
funding phe_duyet 1700: source[kcqg=1000 kcdp=700] activity[dao_tao_nghe=700 tu_van=1000] type[don=1700] unit[?=1700]
funding giai_ngan 500: source[kcdp=500] activity[dao_tao_nghe=500] type[don=500] unit[?=500]
funding quyet_toan 300: source[kcdp=300] activity[dao_tao_nghe=300] type[don=300] unit[?=300]
`,
		},
		{
			name: "main stage is the first when none is phe_duyet",
			projects: []*Project{
				{Year: 2022, FundingSource: "kcdp", Activity: "khac", Budget: staged(1000, "quyet_toan"), Beneficiaries: named(a, b, c)},
				{Year: 2022, FundingSource: "kcdp", Activity: "khac", Budget: staged(200, "giai_ngan"), Beneficiaries: named(a)},
			},
			// The 1000 of three beneficiaries in two districts, without
			// amounts, is not divided between them.
			want: `year 2022: projects 2, supported 3, named 3, avg 0, main 0
funding giai_ngan 200: source[kcdp=200] activity[khac=200] type[don=200] unit[tri-ton=200]
funding quyet_toan 1000: source[kcdp=1000] activity[khac=1000] type[don=1000] unit[?=1000]
`,
		},
		{
			name: "overlapping beneficiaries count once, unnamed ones are added",
			projects: []*Project{
				{Year: 2020, FundingSource: "kcqg", Type: "nhom", Activity: "ung_dung_mmtb", Budget: money(1200),
					Beneficiaries: named(a, b, a)},
				{Year: 2020, FundingSource: "kcdp", Activity: "ung_dung_mmtb", Budget: money(500),
					Beneficiaries: named(b, c), BeneficiariesCount: 5},
			},
			want: `year 2020: projects 2, supported 6, named 3, avg 283, main 0
funding phe_duyet 1700: source[kcqg=1200 kcdp=500] activity[ung_dung_mmtb=1700] type[nhom=1200 don=500] unit[tri-ton=1200 ?=500]
`,
		},
		{
			name: "cancelled projects count nowhere",
			projects: []*Project{
				{Year: 2020, FundingSource: "kcqg", Activity: "tu_van", Budget: money(1000), Beneficiaries: named(a)},
				{Year: 2020, FundingSource: "kcdp", Activity: "khac", Budget: money(5000), Beneficiaries: named(b, c), Status: "huy"},
				{Year: 2023, FundingSource: "kcdp", Activity: "khac", Budget: money(5000), BeneficiariesCount: 9, Status: "huy"},
			},
			want: `year 2020: projects 1, supported 1, named 1, avg 1000, main 0
funding phe_duyet 1000: source[kcqg=1000] activity[tu_van=1000] type[don=1000] unit[tri-ton=1000]
`,
		},
		{
			name: "named amounts go to their areas, the rest is not allocated",
			projects: []*Project{
				{Year: 2024, FundingSource: "kcdp", Activity: "khac", Budget: money(1000),
					Beneficiaries:      []Beneficiary{{Establishment: a, Amount: money(100)}, {Establishment: c, Amount: money(600)}},
					BeneficiariesCount: 4},
				{Year: 2024, FundingSource: "kcdp", Activity: "khac", Budget: money(300),
					Beneficiaries: []Beneficiary{{Establishment: b, Amount: money(300)}, {Establishment: c, Amount: money(100)}}},
			},
			want: `year 2024: projects 2, supported 5, named 3, avg 260, main 0
funding phe_duyet 1300: source[kcdp=1300] activity[khac=1300] type[don=1300] unit[thoai-son=600 tri-ton=100 ?=600]
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Model{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Projects: tt.projects}
			var diags diag.List
			computeStats(m, &diags)
			var b strings.Builder
			for _, ys := range m.Stats.Years {
				b.WriteString(dumpYear(ys))
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(diags) != 0 {
				t.Errorf("unexpected diagnostics:\n%s", dumpDiags(diags))
			}
		})
	}
}

func TestComputeStatsAllYears(t *testing.T) {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	a, b := testEst("a", ag), testEst("b", ag)
	m := &Model{
		Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Projects: []*Project{
			{Year: 2021, FundingSource: "kcdp", Activity: "khac", Budget: money(400), Beneficiaries: named(a, b)},
			{Year: 2019, FundingSource: "kcdp", Activity: "khac", Budget: money(100), Beneficiaries: named(a), BeneficiariesCount: 3},
			{Year: 2021, FundingSource: "kcdp", Activity: "khac", Budget: staged(50, "giai_ngan"), Beneficiaries: named(b)},
		},
		Reports: []*Report{{Year: 2020, Reported: map[string]Quantity{}}},
	}
	var diags diag.List
	computeStats(m, &diags)
	// The establishments are at the province, the top unit: nothing is
	// placed in an area below it.
	want := `year 2019: projects 1, supported 3, named 1, avg 33, main 0
funding phe_duyet 100: source[kcdp=100] activity[khac=100] type[don=100] unit[?=100]
year 2020: projects 0, supported 0, named 0, avg 0, main 0
year 2021: projects 2, supported 2, named 2, avg 0, main 0
funding phe_duyet 400: source[kcdp=400] activity[khac=400] type[don=400] unit[?=400]
funding giai_ngan 50: source[kcdp=50] activity[khac=50] type[don=50] unit[?=50]
all
year 0: projects 3, supported 4, named 2, avg 0, main 0
funding phe_duyet 500: source[kcdp=500] activity[khac=500] type[don=500] unit[?=500]
funding giai_ngan 50: source[kcdp=50] activity[khac=50] type[don=50] unit[?=50]
`
	if got := dumpStats(&m.Stats); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestAllocate checks that a budget goes to an area only where the
// records put all of it there, and is never divided.
func TestAllocate(t *testing.T) {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	u1 := testUnit("u1", "Chợ Mới", "huyen", ag)
	u2 := testUnit("u2", "An Phú", "huyen", ag)
	u3 := testUnit("u3", "Tịnh Biên", "huyen", ag)
	x1 := testUnit("x1", "Mỹ Luông", "thi_tran", u1)
	e1, e2, e3, ex, ea := testEst("e1", u1), testEst("e2", u2), testEst("e3", u3), testEst("ex", x1), testEst("ea", ag)
	withAmounts := func(pairs ...any) []Beneficiary {
		var out []Beneficiary
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, Beneficiary{Establishment: pairs[i].(*Establishment), Amount: money(int64(pairs[i+1].(int)))})
		}
		return out
	}
	tests := []struct {
		name string
		p    Project
		want string
	}{
		{"no named beneficiaries", Project{Budget: money(900), BeneficiariesCount: 3}, "?=900"},
		{"three areas, no amounts: not split", Project{Budget: money(100), Beneficiaries: named(e1, e2, e3)}, "?=100"},
		{"every beneficiary in one area", Project{Budget: money(100), Beneficiaries: named(e1, ex)}, "u1=100"},
		{"one area but unnamed recipients", Project{Budget: money(1000), Beneficiaries: named(e1), BeneficiariesCount: 4}, "?=1000"},
		{"amounts exact", Project{Budget: money(1000), Beneficiaries: withAmounts(e1, 700, e2, 300)}, "u1=700 u2=300"},
		{"amounts under the budget", Project{Budget: money(1000), Beneficiaries: withAmounts(e1, 200, e2, 300)}, "u1=200 u2=300 ?=500"},
		{"amounts over the budget: nothing placed", Project{Budget: money(1000), Beneficiaries: withAmounts(e1, 1000, e2, 1000)}, "?=1000"},
		{"one amount missing", Project{Budget: money(100), Beneficiaries: []Beneficiary{{Establishment: e1, Amount: money(90)}, {Establishment: e2}}}, "u1=90 ?=10"},
		{"beneficiary at the province", Project{Budget: money(100), Beneficiaries: withAmounts(ea, 60, e2, 40)}, "u2=40 ?=60"},
		{"the project's unit", Project{Budget: money(100), Unit: u2}, "u2=100"},
		{"the project's unit is a commune", Project{Budget: money(100), Unit: x1}, "u1=100"},
		{"the project's unit is the province", Project{Budget: money(100), Unit: ag}, "?=100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			var sum int64
			for _, s := range allocate(&tt.p, ag) {
				id := "?"
				if s.Unit != nil {
					id = s.Unit.ID
				}
				parts = append(parts, fmt.Sprintf("%s=%d", id, s.Amount))
				sum += s.Amount
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if sum != tt.p.Budget.Amount {
				t.Errorf("amounts add up to %d, want the budget %d", sum, tt.p.Budget.Amount)
			}
		})
	}
}

func TestRecognitionStats(t *testing.T) {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	cm := testUnit("cho-moi", "Chợ Mới", "huyen", ag)
	tb := testUnit("tinh-bien", "Tịnh Biên", "thi_xa", ag)
	e1, e2, e3 := testEst("e1", cm), testEst("e2", tb), testEst("e3", ag)
	p1 := &Product{ID: "p1", Establishment: e1, Group: "tcmn"}
	p2 := &Product{ID: "p2", Establishment: e2, Group: "che_bien"}
	p3 := &Product{ID: "p3", Establishment: e3}
	p4 := &Product{ID: "p4", Establishment: e2, Group: "che_bien"}
	huyen := &Round{Scheme: "cnnt", Level: "huyen", Year: 2018}
	tinh18 := &Round{Scheme: "cnnt", Level: "tinh", Year: 2018, ReportedCount: 9, HasReportedCount: true}
	tinh20 := &Round{Scheme: "cnnt", Level: "tinh", Year: 2020, ReportedCount: 11, HasReportedCount: true}
	qg := &Round{Scheme: "cnnt", Level: "quoc_gia", Year: 2021}
	ocop := &Round{Scheme: "ocop", Level: "tinh", Year: 2020, ReportedCount: 4, HasReportedCount: true,
		Decision: Decision{Date: Date{2020, 12, 1}}}
	award(huyen, p1, 0, Date{})
	a1 := award(tinh18, p1, 0, Date{})
	award(tinh18, p2, 0, Date{})
	award(tinh20, p3, 0, Date{})
	award(tinh20, p1, 0, Date{})
	a2 := award(qg, p1, 0, Date{})
	award(ocop, p2, 4, Date{})
	award(ocop, p4, 3, Date{})
	tinh20.Awards = append(tinh20.Awards, &Recognition{Round: tinh20}) // unresolved product: not counted

	m := &Model{
		Now:      time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC),
		Products: []*Product{p1, p2, p3, p4},
		Rounds:   []*Round{qg, tinh20, ocop, tinh18, huyen},
	}
	var diags diag.List
	computeStats(m, &diags)
	want := `year 2018: projects 0, supported 0, named 0, avg 0, main 0
recognitions 3: [cnnt/huyen=1 cnnt/tinh=2 group/che_bien=1 group/tcmn=2 unit/an-giang=3 unit/cho-moi=2 unit/tinh-bien=1] reported[cnnt/tinh=9]
year 2020: projects 0, supported 0, named 0, avg 0, main 0
recognitions 4: [cnnt/tinh=2 ocop/tinh=2 group/che_bien=2 group/tcmn=1 group/=1 unit/an-giang=4 unit/tinh-bien=2 unit/cho-moi=1 stars/3=1 stars/4=1] reported[cnnt/tinh=11 ocop/tinh=4]
year 2021: projects 0, supported 0, named 0, avg 0, main 0
recognitions 1: [cnnt/quoc_gia=1 group/tcmn=1 unit/an-giang=1 unit/cho-moi=1] reported[]
all
year 0: projects 0, supported 0, named 0, avg 0, main 0
recognitions 8: [cnnt/huyen=1 cnnt/tinh=4 cnnt/quoc_gia=1 ocop/tinh=2 group/che_bien=3 group/tcmn=4 group/=1 unit/an-giang=8 unit/cho-moi=4 unit/tinh-bien=3 stars/3=1 stars/4=1] reported[cnnt/tinh=20 ocop/tinh=4]
`
	if got := dumpStats(&m.Stats); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got, want := levels(p1.Levels), []string{"huyen 2018", "tinh 2018", "quoc_gia 2021"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("p1 Levels = %v, want %v", got, want)
	}
	if p1.Levels[1] != a1 || p1.Levels[2] != a2 {
		t.Errorf("p1 Levels do not point at the first awards of each level")
	}
	if got, want := levels(p1.Path), []string{"tinh 2018", "tinh 2020", "quoc_gia 2021"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("p1 Path = %v, want %v", got, want)
	}
	if len(p4.Levels) != 0 || len(p4.Path) != 0 {
		t.Errorf("an OCOP award alone gave CNNT levels %v / %v", levels(p4.Levels), levels(p4.Path))
	}
}

func TestOCOPValid(t *testing.T) {
	mk := func(id string) *Product { return &Product{ID: id} }
	ps := []*Product{mk("a"), mk("b"), mk("c"), mk("d"), mk("e"), mk("f"), mk("g"), mk("h"), mk("i")}
	// Build date 15/06/2024.
	old := &Round{ID: "old", Scheme: "ocop", Level: "tinh", Year: 2021, Decision: Decision{Date: Date{2021, 6, 16}}}
	older := &Round{ID: "older", Scheme: "ocop", Level: "tinh", Year: 2021, Decision: Decision{Date: Date{2021, 6, 14}}}
	recent := &Round{ID: "recent", Scheme: "ocop", Level: "quoc_gia", Year: 2023, Decision: Decision{Date: Date{2023, 3, 1}}}
	future := &Round{ID: "future", Scheme: "ocop", Level: "tinh", Year: 2024, Decision: Decision{Date: Date{2024, 7, 1}}}
	undated := &Round{ID: "undated", Scheme: "ocop", Level: "tinh", Year: 2022}
	cnnt := &Round{ID: "cnnt", Scheme: "cnnt", Level: "tinh", Year: 2023}

	award(old, ps[0], 3, Date{})               // default: 16/06/2024, valid
	award(older, ps[1], 3, Date{})             // default: 14/06/2024, expired
	award(recent, ps[2], 5, Date{2024, 6, 15}) // the build date itself: valid
	award(recent, ps[3], 5, Date{2024, 6, 14}) // the day before: expired
	award(recent, ps[4], 4, Date{2024, 6, 0})  // June 2024: valid to the 30th
	award(recent, ps[5], 4, Date{2024, 0, 0})  // 2024: valid to 31/12
	award(future, ps[6], 3, Date{2027, 7, 1})  // not issued yet
	award(undated, ps[7], 3, Date{})           // validity unknown: not counted
	award(undated, ps[8], 4, Date{2025, 1, 1}) // issued in 2022, valid
	award(cnnt, ps[0], 0, Date{})
	m := &Model{Now: time.Date(2024, 6, 15, 23, 59, 0, 0, time.FixedZone("ICT", 7*3600)), Products: ps,
		Rounds: []*Round{future, recent, undated, old, older, cnnt}}
	var diags diag.List
	computeStats(m, &diags)
	var got []string
	for _, sc := range m.Stats.OCOPValid {
		var ids []string
		for _, a := range sc.Awards {
			ids = append(ids, a.Product.ID)
		}
		got = append(got, fmt.Sprintf("%d★ %d [%s]", sc.Stars, sc.Count, strings.Join(ids, " ")))
	}
	want := []string{"3★ 1 [a]", "4★ 3 [e f i]", "5★ 1 [c]"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %q, want %q", got, want)
	}

	m = &Model{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)}
	computeStats(m, &diags)
	if got := fmt.Sprint(m.Stats.OCOPValid); got != "[{3 0 []} {4 0 []} {5 0 []}]" {
		t.Errorf("no rounds: OCOPValid = %s, want the three star counts at zero", got)
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		in   Date
		n    int
		want Date
	}{
		{Date{2021, 8, 21}, 36, Date{2024, 8, 21}},
		{Date{2021, 11, 30}, 3, Date{2022, 2, 28}},
		{Date{2021, 2, 28}, 36, Date{2024, 2, 28}},
		{Date{2020, 2, 29}, 36, Date{2023, 2, 28}},
		{Date{2021, 12, 31}, 1, Date{2022, 1, 31}},
		{Date{2021, 5, 0}, 36, Date{2024, 5, 0}},
		{Date{2021, 0, 0}, 36, Date{2024, 0, 0}},
	}
	for _, tt := range tests {
		if got := addMonths(tt.in, tt.n); got != tt.want {
			t.Errorf("addMonths(%v, %d) = %v, want %v", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestDivRoundHalfUp(t *testing.T) {
	tests := []struct{ a, b, want int64 }{
		{2_100_000_000, 7, 300_000_000},
		{10, 4, 3}, // 2,5 → 3
		{9, 4, 2},  // 2,25 → 2
		{11, 4, 3}, // 2,75 → 3
		{1, 3, 0},
		{2, 3, 1},
		{5, 0, 0},
		{-10, 4, -3},
	}
	for _, tt := range tests {
		if got := divRoundHalfUp(tt.a, tt.b); got != tt.want {
			t.Errorf("divRoundHalfUp(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestComputeStatsDeterministic checks that map iteration order never
// reaches the figures: ties in every sorted list give the same output run
// after run.
func TestComputeStatsDeterministic(t *testing.T) {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	var units []*Unit
	var es []*Establishment
	for i := 0; i < 12; i++ {
		name := "Châu Thành"
		if i%2 == 0 {
			name = "Phú Tân"
		}
		u := testUnit(fmt.Sprintf("u%02d", i), name, "huyen", ag)
		units = append(units, u)
		es = append(es, testEst(fmt.Sprintf("e%02d", i), u))
	}
	mk := func() *Model {
		var ps []*Project
		var prods []*Product
		r := &Round{Scheme: "cnnt", Level: "tinh", Year: 2020}
		for i, e := range es {
			ps = append(ps, &Project{Year: 2020, FundingSource: "kcdp", Activity: "khac", Budget: money(1000), Beneficiaries: named(e)})
			p := &Product{ID: fmt.Sprintf("p%02d", i), Establishment: e}
			prods = append(prods, p)
			award(r, p, 0, Date{})
		}
		return &Model{Now: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Units: units, Projects: ps, Products: prods, Rounds: []*Round{r}}
	}
	m := mk()
	var diags diag.List
	computeStats(m, &diags)
	first := dumpStats(&m.Stats)
	if !strings.Contains(first, "unit[u01=1000 u03=1000") {
		t.Fatalf("units of equal amount are not ordered by name then id:\n%s", first)
	}
	for i := 0; i < 20; i++ {
		m := mk()
		computeStats(m, &diags)
		if got := dumpStats(&m.Stats); got != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, got, first)
		}
	}
}

// BenchmarkComputeStats computes the figures of 100.000 establishments and
// 20.000 projects over ten years, with recognitions and reports.
func BenchmarkComputeStats(b *testing.B) {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	var units []*Unit
	for i := 0; i < 150; i++ {
		units = append(units, testUnit(fmt.Sprintf("xa-%d", i), fmt.Sprintf("Xã %d", i), "xa", ag))
	}
	es := make([]*Establishment, 100_000)
	for i := range es {
		es[i] = testEst(fmt.Sprintf("e%d", i), units[i%len(units)])
	}
	products := make([]*Product, 0, 20_000)
	for i := 0; i < 20_000; i++ {
		products = append(products, &Product{ID: fmt.Sprintf("p%d", i), Establishment: es[i*5], Group: "che_bien"})
	}
	var rounds []*Round
	for y := 2015; y < 2025; y++ {
		for _, lv := range []string{"huyen", "tinh", "khu_vuc"} {
			r := &Round{Scheme: "cnnt", Level: lv, Year: y, ReportedCount: 100, HasReportedCount: true}
			for i := 0; i < 200; i++ {
				award(r, products[(y*977+i*31)%len(products)], 0, Date{})
			}
			rounds = append(rounds, r)
		}
		r := &Round{Scheme: "ocop", Level: "tinh", Year: y, Decision: Decision{Date: Date{y, 6, 1}}}
		for i := 0; i < 200; i++ {
			award(r, products[(y*131+i*17)%len(products)], 3+i%3, Date{})
		}
		rounds = append(rounds, r)
	}
	projects := make([]*Project, 20_000)
	for i := range projects {
		p := &Project{Year: 2015 + i%10, FundingSource: []string{"kcqg", "kcdp", "khac"}[i%3],
			Activity: "ung_dung_mmtb", Type: []string{"nhom", "diem", "don"}[i%3], Budget: money(int64(100_000_000 + i))}
		for j := 0; j < 1+i%6; j++ {
			p.Beneficiaries = append(p.Beneficiaries, Beneficiary{Establishment: es[(i*7+j*13)%len(es)], Amount: money(int64(1_000_000 * (j + 1)))})
		}
		p.BeneficiariesCount = len(p.Beneficiaries) + i%3
		if i%50 == 0 {
			p.Status = "huy"
		}
		projects[i] = p
	}
	var reports []*Report
	for y := 2015; y < 2025; y++ {
		reports = append(reports, &Report{Year: y, Reported: map[string]Quantity{
			"establishments_supported": count(1000, "hon"),
			"funding_total":            amountOf(200_000_000_000, "khoang"),
			"cnnt_tinh":                count(100, ""),
		}})
	}
	m := &Model{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Units: append([]*Unit{ag}, units...),
		Establishments: es, Products: products, Rounds: rounds, Projects: projects, Reports: reports}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var diags diag.List
		computeStats(m, &diags)
	}
}

func TestDistinctNamed(t *testing.T) {
	es := make([]*Establishment, 20)
	for i := range es {
		es[i] = testEst(fmt.Sprint(i), nil)
	}
	long := append(append([]*Establishment{}, es...), es[3], es[7])
	tests := []struct {
		name string
		p    Project
		want int
	}{
		{"none", Project{}, 0},
		{"short with a repeat", Project{Beneficiaries: named(es[0], es[1], es[0])}, 2},
		{"unresolved left out", Project{Beneficiaries: append(named(es[0]), Beneficiary{})}, 1},
		{"long with repeats", Project{Beneficiaries: named(long...)}, 20},
	}
	for _, tt := range tests {
		if got := distinctNamed(&tt.p); got != tt.want {
			t.Errorf("%s: distinctNamed = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestUnitLess(t *testing.T) {
	dong := &Unit{ID: "z-dong", Name: "Đông Xuyên"}
	tan := &Unit{ID: "a-tan", Name: "Tân Châu"}
	dinh := &Unit{ID: "dinh", Name: "Định Mỹ"}
	dong2 := &Unit{ID: "a-dong", Name: "Đông Xuyên"}
	tests := []struct {
		a, b *Unit
		want bool
	}{
		{dong, tan, true}, // đ before t, though its bytes come after
		{tan, dong, false},
		{dinh, dong, true}, // i before ô
		{dong2, dong, true},
		{dong, dong2, false},
		{dong, nil, true},
		{nil, dong, false},
		{nil, nil, false},
	}
	for _, tt := range tests {
		if got := unitLess(tt.a, tt.b); got != tt.want {
			t.Errorf("unitLess(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
