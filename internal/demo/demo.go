// Package demo writes a complete, valid site folder of illustrative data at
// a chosen size, for benchmarks, browser checks and trying the generator
// out. The output is deterministic: the same size gives the same bytes.
// Every page of the generated site says that its data is illustrative.
//
// It writes files in the data contract's format (docs/du-lieu.md) and
// imports nothing of the pipeline: what it writes is read back through the
// same loader an officer's files go through.
package demo

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/khuyencong/khuyencong/internal/vi"
	"gopkg.in/yaml.v3"
)

// Size is how much data to write.
type Size struct {
	Name           string
	Establishments int
	Products       int
	Articles       int
}

// Sizes are the named sizes, smallest first.
var Sizes = []Size{
	{"S", 100, 30, 100},
	{"M", 2000, 500, 2000},
	{"L", 10000, 2000, 10000},
	{"XL", 100000, 20000, 50000},
}

// SizeByName returns the named size (S, M, L or XL, any case).
func SizeByName(name string) (Size, bool) {
	for _, s := range Sizes {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return Size{}, false
}

// Notice is the banner every page of a generated site shows.
const Notice = "Dữ liệu trên trang này là dữ liệu minh họa do chương trình tạo ra, không phải số liệu thật."

const (
	firstYear = 2016
	lastYear  = 2025
	perFile   = 500 // records per data file
)

// Options say what to write besides the records.
type Options struct {
	// Photos adds phone-camera photos (see photos.go) to every product,
	// one establishment in photoEstablishmentEvery and one article in
	// photoArticleEvery. The records and articles are otherwise the same
	// as without photos.
	Photos bool
}

// Which records show photos, when Options.Photos is set.
const (
	photoEstablishmentEvery = 20
	photoArticleEvery       = 40
)

// Write writes the site into dir, which must not exist or be empty.
func Write(dir string, size Size, opts Options) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("thư mục %s đã có nội dung; hãy chọn một thư mục mới hoặc trống", dir)
	}
	g := &gen{size: size, photos: opts.Photos, rnd: rand.New(rand.NewPCG(uint64(size.Establishments), 2021)), dir: dir, used: map[string]int{}}
	g.units()
	g.establishments()
	g.products()
	g.programmes()
	g.projects()
	g.rounds()
	g.reports()
	g.site()
	g.news()
	g.pages()
	g.writePhotos()
	return g.err
}

type gen struct {
	size Size
	// photos is Options.Photos; photoJobs are the photo files assigned
	// to records, written last.
	photos    bool
	photoJobs []photoJob
	rnd       *rand.Rand
	dir       string
	err       error
	used      map[string]int // slugs taken, per collection prefix

	communes []unit
	ests     []*establishment
	prods    []*product
	projs    []*project
	rnds     []*round
}

func (g *gen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

// uniqueName returns name, or name with a number when its slug is taken in
// the collection.
func (g *gen) uniqueName(collection, name string) (string, string) {
	for {
		id := vi.Slug(name)
		key := collection + "/" + id
		n := g.used[key]
		g.used[key] = n + 1
		if n == 0 {
			return name, id
		}
		name = fmt.Sprintf("%s %d", name, n+1)
	}
}

func (g *gen) writeFile(rel string, data []byte) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, data, 0o644)
}

func (g *gen) writeYAML(rel, comment string, v any) {
	var b bytes.Buffer
	if comment != "" {
		for _, line := range strings.Split(comment, "\n") {
			b.WriteString("# " + line + "\n")
		}
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil && g.err == nil {
		g.err = err
	}
	enc.Close()
	g.writeFile(rel, b.Bytes())
}

// writeChunks writes a collection as list files of perFile records.
func writeChunks[T any](g *gen, collection string, items []T) {
	for i := 0; i < len(items); i += perFile {
		end := min(i+perFile, len(items))
		g.writeYAML(fmt.Sprintf("data/%s/%s-%04d.yaml", collection, collection, i/perFile+1),
			"Dữ liệu minh họa.", items[i:end])
	}
}

type unit struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Type       string   `yaml:"type"`
	Parent     string   `yaml:"parent,omitempty"`
	Code       string   `yaml:"code,omitempty"`
	ValidFrom  string   `yaml:"valid_from,omitempty"`
	ValidTo    string   `yaml:"valid_to,omitempty"`
	Successors []string `yaml:"successors,omitempty"`
}

