package model

import (
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
)

func TestExceeds(t *testing.T) {
	tests := []struct {
		approx             string
		computed, reported int64
		want               bool
	}{
		{"", 19, 19, false},
		{"", 20, 19, true},
		{"", 7, 19, false},
		{"gan", 4_500_000_000, 4_500_000_000, false},
		{"gan", 4_500_000_001, 4_500_000_000, true},
		{"gan", 2_100_000_000, 4_500_000_000, false},
		{"duoi", 99, 100, false},
		{"duoi", 100, 100, true},
		{"duoi", 101, 100, true},
		{"khoang", 11_000, 10_000, false}, // exactly 10% over
		{"khoang", 11_001, 10_000, true},
		{"khoang", 10_500, 10_000, false},
		{"khoang", 9_000, 10_000, false},
		{"khoang", 16, 15, false}, // 15 × 1,1 = 16,5
		{"khoang", 17, 15, true},
		{"khoang", 0, 0, false},
		{"khoang", 1, 0, true},
		{"hon", 1_000_000, 10, false},
		{"tren", 1_000_000, 10, false},
	}
	for _, tt := range tests {
		if got := exceeds(tt.computed, tt.reported, tt.approx); got != tt.want {
			t.Errorf("exceeds(%d, %d, %q) = %v, want %v", tt.computed, tt.reported, tt.approx, got, tt.want)
		}
	}
}

// reconcileModel has, in 2021, 5 named establishments (a fair project
// among the projects), 1.000.000.000 đồng approved and 800.000.000 đồng
// disbursed, 3 provincial CNNT awards and 2 OCOP awards.
func reconcileModel(reported map[string]Quantity) *Model {
	ag := testUnit("an-giang", "An Giang", "tinh", nil)
	var es []*Establishment
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		es = append(es, testEst(id, ag))
	}
	tinh := &Round{Scheme: "cnnt", Level: "tinh", Year: 2021}
	ocopT := &Round{Scheme: "ocop", Level: "tinh", Year: 2021, Decision: Decision{Date: Date{2021, 10, 1}}}
	ocopQ := &Round{Scheme: "ocop", Level: "quoc_gia", Year: 2021, Decision: Decision{Date: Date{2021, 11, 1}}}
	for i := 0; i < 3; i++ {
		award(tinh, &Product{ID: string(rune('p' + i)), Establishment: es[i]}, 0, Date{})
	}
	award(ocopT, &Product{ID: "o1", Establishment: es[3]}, 4, Date{})
	award(ocopQ, &Product{ID: "o2", Establishment: es[4]}, 5, Date{})
	return &Model{
		Now: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC),
		Projects: []*Project{
			{Year: 2021, FundingSource: "kcqg", Activity: "ung_dung_mmtb", Budget: money(600_000_000), Beneficiaries: named(es[0], es[1])},
			{Year: 2021, FundingSource: "kcdp", Activity: "hoi_cho_trien_lam", Budget: money(400_000_000), Beneficiaries: named(es[2], es[3], es[4])},
			{Year: 2021, FundingSource: "kcdp", Activity: "ung_dung_mmtb", Budget: staged(800_000_000, "giai_ngan"), Beneficiaries: named(es[0])},
		},
		Rounds: []*Round{tinh, ocopT, ocopQ},
		Reports: []*Report{{Year: 2021, Pos: diag.Pos{File: "data/reports/2021.yaml", Line: 1, Col: 1},
			Reported: reported}},
	}
}

