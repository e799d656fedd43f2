package model

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
)

// testNow is the build date of the tests: after the 2025 reorganisation.
var testNow = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

// buildFS loads files (path → content) with package load and builds the
// model, returning the printed diagnostics of both stages.
func buildFS(t testing.TB, files map[string]string, opts Options) (*Model, string) {
	t.Helper()
	m, vi, _ := buildFSLang(t, files, opts)
	return m, vi
}

// buildFSLang is buildFS giving the diagnostics in Vietnamese and English.
func buildFSLang(t testing.TB, files map[string]string, opts Options) (*Model, string, string) {
	t.Helper()
	m, all := loadAndBuild(files, opts)
	all.Sort()
	var vi, en bytes.Buffer
	all.Print(&vi, "vi")
	all.Print(&en, "en")
	return m, vi.String(), en.String()
}

// loadAndBuild loads files (path → content) with package load and builds
// the model (on testNow when opts has no date), returning the
// diagnostics of both stages, unsorted.
func loadAndBuild(files map[string]string, opts Options) (*Model, diag.List) {
	fsys := fstest.MapFS{}
	for p, c := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(c)}
	}
	src, all := load.Load(fsys)
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	m, more := Build(src, opts)
	all.Append(more)
	return m, all
}

// withChanges returns the base site changed by changes: each file's new
// content, "" removing it.
func withChanges(changes map[string]string) map[string]string {
	files := baseSite()
	for p, content := range changes {
		if content == "" {
			delete(files, p)
		} else {
			files[p] = content
		}
	}
	return files
}

