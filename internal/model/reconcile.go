package model

import (
	"sort"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// This file sets each reported figure beside the one computed from the
// detailed records, and warns when the records add up to more than a
// report published.
//
// What each metric is compared with:
//
//   - establishments_supported: YearStats.EstablishmentsSupported;
//   - projects: YearStats.Projects;
//   - funding_total: the year's funding of the reported figure's stage
//     (phe_duyet when the report names none), 0 when no project has that
//     stage;
//   - funding_kcqg, funding_kcdp: that stage's funding from that source;
//   - cnnt_tinh, cnnt_khu_vuc, cnnt_quoc_gia: the CNNT awards listed in
//     the year's rounds of that level;
//   - ocop: the OCOP awards listed in the year's rounds, every level;
//   - fairs, study_tours, establishments_in_area: nothing. The records do
//     not hold them: a trade-fair project may cover several fairs, and the
//     establishments recorded are those the programme dealt with, not a
//     census of the area. The figure is shown alone, never a difference.
//
// When the computed figure exceeds the reported one (see exceeds), the
// detailed records cannot all be right together with the report: Build
// warns at the figure's line so the officer checks both.

// khoangTolerancePercent is how far above a figure reported "khoảng" (about) the
// detailed records may add up before they count as exceeding it: 10%.
const khoangTolerancePercent = 10

// reconcile pairs every figure of ys.Report with the computed one, in the
// order of ReportMetrics (metrics outside that list, which validation
// rejects, follow in byte order), and warns in diags for each computed
// figure that exceeds its reported one.
func reconcile(ys *YearStats, diags *diag.List) []Reconciled {
	r := ys.Report
	metrics := make([]string, 0, len(r.Reported))
	for k := range r.Reported {
		metrics = append(metrics, k)
	}
	sort.Slice(metrics, func(i, j int) bool {
		ri, rj := metricRank(metrics[i]), metricRank(metrics[j])
		if ri != rj {
			return ri < rj
		}
		return metrics[i] < metrics[j]
	})

	out := make([]Reconciled, 0, len(metrics))
	for _, metric := range metrics {
		q := r.Reported[metric]
		rc := Reconciled{Metric: metric, Reported: q}
		rc.Computed, rc.HasComputed = computedFigure(ys, metric, q)
		if rc.HasComputed {
			rc.Diff = q.Value - rc.Computed
			rc.Exceeds = exceeds(rc.Computed, q.Value, q.Approx)
		}
		if rc.Exceeds {
			pos := q.Pos
			if pos.File == "" {
				pos = r.Pos
			}
			diags.Warn(pos, "reported-exceeded", exceededMsg(ys.Year, rc))
		}
		out = append(out, rc)
	}
	return out
}

func metricRank(metric string) int {
	for i, m := range ReportMetrics {
		if m == metric {
			return i
		}
	}
	return len(ReportMetrics)
}

// computedFigure returns the figure of ys that a reported metric is
// compared with, and false when the records cannot give one.
func computedFigure(ys *YearStats, metric string, q Quantity) (int64, bool) {
	switch metric {
	case "establishments_supported":
		return int64(ys.EstablishmentsSupported), true
	case "projects":
		return int64(ys.Projects), true
	case "funding_total", "funding_kcqg", "funding_kcdp":
		stage := stageOf(q.Stage)
		for _, f := range ys.Funding {
			if f.Stage != stage {
				continue
			}
			if metric == "funding_total" {
				return f.Total, true
			}
			source := strings.TrimPrefix(metric, "funding_")
			for _, a := range f.BySource {
				if a.Key == source {
					return a.Amount, true
				}
			}
		}
		return 0, true
	case "cnnt_tinh", "cnnt_khu_vuc", "cnnt_quoc_gia":
		level := strings.TrimPrefix(metric, "cnnt_")
		return int64(ys.Recognitions.ByKey["cnnt/"+level]), true
	case "ocop":
		var n int
		for k, v := range ys.Recognitions.ByKey {
			if strings.HasPrefix(k, "ocop/") {
				n += v
			}
		}
		return int64(n), true
	}
	return 0, false
}

// exceeds reports whether a computed figure exceeds a reported one beyond
// the reported figure's qualifier:
//
//   - exact ("") and gan (gần, nearly: a little under): computed > reported;
//   - duoi (dưới, below): computed >= reported;
//   - khoang (khoảng, about): computed > reported + 10%;
//   - hon, tren (hơn, trên, more than): never, whatever the records give.
func exceeds(computed, reported int64, approx string) bool {
	switch approx {
	case "hon", "tren":
		return false
	case "duoi":
		return computed >= reported
	case "khoang":
		// computed > reported × 1.1: for whole numbers this is computed >
		// ⌊reported × 1.1⌋, with no floating point.
		return computed > reported+reported*khoangTolerancePercent/100
	}
	return computed > reported
}

// exceededMsg says which figure of which report the records exceed, with
// both values written in full.
func exceededMsg(year int, rc Reconciled) diag.Msg {
	q := rc.Reported
	money := q.Money || IsMoneyMetric(rc.Metric)
	val := func(n int64, approx, lang string) string {
		if !money {
			return vi.Count(n, approx, lang)
		}
		s := vi.MoneyFullIn(n, lang)
		if w := vi.Approx(approx, lang); w != "" {
			return w + " " + s
		}
		return s
	}
	stage := ""
	if money {
		stage = stageOf(q.Stage)
	}
	msg := func(lang string) string {
		var b strings.Builder
		if lang == "en" {
			b.WriteString("report for " + strconv.Itoa(year) + ", figure \"" + Label(EnumMetric, rc.Metric, "en") + "\" (" + rc.Metric + ")")
			if stage != "" {
				b.WriteString(", stage " + Label(EnumStage, stage, "en"))
			}
			b.WriteString(": the detailed records add up to " + val(rc.Computed, "", "en") +
				", more than the published " + val(q.Value, q.Approx, "en"))
			if q.Approx == "khoang" {
				b.WriteString(" (by over " + strconv.Itoa(khoangTolerancePercent) + "%)")
			}
			b.WriteString("; check the records of " + strconv.Itoa(year) + " or the published figure")
			return b.String()
		}
		b.WriteString("báo cáo năm " + strconv.Itoa(year) + ", chỉ tiêu \"" + Label(EnumMetric, rc.Metric, "vi") + "\" (" + rc.Metric + ")")
		if stage != "" {
			b.WriteString(", giai đoạn " + Label(EnumStage, stage, "vi"))
		}
		b.WriteString(": số liệu chi tiết đã nhập là " + val(rc.Computed, "", "vi") +
			", vượt số liệu công bố " + val(q.Value, q.Approx, "vi"))
		if q.Approx == "khoang" {
			b.WriteString(" (vượt quá " + strconv.Itoa(khoangTolerancePercent) + "%)")
		}
		b.WriteString("; hãy kiểm tra lại các bản ghi năm " + strconv.Itoa(year) + " hoặc số liệu công bố")
		return b.String()
	}
	return diag.Msg{Vi: msg("vi"), En: msg("en")}
}
