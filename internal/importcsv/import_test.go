package importcsv

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/scaffold"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

var testNow = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

func printed(l diag.List) string {
	var b strings.Builder
	l.Print(&b, "vi")
	return b.String()
}

// check runs what `khuyencong check` runs.
func check(t *testing.T, dir string) (*model.Model, diag.List) {
	t.Helper()
	site, diags := load.LoadDir(dir)
	m, more := model.Build(site, model.Options{Now: testNow})
	diags.Append(more)
	diags.Sort()
	return m, diags
}

func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "trang")
	if err := scaffold.NewSite(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRoundTrip(t *testing.T) {
	dir := newSite(t)
	res, diags := Import(dir, "establishments", golden.Input("co-so.csv"), Options{})
	want := `testdata/co-so.csv:1: cảnh báo: 1 dòng không ghi đơn vị hành chính: đã ghi đơn vị của cả trang (tinh-vi-du); sửa lại khi biết xã, huyện của cơ sở
`
	if got := printed(diags); got != want {
		t.Errorf("establishments: diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if got := ids(res.Created); got != "cong-ty-tnhh-gao-ngon@2 ho-kinh-doanh-banh-phong-ut-hien@3" {
		t.Errorf("establishments: created %s", got)
	}
	if res.Encoding != EncUTF8 || res.Separator != ';' {
		t.Errorf("establishments: read as %s with %q", res.Encoding, res.Separator)
	}
	res, diags = Import(dir, "products", golden.Input("san-pham.csv"), Options{})
	want = `testdata/san-pham.csv:3: cảnh báo: cột “Giá”: “1,2 triệu” được đổi thành 1200000 đồng; kiểm tra lại số này
`
	if got := printed(diags); got != want {
		t.Errorf("products: diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if got := ids(res.Created); got != "gao-nang-nhen@2 banh-phong-nep@3" {
		t.Errorf("products: created %s", got)
	}
	res, diags = Import(dir, "projects", golden.Input("de-an.csv"), Options{})
	want = `testdata/de-an.csv:2: cảnh báo: cột “Kinh phí (đồng)”: “1,2 tỷ” được đổi thành 1200000000 đồng; kiểm tra lại số này
`
	if got := printed(diags); got != want {
		t.Errorf("projects: diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if got := ids(res.Created); got != "ho-tro-may-say-lua-2025@2 tap-huan-dong-goi-2025@3" {
		t.Errorf("projects: created %s", got)
	}
	m, diags := check(t, dir)
	if len(diags) > 0 {
		t.Errorf("imported records should check without diagnostics:\n%s", printed(diags))
	}
	for _, name := range []string{"establishments/cong-ty-tnhh-gao-ngon.yaml", "products/banh-phong-nep.yaml", "projects/ho-tro-may-say-lua-2025.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, "data", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "golden/"+name, data)
	}
	p := m.ProjectByID["ho-tro-may-say-lua-2025"]
	if p == nil || p.Budget.Amount != 1200000000 || p.Programme == nil || p.Status != "nghiem_thu" || p.FundingSource != "kcqg" {
		t.Errorf("imported project = %+v", p)
	}
}

// units adds to the example gazetteer a district and two communes, one of
// the same name as the district.
const units = `
- id: huyen-tri-ton
  name: Tri Tôn
  type: huyen
  parent: tinh-vi-du
- id: xa-tri-ton
  name: Tri Tôn
  type: xa
  parent: tinh-vi-du
- id: xa-co-to
  name: Cô Tô
  type: xa
  parent: huyen-tri-ton
`

func writeCSV(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func appendFile(t *testing.T, p, text string) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func ids(items []Item) string {
	var out []string
	for _, it := range items {
		out = append(out, fmt.Sprintf("%s@%d", it.ID, it.Row))
	}
	return strings.Join(out, " ")
}

func TestImportBadRows(t *testing.T) {
	dir := newSite(t)
	appendFile(t, filepath.Join(dir, "data", "units.yaml"), units)
	file := writeCSV(t, "co-so.csv", strings.Join([]string{
		"Tên cơ sở,Loại hình,Xã,Huyện,Năm thành lập,Công khai liên hệ,Ghi chú",
		"Cơ sở Mây tre Cô Tô,co_so,Cô Tô,Tri Tôn,2010,có,x",
		"Công ty A,công ty hợp danh,,,,,",
		"Cơ sở B,,Tri Tôn,,,,",
		"Cơ sở C,,xã Tri Tôn,,năm 2010,,",
		",,,,,,chỉ có ghi chú",
		"Cơ sở Mây tre Cô Tô,,,,,,",
		"Cơ sở D,,Long Xuyên,,,có lẽ,",
		"Cơ sở E,,huyện Tri Tôn,,,,",
		"!!!,,,,,,",
	}, "\n"))
	res, diags := Import(dir, "establishments", file, Options{})
	want := strings.ReplaceAll(`FILE:1: cảnh báo: cột “Ghi chú” không dùng được nên bị bỏ qua; các cột dùng được: “Mã”, “Tên cơ sở”, “Loại hình”, “Quy mô”, “Ngành nghề”, “Địa chỉ”, “Ấp”, “Xã”, “Huyện”, “Tỉnh”, “Điện thoại”, “Email”, “Website”, “Công khai liên hệ”, “Năm thành lập”, “Mô tả”
FILE:3: lỗi: cột “Loại hình”: không hiểu “công ty hợp danh”; ghi một trong: “công ty TNHH”, “công ty cổ phần”, “doanh nghiệp tư nhân”, “hợp tác xã”, “tổ hợp tác”, “hộ kinh doanh”, “cơ sở sản xuất” (hoặc để trống)
FILE:4: lỗi: cột “Xã”: có 2 đơn vị hành chính tên “Tri Tôn”: huyen-tri-ton (huyện Tri Tôn), xa-tri-ton (xã Tri Tôn); ghi mã (id) của đơn vị
FILE:5: lỗi: cột “Năm thành lập”: “năm 2010” không phải một năm; ghi năm bằng 4 chữ số, ví dụ 2020
FILE:6: lỗi: cột “Tên cơ sở”: ô này bắt buộc nhưng đang để trống
FILE:7: lỗi: mã “co-so-may-tre-co-to” trùng với dòng 2; mỗi hồ sơ chỉ ghi một dòng, hoặc ghi mã khác trong cột “Mã”
FILE:8: lỗi: cột “Công khai liên hệ”: không hiểu “có lẽ”; ghi “có” hoặc “không”
FILE:8: lỗi: cột “Xã”: không có đơn vị hành chính “Long Xuyên” trong data/units.yaml; ghi mã (id) hoặc tên đơn vị có trong danh mục, hoặc thêm đơn vị vào danh mục
FILE:10: lỗi: không tạo được mã (id) từ tên; ghi tên bằng chữ, hoặc ghi mã trong cột “Mã”
`, "FILE", filepath.ToSlash(file))
	if got := printed(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if got := ids(res.Created); got != "co-so-may-tre-co-to@2 co-so-e@9" {
		t.Errorf("created %s", got)
	}
	if res.Failed != 7 {
		t.Errorf("failed %d rows, want 7", res.Failed)
	}
	m, diags := check(t, dir)
	if len(diags) > 0 {
		t.Errorf("imported records should check:\n%s", printed(diags))
	}
	if e := m.EstablishmentByID["co-so-may-tre-co-to"]; e == nil || e.Address.Unit.ID != "xa-co-to" || e.Founded != 2010 || e.Contact.Phone != "" {
		t.Errorf("imported establishment = %+v", e)
	}
	if e := m.EstablishmentByID["co-so-e"]; e == nil || e.Address.Unit.ID != "huyen-tri-ton" {
		t.Errorf("imported establishment = %+v", e)
	}
}

func TestImportHeaderProblems(t *testing.T) {
	dir := newSite(t)
	tests := []struct {
		kind, text, want string
	}{
		{"products", "Tên sản phẩm;Giá\nGạo;25000\n",
			"FILE:1: lỗi: thiếu cột bắt buộc “Cơ sở” (establishment); thêm cột này vào dòng tiêu đề với một trong các tên: “Cơ sở”, “Cơ sở sản xuất”, “Mã cơ sở”, “Tên cơ sở”, “establishment”\n"},
		{"projects", "Tên đề án\tNăm\tKinh phí\n",
			"FILE:1: lỗi: thiếu cột bắt buộc “Hoạt động” (activity); thêm cột này vào dòng tiêu đề với một trong các tên: “Hoạt động”, “Nội dung”, “Nội dung hỗ trợ”, “activity”\n"},
		{"establishments", "",
			"FILE:1: lỗi: tệp trống: dòng 1 phải là dòng tiêu đề cột, ví dụ “Mã”, “Tên cơ sở”, “Loại hình”, “Quy mô”, “Ngành nghề”, “Địa chỉ”, “Ấp”, “Xã”, “Huyện”, “Tỉnh”, “Điện thoại”, “Email”, “Website”, “Công khai liên hệ”, “Năm thành lập”, “Mô tả”\n"},
		{"programmes", "Tên\n",
			"lỗi: không nhập được loại hồ sơ “programmes”; các loại dùng được: establishments, products, projects\n"},
	}
	for _, tt := range tests {
		file := writeCSV(t, "bang.csv", tt.text)
		res, diags := Import(dir, tt.kind, file, Options{})
		if got, want := printed(diags), strings.ReplaceAll(tt.want, "FILE", filepath.ToSlash(file)); got != want {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tt.kind, got, want)
		}
		if len(res.Created) > 0 {
			t.Errorf("%s: created %s", tt.kind, ids(res.Created))
		}
	}
}

func TestImportNeverOverwrites(t *testing.T) {
	dir := newSite(t)
	list := "- id: co-so-danh-sach\n  name: Cơ sở Danh Sách\n  address: {unit: tinh-vi-du}\n"
	if err := os.WriteFile(filepath.Join(dir, "data", "establishments", "danh-sach.yaml"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	file := writeCSV(t, "co-so.csv", "Mã;Tên cơ sở;Quy mô\nco-so-vi-du;Cơ sở sản xuất Ví Dụ;vừa\n;Cơ sở Mới;nhỏ\nco-so-danh-sach;Cơ sở Danh Sách;nhỏ\n")
	example := filepath.Join(dir, "data", "establishments", "co-so-vi-du.yaml")
	before, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "data", "establishments", "co-so-moi.yaml")
	defaulted := "FILE:1: cảnh báo: 1 dòng không ghi đơn vị hành chính: đã ghi đơn vị của cả trang (tinh-vi-du); sửa lại khi biết xã, huyện của cơ sở\n"

	// A dry run writes nothing.
	res, diags := Import(dir, "establishments", file, Options{DryRun: true})
	if got := fmt.Sprintf("%s | %s | %s", ids(res.Created), ids(res.Updated), ids(res.Skipped)); got != "co-so-moi@3 |  | co-so-vi-du@2 co-so-danh-sach@4" {
		t.Errorf("dry run: %s", got)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a dry run created a file")
	}

	// Without --update existing records are skipped.
	res, diags = Import(dir, "establishments", file, Options{})
	if got := fmt.Sprintf("%s | %s | %s", ids(res.Created), ids(res.Updated), ids(res.Skipped)); got != "co-so-moi@3 |  | co-so-vi-du@2 co-so-danh-sach@4" || printed(diags) != strings.ReplaceAll(defaulted, "FILE", filepath.ToSlash(file)) {
		t.Errorf("import: %s\n%s", got, printed(diags))
	}
	if after, _ := os.ReadFile(example); string(after) != string(before) {
		t.Error("an existing record was overwritten")
	}
	if res.Skipped[1].Path != "data/establishments/danh-sach.yaml" {
		t.Errorf("skipped record in %s", res.Skipped[1].Path)
	}

	// A second run skips what the first created.
	res, _ = Import(dir, "establishments", file, Options{})
	if got := ids(res.Skipped); len(res.Created) > 0 || got != "co-so-vi-du@2 co-so-moi@3 co-so-danh-sach@4" {
		t.Errorf("second import: created %s, skipped %s", ids(res.Created), got)
	}

	// A dry run of an update writes nothing either.
	res, _ = Import(dir, "establishments", file, Options{Update: true, DryRun: true})
	if after, _ := os.ReadFile(example); string(after) != string(before) || ids(res.Updated) != "co-so-vi-du@2 co-so-moi@3" {
		t.Errorf("dry update: updated %s, file changed %v", ids(res.Updated), string(after) != string(before))
	}

	// --update rewrites the record's own file, keeping the fields the
	// spreadsheet does not fill, and refuses a file of several records.
	res, diags = Import(dir, "establishments", file, Options{Update: true})
	want := strings.ReplaceAll(`FILE:4: lỗi: mã “co-so-danh-sach” đã có trong tệp data/establishments/danh-sach.yaml, là tệp ghi nhiều hồ sơ nên không được ghi lại; sửa trực tiếp tệp đó
`, "FILE", filepath.ToSlash(file))
	if got := printed(diags); got != want || ids(res.Updated) != "co-so-vi-du@2 co-so-moi@3" {
		t.Errorf("update: updated %s\n%s\nwant:\n%s", ids(res.Updated), got, want)
	}
	m, diags := check(t, dir)
	if len(diags) > 0 {
		t.Errorf("updated records should check:\n%s", printed(diags))
	}
	e := m.EstablishmentByID["co-so-vi-du"]
	if e == nil || e.Scale != "vua" || e.LegalForm != "co_so" || len(e.Sectors) != 1 || e.Address.Unit == nil || e.Address.Unit.ID != "tinh-vi-du" || e.Description == "" {
		t.Errorf("updated record = %+v", e)
	}
	data, _ := os.ReadFile(example)
	if !strings.HasPrefix(string(data), "# Cập nhật từ co-so.csv dòng 2\n") || !strings.Contains(string(data), "\nscale: vua\n") {
		t.Errorf("updated file:\n%s", data)
	}
}

// TestImportSecondColumn names a column that fills a field another column
// already fills: it is read only where the first one is blank.
func TestImportSecondColumn(t *testing.T) {
	dir := newSite(t)
	file := writeCSV(t, "co-so.csv", "Tên cơ sở,Tên,Ghi chú\nCơ sở Mây tre Cô Tô,Mây tre,x\n")
	_, diags := Import(dir, "establishments", file, Options{DryRun: true})
	want := map[string]string{
		"vi": `FILE:1: cảnh báo: 1 dòng không ghi đơn vị hành chính: đã ghi đơn vị của cả trang (tinh-vi-du); sửa lại khi biết xã, huyện của cơ sở
FILE:1: cảnh báo: cột “Ghi chú” không dùng được nên bị bỏ qua; các cột dùng được: “Mã”, “Tên cơ sở”, “Loại hình”, “Quy mô”, “Ngành nghề”, “Địa chỉ”, “Ấp”, “Xã”, “Huyện”, “Tỉnh”, “Điện thoại”, “Email”, “Website”, “Công khai liên hệ”, “Năm thành lập”, “Mô tả”
FILE:1: cảnh báo: cột “Tên” ghi cùng trường name với cột “Tên cơ sở”: chỉ được đọc ở những dòng mà ô của cột “Tên cơ sở” để trống
`,
		"en": `FILE:1: warning: 1 rows give no administrative unit: the site's own unit (tinh-vi-du) was written; correct it once the commune or district is known
FILE:1: warning: column “Ghi chú” is not used and is left out; the columns that can be used: “Mã”, “Tên cơ sở”, “Loại hình”, “Quy mô”, “Ngành nghề”, “Địa chỉ”, “Ấp”, “Xã”, “Huyện”, “Tỉnh”, “Điện thoại”, “Email”, “Website”, “Công khai liên hệ”, “Năm thành lập”, “Mô tả”
FILE:1: warning: column “Tên” fills the same field name as column “Tên cơ sở”: it is read only on rows where the cell of column “Tên cơ sở” is blank
`,
	}
	for _, lang := range []string{"vi", "en"} {
		var b strings.Builder
		diags.Print(&b, lang)
		if got, w := b.String(), strings.ReplaceAll(want[lang], "FILE", filepath.ToSlash(file)); got != w {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, got, w)
		}
	}
}

// TestImportByNames imports a spreadsheet whose Xã, Huyện and Tỉnh columns
// are written as before 1 July 2025 (former Hà Giang included, diacritics
// left out on one row), on a site that names its province: each row gets
// the right unit, read through the built-in gazetteer, and a commune that
// is not in the district of its row is an error listing where it is.
func TestImportByNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trang")
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "site.yaml"), []byte("title: Khuyến công Tuyên Quang\nprovince: Tuyên Quang\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := golden.Input("co-so-truoc-2025.csv")
	res, diags := Import(dir, "establishments", file, Options{})
	want := map[string]string{
		"vi": `testdata/co-so-truoc-2025.csv:5: lỗi: cột “Xã”: không có xã, phường, thị trấn, đặc khu nào tên "Yên Nguyên" trong huyện Hàm Yên, tỉnh Tuyên Quang (địa chỉ có ghi huyện nên được đọc theo các đơn vị trước 01/07/2025)
ghi chú: xã Yên Nguyên thuộc huyện Chiêm Hóa, tỉnh Tuyên Quang, không thuộc huyện Hàm Yên: ghi district: Chiêm Hóa — unit: xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang
ghi chú: xã Yên Nguyên, tỉnh Tuyên Quang là đơn vị từ 01/07/2025: nếu đúng là nó, bỏ district — unit: xa-yen-nguyen-tuyen-quang-2025
`,
		"en": `testdata/co-so-truoc-2025.csv:5: error: column “Xã”: no commune, ward or township named "Yên Nguyên" in Hàm Yên district, Tuyên Quang province (an address with a district is read as before 1 July 2025)
note: Yên Nguyên commune is in Chiêm Hóa district, Tuyên Quang province, not in Hàm Yên district: write district: Chiêm Hóa — unit: xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang
note: Yên Nguyên commune, Tuyên Quang province is a unit from 1 July 2025: if that is the one, leave district out — unit: xa-yen-nguyen-tuyen-quang-2025
`,
	}
	for _, lang := range []string{"vi", "en"} {
		var b strings.Builder
		diags.Print(&b, lang)
		if got := b.String(); got != want[lang] {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, got, want[lang])
		}
	}
	if got := ids(res.Created); got != "htx-che-yen-nguyen@2 co-so-mien-dong-viet-quang@3 co-so-may-tre-thai-binh@4 cong-ty-go-my-lam@6" || res.Failed != 1 {
		t.Errorf("created %s, %d failed", got, res.Failed)
	}
	m, diags := check(t, dir)
	if len(diags) > 0 {
		t.Errorf("imported records should check:\n%s", printed(diags))
	}
	for id, unit := range map[string]string{
		"htx-che-yen-nguyen":         "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang",
		"co-so-mien-dong-viet-quang": "tt-viet-quang-huyen-bac-quang-ha-giang",
		"co-so-may-tre-thai-binh":    "xa-thai-binh-huyen-yen-son-tuyen-quang",
		"cong-ty-go-my-lam":          "phuong-my-lam-tuyen-quang-2025",
	} {
		if e := m.EstablishmentByID[id]; e == nil || e.Address.Unit == nil || e.Address.Unit.ID != unit {
			t.Errorf("%s: imported with the unit %v, want %s", id, e, unit)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "data", "establishments", "co-so-mien-dong-viet-quang.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "golden/establishments/co-so-mien-dong-viet-quang.yaml", data)
}

// TestImportUnitNotWithin checks, on a site without province:, that a
// commune that is not in the district named on its row is an error, not a
// district silently dropped.
func TestImportUnitNotWithin(t *testing.T) {
	dir := newSite(t)
	appendFile(t, filepath.Join(dir, "data", "units.yaml"), units)
	file := writeCSV(t, "co-so.csv", "Tên cơ sở,Xã,Huyện\nCơ sở F,xã Tri Tôn,huyện Tri Tôn\nCơ sở G,Cô Tô,huyện Tri Tôn\n")
	res, diags := Import(dir, "establishments", file, Options{DryRun: true})
	want := strings.ReplaceAll(`FILE:2: lỗi: cột “Xã”: xã Tri Tôn (xa-tri-ton) không thuộc huyện Tri Tôn (huyen-tri-ton) (cột “Huyện”) trong data/units.yaml; sửa một trong hai ô, hoặc sửa parent của đơn vị trong data/units.yaml
`, "FILE", filepath.ToSlash(file))
	if got := printed(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if got := ids(res.Created); got != "co-so-g@3" {
		t.Errorf("created %s", got)
	}
}
