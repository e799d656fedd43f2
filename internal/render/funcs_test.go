package render

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/templates"
)

func TestPath(t *testing.T) {
	unit := &model.Unit{ID: "xa-tri-ton"}
	round := &model.Round{ID: "cnnt-tinh-2020"}
	tests := []struct {
		x    any
		args []any
		want string
	}{
		{&model.Product{ID: "tinh-dau-chuc"}, nil, "san-pham/tinh-dau-chuc/index.html"},
		{&model.Establishment{ID: "yen-huong"}, nil, "co-so/yen-huong/index.html"},
		{&model.Project{ID: "may-2020"}, nil, "de-an/may-2020/index.html"},
		{&model.Programme{ID: "ctkc"}, nil, "chuong-trinh/ctkc/index.html"},
		{round, nil, "binh-chon/cnnt-tinh-2020/index.html"},
		{&model.Recognition{Round: round}, nil, "binh-chon/cnnt-tinh-2020/index.html"},
		{unit, nil, "dia-ban/xa-tri-ton/index.html"},
		{&model.Article{Slug: "bai", Pos: diag.Pos{File: "content/news/bai.md"}}, nil, "tin-tuc/bai/index.html"},
		{&model.Article{Slug: "gioi-thieu", Pos: diag.Pos{File: "content/pages/gioi-thieu.md"}}, nil, "gioi-thieu/index.html"},
		{model.Ref{Round: round}, nil, "binh-chon/cnnt-tinh-2020/index.html"},
		{"home", nil, "index.html"},
		{"products", nil, "san-pham/index.html"},
		{"stats", nil, "so-lieu/index.html"},
		{"stats-year", []any{2021}, "so-lieu/2021/index.html"},
		{"news", nil, "tin-tuc/index.html"},
		{"news", []any{1}, "tin-tuc/index.html"},
		{"news", []any{3}, "tin-tuc/trang/3/index.html"},
		{"tags", nil, "tin-tuc/the/index.html"},
		{"tag", []any{"Máy móc, thiết bị"}, "tin-tuc/the/may-moc-thiet-bi/index.html"},
		{"static", []any{"site.css"}, "static/site.css"},
		{"404", nil, "404.html"},
	}
	for _, tc := range tests {
		got, err := Path(tc.x, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("Path(%T %v) = %q, %v; want %q", tc.x, tc.args, got, err, tc.want)
		}
	}
	for _, bad := range [][]any{{"khong"}, {"stats-year"}, {"stats-year", "2021"}, {42}, {"products", 2}, {model.Ref{}}} {
		if got, err := Path(bad[0], bad[1:]...); err == nil {
			t.Errorf("Path(%v) = %q, want an error", bad, got)
		}
	}
}

func TestRootFor(t *testing.T) {
	for file, want := range map[string]string{
		"index.html":                 "",
		"san-pham/index.html":        "../",
		"san-pham/x/index.html":      "../../",
		"tin-tuc/trang/2/index.html": "../../../",
	} {
		if got := rootFor(file); got != want {
			t.Errorf("rootFor(%q) = %q, want %q", file, got, want)
		}
	}
}

