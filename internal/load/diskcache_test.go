package load

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// readPlan reads every part of the site in dir through a Plan with cache
// c, and returns what it got, as Load would have.
func readPlan(t *testing.T, dir string, c *DiskCache) *Site {
	t.Helper()
	p, _ := PlanDir(dir)
	p.Cache = c
	s := &Site{Dir: dir, Data: map[string][]*Doc{}, Assets: p.Assets()}
	s.Settings, _ = p.Settings()
	for _, name := range Collections {
		p.Collection(name, func(docs []*Doc) { s.Data[name] = append(s.Data[name], docs...) })
	}
	p.News(func(pages []*Page) { s.News = append(s.News, pages...) })
	p.Pages(func(pages []*Page) { s.Pages = append(s.Pages, pages...) })
	s.Templates, _ = p.Templates()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return s
}

// writeSite writes the files of the example site into a folder, dated
// long ago so that the cache may keep them.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, f := range exampleSite() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	return dir
}

func TestDiskCache(t *testing.T) {
	dir := writeSite(t)
	want, diags := LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	cacheFile := filepath.Join(t.TempDir(), "cache")

	c := OpenDiskCache(cacheFile)
	if got := readPlan(t, dir, c); !reflect.DeepEqual(got, want) {
		t.Errorf("first run:\n%s\nwant:\n%s", summary(got), summary(want))
	}
	files := c.Hits + c.Misses
	if c.Hits != 0 || files == 0 {
		t.Errorf("first run: %d hits, %d misses", c.Hits, c.Misses)
	}

	// Every file parsed comes back from the cache, the same.
	c = OpenDiskCache(cacheFile)
	if got := readPlan(t, dir, c); !reflect.DeepEqual(got, want) {
		t.Errorf("second run:\n%s\nwant:\n%s", summary(got), summary(want))
	}
	if c.Hits != files || c.Misses != 0 {
		t.Errorf("second run: %d hits, %d misses, want %d hits", c.Hits, c.Misses, files)
	}
	info, _ := os.Stat(cacheFile)

	// A changed file is parsed again; one just written is not kept.
	news, _ := filepath.Glob(filepath.Join(dir, "content", "news", "*.md"))
	b, _ := os.ReadFile(news[0])
	os.WriteFile(news[0], append(b, "\nMột đoạn mới.\n"...), 0o644)
	want, _ = LoadDir(dir)
	c = OpenDiskCache(cacheFile)
	if got := readPlan(t, dir, c); !reflect.DeepEqual(got, want) {
		t.Errorf("after a change:\n%s\nwant:\n%s", summary(got), summary(want))
	}
	if c.Hits != files-1 || c.Misses != 1 {
		t.Errorf("after a change: %d hits, %d misses", c.Hits, c.Misses)
	}
	c = OpenDiskCache(cacheFile)
	readPlan(t, dir, c)
	if c.Misses != 1 {
		t.Errorf("a file written just now was kept: %d misses", c.Misses)
	}
	if after, _ := os.Stat(cacheFile); info == nil || after == nil {
		t.Error("no cache file")
	}

	// A damaged cache file is as good as none.
	os.WriteFile(cacheFile, []byte(diskCacheMagic+"\x05abc"), 0o644)
	c = OpenDiskCache(cacheFile)
	if got := readPlan(t, dir, c); !reflect.DeepEqual(got, want) || c.Hits != 0 {
		t.Errorf("damaged cache: %d hits", c.Hits)
	}
}

// TestNodeEncoding checks that trees come back the same, aliases and
// shared subtrees included.
func TestNodeEncoding(t *testing.T) {
	var doc yaml.Node
	src := "a: &x {b: [1, 2, {c: d}]} # note\nb: *x\n# foot\nc: !!str 3\nd: |\n  văn bản\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	shared := &yaml.Node{Kind: yaml.ScalarNode, Value: "chung"}
	doc.Content[0].Content = append(doc.Content[0].Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "e"},
		&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{shared, shared}})
	j := &job{kind: kindData, path: "data/x.yaml", doc: &Doc{Path: "data/x.yaml", Root: &doc}}
	back := &job{kind: kindData, path: "data/x.yaml"}
	if !decodeJob(back, encodeJob(j)) {
		t.Fatal("decode failed")
	}
	if !reflect.DeepEqual(back.doc, j.doc) {
		t.Error("the tree differs once decoded")
	}
	seq := back.doc.Root.Content[0].Content[len(back.doc.Root.Content[0].Content)-1]
	if seq.Content[0] != seq.Content[1] {
		t.Error("a shared node is no longer shared")
	}
}

func FuzzDecodeJob(f *testing.F) {
	var doc yaml.Node
	yaml.Unmarshal([]byte("a: [1, {b: c}]\n"), &doc)
	f.Add(encodeJob(&job{doc: &Doc{Root: &doc}}))
	f.Add(encodeJob(&job{page: &Page{Body: "thân bài", BodyLine: 3, Front: &doc}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeJob(&job{kind: kindData, path: "x"}, b) // no panic
	})
}
