package render

import (
	"sort"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// The statistics section: /so-lieu/ (page kind "stats", data
// *StatsOverview) sums every year; /so-lieu/<year>/ (kind "stats-year",
// data *StatsYear) shows one year and sets every officially reported
// figure beside the one computed from the detailed records. The figures
// come from model.Stats, computed once by the model; here they are only
// chosen, labelled and formatted. Nothing is filled in: a figure the
// records cannot give is shown as "—" with the reason, and a difference is
// shown as it is.

// StatsOverview is the data of /so-lieu/.
type StatsOverview struct {
	// Years has a row per year, linking to the year's page.
	Years StatsTable
	// Charts are funding by year and source, and establishments supported
	// by year.
	Charts []StatsBlock
	// Funding is the funding of every year, one entry per budget stage.
	Funding []StatsStage
	// Recognitions are by scheme and level, by product group and by unit.
	Recognitions []StatsBlock
	// OCOP are the OCOP certificates still valid on the build date, by
	// stars (highest first); empty when there are none.
	OCOP []StatsStars
}

// StatsYear is the data of /so-lieu/<year>/.
type StatsYear struct {
	Year  int
	Stats *model.YearStats
	// Facts are the headline figures computed from the detailed records.
	Facts []StatsFact
	// Report is the year's official report (its notes and sources), nil
	// when none; Reconciliation sets each of its figures beside the
	// computed one.
	Report         *model.Report
	Reconciliation []StatsReconciled
	Funding        []StatsStage
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

// StatsReconciled is one reported figure beside the computed one.
type StatsReconciled struct {
	Metric string
	// Label names the metric (with the budget stage for money).
	Label string
	// Reported is the figure as published, with its qualifier ("gần 4,5
	// tỷ đồng").
	Reported string
	// Computed and Diff are "" when the records cannot give the figure
	// (the page then says so); ComputedFull and DiffFull write money in
	// full, "" for counts.
	Computed, ComputedFull string
	Diff, DiffFull         string
	// Approx is true when the reported figure is rounded: the difference
	// is then approximate too.
	Approx bool
	// Exceeds marks a computed figure above the reported one (beyond its
	// qualifier): one of the two needs checking.
	Exceeds bool
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
		funding := "—"
		if len(y.Funding) > 0 {
			main := y.Funding[y.Main]
			funding = b.money(main.Total)
			if main.Stage != "phe_duyet" {
				funding += " (" + model.Label(model.EnumStage, main.Stage, b.lang) + ")"
			}
		}
		report := "—"
		if y.Report != nil {
			report = b.text("stats.yes")
		}
		o.Years.Rows = append(o.Years.Rows, StatsRow{
			Label: strconv.Itoa(y.Year), Href: href,
			Cells: []string{b.count(y.Projects), b.count(y.EstablishmentsSupported), funding, b.count(y.Recognitions.Total), report},
		})
	}

	if c := b.fundingByYear(); !c.Empty() {
		o.Charts = append(o.Charts, StatsBlock{ID: "kinh-phi-theo-nam", Title: c.Title, Chart: c, Table: chartStatsTable(c), Note: b.text("stats.stageNote")})
	}
	if c := b.supportedByYear(); !c.Empty() {
		o.Charts = append(o.Charts, StatsBlock{ID: "co-so-theo-nam", Title: c.Title, Chart: c, Table: chartStatsTable(c), Note: b.text("stats.supportedNote")})
	}
	o.Funding = b.funding(st.All.Funding, "tat-ca")
	o.Recognitions = b.recognitions(st.All.Recognitions, "tat-ca")

	for i := len(st.OCOPValid) - 1; i >= 0; i-- {
		sc := st.OCOPValid[i]
		if sc.Count == 0 {
			continue
		}
		o.OCOP = append(o.OCOP, StatsStars{Stars: sc.Stars, Label: b.text("stats.stars", sc.Stars), Count: b.count(sc.Count), Awards: sc.Awards})
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
// which stage it shows.
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
	sort.SliceStable(sources, func(i, j int) bool {
		return model.EnumIndex(model.EnumFundingSource, sources[i]) < model.EnumIndex(model.EnumFundingSource, sources[j])
	})
	for _, s := range sources {
		c.Series = append(c.Series, ChartSeries{Label: sentence(model.Label(model.EnumFundingSource, s, b.lang))})
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

// supportedByYear charts the establishments supported each year.
func (b statsBuilder) supportedByYear() Chart {
	c := Chart{
		ID: "bieu-do-co-so-theo-nam", Kind: ChartColumns, Lang: b.lang,
		Title: b.text("stats.chartSupported"), Desc: b.text("stats.chartSupportedDesc"),
		CategoryLabel: b.text("stats.year"),
		Series:        []ChartSeries{{Label: b.text("stats.supported")}},
	}
	for _, y := range b.m.Stats.Years {
		if y.Projects == 0 {
			continue
		}
		c.Categories = append(c.Categories, strconv.Itoa(y.Year))
		c.Series[0].Values = append(c.Series[0].Values, int64(y.EstablishmentsSupported))
	}
	return c
}

// funding builds a section per budget stage; prefix keeps the ids of the
// page unique.
func (b statsBuilder) funding(stages []model.StageFunding, prefix string) []StatsStage {
	var out []StatsStage
	for _, sf := range stages {
		label := model.Label(model.EnumStage, sf.Stage, b.lang)
		s := StatsStage{
			Stage: sf.Stage, Label: label,
			Title: b.text("stats.fundingStage", label),
			Total: b.money(sf.Total), TotalFull: b.moneyFull(sf.Total),
		}
		id := prefix + "-" + strings.ReplaceAll(sf.Stage, "_", "-")
		enumBlock := func(key, enum string, amounts []model.Amount) {
			var rows []statsAmount
			for _, a := range amounts {
				label := b.text("stats.notGiven")
				if a.Key != "" {
					label = sentence(model.Label(enum, a.Key, b.lang))
				}
				rows = append(rows, statsAmount{label: label, amount: a.Amount})
			}
			s.Blocks = append(s.Blocks, b.amountBlock(id+"-"+key, b.text("stats.by."+key), b.text("stats.dim."+key), sf.Total, rows, ""))
		}
		enumBlock("source", model.EnumFundingSource, sf.BySource)
		enumBlock("activity", model.EnumActivity, sf.ByActivity)
		enumBlock("type", model.EnumProjectType, sf.ByType)
		var rows []statsAmount
		for _, ua := range sf.ByUnit {
			row := statsAmount{label: b.text("stats.unitUnknown"), amount: ua.Amount}
			if ua.Unit != nil {
				row.label = sentence(b.f.unitName(ua.Unit))
				row.href, _ = Path(ua.Unit)
			}
			rows = append(rows, row)
		}
		s.Blocks = append(s.Blocks, b.amountBlock(id+"-unit", b.text("stats.by.unit"), b.text("stats.dim.unit"), sf.Total, rows, b.text("stats.byUnitNote")))
		out = append(out, s)
	}
	return out
}

// statsAmount is one line of a breakdown of funding.
type statsAmount struct {
	label, href string
	amount      int64
}

// amountBlock charts a breakdown of a total as horizontal bars, with the
// table of amounts, shares and the total.
func (b statsBuilder) amountBlock(id, title, dim string, total int64, rows []statsAmount, note string) StatsBlock {
	c := Chart{ID: "bieu-do-" + id, Kind: ChartBars, Title: title, CategoryLabel: dim, Money: true, Lang: b.lang,
		Series: []ChartSeries{{Label: b.text("stats.amount")}}}
	t := StatsTable{Caption: title, Head: []string{dim, b.text("stats.amount"), b.text("stats.share")}}
	for _, r := range rows {
		c.Categories = append(c.Categories, r.label)
		c.Series[0].Values = append(c.Series[0].Values, r.amount)
		t.Rows = append(t.Rows, StatsRow{Label: r.label, Href: r.href, Cells: []string{b.moneyFull(r.amount), b.share(r.amount, total)}})
	}
	t.Foot = &StatsRow{Label: b.text("stats.total"), Cells: []string{b.moneyFull(total), b.share(total, total)}}
	return StatsBlock{ID: id, Title: title, Chart: c, Table: t, Note: note}
}

// recognitions builds the blocks of a RecognitionStats: by scheme and
// level (listed beside reported), by product group, by unit.
func (b statsBuilder) recognitions(rs model.RecognitionStats, prefix string) []StatsBlock {
	var out []StatsBlock

	// By scheme and level: every key with listed awards or a reported
	// count, in the data contract's order.
	keys := map[string]bool{}
	for _, k := range rs.Keys {
		if strings.Contains(k, "/") && !strings.HasPrefix(k, "group/") && !strings.HasPrefix(k, "unit/") {
			keys[k] = true
		}
	}
	for k := range rs.Reported {
		keys[k] = true
	}
	levels := make([]string, 0, len(keys))
	for k := range keys {
		levels = append(levels, k)
	}
	model.SortSchemeLevels(levels)
	if len(levels) > 0 {
		title := b.text("stats.recByLevel")
		dim := b.text("stats.level")
		c := Chart{ID: "bieu-do-" + prefix + "-cap", Kind: ChartBars, Title: title, CategoryLabel: dim, Lang: b.lang,
			Desc:   b.text("stats.recListedDesc"),
			Series: []ChartSeries{{Label: b.text("stats.listed")}}}
		t := StatsTable{Caption: title, Head: []string{dim, b.text("stats.listed"), b.text("stats.reportedCount")}}
		for _, k := range levels {
			label := b.levelLabel(k)
			reported := "—"
			if n, ok := rs.Reported[k]; ok {
				reported = b.count(n)
			}
			c.Categories = append(c.Categories, label)
			c.Series[0].Values = append(c.Series[0].Values, int64(rs.ByKey[k]))
			t.Rows = append(t.Rows, StatsRow{Label: label, Cells: []string{b.count(rs.ByKey[k]), reported}})
		}
		out = append(out, StatsBlock{ID: prefix + "-cap", Title: title, Chart: c, Table: t, Note: b.text("stats.recLevelNote")})
	}

	var groups, units []statsCount
	for _, k := range rs.Keys {
		switch {
		case strings.HasPrefix(k, "group/"):
			g := strings.TrimPrefix(k, "group/")
			label := b.text("stats.groupNone")
			if g != "" {
				label = sentence(model.Label(model.EnumGroup, g, b.lang))
			}
			groups = append(groups, statsCount{label: label, n: rs.ByKey[k]})
		case strings.HasPrefix(k, "unit/"):
			u := b.m.UnitByID[strings.TrimPrefix(k, "unit/")]
			if u == nil || !b.isAreaPart(u) {
				continue
			}
			href, _ := Path(u)
			units = append(units, statsCount{label: sentence(b.f.unitName(u)), href: href, n: rs.ByKey[k]})
		}
	}
	if len(groups) > 0 {
		out = append(out, b.countBlock(prefix+"-nhom", b.text("stats.recByGroup"), b.text("stats.group"), groups, rs.Total, ""))
	}
	if rs.Total > 0 {
		var sum int
		for _, u := range units {
			sum += u.n
		}
		if rest := rs.Total - sum; rest > 0 {
			units = append(units, statsCount{label: b.text("stats.unitUnknown"), n: rest})
		}
		out = append(out, b.countBlock(prefix+"-dia-ban", b.text("stats.recByUnit"), b.text("stats.unit"), units, rs.Total, b.text("stats.recUnitNote")))
	}
	return out
}

// statsCount is one line of a breakdown of a count.
type statsCount struct {
	label, href string
	n           int
}

// countBlock charts a breakdown of a count as horizontal bars, with the
// table of counts and the total.
func (b statsBuilder) countBlock(id, title, dim string, rows []statsCount, total int, note string) StatsBlock {
	c := Chart{ID: "bieu-do-" + id, Kind: ChartBars, Title: title, CategoryLabel: dim, Lang: b.lang,
		Series: []ChartSeries{{Label: b.text("stats.count")}}}
	t := StatsTable{Caption: title, Head: []string{dim, b.text("stats.count")}}
	for _, r := range rows {
		c.Categories = append(c.Categories, r.label)
		c.Series[0].Values = append(c.Series[0].Values, int64(r.n))
		t.Rows = append(t.Rows, StatsRow{Label: r.label, Href: r.href, Cells: []string{b.count(r.n)}})
	}
	t.Foot = &StatsRow{Label: b.text("stats.total"), Cells: []string{b.count(total)}}
	return StatsBlock{ID: id, Title: title, Chart: c, Table: t, Note: note}
}

// isAreaPart reports whether u is one of the units directly below the area
// the site reports on (the district level of a province): recognitions
// are counted at every unit up the tree, and one level keeps the chart a
// partition. Without an area, the units below the top ones are used.
func (b statsBuilder) isAreaPart(u *model.Unit) bool {
	if u.Parent == nil {
		return false
	}
	if area := b.m.Site.Area; area != nil {
		return u.Parent == area
	}
	return u.Parent.Parent == nil
}

// levelLabel names a "scheme/level" key: "SP CNNT tiêu biểu cấp tỉnh",
// "OCOP cấp tỉnh".
func (b statsBuilder) levelLabel(k string) string {
	scheme, level, _ := strings.Cut(k, "/")
	return b.text("stats.scheme."+scheme, model.Label(model.EnumLevel, level, b.lang))
}

// year builds the data of the page of b.m.Stats.Years[i].
func (b statsBuilder) year(i int) *StatsYear {
	years := b.m.Stats.Years
	ys := years[i]
	y := &StatsYear{Year: ys.Year, Stats: ys, Report: ys.Report}
	if i > 0 {
		y.Prev = years[i-1].Year
	}
	if i+1 < len(years) {
		y.Next = years[i+1].Year
	}

	y.Facts = append(y.Facts, StatsFact{Label: b.text("stats.projects"), Value: b.count(ys.Projects)})
	if len(ys.Funding) > 0 {
		main := ys.Funding[ys.Main]
		stage := model.Label(model.EnumStage, main.Stage, b.lang)
		y.Facts = append(y.Facts, StatsFact{
			Label: b.text("stats.fundingStage", stage),
			Value: b.money(main.Total), Note: b.moneyFull(main.Total),
		})
	}
	y.Unnamed = ys.EstablishmentsSupported - ys.NamedSupported
	y.Facts = append(y.Facts, StatsFact{
		Label: b.text("stats.supported"), Value: b.count(ys.EstablishmentsSupported),
		Note: b.text("stats.supportedSplit", ys.NamedSupported, y.Unnamed),
	})
	if ys.AvgSupport > 0 {
		stage := model.Label(model.EnumStage, ys.Funding[ys.Main].Stage, b.lang)
		y.Facts = append(y.Facts, StatsFact{
			Label: b.text("stats.average"), Value: b.money(ys.AvgSupport),
			Note: b.text("stats.averageNote", stage),
		})
	}
	y.Facts = append(y.Facts, StatsFact{Label: b.text("stats.recognitions"), Value: b.count(ys.Recognitions.Total)})

	for _, rc := range ys.Reconciled {
		y.Reconciliation = append(y.Reconciliation, b.reconciled(rc))
	}
	// Ids start with a letter, for CSS and for fragment links.
	prefix := "nam-" + strconv.Itoa(ys.Year)
	y.Funding = b.funding(ys.Funding, prefix)
	y.Supported = b.supported(ys.Year)
	y.Recognitions = b.recognitions(ys.Recognitions, prefix)
	return y
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
	if q.Money {
		stage := q.Stage
		if stage == "" {
			stage = "phe_duyet"
		}
		out.Label += " (" + model.Label(model.EnumStage, stage, b.lang) + ")"
		out.Reported = vi.Money(q.Value, q.Approx, b.lang)
	} else {
		out.Reported = vi.Count(q.Value, q.Approx, b.lang)
	}
	if !rc.HasComputed {
		return out
	}
	if q.Money {
		out.Computed, out.ComputedFull = b.money(rc.Computed), b.moneyFull(rc.Computed)
		out.Diff, out.DiffFull = b.signed(rc.Diff, b.money), b.signed(rc.Diff, b.moneyFull)
	} else {
		out.Computed = vi.NumberIn(rc.Computed, b.lang)
		out.Diff = b.signed(rc.Diff, func(n int64) string { return vi.NumberIn(n, b.lang) })
	}
	return out
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

func init() {
	// The statistics pages' interface strings join the theme's tables, so
	// that templates reach them with t and sites override them by key.
	for k, v := range statsI18n {
		if _, ok := i18nVi[k]; !ok {
			i18nVi[k] = v[0]
		}
		if _, ok := i18nEn[k]; !ok {
			i18nEn[k] = v[1]
		}
	}
}

// statsI18n holds the interface strings of the statistics pages:
// Vietnamese, English.
var statsI18n = map[string][2]string{
	"stats.title":              {"Số liệu khuyến công", "Industrial promotion figures"},
	"stats.description":        {"Kinh phí khuyến công, cơ sở được hỗ trợ và sản phẩm được công nhận qua các năm, tính từ dữ liệu chi tiết đã nhập, bên cạnh số liệu công bố.", "Industrial promotion funding, establishments supported and products recognised over the years, computed from the detailed records, beside the reported figures."},
	"stats.yearTitle":          {"Số liệu năm %d", "Figures for %d"},
	"stats.yearDescription":    {"Kinh phí khuyến công, cơ sở được hỗ trợ và sản phẩm được công nhận năm %d, đối chiếu với số liệu công bố.", "Industrial promotion funding, establishments supported and products recognised in %d, compared with the reported figures."},
	"stats.years":              {"Số liệu theo năm", "Figures by year"},
	"stats.year":               {"Năm", "Year"},
	"stats.projects":           {"Số đề án", "Projects"},
	"stats.supported":          {"Số cơ sở được hỗ trợ", "Establishments supported"},
	"stats.supportedSplit":     {"%d cơ sở có tên trong dữ liệu, %d cơ sở chỉ biết số lượng", "%d named in the records, %d known by number only"},
	"stats.supportedNote":      {"Mỗi cơ sở được tính một lần trong năm dù nhận hỗ trợ từ nhiều đề án; cơ sở chưa có tên trong dữ liệu được tính theo số lượng đề án ghi nhận.", "Each establishment counts once a year however many projects supported it; those not named in the records are counted from the number each project gives."},
	"stats.funding":            {"Kinh phí khuyến công", "Industrial promotion funding"},
	"stats.fundingStage":       {"Kinh phí khuyến công (%s)", "Industrial promotion funding (%s)"},
	"stats.recognitions":       {"Số sản phẩm được công nhận", "Products recognised"},
	"stats.hasReport":          {"Số liệu công bố", "Reported figures"},
	"stats.yes":                {"Có", "Yes"},
	"stats.chartFunding":       {"Kinh phí khuyến công theo năm và nguồn kinh phí", "Industrial promotion funding by year and source"},
	"stats.chartFundingDesc":   {"Biểu đồ cột chồng, mỗi năm một cột chia theo nguồn kinh phí; số trên cột là tổng kinh phí của năm, đơn vị đồng.", "Stacked columns, one per year, split by funding source; the figure above each column is the year's total in đồng."},
	"stats.chartSupported":     {"Số cơ sở được hỗ trợ theo năm", "Establishments supported by year"},
	"stats.chartSupportedDesc": {"Biểu đồ cột, mỗi năm một cột.", "Columns, one per year."},
	"stats.stageNote":          {"Mỗi năm tính theo giai đoạn kinh phí phê duyệt, hoặc giai đoạn ghi trong ngoặc khi năm đó không có số phê duyệt; các giai đoạn (đề nghị, phê duyệt, giải ngân, quyết toán) không bao giờ được cộng với nhau.", "Each year shows its approved funding, or the stage in brackets when the year has no approved figure; the stages (requested, approved, disbursed, settled) are never added together."},
	"stats.by.source":          {"Theo nguồn kinh phí", "By funding source"},
	"stats.by.activity":        {"Theo nội dung hoạt động", "By activity"},
	"stats.by.type":            {"Theo loại đề án", "By project type"},
	"stats.by.unit":            {"Theo địa bàn", "By area"},
	"stats.dim.source":         {"Nguồn kinh phí", "Funding source"},
	"stats.dim.activity":       {"Nội dung hoạt động", "Activity"},
	"stats.dim.type":           {"Loại đề án", "Project type"},
	"stats.dim.unit":           {"Địa bàn", "Area"},
	"stats.byUnitNote":         {"Kinh phí mỗi đề án được chia cho địa bàn của các cơ sở thụ hưởng có tên (theo địa chỉ lúc ghi nhận): theo kinh phí của từng cơ sở khi có đủ, nếu không thì chia đều. Đề án chưa có tên cơ sở thụ hưởng được xếp vào dòng chưa rõ địa bàn.", "Each project's funding is split among the areas of its named beneficiaries (as recorded at the time): by each one's amount when all are given, else equally. Projects without named beneficiaries are under area not known."},
	"stats.unitUnknown":        {"Chưa rõ địa bàn", "Area not known"},
	"stats.notGiven":           {"Chưa ghi", "Not given"},
	"stats.amount":             {"Kinh phí", "Funding"},
	"stats.share":              {"Tỷ lệ", "Share"},
	"stats.total":              {"Tổng cộng", "Total"},
	"stats.count":              {"Số sản phẩm", "Products"},
	"stats.recByLevel":         {"Sản phẩm được công nhận theo cấp", "Products recognised by level"},
	"stats.recByGroup":         {"Sản phẩm được công nhận theo nhóm sản phẩm", "Products recognised by product group"},
	"stats.recByUnit":          {"Sản phẩm được công nhận theo địa bàn", "Products recognised by area"},
	"stats.recListedDesc":      {"Số sản phẩm có trong dữ liệu chi tiết.", "Products in the detailed records."},
	"stats.recLevelNote":       {"Số công bố của vòng bình chọn có thể lớn hơn số sản phẩm đã nhập vào dữ liệu chi tiết.", "A round may have recognised more products than the detailed records list."},
	"stats.recUnitNote":        {"Theo địa chỉ của cơ sở sản xuất lúc ghi nhận.", "By the address of the establishment as recorded."},
	"stats.level":              {"Cấp công nhận", "Level"},
	"stats.group":              {"Nhóm sản phẩm", "Product group"},
	"stats.unit":               {"Địa bàn", "Area"},
	"stats.listed":             {"Trong dữ liệu chi tiết", "In the detailed records"},
	"stats.reportedCount":      {"Theo công bố của vòng", "As reported by the round"},
	"stats.groupNone":          {"Chưa phân nhóm", "No group given"},
	"stats.scheme.cnnt":        {"SP CNNT tiêu biểu %s", "Standout products, %s"},
	"stats.scheme.ocop":        {"OCOP %s", "OCOP, %s"},
	"stats.ocop":               {"Sản phẩm OCOP còn hiệu lực", "Valid OCOP certificates"},
	"stats.ocopNote":           {"Giấy chứng nhận OCOP còn hiệu lực vào ngày %s.", "OCOP certificates valid on %s."},
	"stats.stars":              {"%d sao", "%d stars"},
	"stats.reconciliation":     {"Đối chiếu với số liệu công bố", "Reported figures and detailed records"},
	"stats.reconIntro":         {"Mỗi số liệu công bố được đặt cạnh số liệu tính từ dữ liệu chi tiết đã nhập. Phần chênh lệch chỉ được nêu ra, không được bù vào.", "Each reported figure is set beside the figure computed from the detailed records. The difference is shown, never filled in."},
	"stats.metric":             {"Chỉ tiêu", "Figure"},
	"stats.reported":           {"Số liệu công bố", "Reported figure"},
	"stats.computed":           {"Số liệu chi tiết đã nhập", "Figure from the detailed records"},
	"stats.diff":               {"Chênh lệch", "Difference"},
	"stats.notComputed":        {"không tính được từ dữ liệu chi tiết", "cannot be computed from the detailed records"},
	"stats.exceeds":            {"Số liệu chi tiết lớn hơn số liệu công bố: cần kiểm tra lại", "The detailed records exceed the reported figure: check both"},
	"stats.diffNote":           {"Chênh lệch bằng số liệu công bố trừ số liệu chi tiết đã nhập. Khi số liệu công bố là số làm tròn (gần, khoảng, hơn…), chênh lệch cũng chỉ là gần đúng.", "The difference is the reported figure minus the figure from the detailed records. When the reported figure is rounded (nearly, about, more than…), so is the difference."},
	"stats.noReport":           {"Chưa có số liệu công bố cho năm %d.", "No figures have been reported for %d yet."},
	"stats.reportNotes":        {"Ghi chú về số liệu công bố", "Notes on the reported figures"},
	"stats.facts":              {"Số liệu chi tiết đã nhập", "From the detailed records"},
	"stats.supportedList":      {"Cơ sở được hỗ trợ", "Establishments supported"},
	"stats.unnamed":            {"Ngoài ra có %d cơ sở được hỗ trợ chưa có tên trong dữ liệu (đề án chỉ ghi số lượng).", "A further %d establishments were supported whose names are not in the records (the projects give a number only)."},
	"stats.average":            {"Hỗ trợ bình quân mỗi cơ sở", "Average support per establishment"},
	"stats.averageNote":        {"kinh phí giai đoạn %s chia cho số cơ sở được hỗ trợ", "%s funding divided by the establishments supported"},
	"stats.yearNav":            {"Các năm khác", "Other years"},
	"stats.prev":               {"Năm trước: %d", "Previous year: %d"},
	"stats.next":               {"Năm sau: %d", "Next year: %d"},
	"stats.all":                {"Tất cả các năm", "All years"},
	"stats.none":               {"Chưa có số liệu.", "No figures yet."},
	"stats.fundingAll":         {"Kinh phí khuyến công, tất cả các năm", "Industrial promotion funding, all years"},
	"stats.recognitionsAll":    {"Sản phẩm được công nhận, tất cả các năm", "Products recognised, all years"},
	"stats.recognitionsYear":   {"Sản phẩm được công nhận trong năm", "Products recognised this year"},
	"stats.fundingYear":        {"Kinh phí khuyến công trong năm", "Industrial promotion funding this year"},
	"stats.chartData":          {"Số liệu của biểu đồ", "The chart's figures"},
}
