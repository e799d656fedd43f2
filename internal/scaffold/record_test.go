package scaffold

import (
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

func TestNewRecordPassesCheck(t *testing.T) {
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
	}
	m, diags := checkSite(t, dir, recordNow)
	if len(diags) > 0 {
		t.Fatalf("new records should check without any diagnostic:\n%s", printed(diags))
	}
	if e := m.EstablishmentByID["cong-ty-tnhh-do-go-tan-chau"]; e == nil || e.LegalForm != "cong_ty_tnhh" || e.Address.Unit == nil || e.Address.Unit.ID != "tinh-vi-du" {
		t.Errorf("new establishment = %+v", e)
	}
	if p := m.ProductByID["kho-ca-loc-hoa-lac"]; p == nil || p.Establishment == nil {
		t.Errorf("new product = %+v", p)
	}
	if len(m.News) != 1 {
		t.Errorf("the new article should be a draft, left out of the published news: %d articles", len(m.News))
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
	want := `data/establishments/gao-nang-nhen.yaml:22:3: lỗi: cơ sở "gao-nang-nhen": thiếu trường bắt buộc "address.unit"
data/products/gao-nang-nhen.yaml:6:1: lỗi: sản phẩm "gao-nang-nhen": thiếu trường bắt buộc "establishment"
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
