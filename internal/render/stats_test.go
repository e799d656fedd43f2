package render

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
)

// exampleModel builds the model of the repository's example site (the
// seed article's figures).
func exampleModel(t *testing.T) *model.Model {
	t.Helper()
	src, diags := load.LoadDir("../..")
	if diags.HasErrors() {
		t.Fatalf("loading the example site: %v", diags)
	}
	m, diags := model.Build(src, model.Options{Now: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatalf("building the example site: %v", diags)
	}
	return m
}

// statsRenderer sets up a renderer as Render does, writing into out.
func statsRenderer(t *testing.T, m *model.Model, lang string, out memSink) *renderer {
	t.Helper()
	f := newFuncs(m, Options{}, lang)
	r := &renderer{m: m, lang: lang, f: f, out: out, sum: Summary{Pages: map[string]int{}}, menu: defaultMenu(m, f.i18n)}
	th, diags := loadTheme(nil, f.FuncMap())
	if th == nil || diags.HasErrors() {
		t.Fatalf("theme: %v", diags)
	}
	r.th = th
	return r
}

func exampleYear(t *testing.T, m *model.Model, lang string, year int) *StatsYear {
	t.Helper()
	sb := statsBuilder{m: m, f: newFuncs(m, Options{}, lang), lang: lang}
	for i, y := range m.Stats.Years {
		if y.Year == year {
			return sb.year(i)
		}
	}
	t.Fatalf("no figures for %d", year)
	return nil
}

// TestStatsSeedYear checks the 2020 page data against the seed article:
// 19 establishments and nearly 4.5 billion đồng reported, 7 establishments
// and 2.1 billion in the detailed records (4 + 3 establishments, 1.2
// billion + 900 million).
func TestStatsSeedYear(t *testing.T) {
	m := exampleModel(t)
	y := exampleYear(t, m, "vi", 2020)
	want := []StatsReconciled{
		{Metric: "establishments_supported", Label: "Số cơ sở được hỗ trợ", Reported: "19", Computed: "7", Diff: "+12"},
		{Metric: "funding_total", Label: "Tổng kinh phí khuyến công (phê duyệt)", Reported: "gần 4,5 tỷ đồng",
			Computed: "2,1 tỷ đồng", ComputedFull: "2.100.000.000 đồng", Diff: "+2,4 tỷ đồng", DiffFull: "+2.400.000.000 đồng", Approx: true},
		// The round lists none of the 11 provincial products: the
		// records hold no figure, which is said in words, never 0.
		{Metric: "cnnt_tinh", Label: "Sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", Reported: "11", NotComputed: "chưa nhập dữ liệu chi tiết cho chỉ tiêu này"},
		{Metric: "cnnt_khu_vuc", Label: "Sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực", Reported: "1", Computed: "1", Diff: "0"},
		{Metric: "establishments_in_area", Label: "Số cơ sở công nghiệp nông thôn trên địa bàn", Reported: "khoảng 10.000", Approx: true,
			NotComputed: "dữ liệu chi tiết không ghi loại số liệu này"},
	}
	if len(y.Reports) != 1 || !reflect.DeepEqual(y.Reports[0].Rows, want) {
		t.Fatalf("reconciliation:\ngot  %+v\nwant %+v", y.Reports, want)
	}
	facts := []StatsFact{
		{Label: "Số đề án", Value: "2"},
		{Label: "Kinh phí khuyến công (phê duyệt)", Value: "2,1 tỷ đồng", Note: "2.100.000.000 đồng"},
		{Label: "Số cơ sở được hỗ trợ", Value: "7", Note: "chỉ biết số lượng, chưa có tên trong dữ liệu"},
		{Label: "Hỗ trợ bình quân mỗi cơ sở", Value: "300 triệu đồng", Note: "kinh phí giai đoạn phê duyệt chia cho số cơ sở được hỗ trợ"},
		{Label: "Số sản phẩm được công nhận", Value: "1"},
	}
	if !reflect.DeepEqual(y.Facts, facts) {
		t.Errorf("facts:\ngot  %+v\nwant %+v", y.Facts, facts)
	}
	if y.Unnamed != 7 || len(y.Supported) != 0 {
		t.Errorf("supported: %d named, %d unnamed; want 0 and 7", len(y.Supported), y.Unnamed)
	}

	if len(y.Funding) != 1 {
		t.Fatalf("funding stages: %d, want 1 (phê duyệt)", len(y.Funding))
	}
	tables := map[string]StatsTable{}
	for _, b := range y.Funding[0].Blocks {
		tables[b.ID] = b.Table
	}
	for _, b := range y.Recognitions {
		tables[b.ID] = b.Table
	}
	source := StatsTable{
		Caption: "Theo nguồn kinh phí",
		Head:    []string{"Nguồn kinh phí", "Kinh phí", "Tỷ lệ"},
		Rows:    []StatsRow{{Label: "Khuyến công quốc gia", Cells: []string{"2.100.000.000 đồng", "100%"}}},
		Foot:    &StatsRow{Label: "Tổng cộng", Cells: []string{"2.100.000.000 đồng", "100%"}},
	}
	if got := tables["nam-2020-phe-duyet-source"]; !reflect.DeepEqual(got, source) {
		t.Errorf("by source:\ngot  %+v\nwant %+v", got, source)
	}
	typ := StatsTable{
		Caption: "Theo loại đề án",
		Head:    []string{"Loại đề án", "Kinh phí", "Tỷ lệ"},
		Rows: []StatsRow{
			{Label: "Đề án nhóm", Cells: []string{"1.200.000.000 đồng", "57,1%"}},
			{Label: "Đề án đơn", Cells: []string{"900.000.000 đồng", "42,9%"}},
		},
		Foot: &StatsRow{Label: "Tổng cộng", Cells: []string{"2.100.000.000 đồng", "100%"}},
	}
	if got := tables["nam-2020-phe-duyet-type"]; !reflect.DeepEqual(got, typ) {
		t.Errorf("by type:\ngot  %+v\nwant %+v", got, typ)
	}
	unit := StatsTable{
		Caption: "Theo địa bàn",
		Head:    []string{"Địa bàn", "Kinh phí", "Tỷ lệ"},
		Rows:    []StatsRow{{Label: "Không phân bổ được theo địa bàn", Cells: []string{"2.100.000.000 đồng", "100%"}}},
		Foot:    &StatsRow{Label: "Tổng cộng", Cells: []string{"2.100.000.000 đồng", "100%"}},
	}
	if got := tables["nam-2020-phe-duyet-unit"]; !reflect.DeepEqual(got, unit) {
		t.Errorf("by unit:\ngot  %+v\nwant %+v", got, unit)
	}
	level := StatsTable{
		Caption: "Sản phẩm được công nhận theo cấp",
		Head:    []string{"Cấp công nhận", "Trong dữ liệu chi tiết", "Theo công bố của vòng"},
		Rows: []StatsRow{
			{Label: "Sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", Cells: []string{"chưa nhập danh sách", "11"}},
			{Label: "Sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực", Cells: []string{"1", "chưa công bố"}},
		},
	}
	if got := tables["nam-2020-cap"]; !reflect.DeepEqual(got, level) {
		t.Errorf("by level:\ngot  %+v\nwant %+v", got, level)
	}
	// The establishment is recorded at the province alone: no district
	// has it, and the table says so rather than guessing.
	byUnit := StatsTable{
		Caption: "Sản phẩm được công nhận theo địa bàn",
		Head:    []string{"Địa bàn", "Số sản phẩm"},
		Rows:    []StatsRow{{Label: "Không phân bổ được theo địa bàn", Cells: []string{"1"}}},
		Foot:    &StatsRow{Label: "Tổng cộng", Cells: []string{"1"}},
	}
	if got := tables["nam-2020-dia-ban"]; !reflect.DeepEqual(got, byUnit) {
		t.Errorf("recognitions by unit:\ngot  %+v\nwant %+v", got, byUnit)
	}
}

func TestStatsSeedOverview(t *testing.T) {
	m := exampleModel(t)
	sb := statsBuilder{m: m, f: newFuncs(m, Options{}, "vi"), lang: "vi"}
	o := sb.overview()
	years := StatsTable{
		Caption: "Số liệu theo năm",
		Head:    []string{"Năm", "Số đề án", "Số cơ sở được hỗ trợ", "Kinh phí khuyến công", "Số sản phẩm được công nhận", "Số liệu công bố"},
		Rows: []StatsRow{{Label: "2020", Href: "so-lieu/2020/index.html",
			Cells: []string{"2", "7", "2,1 tỷ đồng", "1", "Có"}}},
	}
	if !reflect.DeepEqual(o.Years, years) {
		t.Errorf("years:\ngot  %+v\nwant %+v", o.Years, years)
	}
	if len(o.Charts) != 2 {
		t.Fatalf("%d charts, want funding and establishments by year", len(o.Charts))
	}
	funding := o.Charts[0].Chart
	if funding.Categories[0] != "2020" || len(funding.Series) != 1 || funding.Series[0].Label != "Khuyến công quốc gia" ||
		funding.Series[0].Values[0] != 2_100_000_000 {
		t.Errorf("funding chart: %+v", funding)
	}
	if got := o.Charts[1].Chart.Series[0].Values; !reflect.DeepEqual(got, []int64{7}) {
		t.Errorf("establishments chart: %v", got)
	}
}

// TestStatsPages renders the statistics pages of the example site through
// the default theme.
func TestStatsPages(t *testing.T) {
	m := exampleModel(t)
	out := memSink{}
	r := statsRenderer(t, m, "vi", out)
	r.stats()
	r.statsYears()
	if len(r.diags) > 0 {
		t.Fatalf("diagnostics: %v", r.diags)
	}
	if _, ok := out["so-lieu/index.html"]; !ok {
		t.Fatalf("so-lieu/index.html not written; wrote %v", out.names())
	}
	mainOf := func(page string) []byte {
		main := page[strings.Index(page, "<main"):]
		return []byte(main[:strings.Index(main, "</main>")+len("</main>")] + "\n")
	}
	page := string(out["so-lieu/2020/index.html"])
	golden.Check(t, "golden/stats-2020.html", mainOf(page))
	golden.Check(t, "golden/stats.html", mainOf(string(out["so-lieu/index.html"])))

	en := memSink{}
	re := statsRenderer(t, m, "en", en)
	re.stats()
	re.statsYears()
	if len(re.diags) > 0 {
		t.Fatalf("English diagnostics: %v", re.diags)
	}
	if s := `<th scope="col" class="num">Reported figure</th><th scope="col" class="num">Figure from the detailed records</th><th scope="col" class="num">Difference</th>`; !strings.Contains(string(en["so-lieu/2020/index.html"]), s) {
		t.Errorf("English page lacks %s", s)
	}

	for _, s := range []string{
		// The reconciliation rows, as a journalist reads them.
		`<th scope="row">Số cơ sở được hỗ trợ</th>
<td class="num">19</td>
<td class="num">7</td>
<td class="num">&#43;12</td>`,
		`<th scope="row">Tổng kinh phí khuyến công (phê duyệt)</th>
<td class="num">gần 4,5 tỷ đồng</td>
<td class="num">2,1 tỷ đồng<br><span class="full">2.100.000.000 đồng</span></td>`,
		`<td class="num">khoảng 10.000</td>
<td class="num"><span class="na">dữ liệu chi tiết không ghi loại số liệu này</span></td>
<td class="num"><span class="na">không tính</span></td>`,
		`<th scope="col" class="num">Số liệu công bố</th><th scope="col" class="num">Số liệu chi tiết đã nhập</th><th scope="col" class="num">Chênh lệch</th>`,
		`role="img"`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("so-lieu/2020/index.html lacks\n%s", s)
		}
	}
	if strings.Contains(page, `class="warn"`) {
		t.Error("a warning mark where no computed figure exceeds the reported one")
	}
}