func (g *gen) units() {
	us := []unit{
		{ID: "an-giang", Name: "An Giang", Type: "tinh", Code: "89", ValidTo: "2025-06-30", Successors: []string{"an-giang-2025"}},
		{ID: "an-giang-2025", Name: "An Giang", Type: "tinh", ValidFrom: "2025-07-01"},
	}
	for di, d := range districts {
		us = append(us, unit{ID: d.id, Name: d.name, Type: d.typ, Parent: "an-giang", Code: d.code, ValidTo: "2025-06-30"})
		// Illustrative communes: a few per district; some merge one-to-one
		// into a new commune of the new province.
		for ci := 0; ci < 4; ci++ {
			name := communeNames[(di*4+ci)%len(communeNames)]
			id := fmt.Sprintf("xa-%s-%s", vi.Slug(name), districtSlug(d.id))
			c := unit{ID: id, Name: name, Type: "xa", Parent: d.id, ValidTo: "2025-06-30"}
			if ci == 0 {
				nid := id + "-2025"
				c.Successors = []string{nid}
				us = append(us, unit{ID: nid, Name: name, Type: "xa", Parent: "an-giang-2025", ValidFrom: "2025-07-01"})
			}
			us = append(us, c)
			g.communes = append(g.communes, c)
		}
	}
	g.writeYAML("data/units.yaml", "Danh mục đơn vị hành chính (dữ liệu minh họa: tên xã là tên minh họa).", us)
}

// districtSlug drops the type prefix of a district id.
func districtSlug(id string) string {
	for _, p := range []string{"huyen-", "tp-", "tx-"} {
		id = strings.TrimPrefix(id, p)
	}
	return id
}

type address struct {
	Street string `yaml:"street,omitempty"`
	Hamlet string `yaml:"hamlet,omitempty"`
	Unit   string `yaml:"unit"`
}

type contact struct {
	Phone  string `yaml:"phone,omitempty"`
	Email  string `yaml:"email,omitempty"`
	Public bool   `yaml:"public,omitempty"`
}

type establishment struct {
	ID          string     `yaml:"id"`
	Name        string     `yaml:"name"`
	LegalForm   string     `yaml:"legal_form"`
	Scale       string     `yaml:"scale,omitempty"`
	Sectors     []string   `yaml:"sectors,omitempty"`
	Address     address    `yaml:"address"`
	Contact     *contact   `yaml:"contact,omitempty"`
	Founded     int        `yaml:"founded,omitempty"`
	Description string     `yaml:"description,omitempty"`
	Photos      []photoRef `yaml:"photos,omitempty"`
	Private     []string   `yaml:"private,omitempty"`

	group string
}

type photoRef struct {
	File    string `yaml:"file"`
	Caption string `yaml:"caption,omitempty"`
	Credit  string `yaml:"credit,omitempty"`
}

