package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
)

// checkSite runs what `khuyencong check` runs and returns the diagnostics.
func checkSite(t *testing.T, dir string, now time.Time) (*model.Model, diag.List) {
	t.Helper()
	site, diags := load.LoadDir(dir)
	m, more := model.Build(site, model.Options{Now: now})
	diags.Append(more)
	diags.Sort()
	return m, diags
}

func printed(l diag.List) string {
	var b strings.Builder
	l.Print(&b, "vi")
	return b.String()
}

var testNow = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

func TestNewSitePassesCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trang")
	if err := NewSite(dir); err != nil {
		t.Fatal(err)
	}
	m, diags := checkSite(t, dir, testNow)
	if len(diags) > 0 {
		t.Fatalf("a fresh site should check without any diagnostic:\n%s", printed(diags))
	}
	counts := []struct {
		name string
		got  int
	}{
		{"units", len(m.Units)},
		{"establishments", len(m.Establishments)},
		{"products", len(m.Products)},
		{"recognitions", len(m.Rounds)},
		{"projects", len(m.Projects)},
		{"programmes", len(m.Programmes)},
		{"reports", len(m.Reports)},
		{"news", len(m.News)},
		{"pages", len(m.Pages)},
	}
	for _, c := range counts {
		if c.got != 1 {
			t.Errorf("%s: %d records, want one example", c.name, c.got)
		}
	}
	if m.Site.Area == nil || m.Site.Area.ID != "tinh-vi-du" {
		t.Errorf("site area = %v, want the example province", m.Site.Area)
	}
}

func TestNewSiteMarksExamples(t *testing.T) {
	dir := t.TempDir()
	if err := NewSite(dir); err != nil {
		t.Fatal(err)
	}
	var n int
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) == "README.md" {
			return err
		}
		n++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "VÍ DỤ — thay bằng dữ liệu thật") {
			t.Errorf("%s does not say it is an example to replace", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 10 {
		t.Errorf("%d example files, want 10", n)
	}
}

func TestNewSiteRefuses(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "ghi-chu.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "tep")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir  string
		want string
	}{
		{full, "thư mục " + full + " đã có nội dung (ghi-chu.txt...); hãy chọn một thư mục mới hoặc thư mục trống"},
		{file, file + " là một tệp, không phải thư mục; hãy chọn tên khác cho trang mới"},
		{"", "chưa ghi tên thư mục cho trang mới; ví dụ: khuyencong new site trang-khuyen-cong"},
	}
	for _, tt := range tests {
		err := NewSite(tt.dir)
		if err == nil || err.Error() != tt.want {
			t.Errorf("NewSite(%q) = %v, want %q", tt.dir, err, tt.want)
		}
	}
	data, err := os.ReadFile(filepath.Join(full, "ghi-chu.txt"))
	if err != nil || string(data) != "x" {
		t.Errorf("the existing file was touched: %q, %v", data, err)
	}
	if entries, _ := os.ReadDir(full); len(entries) != 1 {
		t.Errorf("NewSite wrote into a non-empty folder: %d entries", len(entries))
	}
}

func TestNewSiteEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := NewSite(dir); err != nil {
		t.Fatalf("an existing empty folder should be accepted: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "site.yaml")); err != nil {
		t.Error(err)
	}
}

// A new site for a province has its units built in: no units.yaml, the
// province in site.yaml, the title and publisher from its name; it passes
// check, and its example establishment is in the province.
func TestNewProvinceSite(t *testing.T) {
	for _, tc := range []struct {
		value, title, publisher, area string
	}{
		{"Tuyên Quang", "Khuyến công tỉnh Tuyên Quang", "Trung tâm Khuyến công tỉnh Tuyên Quang", "tuyen-quang-2025"},
		{"tp hcm", "Khuyến công thành phố Hồ Chí Minh", "Trung tâm Khuyến công thành phố Hồ Chí Minh", "ho-chi-minh-2025"},
		{"02", "Khuyến công tỉnh Tuyên Quang", "Trung tâm Khuyến công tỉnh Tuyên Quang", "tuyen-quang-2025"},
	} {
		dir := filepath.Join(t.TempDir(), "trang")
		p, err := NewProvinceSite(dir, tc.value)
		if err != nil {
			t.Fatalf("%s: %v", tc.value, err)
		}
		if p.ID != tc.area {
			t.Errorf("%s: province %s", tc.value, p.ID)
		}
		if _, err := os.Stat(filepath.Join(dir, "data", "units.yaml")); err == nil {
			t.Errorf("%s: the new site has a units.yaml", tc.value)
		}
		m, diags := checkSite(t, dir, time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC))
		if len(diags) > 0 {
			t.Errorf("%s: a new province site should check without any diagnostic:\n%s", tc.value, printed(diags))
			continue
		}
		if m.Site.Title != tc.title || m.Site.Publisher.Name != tc.publisher || m.Site.Area == nil || m.Site.Area.ID != tc.area {
			t.Errorf("%s: title %q, publisher %q, area %v", tc.value, m.Site.Title, m.Site.Publisher.Name, m.Site.Area)
		}
		if e := m.EstablishmentByID["co-so-vi-du"]; e == nil || e.Address.Unit != m.Site.Area {
			t.Errorf("%s: the example establishment is at %v", tc.value, e.Address.Unit)
		}
		if strings.Contains(readAll(t, dir), "tỉnh Ví Dụ") {
			t.Errorf("%s: a file still names tỉnh Ví Dụ", tc.value)
		}
	}
	_, err := NewProvinceSite(filepath.Join(t.TempDir(), "trang"), "Tuyen Quan")
	var e *Error
	if !errors.As(err, &e) || e.Text("vi") != `không có tỉnh, thành phố nào tên "Tuyen Quan"; tên gần giống: tỉnh Tuyên Quang — unit: tuyen-quang-2025; tên gần giống: tỉnh Tuyên Quang (trước 01/07/2025) — unit: tuyen-quang` {
		t.Errorf("unknown province: %v", err)
	}
}

// readAll returns the text of every file under dir.
func readAll(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
