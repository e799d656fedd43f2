package model

import (
	"os"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

// diagCases each change the base site (a file's new content; "" removes
// it) and give the exact diagnostics expected.
var diagCases = []struct {
	name  string
	files map[string]string
}{
	{
		name: "unknown key with suggestion",
		files: map[string]string{"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
fundng_source: kcqg
activity: ung_dung_mmtb
budget: 1200000000
`},
	},
	{
		name: "wrong type of money",
		files: map[string]string{"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
funding_source: kcqg
activity: ung_dung_mmtb
budget: "1,2 tỷ"
counterpart: {amount: 1.200.000, stage: giai_ngan}
`},
	},
	{
		name: "missing required fields",
		files: map[string]string{
			"data/products/tinh-dau.yaml": "name: Tinh dầu chúc Yến Hương\n",
			"data/projects/may.yaml":      "title: Máy tách màu gạo\nyear: 2020\nbudget: 5\n",
		},
	},
	{
		name: "empty required fields",
		files: map[string]string{
			"data/products/tinh-dau.yaml": "name: \"\"\nestablishment:\n",
			"content/news/bai.md":         "---\ntitle: Bài\ndate:\n---\n",
		},
	},
	{
		name: "duplicate keys and merged mappings",
		files: map[string]string{
			"data/projects/may.yaml": `- &chung
  title: Máy tách màu gạo
  year: 2020
  year: 2021
  funding_source: kcqg
  activity: ung_dung_mmtb
  budget: 1200000000
- <<: *chung
  title: Máy sấy
  activity: ung_dung_mmtbb
`,
		},
	},
	{
		name: "unknown enum value",
		files: map[string]string{"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
funding_source: kcqg
activity: ung_dung_mmt
budget: 1200000000
`},
	},
	{
		name: "impossible dates",
		files: map[string]string{
			"data/recognitions/r.yaml": "scheme: cnnt\nlevel: tinh\nyear: 2021\ndecision: {date: 2021-02-30}\nawards: []\n",
			"data/units.yaml":          "- id: an-giang\n  name: An Giang\n  type: tinh\n  valid_to: 2025-13\n",
		},
	},
	{
		name: "negative amounts",
		files: map[string]string{"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
funding_source: kcqg
activity: ung_dung_mmtb
budget: -1200000000
beneficiaries_count: -3
`},
	},
	{
		name: "stars",
		files: map[string]string{
			"data/recognitions/r.yaml": `- scheme: ocop
  level: tinh
  year: 2022
  awards:
    - product: tinh-dau-chuc-yen-huong
      stars: 6
- scheme: cnnt
  level: tinh
  year: 2022
  awards:
    - product: tinh-dau-chuc-yen-huong
      stars: 4
`,
		},
	},
	{
		name: "region and level",
		files: map[string]string{
			"data/recognitions/r.yaml": `- scheme: cnnt
  level: khu_vuc
  year: 2020
  awards: []
- scheme: cnnt
  level: tinh
  region: nam
  year: 2020
  awards: []
- scheme: ocop
  level: huyen
  year: 2021
  awards: []
`,
		},
	},
	{
		name: "duplicate ids",
		files: map[string]string{
			"data/establishments/khac.yaml": "id: yen-huong-vina\nname: Cơ sở khác\naddress: {unit: an-giang}\n",
		},
	},
	{
		name: "beneficiary listed twice",
		files: map[string]string{
			"data/projects/may.yaml": "title: Máy sấy\nyear: 2021\nfunding_source: kcdp\nactivity: ung_dung_mmtb\nbudget: 100000000\n" +
				"beneficiaries:\n  - establishment: yen-huong-vina\n  - {establishment: yen-huong-vina, amount: 5}\n",
		},
	},
	{
		name: "names that collide as URLs",
		files: map[string]string{
			"data/products/gao-1.yaml": "name: Gạo Nàng Nhen\nestablishment: yen-huong-vina\n",
			"data/products/gao-2.yaml": "name: Gao Nang Nhen\nestablishment: yen-huong-vina\n",
		},
	},
	{
		name: "dangling references",
		files: map[string]string{
			"data/site.yaml":              "title: Thử\narea: an-gian\n",
			"data/products/tinh-dau.yaml": "name: Tinh dầu chúc Yến Hương\nestablishment: yen-huong\n",
			"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
programme: ct-2021
funding_source: kcqg
activity: ung_dung_mmtb
budget: 1200000000
beneficiaries:
  - establishment: yen-huong-vina
  - establishment: yen-huong-vinh
`,
			"data/units.yaml":                    "- id: xa-a\n  name: A\n  type: xa\n  parent: huyen-tri-tn\n  successors: [xa-b]\n",
			"data/establishments/yen-huong.yaml": "name: Công ty TNHH Yến Hương VINA\nid: yen-huong-vina\naddress: {unit: huyen-tri-ton}\n",
			"data/recognitions/r.yaml":           "scheme: cnnt\nlevel: tinh\nyear: 2020\nawards:\n  - product: tinh-dau-chuc\n",
			"content/news/bai.md":                "---\ntitle: Bài\ndate: 2021-08-17\nrelated: [yen-huong-vin, san-pham/x]\n---\n",
		},
	},
	{
		name: "related id in two collections",
		files: map[string]string{
			"data/products/yen.yaml": "id: yen-huong-vina\nname: Yến\nestablishment: yen-huong-vina\n",
			"content/news/bai.md":    "---\ntitle: Bài\ndate: 2021-08-17\nrelated: [yen-huong-vina, products/yen-huong-vina, products/khong-co]\n---\n",
		},
	},
	{
		name: "photo paths",
		files: map[string]string{
			"content/anh/Gao.jpg": "x",
			"data/products/tinh-dau.yaml": `name: Tinh dầu chúc Yến Hương
establishment: yen-huong-vina
photos:
  - file: ../anh.jpg
  - file: /anh/a.jpg
  - file: anh\a.jpg
  - file: anh/khong-co.jpg
  - file: anh/gao.jpg
  - file: anh/Gao.jpg
    caption: Gạo
`,
		},
	},
	{
		name: "private list",
		files: map[string]string{
			"data/establishments/yen-huong.yaml": "name: Công ty TNHH Yến Hương VINA\naddress: {unit: an-giang}\nprivate: [adress, contact.fax, id, name]\n",
			"data/products/tinh-dau.yaml":        "name: Tinh dầu chúc Yến Hương\nestablishment: cong-ty-tnhh-yen-huong-vina\n",
			"data/projects/may.yaml":             "",
			"content/news/bai.md":                "",
		},
	},
	{
		name: "articles",
		files: map[string]string{
			"content/news/bai.md":         "---\ntitle: Bài\n---\n",
			"content/news/Bai/index.md":   "---\ntitle: Bài khác\ndate: 2021-08-17\n---\n",
			"content/news/khong.md":       "Không có phần đầu\n",
			"content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\nmenu: một\n---\n",
		},
	},
	{
		name: "reports",
		files: map[string]string{
			"data/reports/2020.yaml": "year: 2020\nreported:\n  establishment_supported: 19\n  funding_total: 4,5 tỷ\n  projects: {value: 3, amount: 3}\n",
			"data/reports/b.yaml":    "year: 2020\n",
		},
	},
	{
		name: "ids and list items",
		files: map[string]string{
			"data/programmes.yaml": "- id: Chương trình 2021\n  name: Chương trình\n- just a line\n",
		},
	},
}

// TestDiagnostics compares the printed diagnostics of each case, in
// Vietnamese then English, with testdata/diagnostics/<case>.txt; -update
// rewrites those files.
func TestDiagnostics(t *testing.T) {
	for _, c := range diagCases {
		t.Run(c.name, func(t *testing.T) {
			_, vi, en := buildFSLang(t, withChanges(c.files), Options{})
			got := vi + "--- en ---\n" + en
			golden.CheckString(t, "diagnostics/"+strings.ReplaceAll(c.name, " ", "-")+".txt", got)
		})
	}
}
