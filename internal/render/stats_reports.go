package render

import (
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// ReportView is a report with its figures set beside those of the
// detailed records of the same unit and years: the data of a report's
// page, and one table of a year's page.
type ReportView struct {
	Report *model.Report
	Title  string
	// Href is the report's page (site-relative).
	Href string
	// Area names the unit reported on: the site's area when the report
	// names none.
	Area *model.Unit
	// Period names the years: "năm 2023", "giai đoạn 2021–2025".
	Period string
	// Comparable is false for a report about a larger area than the
	// site's (the whole country): its figures stand alone.
	Comparable bool
	Rows       []StatsReconciled
	// Shares are the figures published as a percentage of another.
	Shares []string
	// Facts are the figures of the records of the same unit and years.
	Facts []StatsFact
}

// ReportLink leads to a report's page.
type ReportLink struct {
	Title, Href string
	// Note names the unit and years: "tỉnh Tuyên Quang, 2021–2025".
	Note string
}

// StatsReconciled is one reported figure beside the computed one.
type StatsReconciled struct {
	Metric string
	// Label names the metric (with the budget stage for money).
	Label string
	// Reported is the figure as published, with its qualifier ("gần 4,5
	// tỷ đồng").
	Reported string
	// Computed and Diff are "" when the records cannot give the figure;
	// NotComputed then says why, in words. ComputedFull and DiffFull write
	// money in full, "" for counts.
	Computed, ComputedFull string
	Diff, DiffFull         string
	NotComputed            string
	// Missing says which records the computed figure lacks ("1 đề án chưa
	// công bố kinh phí"), "" when none.
	Missing string
	// Approx is true when the reported figure is rounded: the difference
	// is then approximate too.
	Approx bool
	// Exceeds marks a computed figure above the reported one (beyond its
	// qualifier): one of the two needs checking.
	Exceeds bool
}

// periodText names a report's years: "năm 2023", "giai đoạn 2021–2025".
func (b statsBuilder) periodText(r *model.Report) string {
	if r.MultiYear() {
		return b.text("report.period", r.From, r.To)
	}
	return b.text("report.year", r.Year)
}

// link leads to a report's page.
func (b statsBuilder) link(r *model.Report) ReportLink {
	href, _ := Path(r)
	area := r.Unit
	if area == nil {
		area = b.m.Site.Area
	}
	note := b.periodText(r)
	if area != nil {
		note = b.f.unitName(area) + ", " + note
	}
	return ReportLink{Title: b.f.reportTitle(r), Href: href, Note: note}
}

// report formats a report beside the records.
func (b statsBuilder) report(rs *model.ReportStats) *ReportView {
	r := rs.Report
	href, _ := Path(r)
	v := &ReportView{Report: r, Title: b.f.reportTitle(r), Href: href, Area: r.Unit, Period: b.periodText(r), Comparable: rs.Comparable}
	if v.Area == nil {
		v.Area = b.m.Site.Area
	}
	for _, rc := range rs.Reconciled {
		v.Rows = append(v.Rows, b.reconciled(rc))
	}
	for _, s := range r.Shares {
		of := s.Of
		if model.EnumIndex(model.EnumMetric, of) < len(model.EnumValues(model.EnumMetric)) {
			of = lower(model.Label(model.EnumMetric, of, b.lang))
		}
		v.Shares = append(v.Shares, b.text("report.share", model.Label(model.EnumMetric, s.Metric, b.lang), vi.DecimalUpTo(s.Percent, 2, b.lang)+"%", of))
	}
	if rs.Figures != nil {
		v.Facts = b.facts(rs.Figures)
	}
	return v
}

// lower puts the first letter of a label in lower case, for use inside a
// sentence ("Tổng kinh phí" → "tổng kinh phí").
func lower(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// reconciled formats one reported figure beside the computed one.
func (b statsBuilder) reconciled(rc model.Reconciled) StatsReconciled {
	q := rc.Reported
	out := StatsReconciled{
		Metric:  rc.Metric,
		Label:   model.Label(model.EnumMetric, rc.Metric, b.lang),
		Approx:  q.Approx != "",
		Exceeds: rc.Exceeds,
	}
	switch {
	case q.Decimal:
		out.Reported = qualified(vi.DecimalUpTo(q.Float, 2, b.lang), q.Approx, b.lang)
	case q.Money:
		out.Label += " (" + model.Label(model.EnumStage, stageOr(q.Stage), b.lang) + ")"
		out.Reported = vi.Money(q.Value, q.Approx, b.lang)
	default:
		out.Reported = vi.Count(q.Value, q.Approx, b.lang)
	}
	if !rc.HasComputed {
		out.NotComputed = b.text("reason." + rc.Reason)
		return out
	}
	if rc.Missing > 0 {
		out.Missing = b.text("missing."+missingKind(rc.Metric), rc.Missing)
	}
	switch {
	case q.Decimal:
		out.Computed = vi.DecimalUpTo(rc.ComputedFloat, 2, b.lang)
		out.Diff = b.signedDecimal(q.Float - rc.ComputedFloat)
	case q.Money:
		out.Computed, out.ComputedFull = b.money(rc.Computed), b.moneyFull(rc.Computed)
		out.Diff, out.DiffFull = b.signed(rc.Diff, b.money), b.signed(rc.Diff, b.moneyFull)
	default:
		out.Computed = vi.NumberIn(rc.Computed, b.lang)
		out.Diff = b.signed(rc.Diff, func(n int64) string { return vi.NumberIn(n, b.lang) })
	}
	return out
}

// missingKind names what a metric's computed figure may lack, for the
// message key.
func missingKind(metric string) string {
	switch metric {
	case "funding_total", "funding_kcqg", "funding_kcdp":
		return "funding"
	case "establishments_supported":
		return "recipients"
	case "counterpart_total":
		return "counterpart"
	case "investment_total":
		return "investment"
	case "leverage":
		return "leverage"
	}
	return "records"
}

// qualified puts an approx qualifier before a formatted figure.
func qualified(s, approx, lang string) string {
	if w := vi.Approx(approx, lang); w != "" {
		return w + " " + s
	}
	return s
}

func stageOr(stage string) string {
	if stage == "" {
		return "phe_duyet"
	}
	return stage
}

// signed writes a difference with its sign: "+12", "−3", "0".
func (b statsBuilder) signed(n int64, format func(int64) string) string {
	switch {
	case n > 0:
		return "+" + format(n)
	case n < 0:
		return "−" + format(-n)
	}
	return format(0)
}

// signedDecimal writes a difference of ratios with its sign, to two
// decimals.
func (b statsBuilder) signedDecimal(x float64) string {
	s := vi.DecimalUpTo(abs(x), 2, b.lang)
	switch {
	case s == "0":
		return s
	case x > 0:
		return "+" + s
	}
	return "−" + s
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