func TestFormatting(t *testing.T) {
	m := &model.Model{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	vi := newFuncs(m, Options{BaseURL: "https://so.example/khuyen-cong"}, "vi")
	en := newFuncs(m, Options{}, "en")
	d := time.Date(2021, 8, 17, 9, 0, 0, 0, time.UTC)
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	s := func(v string, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	check("money", vi.money(model.Money{Amount: 4_500_000_000, Approx: "gan"}), "gần 4,5 tỷ đồng")
	check("moneyFull", vi.moneyFull(model.Money{Amount: 4_500_000_000, Approx: "gan"}), "gần 4.500.000.000 đồng")
	check("qty count", vi.qty(model.Quantity{Value: 10000, Approx: "khoang"}), "khoảng 10.000")
	check("qty money", vi.qty(model.Quantity{Value: 900_000_000, Money: true}), "900 triệu đồng")
	check("vnd", vi.vnd(350000), "350.000 đồng")
	check("number", s(vi.number(1234567)), "1.234.567")
	check("number float", s(vi.number(81.5)), "81,5")
	check("date", s(vi.date(d)), "17/08/2021")
	check("date month", s(vi.date(model.Date{Year: 2021, Month: 8})), "08/2021")
	check("date zero", s(vi.date(model.Date{})), "")
	check("longDate", s(vi.longDate(d)), "Thứ Ba, 17/08/2021")
	check("longDate en", s(en.longDate(d)), "Tuesday, 17 August 2021")
	check("formalDate", s(vi.formalDate(model.Date{Year: 2020, Month: 8, Day: 21})), "ngày 21 tháng 8 năm 2020")
	check("isoDate", s(isoDate(model.Date{Year: 2020, Month: 8})), "2020-08")
	check("abs home", vi.abs("index.html"), "https://so.example/khuyen-cong/")
	check("abs page", vi.abs("san-pham/x/index.html"), "https://so.example/khuyen-cong/san-pham/x/")
	check("abs file", vi.abs("products/ảnh 1.jpg"), "https://so.example/khuyen-cong/products/%E1%BA%A3nh%201.jpg")
	check("abs none", en.abs("index.html"), "")
	check("label", vi.label("funding_source", "kcqg"), "khuyến công quốc gia")
	check("unitName", vi.unitName(&model.Unit{Name: "Tri Tôn", Type: "xa"}), "xã Tri Tôn")
	check("unitName en", en.unitName(&model.Unit{Name: "Tri Tôn", Type: "xa"}), "Tri Tôn commune")
	// Worded as the gazetteer words the built-in units: a numbered urban
	// district, the country and a type without a word.
	check("unitName quận", vi.unitName(&model.Unit{Name: "1", Type: "quan"}), "quận 1")
	check("unitName quận en", en.unitName(&model.Unit{Name: "1", Type: "quan"}), "District 1")
	check("unitName country", vi.unitName(&model.Unit{Name: "Việt Nam", Type: "quoc_gia"}), "Việt Nam")
	check("unitName city", vi.unitName(&model.Unit{Name: "Huế", Type: "thanh_pho_tw"}), "thành phố Huế")
	check("unitName unknown type", en.unitName(&model.Unit{Name: "Khu X", Type: "khu"}), "Khu X")

	kv := &model.Round{Scheme: "cnnt", Level: "khu_vuc", Region: "nam", Year: 2020}
	check("award cnnt", vi.award(&model.Recognition{Round: kv}), "SP CNNT tiêu biểu cấp khu vực phía Nam 2020")
	ocop := &model.Round{Scheme: "ocop", Level: "tinh", Year: 2022}
	r := &model.Recognition{Round: ocop, Stars: 4, ValidUntil: model.Date{Year: 2025, Month: 8, Day: 21}}
	check("award ocop", vi.award(r), "OCOP 4 sao cấp tỉnh 2022")
	check("validity", vi.validity(r), "hiệu lực đến 21/08/2025")
	r.ValidUntil = model.Date{Year: 2024, Month: 12, Day: 31}
	// Valid until 31/12/2024 is its last day: expired from the next.
	check("validity expired", vi.validity(r), "hết hiệu lực từ 01/01/2025")
	r.ValidUntil = model.Date{Year: 2024, Month: 6}
	check("validity expired month", vi.validity(r), "hết hiệu lực từ 07/2024")
	check("award en", en.award(&model.Recognition{Round: kv}), "Standout rural industrial product, regional level South, 2020")
}

func TestSitePathAndMenu(t *testing.T) {
	for u, want := range map[string]string{
		"/":                "index.html",
		"/san-pham/":       "san-pham/index.html",
		"/san-pham":        "san-pham/index.html",
		"/tai-lieu/qd.pdf": "tai-lieu/qd.pdf",
		"/tin-tuc/?q=1":    "tin-tuc/index.html",
	} {
		if got, ok := sitePath(u); !ok || got != want {
			t.Errorf("sitePath(%q) = %q, %v; want %q", u, got, ok, want)
		}
	}
	for _, u := range []string{"https://moit.gov.vn/", "//cdn.example/x", "san-pham/", ""} {
		if got, ok := sitePath(u); ok {
			t.Errorf("sitePath(%q) = %q, want not a site path", u, got)
		}
	}
	menu := siteMenu([]model.MenuItem{{Title: "Sản phẩm", URL: "/san-pham/"}, {Title: "Bộ Công Thương", URL: "https://moit.gov.vn/"}})
	got := menuFor(menu, "san-pham/x/index.html", "../../")
	want := []MenuLink{{Title: "Sản phẩm", Href: "../../san-pham/index.html", Current: true}, {Title: "Bộ Công Thương", Href: "https://moit.gov.vn/"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("menuFor = %+v, want %+v", got, want)
	}
	for base, want := range map[string]string{"": "/", "https://a.example": "/", "https://a.example/khuyen-cong": "/khuyen-cong/"} {
		if got := BasePath(base); got != want {
			t.Errorf("BasePath(%q) = %q, want %q", base, got, want)
		}
	}
}

func TestInitial(t *testing.T) {
	for name, want := range map[string]string{
		"Yến Hương": "Y", "ấp Tô": "Â", "đồng": "Đ", "Ước": "Ư", "ơn": "Ơ", "Ắc": "Ă", "Ệ": "Ê", "Ổ": "Ô", "3 Sao": "#", "": "",
	} {
		if got := initial(name); got != want {
			t.Errorf("initial(%q) = %q, want %q", name, got, want)
		}
	}
	for l, want := range map[string]string{"A": "chu-a", "Ă": "chu-aw", "Â": "chu-aa", "Đ": "chu-dd", "#": "chu-khac"} {
		if got := letterAnchor(l); got != want {
			t.Errorf("letterAnchor(%q) = %q, want %q", l, got, want)
		}
	}
}

func TestDescribe(t *testing.T) {
	long := strings.Repeat("Sản phẩm chế biến ", 20)
	for in, want := range map[string]string{
		"":                       "",
		"# Tiêu đề\n\nĐoạn sau.": "Tiêu đề",
		"Tinh dầu **chúc** [xem](../a/).\n\nĐoạn hai.": "Tinh dầu chúc xem.",
		long: strings.TrimSpace(strings.Repeat("Sản phẩm chế biến ", 8)) + " Sản phẩm chế…",
	} {
		if got := describe(in); got != want {
			t.Errorf("describe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestI18nKeys checks that every string of the theme is written in both
// languages, with the same arguments, and that every key the default theme
// uses exists.
func TestI18nKeys(t *testing.T) {
	theme := themeI18n()
	for k, v := range theme {
		if v.Vi == "" || v.En == "" {
			t.Errorf("key %q lacks a translation: %q / %q", k, v.Vi, v.En)
		}
		if verbs(v.Vi) != verbs(v.En) {
			t.Errorf("key %q: the two languages take different arguments: %q / %q", k, v.Vi, v.En)
		}
	}
	used := regexp.MustCompile(`\{\{-?\s*(?:with\s+)?t\s+"([^"]+)"`)
	files, err := fs.Glob(templates.FS, "*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	for _, f := range files {
		data, _ := fs.ReadFile(templates.FS, f)
		for _, m := range used.FindAllStringSubmatch(string(data), -1) {
			if _, ok := theme[m[1]]; !ok {
				t.Errorf("%s uses unknown key %q", f, m[1])
			}
		}
	}
	tr := newI18n("vi", map[string]string{"site.home": "Trang đầu"})
	if got := tr.text("site.home"); got != "Trang đầu" {
		t.Errorf("override: %q", got)
	}
	if got := tr.text("news.page", 2); got != "Trang 2" {
		t.Errorf("format: %q", got)
	}
}

// TestEnglish renders the model in English and checks the interface.
func TestEnglish(t *testing.T) {
	m := testModel(plain)
	m.Site.Language = "en"
	out := renderTest(t, m, Options{})
	page := string(out["san-pham/tinh-dau-chuc-yen-huong/index.html"])
	for _, want := range []string{`<html lang="en">`, "Skip to main content", "Specifications", "VND 85,000 / chai", `href="../../san-pham/index.html"`} {
		if !strings.Contains(page, want) {
			t.Errorf("English product page lacks %q", want)
		}
	}
}

// describeWhole is describe as first written: the whole paragraph made
// plain, then cut. describe stops early; both must agree.
func describeWhole(md string) string {
	md = strings.TrimSpace(md)
	if md == "" {
		return ""
	}
	para := md
	if i := strings.Index(md, "\n\n"); i >= 0 {
		para = md[:i]
	}
	var b strings.Builder
	skipURL := false
	var prev rune
	for _, c := range para {
		last := prev
		prev = c
		switch {
		case skipURL:
			if c == ')' {
				skipURL = false
			}
			continue
		case c == '(' && last == ']':
			skipURL = true
			continue
		case strings.ContainsRune("#*_`[]>|", c):
			continue
		case c == '\n' || c == '\t':
			c = ' '
		}
		b.WriteRune(c)
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	const limit = 160
	runes := []rune(s)
	if len(runes) <= limit {
		return s
	}
	cut := string(runes[:limit])
	if i := strings.LastIndex(cut, " "); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

func FuzzDescribe(f *testing.F) {
	for _, s := range []string{"", "# Tiêu đề\n\nĐoạn sau.", "Tinh dầu **chúc** [xem](../a/).", strings.Repeat("Sản phẩm  chế\u00a0biến\t", 30),
		strings.Repeat("a", 170) + " b", strings.Repeat("chữ ", 39) + "xxxxxxx, yy", "[a](b) [c](d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if got, want := describe(md), describeWhole(md); got != want {
			t.Errorf("describe(%q) = %q, want %q", md, got, want)
		}
	})
}

// verbs lists the formatting verbs of s, with their argument indexes
// ("%s %d", "%[2]s %[1]s"), sorted: two texts that take the same arguments
// have the same list.
func verbs(s string) string {
	found := regexp.MustCompile(`%(\[\d+\])?[sdv]`).FindAllString(s, -1)
	slices.Sort(found)
	return strings.Join(found, " ")
}