func (g *gen) establishments() {
	scales := []string{"sieu_nho", "sieu_nho", "nho", "nho", "vua"}
	for i := 0; i < g.size.Establishments; i++ {
		lf := legalForms[g.rnd.IntN(len(legalForms))]
		base := fmt.Sprintf("%s %s %s", lf.prefix, g.pick(nameFirst), g.pick(nameSecond))
		name, id := g.uniqueName("establishments", base)
		grp := g.pick(groups)
		sector := g.pick(sectorsByGroup[grp])
		c := g.communes[g.rnd.IntN(len(g.communes))]
		e := &establishment{
			ID: id, Name: name, LegalForm: lf.key, Scale: g.pick(scales),
			Sectors: []string{sector},
			Address: address{Hamlet: fmt.Sprintf("Ấp %d", 1+g.rnd.IntN(9)), Unit: c.ID},
			Founded: 1990 + g.rnd.IntN(33),
			Description: fmt.Sprintf("%s hoạt động trong lĩnh vực %s. %s %s",
				name, sector, g.pick(sentences), g.pick(sentences)),
			group: grp,
		}
		switch g.rnd.IntN(4) {
		case 0:
			e.Contact = &contact{Phone: fmt.Sprintf("0296 3%06d", g.rnd.IntN(1000000)), Public: true}
		case 1:
			// Contact details kept for the centre's own use: never published.
			e.Contact = &contact{Phone: fmt.Sprintf("09%08d", g.rnd.IntN(100000000)), Email: id + "@example.vn"}
		case 2:
			e.Contact = &contact{Phone: fmt.Sprintf("0296 3%06d", g.rnd.IntN(1000000)), Public: true}
			e.Private = []string{"founded"}
		}
		if g.photos && i%photoEstablishmentEvery == 0 {
			e.Photos = []photoRef{{File: g.photo("anh/co-so", id), Caption: "Nhà xưởng của " + name + " (ảnh minh họa)", Credit: "Trung tâm Khuyến công"}}
		}
		g.ests = append(g.ests, e)
	}
	writeChunks(g, "establishments", g.ests)
}

type product struct {
	ID            string            `yaml:"id"`
	Name          string            `yaml:"name"`
	Establishment string            `yaml:"establishment"`
	Group         string            `yaml:"group"`
	Description   string            `yaml:"description,omitempty"`
	Specs         map[string]string `yaml:"specs,omitempty"`
	Price         *price            `yaml:"price,omitempty"`
	Photos        []photoRef        `yaml:"photos,omitempty"`

	est *establishment
}

type price struct {
	Amount int64  `yaml:"amount"`
	Unit   string `yaml:"unit"`
	AsOf   string `yaml:"as_of,omitempty"`
}

func (g *gen) products() {
	for i := 0; i < g.size.Products; i++ {
		e := g.ests[(i*7919)%len(g.ests)]
		kind := g.pick(productKinds[e.group])
		short := strings.Join(strings.Fields(strings.TrimSpace(strings.TrimPrefix(e.Name, prefixOf(e.Name))))[:2], " ")
		name, id := g.uniqueName("products", kind+" "+short)
		p := &product{
			ID: id, Name: name, Establishment: e.ID, Group: e.group,
			Description: fmt.Sprintf("**%s** do %s sản xuất. %s\n\n%s", name, e.Name, g.pick(sentences), g.pick(sentences)),
			Specs: map[string]string{
				"Quy cách":   fmt.Sprintf("hộp %d g", 100*(1+g.rnd.IntN(10))),
				"Hạn dùng":   fmt.Sprintf("%d tháng", 6*(1+g.rnd.IntN(4))),
				"Tiêu chuẩn": "TCCS",
			},
			est: e,
		}
		if g.rnd.IntN(2) == 0 {
			p.Price = &price{Amount: int64(10000 * (1 + g.rnd.IntN(50))), Unit: "hộp", AsOf: "2024"}
		}
		if g.photos {
			p.Photos = []photoRef{{File: g.photo("anh/san-pham", id), Caption: name + " (ảnh minh họa)", Credit: e.Name}}
		}
		g.prods = append(g.prods, p)
	}
	writeChunks(g, "products", g.prods)
}

func prefixOf(name string) string {
	for _, lf := range legalForms {
		if strings.HasPrefix(name, lf.prefix+" ") {
			return lf.prefix
		}
	}
	return ""
}

type programme struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Scope      string   `yaml:"scope"`
	FromYear   int      `yaml:"from_year"`
	ToYear     int      `yaml:"to_year"`
	Priorities []string `yaml:"priorities"`
	Summary    string   `yaml:"summary"`
}

