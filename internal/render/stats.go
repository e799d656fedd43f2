package render

import (
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// The statistics section: /so-lieu/ (page kind "stats", data
// *StatsOverview) sums every year; /so-lieu/<year>/ (kind "stats-year",
// data *StatsYear) shows one year and sets the figures of the site's
// reports of that year beside those computed from the detailed records;
// /so-lieu/bao-cao/<id>/ (kind "report", data *ReportView) shows one
// report, of any unit and years, beside the records of the same unit and
// years. The figures come from model.Stats, computed once by the model;
// here they are only chosen, labelled and formatted. Nothing is filled
// in: a figure the records do not give is said in words ("chưa công bố",
// "không có số liệu"), never 0; a row or chart without any data is left
// out.

// StatsOverview is the data of /so-lieu/.
type StatsOverview struct {
	// Years has a row per year, linking to the year's page.
	Years StatsTable
	// Charts are funding by year and source, and establishments supported
	// by year.
	Charts []StatsBlock
	// Funding is the funding of every year, one entry per budget stage.
	Funding []StatsStage
	// FundingNotes say what the funding figures lack.
	FundingNotes []string
	// Recognitions are by scheme and level, by product group and by unit.
	Recognitions []StatsBlock
	// OCOP are the OCOP certificates still valid on the build date, by
	// stars (highest first); empty when there are none.
	OCOP []StatsStars
	// Reports link to every report's page.
	Reports []ReportLink
}

// StatsYear is the data of /so-lieu/<year>/.
type StatsYear struct {
	Year  int
	Stats *model.YearStats
	// Facts are the headline figures computed from the detailed records.
	Facts []StatsFact
	// Reports are the reports of the site's area for this one year, each
	// beside the records; Others link to the other reports whose years
	// include this one (of several years, or of another unit).
	Reports []*ReportView
	Others  []ReportLink
	Funding []StatsStage
	// FundingNotes say what the funding figures lack.
	FundingNotes []string
	// Supported are the distinct named establishments supported this year,
	// in directory order; Unnamed is the number of the others (projects
	// that give only a count of beneficiaries).
	Supported []*model.Establishment
	Unnamed   int
	// Recognitions are the awards of the year's rounds by scheme and level,
	// by product group and by unit.
	Recognitions []StatsBlock
	// Prev and Next are the neighbouring years that have a page, 0 when
	// none.
	Prev, Next int
}

// StatsFact is a labelled headline figure.
type StatsFact struct {
	Label, Value string
	// Note explains how the figure was obtained, "" when plain.
	Note string
}

// StatsStage is the funding of one budget stage, with its breakdowns.
type StatsStage struct {
	// Stage is the enum key ("phe_duyet"); Label its name ("phê duyệt").
	Stage, Label string
	// Title heads the section: "Kinh phí khuyến công (phê duyệt)".
	Title string
	// Total in prose ("2,1 tỷ đồng") and in full ("2.100.000.000 đồng").
	Total, TotalFull string
	// Note says what the total holds, "" when plain.
	Note string
	// Blocks are by funding source, activity, project type and unit.
	Blocks []StatsBlock
}

// StatsBlock is one figure of a statistics page: a chart (whose SVG is ""
// when there is nothing to draw) and the table of its figures, which is
// the chart's text equivalent.
type StatsBlock struct {
	// ID is unique within the page; the heading and the chart use it.
	ID    string
	Title string
	Chart Chart
	Table StatsTable
	// Note explains the figures, "" when they need no explanation.
	Note string
}

// StatsTable is a table of figures, every cell formatted.
type StatsTable struct {
	Caption string
	// Head are the column headings: the row labels' first, then one per
	// cell.
	Head []string
	Rows []StatsRow
	// Foot is the total row, nil when the table has none.
	Foot *StatsRow
}

// StatsRow is one row of a StatsTable.
type StatsRow struct {
	Label string
	// Href is the site-relative file the label links to, "" for none.
	Href  string
	Cells []string
}

// StatsStars is the valid OCOP certificates with a number of stars.
type StatsStars struct {
	Stars  int
	Label  string
	Count  string
	Awards []*model.Recognition
}

// stats writes /so-lieu/.
func (r *renderer) stats() {
	sb := statsBuilder{m: r.m, f: r.f, lang: r.lang}
	t := r.f.i18n
	list, _ := Path("stats")
	r.emit(r.newPage("stats", list, t.text("stats.title"), t.text("stats.description"), sb.overview()))
}

// statsYears writes a statistics page per year.
func (r *renderer) statsYears() {
	sb := statsBuilder{m: r.m, f: r.f, lang: r.lang}
	t := r.f.i18n
	for i := range r.m.Stats.Years {
		y := sb.year(i)
		file, _ := Path("stats-year", y.Year)
		r.emit(r.newPage("stats-year", file, t.text("stats.yearTitle", y.Year), t.text("stats.yearDescription", y.Year), y, r.section("stats")))
	}
}

// reportPages writes a page per report of figures.
func (r *renderer) reportPages() {
	sb := statsBuilder{m: r.m, f: r.f, lang: r.lang}
	t := r.f.i18n
	for _, rs := range r.m.Stats.Reports {
		v := sb.report(rs)
		file, _ := Path(rs.Report)
		r.emit(r.newPage("report", file, v.Title, t.text("report.description", v.Period), v, r.section("stats")))
	}
}

// statsBuilder turns model.Stats into the data of the statistics pages.
type statsBuilder struct {
	m    *model.Model
	f    *funcs
	lang string
}

func (b statsBuilder) text(key string, args ...any) string { return b.f.i18n.text(key, args...) }

func (b statsBuilder) count(n int) string { return vi.NumberIn(int64(n), b.lang) }

func (b statsBuilder) money(n int64) string { return vi.Money(n, "", b.lang) }

func (b statsBuilder) moneyFull(n int64) string { return vi.MoneyFullIn(n, b.lang) }

// share writes part as a percentage of whole, "" when whole is 0.
func (b statsBuilder) share(part, whole int64) string {
	if whole == 0 {
		return ""
	}
	return vi.Percent(float64(part)*100/float64(whole), 1, b.lang)
}

// countOr writes a count, or "không có số liệu" for none.
func (b statsBuilder) countOr(n int) string {
	if n == 0 {
		return b.text("stats.noData")
	}
	return b.count(n)
}

// headlineFunding writes a year's funding of its main stage, the stage
// named when it is not phê duyệt and the projects without a published
// budget counted: "270 triệu đồng (1 đề án chưa công bố kinh phí)".
func (b statsBuilder) headlineFunding(y *model.YearStats) string {
	if len(y.Funding) == 0 {
		switch {
		case y.Unpublished > 0:
			return b.text("project.notPublished")
		case y.Projects > 0:
			return b.text("stats.noOwnFunding")
		}
		return b.text("stats.noData")
	}
	main := y.Funding[y.Main]
	s := b.money(main.Total)
	var notes []string
	if main.Stage != "phe_duyet" {
		notes = append(notes, model.Label(model.EnumStage, main.Stage, b.lang))
	}
	if y.Unpublished > 0 {
		notes = append(notes, b.text("stats.unpublishedShort", y.Unpublished))
	}
	if y.SharedOutside > 0 {
		notes = append(notes, b.text("stats.sharedShort", y.SharedOutside))
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, "; ") + ")"
	}
	return s
}