// TestStatsExceeds marks a computed figure above the reported one.
func TestStatsExceeds(t *testing.T) {
	m := exampleModel(t)
	sb := statsBuilder{m: m, f: newFuncs(m, Options{}, "vi"), lang: "vi"}
	got := sb.reconciled(model.Reconciled{
		Metric:   "projects",
		Reported: model.Quantity{Value: 1, Set: true},
		Computed: 3, HasComputed: true, Diff: -2, Exceeds: true,
	})
	want := StatsReconciled{Metric: "projects", Label: "Số đề án", Reported: "1", Computed: "3", Diff: "−2", Exceeds: true}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	y := exampleYear(t, m, "vi", 2020)
	y.Reports[0].Rows = append(y.Reports[0].Rows, got)
	out := memSink{}
	r := statsRenderer(t, m, "vi", out)
	r.emit(r.newPage("stats-year", "so-lieu/2020/index.html", "Số liệu năm 2020", "", y))
	if len(r.diags) > 0 {
		t.Fatalf("diagnostics: %v", r.diags)
	}
	if s := `<strong class="warn"><span aria-hidden="true">⚠</span> Số liệu chi tiết lớn hơn số liệu công bố: cần kiểm tra lại</strong>`; !strings.Contains(string(out["so-lieu/2020/index.html"]), s) {
		t.Errorf("no warning mark:\n%s", out["so-lieu/2020/index.html"])
	}
}

