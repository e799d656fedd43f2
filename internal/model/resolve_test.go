package model

import (
	"strings"
	"testing"
	"time"
)

func ids[T any](items []T, id func(T) string) string {
	s := make([]string, len(items))
	for i, it := range items {
		s[i] = id(it)
	}
	return strings.Join(s, ",")
}

func unitID(u *Unit) string {
	if u == nil {
		return "<nil>"
	}
	return u.ID
}

func TestCurrentUnits(t *testing.T) {
	files := baseSite()
	files["data/units.yaml"] += `- id: xa-a
  name: A
  type: xa
  parent: huyen-tri-ton
  valid_to: 2025-06-30
  successors: [xa-b]
- id: xa-b
  name: B
  type: xa
  valid_from: 2025-07-01
  valid_to: 2025-12-31
  successors: [xa-c]
- id: xa-c
  name: C
  type: xa
  parent: an-giang-moi
  valid_from: 2026-01-01
- id: vong-1
  name: Vòng 1
  type: xa
  valid_to: 2020-01-01
  successors: [vong-2]
- id: vong-2
  name: Vòng 2
  type: xa
  valid_to: 2020-01-01
  successors: [vong-1]
`
	files["data/establishments/xa-a.yaml"] = "name: Hợp tác xã Ánh\naddress: {unit: xa-a}\n"
	files["data/establishments/cho-moi.yaml"] = "name: Cơ sở Chợ\naddress: {unit: huyen-cho-moi}\n"
	files["data/products/anh.yaml"] = "name: Chiếu Ánh\nestablishment: hop-tac-xa-anh\n"
	for _, tt := range []struct {
		now  time.Time
		want map[string]string
	}{
		{testNow, map[string]string{
			"an-giang": "an-giang-moi", "an-giang-moi": "an-giang-moi", "huyen-tri-ton": "an-giang-moi",
			"huyen-cho-moi": "<nil>", "xa-a": "xa-c", "xa-b": "xa-c", "xa-c": "xa-c",
			"vong-1": "<nil>", "vong-2": "<nil>",
		}},
		{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), map[string]string{
			"an-giang": "an-giang", "an-giang-moi": "<nil>", "huyen-tri-ton": "huyen-tri-ton",
			"huyen-cho-moi": "huyen-cho-moi", "xa-a": "xa-a", "xa-b": "<nil>", "xa-c": "<nil>",
		}},
	} {
		m, diags := buildFS(t, files, Options{Now: tt.now})
		if diags != "" {
			t.Fatalf("diagnostics:\n%s", diags)
		}
		for id, want := range tt.want {
			if got := unitID(m.UnitByID[id].Current); got != want {
				t.Errorf("%s: %s.Current = %s, want %s", tt.now.Format("2006"), id, got, want)
			}
		}
	}
	m, _ := buildFS(t, files, Options{})
	if got := unitID(m.EstablishmentByID["hop-tac-xa-anh"].Address.Current); got != "xa-c" {
		t.Errorf("address current = %s", got)
	}
	name := func(e *Establishment) string { return e.ID }
	for unit, want := range map[string]string{
		// The new province lists the records of the old province and
		// districts through their successors (Chợ Mới's partial split
		// still lies within the old province, wholly merged), and those of
		// its communes. A unit that was only a step of the succession
		// (xa-b) lists none.
		"an-giang-moi":  "hop-tac-xa-anh,co-so-cho,yen-huong-vina",
		"xa-b":          "",
		"an-giang":      "hop-tac-xa-anh,co-so-cho,yen-huong-vina",
		"huyen-tri-ton": "hop-tac-xa-anh,yen-huong-vina",
		"huyen-cho-moi": "co-so-cho",
		"xa-c":          "hop-tac-xa-anh",
	} {
		if got := ids(m.UnitByID[unit].Establishments, name); got != want {
			t.Errorf("%s.Establishments = %s, want %s", unit, got, want)
		}
	}
	pname := func(p *Product) string { return p.ID }
	if got := ids(m.UnitByID["an-giang-moi"].Products, pname); got != "chieu-anh,tinh-dau-chuc-yen-huong" {
		t.Errorf("an-giang-moi.Products = %s", got)
	}
	if got := ids(m.UnitByID["an-giang"].Children, unitID); got != "huyen-cho-moi,huyen-tri-ton" {
		t.Errorf("an-giang.Children = %s", got)
	}
}