func (g *gen) programmes() {
	ps := []programme{
		{ID: "ctkc-tinh-2016-2020", Name: "Chương trình khuyến công tỉnh giai đoạn 2016–2020 (minh họa)", Scope: "tinh", FromYear: 2016, ToYear: 2020,
			Priorities: []string{"Hỗ trợ ứng dụng máy móc thiết bị tiên tiến", "Đào tạo nghề gắn với việc làm"}, Summary: "Chương trình minh họa."},
		{ID: "ctkc-tinh-2021-2025", Name: "Chương trình khuyến công tỉnh giai đoạn 2021–2025 (minh họa)", Scope: "tinh", FromYear: 2021, ToYear: 2025,
			Priorities: []string{"Xây dựng mô hình trình diễn kỹ thuật", "Sản xuất sạch hơn", "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu"}, Summary: "Chương trình minh họa."},
	}
	g.writeYAML("data/programmes/programmes.yaml", "Dữ liệu minh họa.", ps)
}

type money struct {
	Amount int64  `yaml:"amount"`
	Approx string `yaml:"approx,omitempty"`
	Stage  string `yaml:"stage,omitempty"`
}

type beneficiary struct {
	Establishment string `yaml:"establishment"`
	Amount        int64  `yaml:"amount,omitempty"`
	Equipment     string `yaml:"equipment,omitempty"`
}

type project struct {
	ID                 string        `yaml:"id"`
	Title              string        `yaml:"title"`
	Year               int           `yaml:"year"`
	Programme          string        `yaml:"programme"`
	FundingSource      string        `yaml:"funding_source"`
	Type               string        `yaml:"type"`
	Activity           string        `yaml:"activity"`
	Budget             money         `yaml:"budget"`
	Counterpart        int64         `yaml:"counterpart,omitempty"`
	Beneficiaries      []beneficiary `yaml:"beneficiaries,omitempty"`
	BeneficiariesCount int           `yaml:"beneficiaries_count,omitempty"`
	Status             string        `yaml:"status"`
	Summary            string        `yaml:"summary"`
}

func (g *gen) projects() {
	n := max(g.size.Establishments/5, 5)
	sources := []string{"kcdp", "kcdp", "kcdp", "kcqg", "khac"}
	statuses := []string{"quyet_toan", "nghiem_thu", "nghiem_thu", "thuc_hien", "huy"}
	for i := 0; i < n; i++ {
		year := firstYear + i%(lastYear-firstYear+1)
		act := g.pick(activities)
		typ := "don"
		members := 1
		switch g.rnd.IntN(6) {
		case 0:
			typ, members = "nhom", 2+g.rnd.IntN(4)
		case 1:
			typ = "diem"
		}
		p := &project{
			Year: year, FundingSource: g.pick(sources), Type: typ, Activity: act,
			Programme: "ctkc-tinh-2016-2020", Status: statuses[g.rnd.IntN(len(statuses))],
		}
		if year >= 2021 {
			p.Programme = "ctkc-tinh-2021-2025"
		}
		if p.Status == "huy" && g.rnd.IntN(3) > 0 {
			p.Status = "quyet_toan"
		}
		var total int64
		e0 := g.ests[g.rnd.IntN(len(g.ests))]
		subject := g.pick(equipment)
		if act != "ung_dung_mmtb" {
			subject = e0.Sectors[0]
		}
		for m := 0; m < members; m++ {
			e := e0
			if m > 0 {
				e = g.ests[g.rnd.IntN(len(g.ests))]
			}
			amount := int64(50+g.rnd.IntN(450)) * 1_000_000
			total += amount
			b := beneficiary{Establishment: e.ID, Amount: amount}
			if act == "ung_dung_mmtb" {
				b.Equipment = subject
			}
			p.Beneficiaries = append(p.Beneficiaries, b)
		}
		if act == "dao_tao_nghe" || act == "hoi_cho_trien_lam" {
			p.BeneficiariesCount = len(p.Beneficiaries) + g.rnd.IntN(10)
		}
		p.Budget = money{Amount: total}
		if g.rnd.IntN(5) == 0 {
			p.Budget.Stage = "giai_ngan"
		}
		p.Counterpart = total * int64(1+g.rnd.IntN(3))
		title, id := g.uniqueName("projects", fmt.Sprintf(activityTitle[act], subject)+fmt.Sprintf(" năm %d", year))
		p.ID, p.Title = id, title
		p.Summary = g.pick(sentences) + " " + g.pick(sentences)
		g.projs = append(g.projs, p)
	}
	writeChunks(g, "projects", g.projs)
}

