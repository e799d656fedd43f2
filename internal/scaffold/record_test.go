package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "trang")
	if err := NewSite(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

var recordNow = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

// TestNewRecordAsksForWhatIsMissing writes a record of each kind and
// checks that no value is made up: check reports each required field still
// to fill, with what to write, and nothing else.
func TestNewRecordAsksForWhatIsMissing(t *testing.T) {
	dir := newSite(t)
	tests := []struct {
		kind, title, path string
	}{
		{"news", "Hội chợ hàng công nghiệp nông thôn: 50 gian hàng", "content/news/hoi-cho-hang-cong-nghiep-nong-thon-50-gian-hang.md"},
		{"establishment", "Công ty TNHH Đồ gỗ Tân Châu", "data/establishments/cong-ty-tnhh-do-go-tan-chau.yaml"},
		{"product", "Khô cá lóc Hòa Lạc", "data/products/kho-ca-loc-hoa-lac.yaml"},
		{"project", "Hỗ trợ máy sấy nông sản năm 2025", "data/projects/ho-tro-may-say-nong-san-nam-2025.yaml"},
	}
	for _, tt := range tests {
		got, err := NewRecord(dir, tt.kind, tt.title, recordNow)
		if err != nil {
			t.Fatalf("%s: %v", tt.kind, err)
		}
		if want := filepath.Join(dir, filepath.FromSlash(tt.path)); got != want {
			t.Errorf("%s: path %s, want %s", tt.kind, got, want)
		}
		data, err := os.ReadFile(got)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "record/"+tt.kind+filepath.Ext(got), data)
		for _, placeholder := range []string{"budget: 0", "year: 2025", "status: de_xuat", "activity: khac", "funding_source: kcdp", "establishment: co-so-vi-du", "unit: tinh-vi-du", "date: 2025-03-14"} {
			if strings.Contains(string(data), "\n"+placeholder+"\n") || strings.Contains(string(data), "\n  "+placeholder+"\n") {
				t.Errorf("%s: the new file holds the placeholder %q", tt.kind, placeholder)
			}
		}
	}
	_, diags := checkSite(t, dir, recordNow)
	want := `content/news/hoi-cho-hang-cong-nghiep-nong-thon-50-gian-hang.md:11:1: lỗi: bài viết "hoi-cho-hang-cong-nghiep-nong-thon-50-gian-hang": trường bắt buộc "date" đang để trống: ghi ngày đăng của bài gốc, ví dụ date: 2021-08-17; khi bài gốc không ghi ngày, ghi ngày bài được đăng trên trang này
data/establishments/cong-ty-tnhh-do-go-tan-chau.yaml:29:3: lỗi: cơ sở "cong-ty-tnhh-do-go-tan-chau": trường bắt buộc "address.unit" đang để trống: ghi id của đơn vị (unit: …) hoặc tên của đơn vị (commune, district, province); khi nguồn không nêu xã, huyện, ghi id hoặc tên của tỉnh
data/products/kho-ca-loc-hoa-lac.yaml:13:1: lỗi: sản phẩm "kho-ca-loc-hoa-lac": trường bắt buộc "establishment" đang để trống: khi nguồn không nêu cơ sở sản xuất, đừng tạo hồ sơ sản phẩm: ghi sản phẩm trong awards của vòng bình chọn với name, owner và unit
data/projects/ho-tro-may-say-nong-san-nam-2025.yaml:13:1: lỗi: đề án "ho-tro-may-say-nong-san-nam-2025": trường bắt buộc "year" đang để trống: ghi năm kế hoạch (năm của nguồn kinh phí); khi nguồn chỉ nêu năm nghiệm thu, ghi năm đó; khi nguồn không nêu năm nào, ghi năm của bài viết đưa tin, ví dụ year: 2021
data/projects/ho-tro-may-say-nong-san-nam-2025.yaml:27:1: lỗi: đề án "ho-tro-may-say-nong-san-nam-2025": trường bắt buộc "activity" đang để trống: khi nguồn không nêu nội dung hỗ trợ, ghi activity: khac
`
	if got := printed(diags); got != want {
		t.Errorf("check of new records:\n%s\nwant:\n%s", got, want)
	}
	wantEn := `content/news/hoi-cho-hang-cong-nghiep-nong-thon-50-gian-hang.md:11:1: error: article "hoi-cho-hang-cong-nghiep-nong-thon-50-gian-hang": required field "date" is empty: write the date the original article was published, e.g. date: 2021-08-17; when it gives none, write the day the article is published on this site
data/establishments/cong-ty-tnhh-do-go-tan-chau.yaml:29:3: error: establishment "cong-ty-tnhh-do-go-tan-chau": required field "address.unit" is empty: write the unit's id (unit: …) or its names (commune, district, province); when the source names no commune or district, write the province's id or name
data/products/kho-ca-loc-hoa-lac.yaml:13:1: error: product "kho-ca-loc-hoa-lac": required field "establishment" is empty: when the source does not name the maker, do not write a product record: write the product in the round's awards with name, owner and unit
data/projects/ho-tro-may-say-nong-san-nam-2025.yaml:13:1: error: project "ho-tro-may-say-nong-san-nam-2025": required field "year" is empty: write the plan year (the year of the funds); when the source gives only the year of acceptance, write that year; when it gives no year, write the year of the article that reports it, e.g. year: 2021
data/projects/ho-tro-may-say-nong-san-nam-2025.yaml:27:1: error: project "ho-tro-may-say-nong-san-nam-2025": required field "activity" is empty: when the source does not say what was supported, write activity: khac
`
	var en strings.Builder
	diags.Print(&en, "en")
	if got := en.String(); got != wantEn {
		t.Errorf("check of new records, in English:\n%s\nwant:\n%s", got, wantEn)
	}
}

