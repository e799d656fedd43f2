package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/write"
)

// An incremental build must give, byte for byte, what a build of the same
// site into a new folder gives; leave every file whose bytes it does not
// change as it was (same modification time); and list exactly the files
// it added, modified and removed. These tests change one kind of input
// at a time, cumulatively, rebuild, and check all three.

// fileState is one output file: its bytes and modification time.
type fileState struct {
	data  string
	mtime time.Time
}

// outputFiles returns the files of an output folder, the list of changes
// left out.
func outputFiles(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == write.ChangesFile {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		out[rel] = fileState{string(b), info.ModTime()}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// emptyDirs lists the folders of dir that hold no file.
func emptyDirs(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if entries, _ := os.ReadDir(p); len(entries) == 0 {
				rel, _ := filepath.Rel(dir, p)
				out = append(out, rel)
			}
		}
		return nil
	})
	return out
}

// incremental is a site built again and again into the same folder.
type incremental struct {
	t     *testing.T
	site  string
	out   string
	files map[string]fileState
	// pages is the number of pages of the last build, rendered the number
	// whose template ran.
	pages, rendered int
}

func newIncremental(t *testing.T, site string) *incremental {
	in := &incremental{t: t, site: site, out: filepath.Join(t.TempDir(), "public")}
	in.rebuild("first build")
	return in
}