// TestStatsEnglish checks that the pages speak English with language: en.
func TestStatsEnglish(t *testing.T) {
	m := exampleModel(t)
	y := exampleYear(t, m, "en", 2020)
	if r := y.Reports[0].Rows[1]; r.Label != "Total promotion funding (approved)" || r.Reported != "nearly VND 4.5 billion" || r.Diff != "+VND 2.4 billion" {
		t.Errorf("English funding row: %+v", r)
	}
}

// TestStatsRecognitionUnits keeps one level of units in the breakdown by
// unit (the model counts an award at every unit up the tree) and puts what
// no unit of that level holds under "Không phân bổ được theo địa bàn".
func TestStatsRecognitionUnits(t *testing.T) {
	ag := &model.Unit{ID: "an-giang", Name: "An Giang", Type: "tinh"}
	tt := &model.Unit{ID: "huyen-tri-ton", Name: "Tri Tôn", Type: "huyen", Parent: ag}
	cd := &model.Unit{ID: "thanh-pho-chau-doc", Name: "Châu Đốc", Type: "thanh_pho", Parent: ag}
	xa := &model.Unit{ID: "xa-an-tuc", Name: "An Tức", Type: "xa", Parent: tt}
	m := &model.Model{
		Site:     model.Site{Area: ag},
		UnitByID: map[string]*model.Unit{ag.ID: ag, tt.ID: tt, cd.ID: cd, xa.ID: xa},
	}
	rs := model.RecognitionStats{
		Total: 5,
		ByKey: map[string]int{"ocop/tinh": 5, "group/tcmn": 5, "unit/an-giang": 5, "unit/huyen-tri-ton": 3, "unit/xa-an-tuc": 2, "unit/thanh-pho-chau-doc": 1},
		Keys:  []string{"ocop/tinh", "group/tcmn", "unit/an-giang", "unit/huyen-tri-ton", "unit/xa-an-tuc", "unit/thanh-pho-chau-doc"},
	}
	sb := statsBuilder{m: m, f: newFuncs(m, Options{}, "vi"), lang: "vi"}
	blocks := sb.recognitions(rs, "x")
	if len(blocks) != 3 {
		t.Fatalf("%d blocks, want level, group and unit", len(blocks))
	}
	want := StatsTable{
		Caption: "Sản phẩm được công nhận theo địa bàn",
		Head:    []string{"Địa bàn", "Số sản phẩm"},
		Rows: []StatsRow{
			{Label: "Huyện Tri Tôn", Href: "dia-ban/huyen-tri-ton/index.html", Cells: []string{"3"}},
			{Label: "Thành phố Châu Đốc", Href: "dia-ban/thanh-pho-chau-doc/index.html", Cells: []string{"1"}},
			{Label: "Không phân bổ được theo địa bàn", Cells: []string{"1"}},
		},
		Foot: &StatsRow{Label: "Tổng cộng", Cells: []string{"5"}},
	}
	if got := blocks[2].Table; !reflect.DeepEqual(got, want) {
		t.Errorf("by unit:\ngot  %+v\nwant %+v", got, want)
	}
	if got := blocks[0].Table.Rows; !reflect.DeepEqual(got, []StatsRow{{Label: "OCOP cấp tỉnh", Cells: []string{"5", "chưa công bố"}}}) {
		t.Errorf("by level: %+v", got)
	}
}

// TestStatsIDs checks that the ids of each statistics page are unique.
func TestStatsIDs(t *testing.T) {
	m := exampleModel(t)
	out := memSink{}
	r := statsRenderer(t, m, "vi", out)
	r.stats()
	r.statsYears()
	for _, name := range out.names() {
		seen := map[string]bool{}
		page := string(out[name])
		for _, part := range strings.Split(page, ` id="`)[1:] {
			id := part[:strings.IndexByte(part, '"')]
			if seen[id] {
				t.Errorf("%s: id %q twice", name, id)
			}
			seen[id] = true
		}
	}
}
