package render

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/templates"
)

// TestPageKinds checks the table of page kinds against what Render does:
// every page written is of a kind of the table, with a template in the
// default theme and a name for the build summary; the expected counts are
// the pages written; the sitemap lists exactly the pages of the kinds
// that have an address of their own.
func TestPageKinds(t *testing.T) {
	m := testModel(plain)
	out := memSink{}
	sum, diags := Render(m, Options{Assets: plainAssets(m)}, out)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	kinds := pageKindIndex()
	if len(kinds) != len(PageKinds()) {
		t.Errorf("%d kinds, %d names", len(PageKinds()), len(kinds))
	}
	for name := range sum.Pages {
		if _, ok := kinds[name]; !ok {
			t.Errorf("pages of kind %q are not in the table", name)
		}
	}
	sitemapped := 0
	for _, k := range PageKinds() {
		if k.Label.Vi == "" || k.Label.En == "" || k.produce == nil {
			t.Errorf("%s: names %q, %q; producer %v", k.Name, k.Label.Vi, k.Label.En, k.produce != nil)
		}
		if _, err := fs.Stat(templates.FS, k.Name+".html"); err != nil {
			t.Errorf("%s: no template: %v", k.Name, err)
		}
		if sum.Pages[k.Name] == 0 {
			t.Errorf("%s: no page written", k.Name)
		}
		if k.count != nil && k.count(m) != sum.Pages[k.Name] {
			t.Errorf("%s: %d pages expected, %d written", k.Name, k.count(m), sum.Pages[k.Name])
		}
		if k.Sitemap {
			sitemapped += sum.Pages[k.Name]
		}
	}
	if n := strings.Count(string(out["sitemap.xml"]), "<loc>"); n != sitemapped {
		t.Errorf("the sitemap lists %d pages, want %d", n, sitemapped)
	}
	if strings.Contains(string(out["sitemap.xml"]), "404.html") {
		t.Error("the sitemap lists the 404 page")
	}
}
