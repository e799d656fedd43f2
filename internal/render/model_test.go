package render

import (
	"fmt"
	"sort"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// memSink keeps the files of a Render in memory; copied files are kept as
// the text "copy of <src>".
type memSink map[string][]byte

func (s memSink) WriteFile(name string, data []byte) error {
	if _, dup := s[name]; dup {
		return fmt.Errorf("%s written twice", name)
	}
	s[name] = append([]byte(nil), data...)
	return nil
}

func (s memSink) CopyFile(name, src string) error {
	return s.WriteFile(name, []byte("copy of "+src))
}

func (s memSink) names() []string {
	out := make([]string, 0, len(s))
	for n := range s {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// testModel builds a small programme by hand: a province with a district
// abolished in 2025 and its successor commune, two establishments, two
// products, a CNNT round and an OCOP round, two projects of a programme,
// a report, three news articles (two per list page) and a standalone page.
// Every string field goes through s, so that the hostile-string test can
// put the same text everywhere.
func testModel(s func(string) string) *model.Model {
	md := func(x string) model.Markdown { return model.Markdown(s(x)) }
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

	tinh := &model.Unit{ID: "an-giang", Name: s("An Giang"), Type: "tinh", Code: s("89")}
	huyen := &model.Unit{ID: "huyen-tri-ton", Name: s("Tri Tôn"), Type: "huyen", Parent: tinh, ValidTo: model.Date{Year: 2025, Month: 6, Day: 30}}
	xa := &model.Unit{ID: "xa-tri-ton", Name: s("Tri Tôn"), Type: "xa", Parent: tinh, ValidFrom: model.Date{Year: 2025, Month: 7, Day: 1}}
	huyen.Successors = []model.Successor{{Unit: xa}}
	huyen.Current, xa.Current, tinh.Current = xa, xa, tinh
	tinh.Children = []*model.Unit{huyen, xa}

	yh := &model.Establishment{
		ID: "yen-huong-vina", Name: s("Công ty TNHH Yến Hương VINA"), SortName: s("Yến Hương VINA"),
		LegalForm: "cong_ty_tnhh", Scale: "nho", Sectors: []string{s("tinh dầu"), s("dược liệu")},
		Address:     model.Address{Street: s("Tỉnh lộ 948"), Hamlet: s("ấp Tô Thủy"), Unit: huyen, Current: xa},
		Contact:     model.Contact{Phone: s("0296 3875 123"), Website: s("https://yenhuong.example/")},
		Founded:     2016,
		Description: md("Cơ sở chưng cất **tinh dầu** từ cây chúc."),
		Sources:     []model.Source{{Title: s("Báo An Giang"), URL: s("https://baoangiang.example/bai"), Publisher: s("Báo An Giang"), Date: model.Date{Year: 2021, Month: 8}}},
	}
	ap := &model.Establishment{
		ID: "hkd-ut-an", Name: s("Hộ kinh doanh Út Ân"), SortName: s("Út Ân"), LegalForm: "ho_kinh_doanh",
		Address: model.Address{Unit: tinh, Current: tinh},
	}

	chuc := &model.Product{
		ID: "tinh-dau-chuc-yen-huong", Name: s("Tinh dầu chúc Yến Hương"), Establishment: yh, Group: "che_bien",
		Description: md("Tinh dầu chúc nguyên chất.\n\n| Dung tích | Giá |\n|---|---|\n| 10 ml | 85.000 |"),
		Specs:       []model.Spec{{Label: s("Dung tích"), Value: s("10 ml")}, {Label: s("Hạn dùng"), Value: s("24 tháng")}},
		Price:       model.Price{Amount: 85000, Unit: s("chai"), AsOf: model.Date{Year: 2021, Month: 8}, Set: true},
		Photos:      []model.Photo{{File: "products/chuc.jpg", Caption: s("Chai tinh dầu chúc"), Credit: s("Yến Hương"), Alt: s("Chai tinh dầu chúc 10 ml")}},
	}
	banh := &model.Product{ID: "banh-bo-thot-not", Name: s("Bánh bò thốt nốt"), Establishment: ap, Group: "che_bien"}
	yh.Products = []*model.Product{chuc}
	ap.Products = []*model.Product{banh}

	kv := &model.Round{ID: "cnnt-khu-vuc-nam-2020", Scheme: "cnnt", Level: "khu_vuc", Region: "nam", Year: 2020,
		Decision:      model.Decision{Number: s("82/QĐ-CTĐP"), Title: s("Công nhận sản phẩm CNNT tiêu biểu khu vực phía Nam"), Date: model.Date{Year: 2020, Month: 8, Day: 21}},
		ReportedCount: 4, HasReportedCount: true}
	ocop := &model.Round{ID: "ocop-tinh-2021", Scheme: "ocop", Level: "tinh", Year: 2021,
		Decision: model.Decision{Number: s("1234/QĐ-UBND"), Date: model.Date{Year: 2021, Month: 9, Day: 1}}}
	r1 := &model.Recognition{Round: kv, Product: chuc, Score: 81.5}
	r2 := &model.Recognition{Round: ocop, Product: chuc, Stars: 4, ValidUntil: model.Date{Year: 2024, Month: 9, Day: 1}, Certificate: s("OCOP-89-0042")}
	kv.Awards = []*model.Recognition{r1}
	ocop.Awards = []*model.Recognition{r2}
	chuc.Recognitions = []*model.Recognition{r1, r2}
	yh.Recognitions = []*model.Recognition{r1, r2}

	prog := &model.Programme{ID: "ctkc-an-giang-2021-2025", Name: s("Chương trình khuyến công An Giang 2021–2025"), Scope: "tinh",
		FromYear: 2021, ToYear: 2025, Priorities: []model.Markdown{md("Hỗ trợ **máy móc** cho cơ sở nông thôn.")},
		Decision: model.Decision{Number: s("1500/QĐ-UBND"), Date: model.Date{Year: 2021, Month: 6, Day: 30}, URL: s("https://angiang.example/qd")}}
	may := &model.Project{ID: "kcqg-may-che-bien-2020", Title: s("Ứng dụng máy chế biến gạo"), Year: 2020, Programme: prog,
		FundingSource: "kcqg", Type: "nhom", Activity: "ung_dung_mmtb",
		Budget:             model.Money{Amount: 1_200_000_000, Stage: "phe_duyet", Set: true},
		Beneficiaries:      []model.Beneficiary{{Establishment: yh, Amount: model.Money{Amount: 400_000_000, Set: true}, Equipment: s("Nồi chưng cất")}},
		BeneficiariesCount: 3, Recipients: 3, Status: "nghiem_thu", Summary: md("Hỗ trợ ba cơ sở."), Units: []*model.Unit{huyen}}
	hoi := &model.Project{ID: "hoi-cho-2020", Title: s("Tham gia hội chợ"), Year: 2020, FundingSource: "kcdp", Activity: "hoi_cho_trien_lam",
		Budget: model.Money{Amount: 450_000_000, Approx: "gan", Stage: "giai_ngan", Set: true}}
	prog.Projects = []*model.Project{may}
	yh.Support = []model.Support{{Project: may, Amount: may.Beneficiaries[0].Amount, Equipment: s("Nồi chưng cất")}}
	huyen.Establishments = []*model.Establishment{yh}
	huyen.Products = []*model.Product{chuc}
	tinh.Establishments = []*model.Establishment{ap, yh}
	tinh.Products = []*model.Product{banh, chuc}
	xa.Establishments = []*model.Establishment{yh}

	a1 := &model.Article{Slug: "khuyen-cong-an-giang-ho-tro", Title: s("Khuyến công An Giang hỗ trợ kép"), Date: date(2021, 8, 17), HasDate: true,
		Author: s("Thanh Tiến"), Source: model.Link{Name: s("Báo An Giang"), URL: s("https://baoangiang.example/")},
		Summary: s("Năm 2020, tỉnh hỗ trợ 35 cơ sở."), Image: &model.Photo{File: "news/khuyen-cong-an-giang-ho-tro/anh.jpg", Caption: s("Máy tách màu"), Credit: s("T.T"), Alt: s("Máy tách màu gạo")},
		Tags: []string{s("khuyến công"), s("máy móc")}, Related: []model.Ref{{Product: chuc}, {Project: may}, {Round: kv}, {Establishment: yh}},
		Body: md("Năm 2020, **35 cơ sở** được hỗ trợ.\n\nXem [trang sản phẩm](../../san-pham/)."), Bundle: "news/khuyen-cong-an-giang-ho-tro",
		Pos: diag.Pos{File: "content/news/khuyen-cong-an-giang-ho-tro/index.md", Line: 1}}
	a2 := &model.Article{Slug: "hoi-cho-2021", Title: s("Hội chợ hàng CNNT 2021"), Date: date(2021, 5, 3), HasDate: true, Draft: true,
		Tags: []string{s("hội chợ")}, Body: md("Hội chợ."), Pos: diag.Pos{File: "content/news/hoi-cho-2021.md", Line: 1}}
	a3 := &model.Article{Slug: "binh-chon-2020", Title: s("Bình chọn sản phẩm 2020"), Date: date(2020, 9, 1), HasDate: true,
		Tags: []string{s("khuyến công")}, Related: []model.Ref{{Round: kv}}, Body: md("Kết quả bình chọn."), Pos: diag.Pos{File: "content/news/binh-chon-2020.md", Line: 1}}
	page := &model.Article{Slug: "gioi-thieu", Title: s("Giới thiệu"), Menu: 1, Body: md("Trang giới thiệu."), Pos: diag.Pos{File: "content/pages/gioi-thieu.md", Line: 1}}
	chuc.News = []*model.Article{a1}
	yh.News = []*model.Article{a1}
	may.News = []*model.Article{a1}
	kv.News = []*model.Article{a1, a3}

	report := &model.Report{ID: "2020", Year: 2020, From: 2020, To: 2020, Reported: map[string]model.Quantity{
		"establishments_supported": {Value: 35, Set: true},
		"funding_total":            {Value: 4_500_000_000, Approx: "gan", Money: true, Set: true},
		"fairs":                    {Value: 3, Set: true},
	}}
	y2020 := &model.YearStats{Year: 2020, Projects: 2, EstablishmentsSupported: 3, NamedSupported: 1,
		Funding: []model.StageFunding{{Stage: "phe_duyet", Total: 1_200_000_000}, {Stage: "giai_ngan", Total: 450_000_000}},
		Report:  report,
		Reconciled: []model.Reconciled{
			{Metric: "establishments_supported", Reported: report.Reported["establishments_supported"], Computed: 3, HasComputed: true, Diff: 32},
			{Metric: "funding_total", Reported: report.Reported["funding_total"], Computed: 1_200_000_000, HasComputed: true, Diff: 3_300_000_000},
			{Metric: "fairs", Reported: report.Reported["fairs"], Reason: model.ReasonNotHeld},
		}}
	reportStats := &model.ReportStats{Report: report, Comparable: true, Figures: y2020, Reconciled: y2020.Reconciled}
	y2020.Reports = []*model.ReportStats{reportStats}
	y2021 := &model.YearStats{Year: 2021, Recognitions: model.RecognitionStats{Total: 1}}

	m := &model.Model{
		Site: model.Site{
			Title: s("Khuyến công An Giang"), Description: s("Kết quả chương trình khuyến công tỉnh An Giang"),
			BaseURL: "https://khuyencong.example/khuyen-cong/", Language: "vi", Paginate: 2,
			Publisher: model.Publisher{Name: s("Trung tâm Khuyến công An Giang"), Parent: s("Sở Công Thương An Giang"), Phone: s("0296 3852 111"), Email: s("kc@angiang.example")},
			License:   model.Link{Name: s("CC BY 4.0"), URL: s("https://creativecommons.org/licenses/by/4.0/")},
			Area:      tinh,
		},
		Now:            date(2025, 9, 15),
		Units:          []*model.Unit{tinh, huyen, xa},
		Establishments: []*model.Establishment{ap, yh},
		Products:       []*model.Product{banh, chuc},
		Rounds:         []*model.Round{ocop, kv},
		Projects:       []*model.Project{hoi, may},
		Programmes:     []*model.Programme{prog},
		Reports:        []*model.Report{report},
		News:           []*model.Article{a1, a2, a3},
		Pages:          []*model.Article{page},
		Assets:         []string{"news/khuyen-cong-an-giang-ho-tro/anh.jpg", "products/chuc.jpg"},
		Stats:          model.Stats{Years: []*model.YearStats{y2020, y2021}, Reports: []*model.ReportStats{reportStats}},
	}
	m.Tags = map[string][]*model.Article{}
	for _, a := range m.News {
		for _, t := range a.Tags {
			m.Tags[t] = append(m.Tags[t], a)
		}
	}
	for t := range m.Tags {
		m.TagNames = append(m.TagNames, t)
	}
	sort.Strings(m.TagNames)
	return m
}

func plain(s string) string { return s }