// bareSite writes a site with settings only: no gazetteer, no records.
func bareSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "site.yaml"), []byte("title: Trang thử\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNewRecordUnknownReferences(t *testing.T) {
	dir := bareSite(t)
	for _, kind := range []string{"product", "establishment"} {
		if _, err := NewRecord(dir, kind, "Gạo Nàng Nhen", recordNow); err != nil {
			t.Fatal(err)
		}
	}
	_, diags := checkSite(t, dir, recordNow)
	want := `data/establishments/gao-nang-nhen.yaml:27:3: lỗi: cơ sở "gao-nang-nhen": trường bắt buộc "address.unit" đang để trống: ghi id của đơn vị (unit: …) hoặc tên của đơn vị (commune, district, province); khi nguồn không nêu xã, huyện, ghi id hoặc tên của tỉnh
data/products/gao-nang-nhen.yaml:14:1: lỗi: sản phẩm "gao-nang-nhen": trường bắt buộc "establishment" đang để trống: khi nguồn không nêu cơ sở sản xuất, đừng tạo hồ sơ sản phẩm: ghi sản phẩm trong awards của vòng bình chọn với name, owner và unit
`
	if got := printed(diags); got != want {
		t.Errorf("check of records with unknown references:\n%s\nwant:\n%s", got, want)
	}
}