// baseSite is a small valid site the cases add to or change.
func baseSite() map[string]string {
	return map[string]string{
		"data/site.yaml": "title: Khuyến công Thử\narea: an-giang\n",
		"data/units.yaml": `- id: an-giang
  name: An Giang
  type: tinh
  code: "89"
  valid_to: 2025-06-30
  successors: [an-giang-moi]
- id: an-giang-moi
  name: An Giang
  type: tinh
  valid_from: 2025-07-01
- id: huyen-tri-ton
  name: Tri Tôn
  type: huyen
  parent: an-giang
  valid_to: 2025-06-30
  successors: [an-giang-moi]
- id: huyen-cho-moi
  name: Chợ Mới
  type: huyen
  parent: an-giang
  valid_to: 2025-06-30
  successors:
    - unit: an-giang-moi
      partial: true
    - unit: an-giang
      partial: true
`,
		"data/establishments/yen-huong.yaml": `name: Công ty TNHH Yến Hương VINA
id: yen-huong-vina
legal_form: cong_ty_tnhh
address:
  unit: huyen-tri-ton
contact:
  phone: "0900000000"
`,
		"data/products/tinh-dau.yaml": `name: Tinh dầu chúc Yến Hương
establishment: yen-huong-vina
group: che_bien
`,
		"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
funding_source: kcqg
type: nhom
activity: ung_dung_mmtb
budget: 1200000000
beneficiaries:
  - establishment: yen-huong-vina
beneficiaries_count: 4
`,
		"data/recognitions/r.yaml": `scheme: cnnt
level: khu_vuc
region: nam
year: 2020
decision: {number: 82/QĐ-CTĐP, date: 2020-08-21}
awards:
  - product: tinh-dau-chuc-yen-huong
`,
		"data/reports/2020.yaml": "year: 2020\nreported:\n  establishments_supported: 19\n  funding_total: {amount: 4500000000, approx: gan}\n",
		"content/news/bai.md":    "---\ntitle: Bài\ndate: 2021-08-17\nrelated: [yen-huong-vina]\n---\nNội dung\n",
	}
}

func TestBaseSiteIsClean(t *testing.T) {
	m, got := buildFS(t, baseSite(), Options{})
	if got != "" {
		t.Fatalf("diagnostics:\n%s", got)
	}
	if len(m.Establishments) != 1 || len(m.Products) != 1 || len(m.Rounds) != 1 || len(m.Projects) != 1 || len(m.News) != 1 {
		t.Fatalf("model: %d establishments, %d products, %d rounds, %d projects, %d news",
			len(m.Establishments), len(m.Products), len(m.Rounds), len(m.Projects), len(m.News))
	}
	if id := m.Rounds[0].ID; id != "cnnt-khu-vuc-nam-2020" {
		t.Errorf("round id = %q", id)
	}
}

func TestExampleSite(t *testing.T) {
	src, ld := load.LoadDir("../..")
	m, md := Build(src, Options{Now: testNow})
	ld.Append(md)
	ld.Sort()
	var buf bytes.Buffer
	ld.Print(&buf, "vi")
	if strings.Contains(buf.String(), "lỗi:") {
		t.Errorf("example site:\n%s", buf.String())
	}
	if len(m.Establishments) == 0 || len(m.News) == 0 {
		t.Errorf("example site: %d establishments, %d news", len(m.Establishments), len(m.News))
	}
	// The example keeps its own units.yaml beside province: An Giang: each
	// of its units stands for the built-in one of the same id or code, so
	// that none is doubled, and the gazetteer fills what it leaves out.
	if strings.Contains(buf.String(), "ghi chú:") {
		t.Errorf("example site: a unit of units.yaml differs from the built-in one:\n%s", buf.String())
	}
	if len(m.Units) != 14 {
		var ids []string
		for _, u := range m.Units {
			ids = append(ids, u.ID)
		}
		t.Errorf("example site: %d units, want the 14 of units.yaml: %s", len(m.Units), strings.Join(ids, " "))
	}
	if u := m.UnitByID["an-giang-2025"]; u == nil || u.Code != "91" || len(u.FormedFrom) != 2 {
		t.Errorf("example site: an-giang-2025 is %+v, want code 91 from the built-in gazetteer, formed from two provinces", u)
	}
}

// FuzzBuild feeds arbitrary YAML as one file of each collection and as the
// site settings: Build must never panic, and every diagnostic must have
// the properties checkDiagnostics checks (a position inside its file).
func FuzzBuild(f *testing.F) {
	for _, s := range baseSite() {
		f.Add(s)
	}
	f.Add("- {id: a, parent: a, successors: [a, {unit: a, partial: true}]}\n")
	f.Add("a: &a [*a]\nb: *a\n")
	f.Add("<<: {name: x}\nname: y\n")
	f.Add("reported: {funding_total: {value: 1, amount: 2}, ocop: -1}\nyear: 99999\n")
	f.Add("awards: [{product: x, stars: 9}]\nscheme: ocop\nlevel: khu_vuc\nregion: bac\nyear: 2020\n")
	f.Add("photos: [{file: ../x}, {file: 'C:\\\\a.jpg'}]\nprivate: [photos, name, x.y]\n")
	for _, c := range diagCases {
		for _, content := range c.files {
			f.Add(content)
		}
	}
	f.Add("title: A\nyear: 2020\nactivity: khac\nbudget_shared: {amount: 1, with: [a, a, x]}\ntotal_cost: 1\ncounterpart: 2\nmilestones: [{status: huy, date: 31/04/2022}]\n")
	f.Add("scheme: cnnt\nlevel: tinh\nyear: 2020\nstatus: dang_binh_chon\nprizes: {a: {amount: 1, approx: hon}}\nentries_by_group: {x: 1}\nawards: [{name: X, unit: viet-nam}]\nnext_level: [x]\n")
	f.Add("period: {from: 2021, to: 2016}\nunit: viet-nam\nreported: {leverage: 1.8, ocop_in_force: 3}\nshares: [{metric: x, of: y, percent: -1}]\n")
	f.Add("- {id: a, name: A, type: quoc_gia, parents: [{unit: a, from: 2020}, {unit: b}]}\n")
	// Addresses and units by names, read by the built-in gazetteer.
	f.Add("name: X\naddress: {commune: xã Yên Nguyên, district: H. Chiêm Hoá, province: Tuyên Quang}\n")
	f.Add("name: X\naddress: {commune: Phu Thanh, district: Phu Tan, province: An Giang}\n")
	f.Add("name: X\naddress: {commune: P1, district: Q.3, province: TP.HCM, unit: an-giang}\n")
	f.Add("name: X\naddress: {commune: Tri Tôn}\n")
	f.Add("title: X\nyear: 2020\nactivity: khac\nunit: {district: Tri Ton}\n")
	f.Add("year: 2020\nunit: {commune: Mỹ Hoà Hưng, province: An Giang}\n")
	f.Add("title: T\nprovince: [An Giang, Hà Giang, '08', all]\n")
	f.Add("- {id: tp-long-xuyen, name: Long Xuyên, type: thanh_pho, code: '883', valid_to: 2025-06-30}\n- {id: x, name: Y, type: xa, code: '30337'}\n")
	f.Fuzz(func(t *testing.T, data string) {
		for _, target := range []string{
			"data/site.yaml", "data/units.yaml", "data/establishments/x.yaml", "data/products/x.yaml",
			"data/recognitions/x.yaml", "data/projects/x.yaml", "data/programmes/x.yaml", "data/reports/x.yaml",
			"content/news/x.md",
		} {
			// The base site, and the base site naming its province, so
			// that names go through the built-in gazetteer.
			for _, province := range []bool{false, true} {
				files := baseSite()
				if province {
					if target == "data/site.yaml" {
						continue
					}
					files["data/site.yaml"] = "title: Khuyến công Thử\narea: an-giang\nprovince: An Giang\n"
				}
				if strings.HasSuffix(target, ".md") {
					files[target] = "---\n" + data + "\n---\n"
				} else {
					files[target] = data
				}
				checkDiagnostics(t, files, Options{Drafts: true})
			}
		}
	})
}
