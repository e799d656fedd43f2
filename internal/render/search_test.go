package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
)

func TestSearchVariant(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"hòa", "hoa2"},
		{"ho\u0300a", "hoa2"},
		{"hoà", "hoa2"},
		{"HOÀ", "hoa2"},
		{"dầu", "dâu2"},
		{"Đốc", "đôc1"},
		{"tinh", "tinh"},
		{"tỉnh", "tinh3"},
		{"ộ", "ô5"},
	} {
		if got := searchVariant(c.in); got != c.want {
			t.Errorf("searchVariant(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSearchTokens(t *testing.T) {
	got := strings.Join(searchTokens("Châu Đốc, <img src=x>; 82/QĐ-CTĐP Hoà"), "|")
	want := "Châu|Đốc|img|src|x|82|QĐ|CTĐP|Hoà"
	if got != want {
		t.Errorf("searchTokens = %q, want %q", got, want)
	}
}

// siteModel builds a model from a site folder written from files.
func siteModel(t *testing.T, files map[string]string, opts model.Options) *model.Model {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, diags := load.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	m, diags := model.Build(src, opts)
	if diags.HasErrors() {
		t.Fatalf("model: %v", diags)
	}
	return m
}

// privateSite has a private description, a private contact, a draft, a
// future and an expired article.
var privateSite = map[string]string{
	"data/site.yaml":  "title: Thử\narea: an-giang\n",
	"data/units.yaml": "- id: an-giang\n  name: An Giang\n  type: tinh\n- id: chau-doc\n  name: Châu Đốc\n  type: thanh_pho\n  parent: an-giang\n",
	"data/establishments/a.yaml": "id: a\nname: Cơ sở Hoà Bình\ndescription: BÍMẬTMÔTẢ\ncontact:\n  phone: \"0999111222\"\n  public: true\n" +
		"private: [description, contact]\naddress:\n  unit: chau-doc\n",
	"data/establishments/b.yaml": "id: b\nname: \"<img src=x onerror=alert(1)>\"\naddress:\n  unit: an-giang\n",
	"content/news/nhap.md":       "---\ntitle: Bài NHÁPMẬT\ndate: 2024-01-01\ndraft: true\n---\nx\n",
	"content/news/sau.md":        "---\ntitle: Bài TƯƠNGLAIMẬT\ndate: 2024-01-01\npublish_date: 2030-01-01\n---\nx\n",
	"content/news/cu.md":         "---\ntitle: Bài HẾTHẠNMẬT\ndate: 2020-01-01\nexpiry_date: 2021-01-01\n---\nx\n",
	"content/news/dang.md":       "---\ntitle: Bài công khai\ndate: 2024-01-01\n---\nx\n",
}

var secrets = []string{"BÍMẬTMÔTẢ", "0999111222", "NHÁPMẬT", "TƯƠNGLAIMẬT", "HẾTHẠNMẬT"}

func TestSearchIndexContent(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	// Preview keeps drafts and future articles in the model; the index
	// leaves them out all the same.
	m := siteModel(t, privateSite, model.Options{Now: now, Drafts: true, Future: true})
	out := renderTest(t, m, Options{ShowDrafts: true})
	var all strings.Builder
	for _, name := range out.names() {
		if strings.HasPrefix(name, searchDir+"/") || strings.HasPrefix(name, dataDir+"/") {
			all.Write(out[name])
		}
	}
	for _, s := range secrets {
		if strings.Contains(all.String(), s) || strings.Contains(all.String(), strings.ToLower(s)) {
			t.Errorf("the index or open data holds %q", s)
		}
	}
	r := &renderer{m: m, lang: "vi", f: newFuncs(m, Options{}, "vi")}
	var titles []string
	for _, d := range r.SearchDocs() {
		titles = append(titles, d.Kind+":"+d.Title+"|"+d.Unit)
	}
	want := "e:Cơ sở Hoà Bình|thành phố Châu Đốc|e:<img src=x onerror=alert(1)>|tỉnh An Giang|u:tỉnh An Giang||u:thành phố Châu Đốc|tỉnh An Giang|n:Bài công khai|"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("documents:\n%s\nwant:\n%s", got, want)
	}
	ix := newSearchIndex(r.SearchDocs())
	if got := strings.Join(ix.Tokens(), " "); got != "01 1 2024 alert an bai binh chau co cong doc giang hoa img khai onerror pho so src thanh tinh x" {
		t.Errorf("tokens: %s", got)
	}
	// "hoà" and "hòa" are one variant; the hostile name stays data.
	if v := ix.tokens["hoa"].variants; len(v) != 1 || v[0] != "hoa2" {
		t.Errorf("variants of hoa: %q", v)
	}
	d0 := string(out[searchDir+"/d-0.js"])
	if !strings.Contains(d0, `"\u003cimg src=x onerror=alert(1)\u003e"`) {
		t.Errorf("the hostile name is not kept as an escaped string: %s", d0)
	}
}

// TestSearchReports: every report of figures is found by search, titled
// as its page is, with the area it is about.
func TestSearchReports(t *testing.T) {
	files := map[string]string{
		"data/site.yaml":         "title: Thử\narea: an-giang\n",
		"data/units.yaml":        "- id: an-giang\n  name: An Giang\n  type: tinh\n- id: chau-doc\n  name: Châu Đốc\n  type: thanh_pho\n  parent: an-giang\n",
		"data/reports/2020.yaml": "year: 2020\nreported:\n  establishments_supported: 19\nnotes: Theo bài tổng kết năm của Trung tâm.\n",
		"data/reports/chau-doc.yaml": "period: {from: 2016, to: 2020}\nunit: chau-doc\ndecision: {number: 12/BC-UBND, date: 2021-01-15, issuer: UBND thành phố Châu Đốc}\n" +
			"reported:\n  funding_total: 500000000\n",
	}
	m := siteModel(t, files, model.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	r := &renderer{m: m, lang: "vi", f: newFuncs(m, Options{}, "vi")}
	var got []string
	for _, d := range r.SearchDocs() {
		if d.Kind == kindReport {
			got = append(got, d.Title+"|"+d.URL+"|"+d.Unit+"|"+strings.Join(d.Fields, ",")+"|"+d.Summary)
		}
	}
	want := []string{
		"Số liệu công bố 2016–2020, thành phố Châu Đốc|so-lieu/bao-cao/2016-2020-chau-doc/index.html|thành phố Châu Đốc|12/BC-UBND|",
		"Số liệu công bố năm 2020|so-lieu/bao-cao/2020/index.html|||Theo bài tổng kết năm của Trung tâm.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("report documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpenDataFiles(t *testing.T) {
	m := siteModel(t, privateSite, model.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	out := renderTest(t, m, Options{})
	csv := string(out["du-lieu/co-so.csv"])
	want := "\uFEFFid,ten,loai_hinh,quy_mo,nganh_nghe,dia_chi,don_vi,don_vi_nay,nam_thanh_lap,dien_thoai,email,website,so_san_pham,trang\r\n" +
		"a,Cơ sở Hoà Bình,,,,\"thành phố Châu Đốc, tỉnh An Giang\",chau-doc,chau-doc,,,,,0,co-so/a/\r\n" +
		"b,<img src=x onerror=alert(1)>,,,,tỉnh An Giang,an-giang,an-giang,,,,,0,co-so/b/\r\n"
	if csv != want {
		t.Errorf("co-so.csv:\n%q\nwant:\n%q", csv, want)
	}
	news := string(out["du-lieu/tin-tuc.json"])
	wantNews := "[\n{\"id\":\"dang\",\"tieu_de\":\"Bài công khai\",\"ngay\":\"2024-01-01\",\"tac_gia\":null,\"nguon\":null,\"tom_tat\":null,\"chu_de\":null,\"trang\":\"tin-tuc/dang/\"}\n]\n"
	if news != wantNews {
		t.Errorf("tin-tuc.json:\n%s\nwant:\n%s", news, wantNews)
	}
	page := string(out["du-lieu/index.html"])
	for _, s := range []string{"co-so.csv", "so-lieu-nam.json", "<code>nganh_nghe</code>", "Trang chưa ghi giấy phép"} {
		if !strings.Contains(page, s) {
			t.Errorf("the open data page lacks %q", s)
		}
	}
}

func TestFacetPages(t *testing.T) {
	m := siteModel(t, privateSite, model.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	out := renderTest(t, m, Options{})
	var got []string
	for _, name := range out.names() {
		if strings.HasPrefix(name, "co-so/don-vi/") {
			got = append(got, name)
		}
	}
	if want := "co-so/don-vi/an-giang/index.html co-so/don-vi/chau-doc/index.html"; strings.Join(got, " ") != want {
		t.Errorf("unit facet pages: %v, want %s", got, want)
	}
	list := string(out["co-so/index.html"])
	for _, s := range []string{`<a href="../co-so/don-vi/chau-doc/index.html">thành phố Châu Đốc</a> <span class="facet-count">(1)</span>`,
		`<a href="../co-so/don-vi/an-giang/index.html">tỉnh An Giang</a> <span class="facet-count">(1)</span>`} {
		if !strings.Contains(list, s) {
			t.Errorf("the list page lacks %s", s)
		}
	}
	if !strings.Contains(string(out["sitemap.xml"]), "co-so/don-vi/chau-doc/") {
		t.Errorf("the facet page is not in the sitemap")
	}
}

// FuzzAppendJSONString checks the index's JSON strings against
// encoding/json.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "hòa", "a\"b", "<&>", "\u2028\u2029", "\x00\x1f\t", "\xff", "chu\u0300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestTokenJSON(t *testing.T) {
	for _, tok := range []*searchToken{
		{variants: []string{"hoa2", "hòa"}, flat: []int32{3, 1, 64, 1, 2, 65, 130}},
		{flat: []int32{0}},
	} {
		want, _ := json.Marshal([]any{tok.variants, tok.flat})
		if got := tok.appendJSON(nil); string(got) != string(want) {
			t.Errorf("appendJSON = %s, want %s", got, want)
		}
	}
}
