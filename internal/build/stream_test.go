package build

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
)

// wholeModel is the model and diagnostics of the site in dir read whole:
// load.LoadDir, then model.Build.
func wholeModel(dir string, opts model.Options) (*model.Model, diag.List) {
	site, diags := load.LoadDir(dir)
	m, more := model.Build(site, opts)
	diags.Append(more)
	diags.Sort()
	return m, diags
}

// streamedModel is the same site read a batch at a time.
func streamedModel(t *testing.T, dir string, opts model.Options, batchBytes int64, batchPages int) (*model.Model, diag.List) {
	t.Helper()
	plan, diags := load.PlanDir(dir)
	plan.BatchBytes, plan.BatchPages = batchBytes, batchPages
	m, _, more, _ := streamModel(plan, opts, nil)
	diags.Append(more)
	diags.Sort()
	return m, diags
}

// brokenSite is the example site with problems whose reports depend on
// other files: ids, years and page addresses defined twice in different
// files, and files that cannot be read.
func brokenSite(t *testing.T) string {
	dir := copySite(t)
	files := map[string]string{
		"data/establishments/a-khac.yaml": "id: yen-huong-vina\nname: Cơ sở khác\n",
		"data/establishments/z-trung.yaml": `- name: Công ty TNHH Yến Hương VINA
  address: {unit: khong-co}
- name: ": lỗi cú pháp
`,
		"data/establishments.yaml":            "- id: mot\n  name: Một\n- id: mot\n  name: Một lần nữa\n",
		"data/reports/2020-a.yaml":            "year: 2020\nreported: {}\n",
		"data/reports/2020-b.yaml":            "year: 2020\nreported: {}\n",
		"data/products/ghi-chu.txt":           "không phải YAML\n",
		"data/san-pham.yaml":                  "- name: x\n",
		"content/news/trung-dia-chi.md":       "---\ntitle: Một\ndate: 2021-01-02\nrelated: [khong-co, products/khong-co]\n---\nBài.\n",
		"content/news/trung-dia-chi/index.md": "---\ntitle: Hai\ndate: 2021-01-03\n---\nBài.\n",
		"content/news/khong-dau.md":           "Bài không có phần đầu.\n",
		"content/pages/gioi-thieu.md":         "---\ntitle: [\n---\n",
		"templates/_base.html":                "{{define \"x\"}}{{end}}\n",
	}
	for p, body := range files {
		writeFile(t, filepath.Join(dir, p), body)
	}
	return dir
}

// TestStreamedModelIsWholeModel checks that reading a site a batch at a
// time gives the model and the diagnostics of reading it whole, with
// batches of one file and batches of the default sizes.
func TestStreamedModelIsWholeModel(t *testing.T) {
	demoDir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(demoDir, demo.Sizes[0], demo.Options{}); err != nil {
		t.Fatal(err)
	}
	sites := []struct{ name, dir string }{
		{"example", example},
		{"broken", brokenSite(t)},
		{"demo S", demoDir},
		{"missing folder", filepath.Join(t.TempDir(), "khong-co")},
	}
	batches := []struct {
		bytes int64
		pages int
	}{{1, 1}, {300, 3}, {load.DefaultBatchBytes, load.DefaultBatchPages}}
	for _, s := range sites {
		for _, opts := range []model.Options{{Now: buildDate}, {Now: buildDate, Drafts: true, Future: true}} {
			wantM, wantD := wholeModel(s.dir, opts)
			if s.name == "broken" && len(wantD) < 10 {
				t.Fatalf("the broken site reports too little:\n%s", printed(wantD))
			}
			for _, b := range batches {
				gotM, gotD := streamedModel(t, s.dir, opts, b.bytes, b.pages)
				if !reflect.DeepEqual(gotD, wantD) {
					t.Errorf("%s, batches of %d bytes / %d pages: diagnostics\n%s\nwant\n%s", s.name, b.bytes, b.pages, printed(gotD), printed(wantD))
				}
				if !reflect.DeepEqual(gotM, wantM) {
					t.Errorf("%s, batches of %d bytes / %d pages: the model differs from the model of the whole site", s.name, b.bytes, b.pages)
				}
			}
		}
	}
}

// TestPlanBatches checks how a plan cuts a collection into batches: in
// path order, by size, a file larger than a batch alone.
func TestPlanBatches(t *testing.T) {
	dir := t.TempDir()
	sizes := map[string]int{"a": 100, "b": 150, "c": 500, "d": 10, "e": 10}
	for name, n := range sizes {
		body := "name: " + name + "\n"
		for len(body) < n {
			body += "#\n"
		}
		writeFile(t, filepath.Join(dir, "data", "products", name+".yaml"), body[:n-1]+"\n")
	}
	writeFile(t, filepath.Join(dir, "data", "site.yaml"), "title: x\n")
	plan, diags := load.PlanDir(dir)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %s", printed(diags))
	}
	plan.BatchBytes = 300
	var got [][]string
	more := plan.Collection("products", func(docs []*load.Doc) {
		var names []string
		for _, d := range docs {
			names = append(names, filepath.Base(d.Path))
		}
		got = append(got, names)
	})
	if len(more) > 0 {
		t.Fatalf("diagnostics: %s", printed(more))
	}
	want := [][]string{{"a.yaml", "b.yaml"}, {"c.yaml"}, {"d.yaml", "e.yaml"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batches %v, want %v", got, want)
	}
}