// overview builds the data of /so-lieu/.
func (b statsBuilder) overview() *StatsOverview {
	st := &b.m.Stats
	o := &StatsOverview{}

	o.Years = StatsTable{
		Caption: b.text("stats.years"),
		Head: []string{b.text("stats.year"), b.text("stats.projects"), b.text("stats.supported"),
			b.text("stats.funding"), b.text("stats.recognitions"), b.text("stats.hasReport")},
	}
	for _, y := range st.Years {
		href, _ := Path("stats-year", y.Year)
		report := b.text("stats.noReportShort")
		if len(y.Reports) > 0 {
			report = b.text("stats.yes")
		}
		supported := b.countOr(y.EstablishmentsSupported)
		if y.Projects == 0 {
			supported = b.text("stats.noData")
		}
		o.Years.Rows = append(o.Years.Rows, StatsRow{
			Label: strconv.Itoa(y.Year), Href: href,
			Cells: []string{b.countOr(y.Projects), supported, b.headlineFunding(y), b.countOr(y.Recognitions.Total), report},
		})
	}

	if c := b.fundingByYear(); !c.Empty() {
		o.Charts = append(o.Charts, StatsBlock{ID: "kinh-phi-theo-nam", Title: c.Title, Chart: c, Table: chartStatsTable(c), Note: b.text("stats.stageNote")})
	}
	if c := b.supportedByYear(); !c.Empty() {
		o.Charts = append(o.Charts, StatsBlock{ID: "co-so-theo-nam", Title: c.Title, Chart: c, Table: chartStatsTable(c), Note: b.text("stats.supportedNote")})
	}
	o.Funding = b.funding(st.All.Funding, "tat-ca")
	o.FundingNotes = b.fundingNotes(&st.All)
	o.Recognitions = b.recognitions(st.All.Recognitions, "tat-ca")

	for i := len(st.OCOPValid) - 1; i >= 0; i-- {
		sc := st.OCOPValid[i]
		if sc.Count == 0 {
			continue
		}
		o.OCOP = append(o.OCOP, StatsStars{Stars: sc.Stars, Label: b.text("stats.stars", sc.Stars), Count: b.count(sc.Count), Awards: sc.Awards})
	}
	for _, rs := range st.Reports {
		o.Reports = append(o.Reports, b.link(rs.Report))
	}
	return o
}

