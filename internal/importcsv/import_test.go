package importcsv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/scaffold"
)

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
	res, diags := Import(dir, "establishments", "testdata/co-so.csv", Options{})
	t.Logf("%+v\n%s", res, printed(diags))
	res, diags = Import(dir, "products", "testdata/san-pham.csv", Options{})
	t.Logf("%+v\n%s", res, printed(diags))
	_, diags = check(t, dir)
	if len(diags) > 0 {
		t.Errorf("imported records should check without diagnostics:\n%s", printed(diags))
	}
	for _, p := range []string{"data/establishments/cong-ty-tnhh-gao-ngon.yaml", "data/establishments/ho-kinh-doanh-banh-phong-ut-hien.yaml", "data/products/gao-nang-nhen.yaml", "data/products/banh-phong-nep.yaml"} {
		b, _ := os.ReadFile(filepath.Join(dir, p))
		t.Logf("%s:\n%s", p, b)
	}
}
