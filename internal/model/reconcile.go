package model

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// This file sets each reported figure beside the one computed from the
// detailed records of the same unit and years, and warns when the records
// add up to more than a report published.
//
// What each metric is compared with (see computedFigure): the figures of
// the report's scope (figures.go). A figure is computed only when the
// records hold something of its kind for the scope: a count of zero
// records is "not entered", never 0. It may then lack some records
// (Missing: projects whose budget was not published, …).
//
//   - fairs, study_tours, establishments_in_area: nothing. The records do
//     not hold them: a trade-fair project may cover several fairs, and the
//     establishments recorded are those the programme dealt with, not a
//     census of the area. The figure is shown alone, never a difference.
//   - A report about a larger area than the site's (the country) is never
//     compared.
//
// When the computed figure exceeds the reported one (see exceeds), the
// detailed records cannot all be right together with the report: Build
// warns at the figure's line so the officer checks both.

// khoangTolerancePercent is how far above a figure reported "khoảng" (about) the
// detailed records may add up before they count as exceeding it: 10%.
const khoangTolerancePercent = 10

// reconcile pairs every figure of a report with the computed one, in the
// order of ReportMetrics (metrics outside that list, which validation
// rejects, follow in byte order), and warns in diags for each computed
// figure that exceeds its reported one.
func reconcile(m *Model, rs *ReportStats, diags *diag.List) []Reconciled {
	r := rs.Report
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
		if rs.Comparable {
			computedFigure(m, rs, &rc)
		} else {
			rc.Reason = ReasonOtherArea
		}
		if rc.HasComputed && !q.Decimal {
			rc.Diff = q.Value - rc.Computed
			rc.Exceeds = exceeds(rc.Computed, q.Value, q.Approx)
		}
		if rc.Exceeds {
			pos := q.Pos
			if pos.File == "" {
				pos = r.Pos
			}
			diags.Warn(pos, "reported-exceeded", exceededMsg(r, rc))
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

// computedFigure sets the figure of the report's scope that a reported
// metric is compared with, or the reason there is none.
func computedFigure(m *Model, rs *ReportStats, rc *Reconciled) {
	ys := rs.Figures
	set := func(n int64, missing int) {
		if n == 0 {
			rc.Reason = ReasonNotEntered
			return
		}
		rc.Computed, rc.HasComputed, rc.Missing = n, true, missing
	}
	switch metric := rc.Metric; metric {
	case "establishments_supported":
		set(int64(ys.EstablishmentsSupported), ys.RecipientsUnknown)
	case "projects":
		set(int64(ys.Projects), 0)
	case "projects_accepted":
		set(int64(ys.Accepted), 0)
	case "demo_models":
		set(int64(ys.DemoModels), 0)
	case "entries":
		set(ys.Entries, 0)
	case "funding_total", "funding_kcqg", "funding_kcdp":
		stage := stageOf(rc.Reported.Stage)
		missing := ys.Unpublished + ys.SharedOutside
		for _, f := range ys.Funding {
			if f.Stage != stage {
				continue
			}
			if metric == "funding_total" {
				set(f.Total, missing)
				return
			}
			source := strings.TrimPrefix(metric, "funding_")
			for _, a := range f.BySource {
				if a.Key == source {
					set(a.Amount, missing+unknownSource(f))
					return
				}
			}
		}
		switch {
		case ys.Unpublished > 0:
			rc.Reason = ReasonUnpublished
		case ys.SharedOutside > 0:
			rc.Reason = ReasonShared
		default:
			rc.Reason = ReasonNotEntered
		}
	case "counterpart_total":
		set(ys.Costs.Counterpart, ys.Costs.CounterpartMissing)
	case "investment_total":
		set(ys.Costs.Total, ys.Costs.TotalMissing)
	case "leverage":
		if l, ok := ys.Costs.Leverage(); ok {
			rc.ComputedFloat, rc.HasComputed = l, true
			rc.Missing = ys.Projects - ys.Costs.LeverageProjects
		} else {
			rc.Reason = ReasonNotEntered
		}
	case "cnnt_tinh", "cnnt_khu_vuc", "cnnt_quoc_gia":
		set(int64(ys.Recognitions.ByKey["cnnt/"+strings.TrimPrefix(metric, "cnnt_")]), 0)
	case "ocop":
		var n int
		for k, v := range ys.Recognitions.ByKey {
			if strings.HasPrefix(k, "ocop/") {
				n += v
			}
		}
		set(int64(n), 0)
	case "ocop_3_sao", "ocop_4_sao", "ocop_5_sao":
		set(int64(ys.Recognitions.ByKey["stars/"+metric[5:6]]), 0)
	case "ocop_owners":
		set(int64(ys.Recognitions.Owners), 0)
	case "ocop_in_force":
		end := time.Date(rs.Report.To, 12, 31, 0, 0, 0, 0, time.UTC)
		set(int64(len(ocopInForce(m, end, rs.Report.Unit))), 0)
	default:
		rc.Reason = ReasonNotHeld
	}
}

// unknownSource counts the amounts of a stage whose source is not known
// or not allocated: a figure of one source may lack them.
func unknownSource(f StageFunding) int {
	n := 0
	for _, a := range f.BySource {
		if a.Key == KeyUnknown || a.Key == KeyUnallocated {
			n++
		}
	}
	return n
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
func exceededMsg(r *Report, rc Reconciled) diag.Msg {
	year := periodLabel(r)
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
			b.WriteString("report for " + year + ", figure \"" + Label(EnumMetric, rc.Metric, "en") + "\" (" + rc.Metric + ")")
			if stage != "" {
				b.WriteString(", stage " + Label(EnumStage, stage, "en"))
			}
			b.WriteString(": the detailed records add up to " + val(rc.Computed, "", "en") +
				", more than the published " + val(q.Value, q.Approx, "en"))
			if q.Approx == "khoang" {
				b.WriteString(" (by over " + strconv.Itoa(khoangTolerancePercent) + "%)")
			}
			b.WriteString("; check the records of " + year + " or the published figure")
			return b.String()
		}
		b.WriteString("báo cáo năm " + year + ", chỉ tiêu \"" + Label(EnumMetric, rc.Metric, "vi") + "\" (" + rc.Metric + ")")
		if stage != "" {
			b.WriteString(", giai đoạn " + Label(EnumStage, stage, "vi"))
		}
		b.WriteString(": số liệu chi tiết đã nhập là " + val(rc.Computed, "", "vi") +
			", vượt số liệu công bố " + val(q.Value, q.Approx, "vi"))
		if q.Approx == "khoang" {
			b.WriteString(" (vượt quá " + strconv.Itoa(khoangTolerancePercent) + "%)")
		}
		b.WriteString("; hãy kiểm tra lại các bản ghi năm " + year + " hoặc số liệu công bố")
		return b.String()
	}
	return diag.Msg{Vi: msg("vi"), En: msg("en")}
}