func TestUnitParentCycle(t *testing.T) {
	files := baseSite()
	files["data/units.yaml"] += "- {id: p, name: P, type: xa, parent: q}\n- {id: q, name: Q, type: xa, parent: p}\n"
	_, got := buildFS(t, files, Options{})
	want := `data/units.yaml:28:38: lỗi: đơn vị hành chính "q", trường parent: đơn vị cấp trên tạo thành vòng lặp (q thuộc p, … lại thuộc q); hãy sửa parent` + "\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestBackLinksAndOrder(t *testing.T) {
	files := baseSite()
	files["data/establishments/more.yaml"] = `- name: Hộ kinh doanh Bảo
  address: {unit: an-giang}
- name: Công ty TNHH Ánh Dương
  address: {unit: an-giang}
- name: Cơ sở Đan Lát
  address: {unit: an-giang}
- name: Cơ sở Dũng
  address: {unit: an-giang}
`
	files["data/projects/old.yaml"] = `title: Đào tạo nghề
year: 2019
funding_source: kcdp
activity: dao_tao_nghe
budget: 5000000
beneficiaries: [{establishment: yen-huong-vina, amount: 2000000, equipment: Máy sấy}]
`
	files["data/recognitions/tinh.yaml"] = "scheme: cnnt\nlevel: tinh\nyear: 2020\nawards: [{product: tinh-dau-chuc-yen-huong}]\n"
	files["data/recognitions/huyen.yaml"] = "scheme: cnnt\nlevel: huyen\nyear: 2019\nawards: [{product: tinh-dau-chuc-yen-huong}]\n"
	files["content/news/moi.md"] = "---\ntitle: Mới\ndate: 2022-01-02\ntags: [OCOP, Gạo]\nrelated: [tinh-dau-chuc-yen-huong, yen-huong-vina, cnnt-tinh-2020]\n---\n"
	files["content/news/cu.md"] = "---\ntitle: Cũ\ndate: 2020-01-02\ntags: [Gạo]\nrelated: [yen-huong-vina, may-tach-mau-gao]\n---\n"
	m, diags := buildFS(t, files, Options{})
	if diags != "" {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	e := m.EstablishmentByID["yen-huong-vina"]
	art := func(a *Article) string { return a.Slug }
	rec := func(r *Recognition) string { return r.Round.ID }
	for _, tt := range []struct{ name, got, want string }{
		// By name without the legal form: Ánh Dương, Bảo, Dũng, Đan Lát, Yến Hương.
		{"establishments", ids(m.Establishments, func(e *Establishment) string { return e.SortName }), "Ánh Dương,Bảo,Dũng,Đan Lát,Yến Hương VINA"},
		{"projects", ids(m.Projects, func(p *Project) string { return p.ID }), "may-tach-mau-gao,dao-tao-nghe"},
		{"rounds", ids(m.Rounds, func(r *Round) string { return r.ID }), "cnnt-tinh-2020,cnnt-khu-vuc-nam-2020,cnnt-huyen-2019"},
		{"news", ids(m.News, art), "moi,bai,cu"},
		{"support newest first", ids(e.Support, func(s Support) string { return s.Project.ID }), "may-tach-mau-gao,dao-tao-nghe"},
		{"support amount", e.Support[1].Equipment, "Máy sấy"},
		{"establishment products", ids(e.Products, func(p *Product) string { return p.ID }), "tinh-dau-chuc-yen-huong"},
		{"product recognitions oldest first", ids(m.Products[0].Recognitions, rec), "cnnt-huyen-2019,cnnt-tinh-2020,cnnt-khu-vuc-nam-2020"},
		{"establishment recognitions", ids(e.Recognitions, rec), "cnnt-huyen-2019,cnnt-tinh-2020,cnnt-khu-vuc-nam-2020"},
		{"establishment news", ids(e.News, art), "moi,bai,cu"},
		{"product news", ids(m.Products[0].News, art), "moi"},
		{"project news", ids(m.ProjectByID["may-tach-mau-gao"].News, art), "cu"},
		{"round news", ids(m.RoundByID["cnnt-tinh-2020"].News, art), "moi"},
		{"round awards", ids(m.RoundByID["cnnt-tinh-2020"].Awards, func(r *Recognition) string { return r.Product.ID }), "tinh-dau-chuc-yen-huong"},
		{"project units", ids(m.ProjectByID["dao-tao-nghe"].Units, unitID), "huyen-tri-ton"},
		{"tag names", strings.Join(m.TagNames, ","), "Gạo,OCOP"},
		{"tag articles", ids(m.Tags["Gạo"], art), "moi,cu"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, tt.got, tt.want)
		}
	}
}

func TestPublishing(t *testing.T) {
	files := baseSite()
	files["content/news/nhap.md"] = "---\ntitle: Nháp\ndate: 2021-01-01\ndraft: true\ntags: [Nháp]\nrelated: [yen-huong-vina]\n---\n"
	files["content/news/sau/index.md"] = "---\ntitle: Sau\ndate: 2021-01-01\npublish_date: 2026-02-01 08:00\n---\n"
	files["content/news/sau/anh.jpg"] = "x"
	files["content/news/het.md"] = "---\ntitle: Hết hạn\ndate: 2021-01-01\nexpiry_date: 2025-12-31\n---\n"
	files["content/pages/an.md"] = "---\ntitle: Ẩn\ndraft: true\n---\n"
	files["content/pages/gioi-thieu.md"] = "---\ntitle: Giới thiệu\nmenu: 2\n---\n"
	art := func(a *Article) string { return a.Slug }
	for _, tt := range []struct {
		opts                        Options
		news, pages, related, asset string
	}{
		{Options{}, "bai", "gioi-thieu", "bai", ""},
		{Options{Drafts: true}, "bai,nhap", "gioi-thieu,an", "bai,nhap", ""},
		{Options{Future: true}, "bai,het,sau", "gioi-thieu", "bai", "news/sau/anh.jpg"},
		{Options{Drafts: true, Future: true}, "bai,het,nhap,sau", "gioi-thieu,an", "bai,nhap", "news/sau/anh.jpg"},
	} {
		m, diags := buildFS(t, files, tt.opts)
		if diags != "" {
			t.Fatalf("diagnostics:\n%s", diags)
		}
		got := []string{ids(m.News, art), ids(m.Pages, art), ids(m.EstablishmentByID["yen-huong-vina"].News, art), strings.Join(m.Assets, ",")}
		want := []string{tt.news, tt.pages, tt.related, tt.asset}
		if strings.Join(got, " | ") != strings.Join(want, " | ") {
			t.Errorf("%+v: got %q, want %q", tt.opts, got, want)
		}
		if _, tagged := m.Tags["Nháp"]; tagged != tt.opts.Drafts {
			t.Errorf("%+v: draft tag present = %v", tt.opts, tagged)
		}
	}
}