func TestNewRecordNeverOverwrites(t *testing.T) {
	dir := newSite(t)
	path, err := NewRecord(dir, "product", "Nước mắm Phú Quốc", recordNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("name: Nước mắm Phú Quốc\nestablishment: co-so-vi-du\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list := "- id: gao-thom\n  name: Gạo thơm\n  establishment: co-so-vi-du\n"
	if err := os.WriteFile(filepath.Join(dir, "data", "products", "danh-sach.yaml"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "news", "tin-vui"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "news", "tin-vui", "index.md"), []byte("---\ntitle: Tin vui\ndate: 2025-01-01\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind, title, want string
	}{
		{"product", "Nước mắm  Phú Quốc", "tệp data/products/nuoc-mam-phu-quoc.yaml đã có nên không ghi đè; hãy chọn một tiêu đề khác (ví dụ thêm năm hoặc địa danh)"},
		{"product", "Gạo Thơm", `đã có sản phẩm mã "gao-thom" trong tệp data/products/danh-sach.yaml; hãy chọn một tiêu đề khác (ví dụ thêm năm hoặc địa danh)`},
		{"news", "Tin vui", "tệp content/news/tin-vui/index.md đã có nên không ghi đè; hãy chọn một tiêu đề khác (ví dụ thêm năm hoặc địa danh)"},
		{"establishment", "Cơ sở Ví Dụ", "tệp data/establishments/co-so-vi-du.yaml đã có nên không ghi đè; hãy chọn một tiêu đề khác (ví dụ thêm năm hoặc địa danh)"},
		{"project", "  ", `chưa ghi tiêu đề; ví dụ: khuyencong new project "Tên đề án"`},
		{"news", "!!!", `tiêu đề "!!!" không có chữ cái hay chữ số nào để làm mã (id); hãy ghi tiêu đề bằng chữ`},
		{"programme", "Chương trình", `không có loại hồ sơ "programme"; các loại dùng được: news, establishment, product, project`},
	}
	for _, tt := range tests {
		_, err := NewRecord(dir, tt.kind, tt.title, recordNow)
		if err == nil || err.Error() != tt.want {
			t.Errorf("NewRecord(%s, %q) = %v\nwant %s", tt.kind, tt.title, err, tt.want)
		}
	}
	// In English, the record is named in English.
	_, err = NewRecord(dir, "product", "Gạo Thơm", recordNow)
	var se *Error
	if want := `file data/products/danh-sach.yaml already holds the product with id "gao-thom"; choose another title (for example add a year or a place)`; !errors.As(err, &se) || se.Msg.En != want {
		t.Errorf("NewRecord in English = %v\nwant %s", err, want)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "name: Nước mắm Phú Quốc\nestablishment: co-so-vi-du\n" {
		t.Errorf("the edited file was overwritten: %q, %v", data, err)
	}
	_, err = NewRecord(t.TempDir(), "news", "Tin mới", recordNow)
	if err == nil || !strings.Contains(err.Error(), "không phải một trang khuyến công (không có data/site.yaml); tạo trang mới bằng: khuyencong new site TÊN-THƯ-MỤC") {
		t.Errorf("NewRecord outside a site = %v", err)
	}
}

func TestYAMLScalar(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Gạo Nàng Nhen", "Gạo Nàng Nhen"},
		{"Hội chợ: 50 gian hàng", `"Hội chợ: 50 gian hàng"`},
		{"true", `"true"`},
		{"2025", `"2025"`},
		{"#1 sản phẩm", `"#1 sản phẩm"`},
		{`Tin "nóng"`, `"Tin \"nóng\""`},
		{"- gạch đầu dòng", `'- gạch đầu dòng'`},
		{strings.Repeat("Sản phẩm công nghiệp nông thôn tiêu biểu ", 4) + "cấp tỉnh", strings.Repeat("Sản phẩm công nghiệp nông thôn tiêu biểu ", 4) + "cấp tỉnh"},
	}
	for _, tt := range tests {
		if got := yamlScalar(tt.in); got != tt.want {
			t.Errorf("yamlScalar(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// On a site that names its province, a new establishment's address is
// written by names: filled in, it checks.
func TestNewRecordAddressByNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trang")
	if _, err := NewProvinceSite(dir, "Tuyên Quang"); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	p, err := NewRecord(dir, "establishment", "HTX Chè Yên Nguyên", now)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	filled := strings.Replace(strings.Replace(string(data), "\n  commune:\n", "\n  commune: xã Yên Nguyên\n", 1), "\n  district:\n", "\n  district: H. Chiêm Hóa\n", 1)
	if filled == string(data) {
		t.Fatalf("the new record has no commune and district to fill:\n%s", data)
	}
	if err := os.WriteFile(p, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := checkSite(t, dir, now)
	if len(diags) > 0 {
		t.Fatalf("the filled record should check:\n%s", printed(diags))
	}
	if e := m.EstablishmentByID["htx-che-yen-nguyen"]; e == nil || e.Address.Unit == nil || e.Address.Unit.ID != "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang" {
		t.Errorf("the new establishment is at %v", e)
	}
}