// rebuild builds the site into its folder, and checks the result against
// a build into a new folder, the previous files and the list of changes.
func (in *incremental) rebuild(what string) {
	t := in.t
	t.Helper()
	res, diags := Build(in.site, BuildOptions{Output: in.out, Now: buildDate})
	if diags.HasErrors() {
		t.Fatalf("%s: incremental build:\n%s", what, printed(diags))
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if _, diags := Build(in.site, BuildOptions{Output: fresh, Now: buildDate}); diags.HasErrors() {
		t.Fatalf("%s: build into a new folder:\n%s", what, printed(diags))
	}
	got, want := outputFiles(t, in.out), outputFiles(t, fresh)
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s missing from the incremental build", what, name)
		} else if g.data != w.data {
			t.Errorf("%s: %s differs from a build into a new folder:\n%s", what, name, firstDiff(g.data, w.data))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is left in the output, a build into a new folder has none", what, name)
		}
	}
	if e := emptyDirs(t, in.out); len(e) > 0 {
		t.Errorf("%s: empty folders left in the output: %v", what, e)
	}

	// The changes: exactly the files whose bytes differ, each rewritten;
	// every other file left alone.
	var wantChanges write.Changes
	for name, g := range got {
		p, ok := in.files[name]
		switch {
		case !ok:
			wantChanges.Added = append(wantChanges.Added, name)
		case p.data != g.data:
			wantChanges.Modified = append(wantChanges.Modified, name)
		case !p.mtime.Equal(g.mtime) && in.files != nil:
			t.Errorf("%s: %s has the same bytes but was written again", what, name)
		}
	}
	for name := range in.files {
		if _, ok := got[name]; !ok {
			wantChanges.Removed = append(wantChanges.Removed, name)
		}
	}
	for _, l := range []*[]string{&wantChanges.Added, &wantChanges.Modified, &wantChanges.Removed} {
		sort.Strings(*l)
	}
	norm := func(c write.Changes) write.Changes {
		for _, l := range []*[]string{&c.Added, &c.Modified, &c.Removed} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		return c
	}
	if in.files != nil && !reflect.DeepEqual(norm(res.Changes), norm(wantChanges)) {
		t.Errorf("%s: changes reported\n got %v\nwant %v", what, res.Changes, wantChanges)
	}
	list, err := os.ReadFile(filepath.Join(in.out, write.ChangesFile))
	if err != nil {
		t.Fatal(err)
	}
	if in.files != nil && string(list) != string(wantChanges.Text()) {
		t.Errorf("%s: %s:\n%s\nwant:\n%s", what, write.ChangesFile, list, wantChanges.Text())
	}
	if in.files != nil && res.Written != len(wantChanges.Added)+len(wantChanges.Modified) {
		t.Errorf("%s: %d files written, %d changed", what, res.Written, len(wantChanges.Added)+len(wantChanges.Modified))
	}
	in.files = got
	in.pages = 0
	for _, n := range res.Pages {
		in.pages += n
	}
	in.rendered = in.pages - res.Reused
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("  incremental: …%s…\n  new folder:  …%s…", a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

// path returns the disk path of a slash path of the site.
func (in *incremental) path(rel string) string {
	return filepath.Join(in.site, filepath.FromSlash(rel))
}

// first returns the first file of the site matching the glob pattern.
func (in *incremental) first(pattern string) string {
	in.t.Helper()
	m, err := filepath.Glob(in.path(pattern))
	if err != nil || len(m) == 0 {
		in.t.Fatalf("no file matches %s", pattern)
	}
	sort.Strings(m)
	rel, _ := filepath.Rel(in.site, m[0])
	return filepath.ToSlash(rel)
}

// edit replaces the first occurrence of old in the site file rel.
func (in *incremental) edit(rel, old, new string) {
	in.t.Helper()
	b, err := os.ReadFile(in.path(rel))
	if err != nil {
		in.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		in.t.Fatalf("%s does not hold %q", rel, old)
	}
	in.write(rel, strings.Replace(string(b), old, new, 1))
}

func (in *incremental) write(rel, data string) {
	in.t.Helper()
	if err := os.MkdirAll(filepath.Dir(in.path(rel)), 0o755); err != nil {
		in.t.Fatal(err)
	}
	if err := os.WriteFile(in.path(rel), []byte(data), 0o644); err != nil {
		in.t.Fatal(err)
	}
}

// setField sets, in record i of the YAML file rel (a list of records or
// one record), the scalar at the path of keys to value; a key of a list
// is the index of an item.
func (in *incremental) setField(rel string, i int, value string, keys ...string) {
	t := in.t
	t.Helper()
	b, err := os.ReadFile(in.path(rel))
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	n := doc.Content[0]
	if n.Kind == yaml.SequenceNode {
		n = n.Content[i]
	}
	for k, key := range keys {
		var next *yaml.Node
		if n.Kind == yaml.SequenceNode {
			var idx int
			fmt.Sscan(key, &idx)
			n = n.Content[idx]
			continue
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == key {
				next = n.Content[j+1]
			}
		}
		if next == nil {
			if k < len(keys)-1 {
				t.Fatalf("%s record %d has no %s", rel, i, strings.Join(keys[:k+1], "."))
			}
			next = &yaml.Node{Kind: yaml.ScalarNode}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, next)
		}
		n = next
	}
	n.Kind, n.Tag, n.Style, n.Value = yaml.ScalarNode, "", 0, value
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	in.write(rel, string(out))
}

// atMost fails when the last build ran the templates of more than n pages.
func (in *incremental) atMost(what string, n int) {
	in.t.Helper()
	if in.rendered > n {
		in.t.Errorf("%s: %d of %d pages made again, want at most %d", what, in.rendered, in.pages, n)
	}
}

// demoSiteWithPhotos writes a small demo site with its photos.
func demoSiteWithPhotos(t *testing.T) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(site, demo.Size{Name: "t", Establishments: 40, Products: 8, Articles: 40}, demo.Options{Photos: true}); err != nil {
		t.Fatal(err)
	}
	return site
}

func TestIncrementalEqualsNewBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site some forty times")
	}
	in := newIncremental(t, demoSiteWithPhotos(t))

	in.rebuild("nothing changed")
	if len(in.files) == 0 || in.rendered != 0 {
		t.Errorf("a build with nothing changed made %d pages again", in.rendered)
	}

	est := in.first("data/establishments/*.yaml")
	in.setField(est, 0, "Hợp tác xã Tân Phát Mới", "name")
	in.rebuild("establishment renamed")
	in.setField(est, 1, "Ấp 9", "address", "hamlet")
	in.rebuild("establishment address")
	in.setField(est, 2, "xa-kien-an-cho-moi", "address", "unit")
	in.rebuild("establishment moved to another unit")
	// The public phone of an establishment is on its page, its sheet and
	// the pages and sheets of its products.
	in.setField(est, 1, "0296 3999999", "contact", "phone")
	in.rebuild("establishment phone")

	prod := in.first("data/products/*.yaml")
	in.setField(prod, 0, "Mô tả mới của sản phẩm.", "description")
	in.rebuild("product description")
	in.setField(prod, 1, "cong-ty-tnhh-tan-tho", "establishment")
	in.rebuild("product moved to another establishment")
	in.setField(prod, 0, "475000", "price", "amount")
	in.rebuild("product price")

	in.setField("data/recognitions/cnnt-tinh-2020.yaml", 0, "121/QĐ-UBND", "decision", "number")
	in.rebuild("round decision")
	in.setField("data/recognitions/cnnt-tinh-2020.yaml", 0, "3", "reported_count")
	in.rebuild("round reported count")
	in.setField("data/recognitions/cnnt-tinh-2020.yaml", 0, "a", "awards", "0", "grade")
	in.rebuild("round award grade")

	proj := in.first("data/projects/*.yaml")
	in.setField(proj, 0, "290000000", "budget", "amount")
	in.rebuild("project budget")
	in.setField(proj, 1, "Tên đề án mới", "title")
	in.rebuild("project title")

	in.setField("data/programmes/programmes.yaml", 0, "Chương trình mới", "name")
	in.rebuild("programme name")

	in.setField("data/reports/2020.yaml", 0, "500000000", "reported", "funding_total", "amount")
	in.rebuild("report figure")

	in.setField("data/units.yaml", 2, "Long Xuyên Mới", "name")
	in.rebuild("unit name")

	art := in.first("content/news/huong-di-ben-vung-*.md")
	in.edit(art, "Thời gian tới", "Trong năm tới")
	in.rebuild("article body")
	// The article, the records it is about, its page of the news list
	// and of its tags, and the pages that read every record (home, lists
	// of rounds, programmes and units, open data, reports): not the other
	// articles, records or lists.
	in.atMost("article body", 25)
	in.edit(art, "title: \"Hướng đi bền vững:", "title: \"Hướng đi mới:")
	in.rebuild("article title")
	in.edit(art, "date: 2021-12-31", "date: 2019-01-02")
	in.rebuild("article date")
	in.edit(art, `tags: ["máy móc thiết bị", "hội chợ"]`, `tags: ["máy móc thiết bị", "thẻ mới"]`)
	in.rebuild("article tags")
	in.edit(art, "related: [products/banh-phong-nam-trung, ", "related: [")
	in.rebuild("article related")

	in.edit("content/pages/gioi-thieu.md", "title: Giới thiệu", "title: Về chúng tôi")
	in.rebuild("page title")
	in.edit("content/pages/gioi-thieu.md", "menu: 1", "menu: 0")
	in.rebuild("page out of the menu")

	// A photo replaced by another: its copies change, and the pages that
	// show it.
	photos, _ := filepath.Glob(in.path("content/anh/san-pham/*.jpg"))
	sort.Strings(photos)
	other, err := os.ReadFile(photos[1])
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(in.site, photos[0])
	in.write(filepath.ToSlash(rel), string(other))
	in.rebuild("photo replaced")

	in.edit("data/site.yaml", "title: Khuyến công tỉnh", "title: Trung tâm Khuyến công tỉnh")
	in.rebuild("site title")
	// The province's built-in units: units.yaml's entries stand for them,
	// addresses may name them.
	in.edit("data/site.yaml", "area: an-giang", "area: an-giang\nprovince: An Giang")
	in.rebuild("built-in units")
	in.setField(est, 3, "", "address", "unit")
	in.edit(est, "    unit:\n", "    commune: Mỹ Hòa Hưng\n")
	in.rebuild("establishment address by names")

	// Records and articles added and removed: their pages come and go.
	in.edit(est, "- id: hop-tac-xa-dong-viet", "- id: co-so-moi\n  name: Cơ sở Mới\n  address:\n    unit: xa-kien-an-cho-moi\n- id: hop-tac-xa-dong-viet")
	in.rebuild("establishment added")
	in.write("content/news/bai-moi.md", "---\ntitle: Bài mới\ndate: 2024-05-06\ntags: [\"thẻ mới\"]\nrelated: [establishments/co-so-moi]\n---\n\nNội dung [liên kết](../../co-so/co-so-moi/).\n")
	in.rebuild("article added")
	if err := os.Remove(in.path(art)); err != nil {
		t.Fatal(err)
	}
	in.rebuild("article removed")

	// The site's own template: every page may read anything then.
	tmpl, err := fs.ReadFile(os.DirFS("../../templates"), "product.html")
	if err != nil {
		t.Fatal(err)
	}
	in.write("templates/product.html", strings.Replace(string(tmpl), "<h1>{{.Name}}</h1>", "<h1 class=\"ten\">{{.Name}}</h1>", 1))
	in.rebuild("site template added")
	in.edit("templates/product.html", "class=\"ten\"", "class=\"ten-sp\"")
	in.rebuild("site template changed")
	in.setField(est, 0, "Hợp tác xã Tân Phát", "name")
	in.rebuild("establishment renamed with a site template")
	if err := os.RemoveAll(in.path("templates")); err != nil {
		t.Fatal(err)
	}
	in.rebuild("site template removed")
}

