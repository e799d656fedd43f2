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
		name: "values of the wrong kind",
		files: map[string]string{
			"data/products/khac.yaml": `name: [Tinh dầu chúc]
establishment: yen-huong-vina
group: {che_bien: 1}
specs: [10 ml]
description: {a: b}
`,
			"data/units.yaml": `- id: an-giang
  name: An Giang
  type: tinh
  successors: [[an-giang-moi], {partial: true}]
- id: an-giang-moi
  name: An Giang
  type: tinh
- id: huyen-tri-ton
  name: Tri Tôn
  type: huyen
  parent: an-giang
`,
			"content/news/bai.md": "---\ntitle: Bài\ndate: 2021-08-17\ndraft: có\nimage: {caption: Ảnh}\n---\nNội dung\n",
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
		name: "money written as text",
		files: map[string]string{
			"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
activity: ung_dung_mmtb
budget: 100.000.000
counterpart: 90 triệu
total_cost:
  amount: gần 1,2 tỷ
`,
			"data/reports/2020.yaml": "year: 2020\nreported:\n  funding_total: gần 4,5 tỷ đồng\n  projects: 1.200\n",
		},
	},
	{
		name: "dates written day first",
		files: map[string]string{
			"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2022
activity: ung_dung_mmtb
decision: {number: 12/QĐ-SCT, date: 31/04/2022, issuer: Sở Công Thương}
milestones:
  - {status: phe_duyet, date: 10/10/2022}
  - {status: nghiem_thu, date: 12/2022}
`,
			"content/news/bai.md": "---\ntitle: Bài\ndate: 17/08/2021\n---\n",
		},
	},
	{
		name: "ids suggested and ids of other collections",
		files: map[string]string{
			"data/programmes/ct.yaml":     "id: ctkc-2021\nname: Chương trình khuyến công 2021–2025\n",
			"data/products/tinh-dau.yaml": "name: Tinh dầu chúc Yến Hương\nestablishment: ctkc-2021\n",
			"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
activity: ung_dung_mmtb
programme: ctkc
beneficiaries:
  - establishment: vina
`,
			"content/news/bai.md":  "---\ntitle: Bài\ndate: 2021-08-17\nrelated: [khac, chuc-yen-huong]\n---\n",
			"content/news/khac.md": "---\ntitle: Bài khác\ndate: 2021-08-18\n---\n",
		},
	},
	{
		name: "what to write when the source is silent",
		files: map[string]string{
			"data/projects/may.yaml":     "title: Máy tách màu gạo\nbudget: 5\n",
			"data/reports/2020.yaml":     "reported:\n  projects: 3\n",
			"content/news/bai.md":        "---\ntitle: Bài\n---\n",
			"data/establishments/x.yaml": "name: Cơ sở X\naddress: {street: Ấp 3}\n",
		},
	},
	{
		name: "shared budgets",
		files: map[string]string{
			"data/projects/may.yaml": `- title: Đào tạo nghề đan lát
  year: 2023
  activity: dao_tao_nghe
  budget: 60000000
  budget_shared: {amount: 180000000, with: [dao-tao-nghe-may, dao-tao-nghe-moc, khong-co]}
- title: Đào tạo nghề may
  year: 2023
  activity: dao_tao_nghe
  budget: 70000000
- title: Đào tạo nghề mộc
  year: 2023
  activity: dao_tao_nghe
  budget_shared: {amount: 50000000, with: [dao-tao-nghe-dan-lat]}
- title: Máy sấy
  year: 2023
  activity: ung_dung_mmtb
  budget: 500000000
  counterpart: 800000000
  total_cost: 1000000000
`,
		},
	},
	{
		name: "rounds of v2",
		files: map[string]string{
			"data/recognitions/r.yaml": `- scheme: cnnt
  level: tinh
  year: 2025
  status: dang_binh_chon
  entries_by_group: {che_bien: 12, gom: 3}
  reported_by_stars: {4: 2}
  awards:
    - product: tinh-dau-chuc-yen-huong
- scheme: ocop
  level: tinh
  year: 2024
  reported_by_stars: {3: 10, 6: 1}
  owners_count: {amount: 8, approx: hon}
  awards:
    - {product: tinh-dau-chuc-yen-huong, name: Tinh dầu, stars: 4}
    - {owner: HTX Ánh Dương, stars: 3}
    - {name: Mật ong rừng, owner: HTX Ánh Dương, unit: huyen-tri-tn, stars: 3}
`,
		},
	},
	{
		name: "reports of v2",
		files: map[string]string{
			"data/reports/2020.yaml": "year: 2020\nreported:\n  establishments_supported: 19\n",
			"data/reports/b.yaml":    "year: 2020\nunit: an-giang\nreported:\n  projects: 3\n",
			"data/reports/c.yaml":    "year: 2020\nperiod: {from: 2016, to: 2020}\n",
			"data/reports/d.yaml":    "period: {from: 2020, to: 2016}\n",
			"data/reports/e.yaml":    "period: {from: 2016, to: 2020}\nunit: viet-nam\nreported:\n  leverage: 2,5\n  ocop_9_sao: 3\n",
		},
	},
	{
		name: "addresses by names",
		files: map[string]string{
			"data/site.yaml":  "title: Khuyến công Tuyên Quang\nprovince: Tuyên Quang\n",
			"data/units.yaml": "",
			"data/establishments/yen-huong.yaml": `- name: Sai huyện
  address: {commune: Yên Nguyên, district: Hàm Yên}
- name: Sai chính tả
  address: {commune: Yen Nguyn}
- name: Sai tỉnh
  address: {commune: Yên Nguyên, province: Tuyen Quan}
- name: Sai loại
  address: {commune: xã Mỹ Lâm}
- name: Tỉnh cũ không có huyện
  address: {commune: Bạch Ngọc, province: Hà Giang}
- name: Hai cách ghi
  address: {unit: xa-yen-nguyen-tuyen-quang-2025, commune: Yên Nguyên, district: Chiêm Hóa}
- name: Ghi đúng
  address: {commune: X. Kim Bình, district: H. Chiêm Hoá, province: tỉnh Tuyên Quang}
- name: Thiếu cả hai
  address: {street: số 1}
`,
			"data/products/tinh-dau.yaml": "",
			"data/projects/may.yaml": `title: Đào tạo nghề
year: 2023
activity: dao_tao_nghe
unit: {district: Chiem Hoa, commune: Kim Binh}
`,
			"data/projects/may-2.yaml": `title: Đào tạo nghề 2
year: 2023
activity: dao_tao_nghe
unit: {district: Chiêm Hòa}
`,
			"data/recognitions/r.yaml": `scheme: ocop
level: tinh
year: 2024
awards:
  - {name: Khăn thổ cẩm, owner: Tổ hợp tác, unit: {commune: Lũng Cú, district: Đồng Văn, province: Hà Giang}}
  - {name: Mật ong, owner: HTX, unit: {commune: Lung Cu}}
  - {name: Chè, owner: HTX, unit: {}}
`,
			"data/reports/2020.yaml": "year: 2024\nunit: {district: Bắc Quang, province: Hà Giang}\nreported:\n  projects: 4\n",
			"content/news/bai.md":    "---\ntitle: Bài\ndate: 2021-08-17\nrelated: [xa-kim-binh-huyen-chiem-hoa-tuyen-quang, xa-kim-binh]\n---\nNội dung\n",
		},
	},
	{
		name: "addresses by names without province",
		files: map[string]string{
			"data/establishments/yen-huong.yaml": `name: Công ty TNHH Yến Hương VINA
id: yen-huong-vina
address:
  commune: Tri Tôn
  district: Tri Tôn
  province: An Giang
`,
			"data/establishments/b.yaml": "name: Cơ sở B\naddress: {commune: Không Có Xã Này}\n",
			"data/reports/2020.yaml":     "year: 2020\nunit: huyen-tri-ton-an-giang\n",
		},
	},
	{
		name: "province in site.yaml",
		files: map[string]string{
			"data/site.yaml": "title: Khuyến công\narea: an-giang\nprovince: [Tuyen Quan, Hà Giang, \"99\", An Giang]\n",
		},
	},
	{
		name: "units.yaml beside the built-in units",
		files: map[string]string{
			"data/site.yaml": "title: Khuyến công An Giang\nprovince: An Giang\n",
			"data/units.yaml": `- id: an-giang
  name: An Giang
  type: tinh
  valid_to: 2025-06-30
  successors: [an-giang-2025]
- id: huyen-tri-ton
  name: Tri Tôn
  type: thi_xa
  parent: an-giang
  code: "891"
  valid_to: 2025-06-30
- id: tri-ton-2
  name: Tri Tôn
  type: huyen
  code: "891"
  valid_to: 2025-06-30
- id: tp-long-xuyen
  name: Long Xuyen
  type: thanh_pho
  code: "883"
  valid_to: 2025-06-30
- id: xa-moi
  name: Mới
  type: xa
  parent: an-giang-2025
  valid_from: 2025-07-01
`,
			"data/projects/may.yaml": `title: Máy tách màu gạo
year: 2020
funding_source: kcqg
activity: ung_dung_mmtb
budget: 1200000000
unit: xa-tri-ton
`,
			"data/projects/may-2.yaml": `title: Máy sấy
year: 2020
activity: ung_dung_mmtb
unit: {commune: Phu Thanh, district: Phu Tan}
`,
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
