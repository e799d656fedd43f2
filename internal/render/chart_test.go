package render

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func fundingChart() Chart {
	return Chart{
		ID:            "bieu-do-kinh-phi",
		Kind:          ChartColumns,
		Title:         "Kinh phí khuyến công theo năm",
		Desc:          "Kinh phí phê duyệt, đơn vị: đồng, theo nguồn kinh phí.",
		CategoryLabel: "Năm",
		Categories:    []string{"2020", "2021", "2022"},
		Series: []ChartSeries{
			{Label: "Khuyến công quốc gia", Values: []int64{2_100_000_000, 0, 1_500_000_000}},
			{Label: "Khuyến công địa phương", Values: []int64{0, 850_000_000, 450_000_000}},
		},
		Money: true,
	}
}

func levelChart() Chart {
	return Chart{
		ID:            "bieu-do-cap",
		Kind:          ChartBars,
		Title:         "Sản phẩm được công nhận theo cấp",
		CategoryLabel: "Cấp",
		Categories:    []string{"SP CNNT tiêu biểu cấp tỉnh", "SP CNNT tiêu biểu cấp khu vực phía Nam"},
		Series:        []ChartSeries{{Label: "Số sản phẩm", Values: []int64{11, 1}}},
	}
}

func TestChartGolden(t *testing.T) {
	tests := []struct {
		name  string
		chart Chart
	}{
		{"chart-columns-stacked.svg", fundingChart()},
		{"chart-bars.svg", levelChart()},
	}
	many := Chart{ID: "nhieu-nam", Kind: ChartColumns, Title: "Cơ sở được hỗ trợ theo năm", CategoryLabel: "Năm",
		Series: []ChartSeries{{Label: "Số cơ sở"}}}
	for y := 2016; y <= 2025; y++ {
		many.Categories = append(many.Categories, fmt.Sprint(y))
		many.Series[0].Values = append(many.Series[0].Values, int64(y-2010))
	}
	tests = append(tests, struct {
		name  string
		chart Chart
	}{"chart-columns-many.svg", many})
	for _, tt := range tests {
		got := string(tt.chart.SVG())
		golden.Check(t, tt.name, []byte(got+"\n"))
		checkSVG(t, tt.name, got)
		// The same data gives the same drawing.
		if again := string(tt.chart.SVG()); again != got {
			t.Errorf("%s: two drawings differ", tt.name)
		}
	}
}