type decision struct {
	Number string `yaml:"number"`
	Date   string `yaml:"date"`
}

type award struct {
	Product string  `yaml:"product"`
	Score   float64 `yaml:"score,omitempty"`
	Stars   int     `yaml:"stars,omitempty"`
}

type round struct {
	ID            string   `yaml:"id"`
	Scheme        string   `yaml:"scheme"`
	Level         string   `yaml:"level"`
	Region        string   `yaml:"region,omitempty"`
	Year          int      `yaml:"year"`
	Decision      decision `yaml:"decision"`
	ReportedCount int      `yaml:"reported_count,omitempty"`
	Awards        []award  `yaml:"awards"`
}

// rounds writes a CNNT provincial round every even year, regional and
// national rounds that take the best of the level below, and a yearly OCOP
// decision.
func (g *gen) rounds() {
	per := max(len(g.prods)/10, 1)
	for year := firstYear; year <= lastYear; year++ {
		if year%2 == 0 {
			idx := g.rnd.Perm(len(g.prods))[:min(per, len(g.prods))]
			sort.Ints(idx)
			tinh := &round{ID: fmt.Sprintf("cnnt-tinh-%d", year), Scheme: "cnnt", Level: "tinh", Year: year,
				Decision: decision{Number: fmt.Sprintf("%d/QĐ-UBND", 100+year%100), Date: fmt.Sprintf("%d-06-15", year)}}
			for _, i := range idx {
				tinh.Awards = append(tinh.Awards, award{Product: g.prods[i].ID, Score: float64(70 + g.rnd.IntN(30))})
			}
			tinh.ReportedCount = len(tinh.Awards)
			kv := &round{ID: fmt.Sprintf("cnnt-khu-vuc-nam-%d", year), Scheme: "cnnt", Level: "khu_vuc", Region: "nam", Year: year,
				Decision: decision{Number: fmt.Sprintf("%d/QĐ-CTĐP", 50+year%100), Date: fmt.Sprintf("%d-08-21", year)}}
			for j, a := range tinh.Awards {
				if j%3 == 0 {
					kv.Awards = append(kv.Awards, award{Product: a.Product, Score: a.Score})
				}
			}
			qg := &round{ID: fmt.Sprintf("cnnt-quoc-gia-%d", year), Scheme: "cnnt", Level: "quoc_gia", Year: year,
				Decision: decision{Number: fmt.Sprintf("%d/QĐ-BCT", 3000+year%100), Date: fmt.Sprintf("%d-11-20", year)}}
			for j, a := range kv.Awards {
				if j%3 == 0 {
					qg.Awards = append(qg.Awards, award{Product: a.Product, Score: a.Score})
				}
			}
			g.rnds = append(g.rnds, tinh, kv, qg)
		}
		if year >= 2019 {
			oc := &round{ID: fmt.Sprintf("ocop-tinh-%d", year), Scheme: "ocop", Level: "tinh", Year: year,
				Decision: decision{Number: fmt.Sprintf("%d/QĐ-UBND", 2000+year%100), Date: fmt.Sprintf("%d-12-10", year)}}
			for _, i := range g.rnd.Perm(len(g.prods))[:min(per/2+1, len(g.prods))] {
				oc.Awards = append(oc.Awards, award{Product: g.prods[i].ID, Stars: 3 + g.rnd.IntN(3)})
			}
			sort.Slice(oc.Awards, func(i, j int) bool { return oc.Awards[i].Product < oc.Awards[j].Product })
			g.rnds = append(g.rnds, oc)
		}
	}
	for _, r := range g.rnds {
		g.writeYAML("data/recognitions/"+r.ID+".yaml", "Dữ liệu minh họa.", r)
	}
}

