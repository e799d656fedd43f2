package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/gazetteer"
	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/model"
)

// The site of testdata/tuyen-quang names only its province in site.yaml
// (province: Tuyên Quang) and has no units.yaml: its establishments are
// addressed by names, before 1 July 2025 (with their district, in the
// former provinces Tuyên Quang and Hà Giang, diacritics and type words
// left out or abbreviated) and from that date (without a district); a
// project, a report and an award name their unit by names too.

// tqModel builds the model of the test site.
func tqModel(t *testing.T) *model.Model {
	t.Helper()
	return testSiteModel(t, "tuyen-quang", model.Options{})
}

// TestBuiltinGoldenPages compares with golden files the <main> of an
// establishment whose commune went whole into a new one, of one whose
// commune was split, and of a unit page with its chain: the former
// district and province, what it merged into, the province it is in now.
func TestBuiltinGoldenPages(t *testing.T) {
	m := tqModel(t)
	for _, lang := range []string{"vi", "en"} {
		out := renderTest(t, m, Options{Lang: lang})
		for file, name := range map[string]string{
			"co-so/hop-tac-xa-che-yen-nguyen/index.html":                "tq-establishment-whole",
			"co-so/co-so-may-tre-thai-binh/index.html":                  "tq-establishment-split",
			"dia-ban/tt-viet-quang-huyen-bac-quang-ha-giang/index.html": "tq-unit-chain",
		} {
			golden.Check(t, "golden/"+name+"-"+lang+".html", mainOf(t, out, file))
		}
	}
}

// TestBuiltinAddressToday checks that each establishment page gives the
// address as recorded and what its unit is today.
func TestBuiltinAddressToday(t *testing.T) {
	out := renderTest(t, tqModel(t), Options{Lang: "vi"})
	want := map[string]string{
		"hop-tac-xa-che-yen-nguyen":       "Địa chỉ thôn Làng Ải, xã Yên Nguyên, huyện Chiêm Hóa, tỉnh Tuyên Quang (nay là xã Yên Nguyên, tỉnh Tuyên Quang)",
		"co-so-may-tre-thai-binh":         "Địa chỉ xã Thái Bình, huyện Yên Sơn, tỉnh Tuyên Quang (nay thuộc tỉnh Tuyên Quang mới)",
		"cong-ty-tnhh-mien-viet-quang":    "Địa chỉ 12 đường Nguyễn Trãi, thị trấn Việt Quang, huyện Bắc Quang, tỉnh Hà Giang (nay là xã Bắc Quang, tỉnh Tuyên Quang)",
		"ho-kinh-doanh-ruou-ngo-viet-lam": "Địa chỉ xã Việt Lâm, huyện Vị Xuyên, tỉnh Hà Giang (nay thuộc tỉnh Tuyên Quang mới)",
		"cong-ty-co-phan-go-my-lam":       "Địa chỉ tổ 5, phường Mỹ Lâm, tỉnh Tuyên Quang Loại hình",
	}
	for id, text := range want {
		if got := textOf(t, out, "co-so/"+id+"/index.html"); !strings.Contains(got, text) {
			t.Errorf("%s: the page does not say %q:\n%s", id, text, got)
		}
	}
}

// TestBuiltinUnitPages checks that a province site gets a page for the
// units its records refer to and the units above them only, not for the
// thousands of units it knows.
func TestBuiltinUnitPages(t *testing.T) {
	m := tqModel(t)
	out := renderTest(t, m, Options{Lang: "vi"})
	var got []string
	for _, name := range out.names() {
		if rest, ok := strings.CutPrefix(name, "dia-ban/"); ok && rest != "index.html" {
			got = append(got, strings.TrimSuffix(rest, "/index.html"))
		}
	}
	want := []string{
		"ha-giang",                                  // above the former communes of Hà Giang
		"huyen-bac-quang-ha-giang",                  // the report's unit
		"huyen-chiem-hoa-tuyen-quang",               // above the establishment's commune
		"huyen-dong-van-ha-giang",                   // above the award's commune
		"huyen-vi-xuyen-ha-giang",                   //
		"huyen-yen-son-tuyen-quang",                 //
		"phuong-my-lam-tuyen-quang-2025",            // an address of today
		"tt-viet-quang-huyen-bac-quang-ha-giang",    // an address, and an article's related unit
		"tuyen-quang",                               // above the former communes of Tuyên Quang
		"tuyen-quang-2025",                          // the site's area
		"xa-bac-quang-tuyen-quang-2025",             // what thị trấn Việt Quang is today
		"xa-kim-binh-huyen-chiem-hoa-tuyen-quang",   // the project's unit
		"xa-lung-cu-huyen-dong-van-ha-giang",        // the award's unit
		"xa-thai-binh-huyen-yen-son-tuyen-quang",    // an address (split: no commune today)
		"xa-viet-lam-huyen-vi-xuyen-ha-giang",       // an address (split)
		"xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang", // an address
		"xa-yen-nguyen-tuyen-quang-2025",            // what it is today
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("unit pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(m.Units) != len(want) {
		t.Errorf("%d units in the model, %d pages", len(m.Units), len(want))
	}
	// The site knows the 476 units of both eras of Tuyên Quang and Hà
	// Giang (and those linked to them); the whole country would be 14.000.
	site, _ := gazetteer.NewSite([]string{"Tuyên Quang"})
	if known := len(site.Units()); known < 20*len(want) {
		t.Errorf("the site knows %d units only", known)
	}
	// Units named on those pages without a page of their own are not
	// linked: the link checker of the build would report them, here every
	// unit link must lead to a page written.
	for name, page := range out {
		for _, href := range unitLinks(string(page)) {
			if _, ok := out["dia-ban/"+href+"/index.html"]; !ok {
				t.Errorf("%s links to the unit %s, which has no page", name, href)
			}
		}
	}
}

// unitLinks returns the ids of the unit pages a page links to.
func unitLinks(page string) []string {
	var out []string
	for {
		i := strings.Index(page, "dia-ban/")
		if i < 0 {
			return out
		}
		page = page[i+len("dia-ban/"):]
		j := strings.Index(page, "/index.html")
		if j > 0 && !strings.ContainsAny(page[:j], `"<> `) {
			out = append(out, page[:j])
		}
	}
}