// TestFailedIncrementalBuildKeepsOutput breaks the site of an earlier
// build: the build that fails leaves every file of the output as it was,
// bytes and times, and its manifest too, so that the build after the fix
// is still incremental.
func TestFailedIncrementalBuildKeepsOutput(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(in *incremental)
	}{
		{"data error", func(in *incremental) {
			in.write("data/projects/hong.yaml", "title: Đề án hỏng\nyear: 2020\nfunding_source: kcqg\nactivity: ung_dung_mmtb\nbudget: \"1,2 tỷ\"\n")
		}},
		{"broken link in an article", func(in *incremental) {
			in.write("content/news/lien-ket-hong.md", "---\ntitle: Bài có liên kết hỏng\ndate: 2021-08-18\n---\n\nXem [trang không có](../../khong-co/).\n")
		}},
		{"broken template", func(in *incremental) {
			in.write("templates/product.html", "{{define \"main\"}}{{.Khong}}{{end}}")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := newIncremental(t, copySite(t))
			manifest, err := os.ReadFile(manifestPath(in.site, in.out))
			if err != nil {
				t.Fatalf("no manifest after a build: %v", err)
			}
			before := outputFiles(t, in.out)
			changes, _ := os.ReadFile(filepath.Join(in.out, write.ChangesFile))
			tc.break_(in)
			if _, diags := Build(in.site, BuildOptions{Output: in.out, Now: buildDate}); !diags.HasErrors() {
				t.Fatal("the build succeeded")
			}
			if after := outputFiles(t, in.out); !reflect.DeepEqual(before, after) {
				t.Error("the failed build changed the output")
			}
			if after, _ := os.ReadFile(filepath.Join(in.out, write.ChangesFile)); !bytes.Equal(after, changes) {
				t.Error("the failed build changed the list of changes")
			}
			if after, _ := os.ReadFile(manifestPath(in.site, in.out)); !bytes.Equal(after, manifest) {
				t.Error("the failed build changed the manifest")
			}
			if names, _ := filepath.Glob(filepath.Join(filepath.Dir(in.out), ".public*")); len(names) > 0 {
				t.Errorf("temporary folders left beside the output: %v", names)
			}
			for _, p := range []string{"data/projects/hong.yaml", "content/news/lien-ket-hong.md", "templates"} {
				os.RemoveAll(in.path(p))
			}
			in.rebuild("fixed")
			if in.rendered != 0 {
				t.Errorf("the build after the fix made %d pages again, want none", in.rendered)
			}
		})
	}
}