// chartStatsTable is the table equivalent of a chart as a StatsTable.
func chartStatsTable(c Chart) StatsTable {
	ct := c.Table()
	t := StatsTable{Caption: c.Title, Head: ct.Head}
	for _, row := range ct.Rows {
		t.Rows = append(t.Rows, StatsRow{Label: row[0], Cells: row[1:]})
	}
	return t
}

// fundingByYear charts each year's funding of its headline stage, stacked
// by funding source. A year whose headline stage is not phê duyệt says
// which stage it shows; a year without any published budget is left out.
func (b statsBuilder) fundingByYear() Chart {
	c := Chart{
		ID: "bieu-do-kinh-phi-theo-nam", Kind: ChartColumns, Money: true, Lang: b.lang,
		Title: b.text("stats.chartFunding"), Desc: b.text("stats.chartFundingDesc"),
		CategoryLabel: b.text("stats.year"),
	}
	var sources []string
	seen := map[string]bool{}
	var years []*model.YearStats
	for _, y := range b.m.Stats.Years {
		if len(y.Funding) == 0 {
			continue
		}
		years = append(years, y)
		for _, a := range y.Funding[y.Main].BySource {
			if !seen[a.Key] {
				seen[a.Key] = true
				sources = append(sources, a.Key)
			}
		}
	}
	sortSourceKeys(sources)
	for _, s := range sources {
		c.Series = append(c.Series, ChartSeries{Label: b.keyLabel(model.EnumFundingSource, s, "source")})
	}
	for _, y := range years {
		main := y.Funding[y.Main]
		cat := strconv.Itoa(y.Year)
		if main.Stage != "phe_duyet" {
			cat += " (" + model.Label(model.EnumStage, main.Stage, b.lang) + ")"
		}
		c.Categories = append(c.Categories, cat)
		for k, s := range sources {
			var v int64
			for _, a := range main.BySource {
				if a.Key == s {
					v = a.Amount
				}
			}
			c.Series[k].Values = append(c.Series[k].Values, v)
		}
	}
	return c
}