func TestReconcile(t *testing.T) {
	at := func(q Quantity, line int) Quantity {
		q.Pos = diag.Pos{File: "data/reports/2021.yaml", Line: line, Col: 3}
		return q
	}
	staged := func(q Quantity, stage string) Quantity { q.Stage = stage; return q }
	tests := []struct {
		name     string
		full     bool // compare every figure of the year, not only the comparisons
		reported map[string]Quantity
		want     string
		diags    string
	}{
		{
			name: "every metric within its figure",
			full: true,
			reported: map[string]Quantity{
				"study_tours":              count(5, ""),
				"establishments_supported": count(5, ""),
				"funding_total":            amountOf(1_000_000_000, ""),
				"funding_kcqg":             amountOf(600_000_000, "hon"),
				"funding_kcdp":             amountOf(400_000_000, "gan"),
				"projects":                 count(3, ""),
				"cnnt_tinh":                count(11, ""),
				"cnnt_khu_vuc":             count(0, ""),
				"cnnt_quoc_gia":            count(1, "duoi"),
				"ocop":                     count(2, "khoang"),
				"fairs":                    count(3, ""),
				"establishments_in_area":   count(10_000, "khoang"),
			},
			// No average: two stages. The records list no award of the
			// regional and national levels: not 0, not entered.
			want: `year 2021: projects 3, supported 5, named 5, avg 0, main 0
funding phe_duyet 1000000000: source[kcqg=600000000 kcdp=400000000] activity[ung_dung_mmtb=600000000 hoi_cho_trien_lam=400000000] type[don=1000000000] unit[?=1000000000]
funding giai_ngan 800000000: source[kcdp=800000000] activity[ung_dung_mmtb=800000000] type[don=800000000] unit[?=800000000]
recognitions 5: [cnnt/tinh=3 ocop/tinh=1 ocop/quoc_gia=1 group/=5 unit/an-giang=5 stars/4=1 stars/5=1] reported[]
reported establishments_supported 5: computed 5, diff 0, exceeds false
reported funding_total 1000000000: computed 1000000000, diff 0, exceeds false
reported funding_kcqg hon 600000000: computed 600000000, diff 0, exceeds false
reported funding_kcdp gan 400000000: computed 400000000, diff 0, exceeds false
reported projects 3: computed 3, diff 0, exceeds false
reported cnnt_tinh 11: computed 3, diff 8, exceeds false
reported cnnt_khu_vuc 0: no computed figure (not-entered)
reported cnnt_quoc_gia duoi 1: no computed figure (not-entered)
reported ocop khoang 2: computed 2, diff 0, exceeds false
reported fairs 3: no computed figure (not-held)
reported study_tours 5: no computed figure (not-held)
reported establishments_in_area khoang 10000: no computed figure (not-held)
`,
		},
		{
			name: "funding compared stage by stage",
			reported: map[string]Quantity{
				"funding_total": staged(amountOf(800_000_000, ""), "giai_ngan"),
				"funding_kcdp":  staged(amountOf(900_000_000, "duoi"), "giai_ngan"),
				"funding_kcqg":  staged(amountOf(5, ""), "quyet_toan"),
			},
			want: `reported funding_total 800000000: computed 800000000, diff 0, exceeds false
reported funding_kcqg 5: no computed figure (not-entered)
reported funding_kcdp duoi 900000000: computed 800000000, diff 100000000, exceeds false
`,
		},
		{
			name: "records exceed the report",
			reported: map[string]Quantity{
				"establishments_supported": at(count(4, ""), 3),
				"funding_total":            at(amountOf(900_000_000, "gan"), 4),
				"funding_kcdp":             staged(at(amountOf(700_000_000, "khoang"), 5), "giai_ngan"),
				"projects":                 count(3, "duoi"),
				"cnnt_tinh":                at(count(2, "hon"), 7),
				"ocop":                     at(count(1, "tren"), 8),
			},
			want: `reported establishments_supported 4: computed 5, diff -1, exceeds true
reported funding_total gan 900000000: computed 1000000000, diff -100000000, exceeds true
reported funding_kcdp khoang 700000000: computed 800000000, diff -100000000, exceeds true
reported projects duoi 3: computed 3, diff 0, exceeds true
reported cnnt_tinh hon 2: computed 3, diff -1, exceeds false
reported ocop tren 1: computed 2, diff -1, exceeds false
`,
			diags: `data/reports/2021.yaml:1:1: cảnh báo: báo cáo năm 2021, chỉ tiêu "Số đề án" (projects): số liệu chi tiết đã nhập là 3, vượt số liệu công bố dưới 3; hãy kiểm tra lại các bản ghi năm 2021 hoặc số liệu công bố
data/reports/2021.yaml:1:1: warning: report for 2021, figure "Projects" (projects): the detailed records add up to 3, more than the published under 3; check the records of 2021 or the published figure
data/reports/2021.yaml:3:3: cảnh báo: báo cáo năm 2021, chỉ tiêu "Số cơ sở được hỗ trợ" (establishments_supported): số liệu chi tiết đã nhập là 5, vượt số liệu công bố 4; hãy kiểm tra lại các bản ghi năm 2021 hoặc số liệu công bố
data/reports/2021.yaml:3:3: warning: report for 2021, figure "Establishments supported" (establishments_supported): the detailed records add up to 5, more than the published 4; check the records of 2021 or the published figure
data/reports/2021.yaml:4:3: cảnh báo: báo cáo năm 2021, chỉ tiêu "Tổng kinh phí khuyến công" (funding_total), giai đoạn phê duyệt: số liệu chi tiết đã nhập là 1.000.000.000 đồng, vượt số liệu công bố gần 900.000.000 đồng; hãy kiểm tra lại các bản ghi năm 2021 hoặc số liệu công bố
data/reports/2021.yaml:4:3: warning: report for 2021, figure "Total promotion funding" (funding_total), stage approved: the detailed records add up to VND 1,000,000,000, more than the published nearly VND 900,000,000; check the records of 2021 or the published figure
data/reports/2021.yaml:5:3: cảnh báo: báo cáo năm 2021, chỉ tiêu "Kinh phí khuyến công địa phương" (funding_kcdp), giai đoạn giải ngân: số liệu chi tiết đã nhập là 800.000.000 đồng, vượt số liệu công bố khoảng 700.000.000 đồng (vượt quá 10%); hãy kiểm tra lại các bản ghi năm 2021 hoặc số liệu công bố
data/reports/2021.yaml:5:3: warning: report for 2021, figure "Local promotion funding" (funding_kcdp), stage disbursed: the detailed records add up to VND 800,000,000, more than the published about VND 700,000,000 (by over 10%); check the records of 2021 or the published figure
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := reconcileModel(tt.reported)
			var diags diag.List
			computeStats(m, &diags)
			if len(m.Stats.Years) != 1 {
				t.Fatalf("got %d years, want 2021 alone", len(m.Stats.Years))
			}
			got := dumpReconciled(m.Stats.Years[0])
			if tt.full {
				got = dumpYear(m.Stats.Years[0])
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			diags.Sort()
			if got := dumpDiags(diags); got != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.diags)
			}
		})
	}
}
