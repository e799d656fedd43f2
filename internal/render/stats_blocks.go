package render

import (
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
)

// funding builds a section per budget stage; prefix keeps the ids of the
// page unique. Each breakdown lists only the amounts recorded under its
// keys, and the rest on one line that says it could not be broken down.
func (b statsBuilder) funding(stages []model.StageFunding, prefix string) []StatsStage {
	var out []StatsStage
	for _, sf := range stages {
		label := model.Label(model.EnumStage, sf.Stage, b.lang)
		s := StatsStage{
			Stage: sf.Stage, Label: label,
			Title: b.text("stats.fundingStage", label),
			Total: b.money(sf.Total), TotalFull: b.moneyFull(sf.Total),
		}
		if sf.Shared > 0 {
			s.Note = b.text("stats.sharedCounted", sf.Shared)
		}
		id := prefix + "-" + strings.ReplaceAll(sf.Stage, "_", "-")
		enumBlock := func(key, enum string, amounts []model.Amount) {
			var rows []statsAmount
			for _, a := range amounts {
				rows = append(rows, statsAmount{label: b.keyLabel(enum, a.Key, key), amount: a.Amount})
			}
			s.Blocks = append(s.Blocks, b.amountBlock(id+"-"+key, b.text("stats.by."+key), b.text("stats.dim."+key), sf.Total, rows, ""))
		}
		enumBlock("source", model.EnumFundingSource, sf.BySource)
		enumBlock("activity", model.EnumActivity, sf.ByActivity)
		enumBlock("type", model.EnumProjectType, sf.ByType)
		var rows []statsAmount
		for _, ua := range sf.ByUnit {
			row := statsAmount{label: b.text("stats.unallocated.unit"), amount: ua.Amount}
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

// fundingNotes say what the funding figures of a set of records lack.
func (b statsBuilder) fundingNotes(ys *model.YearStats) []string {
	var out []string
	if ys.Unpublished > 0 {
		out = append(out, b.text("stats.unpublished", ys.Unpublished))
	}
	if ys.SharedOutside > 0 {
		out = append(out, b.text("stats.sharedOutside", ys.SharedOutside))
	}
	return out
}

// keyLabel names a key of a breakdown: an enum value, the source not
// known, or the amounts that cannot be put under one key of dim.
func (b statsBuilder) keyLabel(enum, key, dim string) string {
	switch key {
	case model.KeyUnallocated:
		return b.text("stats.unallocated." + dim)
	case model.KeyUnknown:
		if enum == model.EnumFundingSource {
			return sentence(b.text("stats.sourceUnknown"))
		}
		return b.text("stats.notGiven")
	}
	return sentence(model.Label(enum, key, b.lang))
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
		if strings.HasPrefix(k, "cnnt/") || strings.HasPrefix(k, "ocop/") {
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
			reported := b.text("project.notPublished")
			if n, ok := rs.Reported[k]; ok {
				reported = b.count(n)
			}
			listed := b.text("stats.notListed")
			if n := rs.ByKey[k]; n > 0 {
				listed = b.count(n)
				c.Categories = append(c.Categories, label)
				c.Series[0].Values = append(c.Series[0].Values, int64(n))
			}
			t.Rows = append(t.Rows, StatsRow{Label: label, Cells: []string{listed, reported}})
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
			units = append(units, statsCount{label: b.text("stats.unallocated.recUnit"), n: rest})
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

// levelLabel names a "scheme/level" key: "Sản phẩm công nghiệp nông thôn
// tiêu biểu cấp tỉnh", "OCOP cấp tỉnh".
func (b statsBuilder) levelLabel(k string) string {
	scheme, level, _ := strings.Cut(k, "/")
	return b.text("stats.scheme."+scheme, model.Label(model.EnumLevel, level, b.lang))
}