// checkSVG parses a chart and checks its accessible name and description.
func checkSVG(t *testing.T, name, svg string) {
	t.Helper()
	var doc struct {
		Role     string `xml:"role,attr"`
		Labelled string `xml:"aria-labelledby,attr"`
		ViewBox  string `xml:"viewBox,attr"`
		Width    string `xml:"width,attr"`
		Title    struct {
			ID   string `xml:"id,attr"`
			Text string `xml:",chardata"`
		} `xml:"title"`
		Desc struct {
			ID   string `xml:"id,attr"`
			Text string `xml:",chardata"`
		} `xml:"desc"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("%s is not well-formed: %v", name, err)
	}
	if doc.Role != "img" || doc.Labelled != doc.Title.ID+" "+doc.Desc.ID || doc.Title.Text == "" || doc.Desc.Text == "" {
		t.Errorf("%s: role %q, aria-labelledby %q, title %q (%s), desc %q (%s)", name, doc.Role, doc.Labelled,
			doc.Title.Text, doc.Title.ID, doc.Desc.Text, doc.Desc.ID)
	}
	if doc.Width != "100%" || !strings.HasPrefix(doc.ViewBox, "0 0 340 ") {
		t.Errorf("%s: width %q, viewBox %q", name, doc.Width, doc.ViewBox)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if el, ok := tok.(xml.StartElement); ok {
			if el.Name.Local == "script" || el.Name.Local == "foreignObject" {
				t.Errorf("%s holds a %s element", name, el.Name.Local)
			}
			for _, a := range el.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("%s holds an event handler %s", name, a.Name.Local)
				}
			}
		}
	}
}

func TestChartTable(t *testing.T) {
	got := fundingChart().Table()
	want := ChartTable{
		Head: []string{"Năm", "Khuyến công quốc gia", "Khuyến công địa phương", "Tổng"},
		Rows: [][]string{
			// A source with nothing recorded in a year: no data, not 0.
			{"2020", "2.100.000.000 đồng", "không có số liệu", "2.100.000.000 đồng"},
			{"2021", "không có số liệu", "850.000.000 đồng", "850.000.000 đồng"},
			{"2022", "1.500.000.000 đồng", "450.000.000 đồng", "1.950.000.000 đồng"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("funding table:\ngot  %q\nwant %q", got, want)
	}
	got = levelChart().Table()
	want = ChartTable{
		Head: []string{"Cấp", "Số sản phẩm"},
		Rows: [][]string{{"SP CNNT tiêu biểu cấp tỉnh", "11"}, {"SP CNNT tiêu biểu cấp khu vực phía Nam", "1"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("level table:\ngot  %q\nwant %q", got, want)
	}
	en := fundingChart()
	en.Lang = "en"
	if row := en.Table().Rows[2]; row[3] != "VND 1,950,000,000" {
		t.Errorf("English total %q", row[3])
	}
}

func TestChartLabels(t *testing.T) {
	c := fundingChart()
	tests := []struct {
		v          int64
		money      bool
		lang, want string
	}{
		{4_500_000_000, true, "vi", "4,5 tỷ"},
		{900_000_000, true, "vi", "900 triệu"},
		{350_000, true, "vi", "350.000"},
		{4_500_000_000, true, "en", "4.5 billion"},
		{10_000, false, "vi", "10.000"},
		{10_000, false, "en", "10,000"},
	}
	for _, tt := range tests {
		c.Money, c.Lang = tt.money, tt.lang
		if got := c.short(tt.v); got != tt.want {
			t.Errorf("short(%d, money %v, %s) = %q, want %q", tt.v, tt.money, tt.lang, got, tt.want)
		}
	}
	if got, want := fundingChart().description(),
		"Kinh phí phê duyệt, đơn vị: đồng, theo nguồn kinh phí. 2020: 2,1 tỷ đồng; 2021: 850 triệu đồng; 2022: 1,95 tỷ đồng."; got != want {
		t.Errorf("description %q, want %q", got, want)
	}
}

func TestChartClip(t *testing.T) {
	tests := []struct {
		s     string
		width float64
		want  string
	}{
		{"Tri Tôn", 100, "Tri Tôn"},
		{"chế biến nông, lâm, thủy sản và thực phẩm", 156, "chế biến nông, lâm,…"},
		{"abc", 5, "…"},
	}
	for _, tt := range tests {
		if got := chartClip(tt.s, tt.width); got != tt.want {
			t.Errorf("chartClip(%q, %v) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestChartEmptyAndHostile(t *testing.T) {
	if got := (Chart{ID: "x", Categories: []string{"2020"}, Series: []ChartSeries{{Values: []int64{0}}}}).SVG(); got != "" {
		t.Errorf("all-zero chart drew %q", got)
	}
	if got := (Chart{ID: "x"}).SVG(); got != "" {
		t.Errorf("empty chart drew %q", got)
	}
	c := Chart{
		ID: `x" onload="alert(1)`, Kind: ChartBars, Title: hostile, Desc: hostile, CategoryLabel: hostile,
		Categories: []string{hostile},
		Series:     []ChartSeries{{Label: hostile, Values: []int64{3}}, {Label: "b", Values: []int64{2}}},
	}
	svg := string(c.SVG())
	for _, bad := range []string{"<script", "</script", "<img", `" onload`} {
		if strings.Contains(svg, bad) {
			t.Errorf("chart holds %q raw:\n%s", bad, svg)
		}
	}
	checkSVG(t, "hostile", svg)
}

// FuzzChartSVG draws charts of arbitrary labels and values: the drawing is
// always well-formed, accessible and free of script.
func FuzzChartSVG(f *testing.F) {
	f.Add("2020", "Khuyến công quốc gia", int64(2_100_000_000), int64(0), true, false)
	f.Add(hostile, "]]><!--", int64(1), int64(-5), false, true)
	f.Fuzz(func(t *testing.T, cat, series string, a, b int64, money, bars bool) {
		if !xmlText(cat) || !xmlText(series) {
			t.Skip("the loader hands on valid UTF-8 text only")
		}
		c := Chart{ID: "f", Title: "Biểu đồ " + cat, Desc: series, CategoryLabel: cat, Money: money,
			Categories: []string{cat, series},
			Series:     []ChartSeries{{Label: series, Values: []int64{a % (1 << 50), b % (1 << 50)}}, {Label: cat, Values: []int64{b % (1 << 50)}}}}
		if bars {
			c.Kind = ChartBars
		}
		svg := string(c.SVG())
		if svg == "" {
			if !c.Empty() {
				t.Fatal("a chart with figures drew nothing")
			}
			return
		}
		checkSVG(t, "fuzz", svg)
		if len(c.Table().Rows) != 2 {
			t.Fatal("table rows differ from categories")
		}
	})
}

// xmlText reports whether s is valid UTF-8 made of characters XML allows.
func xmlText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}