// sortSourceKeys orders funding source keys as the data contract does,
// the source not known and the amounts not allocated last.
func sortSourceKeys(keys []string) {
	rank := func(k string) int {
		switch k {
		case model.KeyUnknown:
			return 1 << 10
		case model.KeyUnallocated:
			return 1<<10 + 1
		}
		return model.EnumIndex(model.EnumFundingSource, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && rank(keys[j]) < rank(keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

// supportedByYear charts the establishments supported each year, leaving
// out the years the records give none for.
func (b statsBuilder) supportedByYear() Chart {
	c := Chart{
		ID: "bieu-do-co-so-theo-nam", Kind: ChartColumns, Lang: b.lang,
		Title: b.text("stats.chartSupported"), Desc: b.text("stats.chartSupportedDesc"),
		CategoryLabel: b.text("stats.year"),
		Series:        []ChartSeries{{Label: b.text("stats.supported")}},
	}
	for _, y := range b.m.Stats.Years {
		if y.EstablishmentsSupported == 0 {
			continue
		}
		c.Categories = append(c.Categories, strconv.Itoa(y.Year))
		c.Series[0].Values = append(c.Series[0].Values, int64(y.EstablishmentsSupported))
	}
	return c
}

// year builds the data of the page of b.m.Stats.Years[i].
func (b statsBuilder) year(i int) *StatsYear {
	years := b.m.Stats.Years
	ys := years[i]
	y := &StatsYear{Year: ys.Year, Stats: ys}
	if i > 0 {
		y.Prev = years[i-1].Year
	}
	if i+1 < len(years) {
		y.Next = years[i+1].Year
	}
	y.Facts = b.facts(ys)
	for _, rs := range ys.Reports {
		y.Reports = append(y.Reports, b.report(rs))
	}
	for _, rs := range b.m.Stats.Reports {
		r := rs.Report
		if r.From <= ys.Year && ys.Year <= r.To && (r.MultiYear() || r.Unit != nil) {
			y.Others = append(y.Others, b.link(r))
		}
	}
	// Ids start with a letter, for CSS and for fragment links.
	prefix := "nam-" + strconv.Itoa(ys.Year)
	y.Funding = b.funding(ys.Funding, prefix)
	y.FundingNotes = b.fundingNotes(ys)
	y.Supported = b.supported(ys.Year)
	y.Unnamed = ys.EstablishmentsSupported - ys.NamedSupported
	y.Recognitions = b.recognitions(ys.Recognitions, prefix)
	return y
}

// facts are the headline figures of a set of records; a figure the records
// give nothing for is left out.
func (b statsBuilder) facts(ys *model.YearStats) []StatsFact {
	var out []StatsFact
	add := func(label, value, note string) { out = append(out, StatsFact{Label: label, Value: value, Note: note}) }
	if ys.Projects > 0 {
		add(b.text("stats.projects"), b.count(ys.Projects), "")
	}
	var lacks []string
	if ys.Unpublished > 0 {
		lacks = append(lacks, b.text("stats.unpublishedShort", ys.Unpublished))
	}
	if ys.SharedOutside > 0 {
		lacks = append(lacks, b.text("stats.sharedShort", ys.SharedOutside))
	}
	if len(ys.Funding) > 0 {
		main := ys.Funding[ys.Main]
		stage := model.Label(model.EnumStage, main.Stage, b.lang)
		note := strings.Join(append([]string{b.moneyFull(main.Total)}, lacks...), "; ")
		add(b.text("stats.fundingStage", stage), b.money(main.Total), note)
	} else if ys.Projects > 0 {
		value := b.text("project.notPublished")
		if ys.Unpublished == 0 {
			value = b.text("stats.noOwnFunding")
		}
		add(b.text("stats.funding"), value, strings.Join(lacks, "; "))
	}
	c := ys.Costs
	if c.CounterpartProjects > 0 {
		add(b.text("stats.counterpart"), b.money(c.Counterpart), b.text("stats.ofProjects", c.CounterpartProjects, ys.Projects))
	}
	if c.TotalProjects > 0 {
		add(b.text("stats.investment"), b.money(c.Total), b.text("stats.ofProjects", c.TotalProjects, ys.Projects))
	}
	if l, ok := c.Leverage(); ok {
		add(b.text("stats.leverage"), vi.DecimalUpTo(l, 2, b.lang), b.text("stats.leverageNote", c.LeverageProjects))
	}
	if ys.EstablishmentsSupported > 0 {
		unnamed := ys.EstablishmentsSupported - ys.NamedSupported
		note := b.text("stats.supportedSplit", ys.NamedSupported, unnamed)
		switch {
		case unnamed == 0:
			note = b.text("stats.supportedNamed")
		case ys.NamedSupported == 0:
			note = b.text("stats.supportedUnnamed")
		}
		if ys.RecipientsUnknown > 0 {
			note += "; " + b.text("stats.recipientsUnknown", ys.RecipientsUnknown)
		}
		add(b.text("stats.supported"), b.count(ys.EstablishmentsSupported), note)
	}
	if ys.AvgSupport > 0 {
		stage := model.Label(model.EnumStage, ys.Funding[ys.Main].Stage, b.lang)
		add(b.text("stats.average"), b.money(ys.AvgSupport), b.text("stats.averageNote", stage))
	}
	if ys.HasAccepted {
		add(b.text("stats.accepted"), b.count(ys.Accepted), b.text("stats.acceptedNote"))
	}
	if ys.DemoModels > 0 {
		add(model.Label(model.EnumMetric, "demo_models", b.lang), b.count(ys.DemoModels), "")
	}
	if ys.EntriesRounds > 0 {
		add(model.Label(model.EnumMetric, "entries", b.lang), vi.NumberIn(ys.Entries, b.lang), "")
	}
	if ys.Recognitions.Total > 0 {
		add(b.text("stats.recognitions"), b.count(ys.Recognitions.Total), "")
	}
	return out
}

// supported returns the distinct named establishments supported in year
// (projects not cancelled), in directory order.
func (b statsBuilder) supported(year int) []*model.Establishment {
	seen := map[*model.Establishment]bool{}
	for _, p := range b.m.Projects {
		if p.Year != year || p.Status == "huy" {
			continue
		}
		for _, ben := range p.Beneficiaries {
			if ben.Establishment != nil {
				seen[ben.Establishment] = true
			}
		}
	}
	var out []*model.Establishment
	for _, e := range b.m.Establishments {
		if seen[e] {
			out = append(out, e)
		}
	}
	return out
}

// sentence capitalises the first letter of a label used on its own
// ("khuyến công quốc gia" → "Khuyến công quốc gia").
func sentence(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