type quantity struct {
	Amount int64  `yaml:"amount"`
	Approx string `yaml:"approx,omitempty"`
}

type report struct {
	Year     int                 `yaml:"year"`
	Reported map[string]quantity `yaml:"reported"`
	Notes    string              `yaml:"notes"`
}

// reports writes yearly reported figures that round the detailed records
// up, as published figures do, so that reconciliation shows differences
// without warnings.
func (g *gen) reports() {
	type tally struct {
		funding  int64
		projects int
		ests     map[string]bool
		unnamed  int
		tinh, kv int
	}
	t := map[int]*tally{}
	for y := firstYear; y <= lastYear; y++ {
		t[y] = &tally{ests: map[string]bool{}}
	}
	for _, p := range g.projs {
		if p.Status == "huy" {
			continue
		}
		y := t[p.Year]
		y.projects++
		if p.Budget.Stage == "" {
			y.funding += p.Budget.Amount
		}
		for _, b := range p.Beneficiaries {
			y.ests[b.Establishment] = true
		}
		if p.BeneficiariesCount > len(p.Beneficiaries) {
			y.unnamed += p.BeneficiariesCount - len(p.Beneficiaries)
		}
	}
	for _, r := range g.rnds {
		if r.Scheme != "cnnt" {
			continue
		}
		switch r.Level {
		case "tinh":
			t[r.Year].tinh += len(r.Awards)
		case "khu_vuc":
			t[r.Year].kv += len(r.Awards)
		}
	}
	for y := firstYear; y <= lastYear; y++ {
		c := t[y]
		rep := report{Year: y, Reported: map[string]quantity{
			"establishments_supported": {Amount: int64(len(c.ests)+c.unnamed) + int64(g.rnd.IntN(20)), Approx: "hon"},
			"funding_total":            {Amount: roundUp(c.funding, 100_000_000), Approx: "khoang"},
			"projects":                 {Amount: int64(c.projects)},
			"establishments_in_area":   {Amount: int64(g.size.Establishments) * 3, Approx: "khoang"},
		},
			Notes: "Số liệu minh họa, làm tròn như số liệu công bố trong báo cáo năm.",
		}
		if y%2 == 0 {
			rep.Reported["cnnt_tinh"] = quantity{Amount: int64(c.tinh)}
			rep.Reported["cnnt_khu_vuc"] = quantity{Amount: int64(c.kv)}
		}
		g.writeYAML(fmt.Sprintf("data/reports/%d.yaml", y), "Dữ liệu minh họa.", rep)
	}
}

// roundUp rounds n up to a multiple of step, so that an "about" figure is
// never below the detailed one.
func roundUp(n, step int64) int64 { return (n + step - 1) / step * step }

func (g *gen) site() {
	type link struct {
		Name string `yaml:"name"`
		URL  string `yaml:"url,omitempty"`
	}
	type site struct {
		Title       string            `yaml:"title"`
		Description string            `yaml:"description"`
		Language    string            `yaml:"language"`
		Notice      string            `yaml:"notice"`
		Publisher   map[string]string `yaml:"publisher"`
		Area        string            `yaml:"area"`
		Paginate    int               `yaml:"paginate"`
		License     link              `yaml:"license"`
	}
	g.writeYAML("data/site.yaml", "Trang minh họa, kích thước "+g.size.Name+".", site{
		Title:       "Khuyến công tỉnh (dữ liệu minh họa " + g.size.Name + ")",
		Description: "Trang trình diễn với dữ liệu minh họa: cơ sở, sản phẩm, đề án và tin tức không có thật.",
		Language:    "vi",
		Notice:      Notice,
		Publisher:   map[string]string{"name": "Trung tâm Khuyến công (minh họa)", "parent": "Sở Công Thương (minh họa)"},
		Area:        "an-giang",
		Paginate:    20,
		License:     link{Name: "CC BY 4.0", URL: "https://creativecommons.org/licenses/by/4.0/"},
	})
}
