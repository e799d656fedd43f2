package render

import (
	"html"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Charts are drawn at build time as inline SVG: no script, no external
// file, readable from a 360 px phone (the drawing is 340 units wide and
// scales to the width of its container, so that its text is about 13 px
// there) and printable. Every text in the
// drawing is escaped; every chart has a title and a description the
// screen reader announces (role="img", aria-labelledby), and the page
// shows the same figures as a table (Chart.Table). Values are written on
// the bars in Vietnamese formatting, so colour is never the only way to
// read a figure.

// ChartKind is the shape of a chart.
type ChartKind int

const (
	// ChartColumns draws one vertical column per category, its series
	// stacked (funding by year and source; establishments by year). Past
	// maxColumns categories, where the values above the columns would
	// collide on a phone, it is drawn as ChartBars, which stays readable
	// however many categories there are.
	ChartColumns ChartKind = iota
	// ChartBars draws one horizontal bar per category, its series stacked,
	// with the category's name above the bar (recognitions by level or
	// group; funding by unit).
	ChartBars
)

// Chart is a chart's data: what SVG draws and Table lists.
type Chart struct {
	// ID is unique within the page ("bieu-do-kinh-phi"); the ids of the
	// title and description elements derive from it.
	ID   string
	Kind ChartKind
	// Title names the chart; Desc says in a sentence what it shows.
	Title, Desc string
	// CategoryLabel heads the table's first column ("Năm", "Cấp").
	CategoryLabel string
	Categories    []string
	// Series are stacked in order; each has one value per category.
	Series []ChartSeries
	// Money is true when the values are amounts of đồng.
	Money bool
	// Lang is the interface language ("vi" or "en").
	Lang string
}

// ChartSeries is one series of a chart.
type ChartSeries struct {
	Label  string
	Values []int64
}

// ChartTable is the table equivalent of a chart, every cell formatted.
type ChartTable struct {
	Head []string
	Rows [][]string
}

// Total returns the sum of the series for category i.
func (c Chart) Total(i int) int64 {
	var t int64
	for _, s := range c.Series {
		if i < len(s.Values) {
			t += s.Values[i]
		}
	}
	return t
}

// Empty reports whether the chart has nothing to draw: no category, or
// every value zero.
func (c Chart) Empty() bool {
	for i := range c.Categories {
		if c.Total(i) != 0 {
			return false
		}
	}
	return true
}

// Table returns the chart's figures as a table: a row per category, a
// column per series, and a total column when there are several series.
// Money is written in full ("2.100.000.000 đồng"), counts as numbers.
func (c Chart) Table() ChartTable {
	t := ChartTable{Head: []string{c.CategoryLabel}}
	for _, s := range c.Series {
		t.Head = append(t.Head, s.Label)
	}
	stacked := len(c.Series) > 1
	if stacked {
		t.Head = append(t.Head, chartWord("total", c.Lang))
	}
	for i, cat := range c.Categories {
		row := []string{cat}
		for _, s := range c.Series {
			var v int64
			if i < len(s.Values) {
				v = s.Values[i]
			}
			if stacked && v == 0 {
				// A part of a stack with nothing recorded: no data, not 0.
				row = append(row, chartWord("noData", c.Lang))
				continue
			}
			row = append(row, c.full(v))
		}
		if stacked {
			row = append(row, c.full(c.Total(i)))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// full formats a value for the table.
func (c Chart) full(v int64) string {
	if c.Money {
		return vi.MoneyFullIn(v, c.Lang)
	}
	return vi.NumberIn(v, c.Lang)
}

// short formats a value for a label on the drawing: "4,5 tỷ", "900 triệu",
// "350.000" for money (the unit, đồng, is named in the description).
func (c Chart) short(v int64) string {
	if !c.Money {
		return vi.NumberIn(v, c.Lang)
	}
	s := vi.Money(v, "", c.Lang)
	if c.Lang == "en" {
		return strings.TrimPrefix(s, "VND ")
	}
	return strings.TrimSuffix(s, " đồng")
}

// chartPalette holds the Okabe–Ito colours that keep a 3:1 contrast with
// the white page (WCAG 1.4.11), then two dark ones; it is distinguishable
// with the common colour-vision deficiencies. Stacked segments are also
// parted by a white line.
var chartPalette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#5D5D5D", "#332288"}

// Drawing constants, in SVG units.
const (
	chartWidth = 340
	chartPad   = 4
	chartFont  = 13
	// columnFont is the size of the values above columns, which share a
	// column's width.
	columnFont = 11
	// maxColumnWidth keeps a lone column from filling the drawing.
	maxColumnWidth = 64
	chartInk       = "#1a1a1a"
	chartAxis      = "#767676"
	legendRow      = 20
	maxColumns     = 5
	columnsHeight  = 180
	barThickness   = 18
	barRow         = 46
	// valueRoom is kept right of the longest bar for its value label.
	valueRoom = 84
)

// SVG draws the chart as inline SVG, "" when it is empty.
func (c Chart) SVG() template.HTML {
	if c.Empty() {
		return ""
	}
	var b strings.Builder
	var body string
	var height float64
	if c.Kind == ChartColumns && len(c.Categories) <= maxColumns {
		body, height = c.columns()
	} else {
		body, height = c.bars()
	}
	titleID, descID := c.ID+"-tieu-de", c.ID+"-mo-ta"
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="` + html.EscapeString(c.ID) +
		`" role="img" aria-labelledby="` + html.EscapeString(titleID+" "+descID) +
		`" viewBox="0 0 ` + strconv.Itoa(chartWidth) + ` ` + chartNum(height) +
		`" width="100%" style="max-width:540px;height:auto" font-family="system-ui,sans-serif" font-size="` + strconv.Itoa(chartFont) + `">`)
	b.WriteString(`<title id="` + html.EscapeString(titleID) + `">` + html.EscapeString(c.Title) + `</title>`)
	b.WriteString(`<desc id="` + html.EscapeString(descID) + `">` + html.EscapeString(c.description()) + `</desc>`)
	b.WriteString(body)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// description is Desc followed by the totals, for screen readers.
func (c Chart) description() string {
	parts := make([]string, len(c.Categories))
	for i, cat := range c.Categories {
		v := c.Total(i)
		s := c.full(v)
		if c.Money {
			s = vi.Money(v, "", c.Lang)
		}
		parts[i] = cat + ": " + s
	}
	d := strings.Join(parts, "; ") + "."
	if c.Desc != "" {
		d = strings.TrimSpace(c.Desc) + " " + d
	}
	return d
}

// legend draws one row per series (none for a single series) and returns
// its height.
func (c Chart) legend(b *strings.Builder) float64 {
	if len(c.Series) < 2 {
		return 0
	}
	for k, s := range c.Series {
		y := float64(k*legendRow) + chartPad
		b.WriteString(`<rect x="` + chartNum(chartPad) + `" y="` + chartNum(y+2) + `" width="14" height="14" fill="` + chartColor(k) + `"/>`)
		b.WriteString(`<text x="` + chartNum(chartPad+20) + `" y="` + chartNum(y+14) + `" fill="` + chartInk + `">` +
			html.EscapeString(chartClip(s.Label, chartWidth-chartPad*2-20)) + `</text>`)
	}
	return float64(len(c.Series)*legendRow) + chartPad*2
}

// peak returns the largest category total, at least 1.
func (c Chart) peak() int64 {
	var m int64 = 1
	for i := range c.Categories {
		m = max(m, c.Total(i))
	}
	return m
}

// columns draws vertical stacked columns; it returns the body and height.
func (c Chart) columns() (string, float64) {
	var b strings.Builder
	top := c.legend(&b) + chartFont + 8 // room for the value above the tallest column
	base := top + columnsHeight
	slot := float64(chartWidth-2*chartPad) / float64(len(c.Categories))
	width := min(slot*0.6, maxColumnWidth)
	scale := columnsHeight / float64(c.peak())
	b.WriteString(`<line x1="` + chartNum(chartPad) + `" y1="` + chartNum(base) + `" x2="` + chartNum(chartWidth-chartPad) + `" y2="` + chartNum(base) + `" stroke="` + chartAxis + `"/>`)
	for i, cat := range c.Categories {
		x := chartPad + slot*float64(i) + (slot-width)/2
		mid := chartPad + slot*float64(i) + slot/2
		y := base
		for k, s := range c.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			h := float64(s.Values[i]) * scale
			y -= h
			b.WriteString(`<rect x="` + chartNum(x) + `" y="` + chartNum(y) + `" width="` + chartNum(width) + `" height="` + chartNum(h) +
				`" fill="` + chartColor(k) + `" stroke="#fff" stroke-width="1"/>`)
		}
		b.WriteString(`<text x="` + chartNum(mid) + `" y="` + chartNum(y-4) + `" text-anchor="middle" fill="` + chartInk + `" font-size="` + strconv.Itoa(columnFont) + `" font-weight="bold">` +
			html.EscapeString(c.short(c.Total(i))) + `</text>`)
		b.WriteString(`<text x="` + chartNum(mid) + `" y="` + chartNum(base+chartFont+4) + `" text-anchor="middle" fill="` + chartInk + `">` +
			html.EscapeString(chartClip(cat, slot)) + `</text>`)
	}
	return b.String(), base + chartFont + 10
}

// bars draws horizontal stacked bars; it returns the body and height.
func (c Chart) bars() (string, float64) {
	var b strings.Builder
	top := c.legend(&b)
	full := float64(chartWidth - 2*chartPad - valueRoom)
	scale := full / float64(c.peak())
	for i, cat := range c.Categories {
		y := top + float64(i*barRow)
		b.WriteString(`<text x="` + chartNum(chartPad) + `" y="` + chartNum(y+chartFont+2) + `" fill="` + chartInk + `">` +
			html.EscapeString(chartClip(cat, chartWidth-2*chartPad)) + `</text>`)
		by := y + chartFont + 8
		x := float64(chartPad)
		for k, s := range c.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			w := float64(s.Values[i]) * scale
			b.WriteString(`<rect x="` + chartNum(x) + `" y="` + chartNum(by) + `" width="` + chartNum(w) + `" height="` + chartNum(barThickness) +
				`" fill="` + chartColor(k) + `" stroke="#fff" stroke-width="1"/>`)
			x += w
		}
		b.WriteString(`<text x="` + chartNum(x+6) + `" y="` + chartNum(by+barThickness-5) + `" fill="` + chartInk + `" font-weight="bold">` +
			html.EscapeString(c.short(c.Total(i))) + `</text>`)
	}
	b.WriteString(`<line x1="` + chartNum(chartPad) + `" y1="` + chartNum(top) + `" x2="` + chartNum(chartPad) + `" y2="` + chartNum(top+float64(len(c.Categories)*barRow)) + `" stroke="` + chartAxis + `"/>`)
	return b.String(), top + float64(len(c.Categories)*barRow) + chartPad
}

// chartClip shortens s with "…" so that it fits in width units at the chart's
// font size (a character taken as 0.6 em wide); the table keeps the
// whole text.
func chartClip(s string, width float64) string {
	most := int(width / (chartFont * 0.6))
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	if most < 2 {
		return "…"
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:most-1])) + "…"
}

// chartColor returns the palette colour of series k.
func chartColor(k int) string { return chartPalette[k%len(chartPalette)] }

// chartNum writes x with one decimal, for deterministic drawings.
func chartNum(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// chartWord returns a word of the charts and statistics pages.
func chartWord(key, lang string) string {
	return chartWords[key].Text(lang)
}

var chartWords = map[string]diag.Msg{
	"total":  {Vi: "Tổng", En: "Total"},
	"noData": {Vi: "không có số liệu", En: "no data"},
}
