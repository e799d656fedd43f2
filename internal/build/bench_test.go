package build

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/render"
	"github.com/khuyencong/khuyencong/internal/write"
)

// demoSites holds the demo site of each size, generated once per run of
// the benchmarks.
var demoSites struct {
	sync.Mutex
	dirs map[string]string
}

// demoSite returns the folder of the demo site of size, generating it into
// a temporary folder the first time.
func demoSite(b *testing.B, size string) string {
	b.Helper()
	demoSites.Lock()
	defer demoSites.Unlock()
	if dir, ok := demoSites.dirs[size]; ok {
		return dir
	}
	sz, ok := demo.SizeByName(size)
	if !ok {
		b.Fatalf("no demo size %q", size)
	}
	dir, err := makeTemp("khuyencong-bench-" + size + "-")
	if err != nil {
		b.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	if err := demo.Write(site, sz, demo.Options{}); err != nil {
		b.Fatal(err)
	}
	if demoSites.dirs == nil {
		demoSites.dirs = map[string]string{}
	}
	demoSites.dirs[size] = site
	return site
}

// benchModel loads and models the demo site of size.
func benchModel(b *testing.B, size string) (string, *model.Model) {
	b.Helper()
	dir := demoSite(b, size)
	site, diags := load.LoadDir(dir)
	if site == nil || diags.HasErrors() {
		b.Fatalf("load: %v", diags)
	}
	m, diags := model.Build(site, model.Options{Now: buildDate})
	if diags.HasErrors() {
		b.Fatalf("model: %v", diags)
	}
	return dir, m
}

func benchLoad(b *testing.B, size string) {
	dir := demoSite(b, size)
	b.ResetTimer()
	for b.Loop() {
		if site, diags := load.LoadDir(dir); site == nil || diags.HasErrors() {
			b.Fatalf("load: %v", diags)
		}
	}
}

func benchModelStage(b *testing.B, size string) {
	dir := demoSite(b, size)
	site, diags := load.LoadDir(dir)
	if site == nil || diags.HasErrors() {
		b.Fatalf("load: %v", diags)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, diags := model.Build(site, model.Options{Now: buildDate}); diags.HasErrors() {
			b.Fatalf("model: %v", diags)
		}
	}
}

// discard is a Sink that keeps nothing, to time rendering alone.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) CopyFile(string, string) error  { return nil }
func (discard) ConcurrentWrites()              {}

func benchRender(b *testing.B, size string) {
	dir, m := benchModel(b, size)
	opts := renderOptions(dir, BuildOptions{})
	opts.Assets, _ = asset.Prepare(m, assetOptions(dir, nil))
	var sum render.Summary
	b.ResetTimer()
	for b.Loop() {
		var diags diag.List
		sum, diags = render.Render(m, opts, discard{})
		if diags.HasErrors() {
			b.Fatalf("render: %v", diags)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pageCount(sum)), "ns/page")
}

// benchWrite times the render stage writing into a real output folder
// and the swap of that folder into place: what writing adds to
// benchRender.
func benchWrite(b *testing.B, size string) {
	dir, m := benchModel(b, size)
	opts := renderOptions(dir, BuildOptions{})
	opts.Assets, _ = asset.Prepare(m, assetOptions(dir, nil))
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		d, err := write.Open(out, write.Options{Site: dir})
		if err != nil {
			b.Fatal(err)
		}
		if _, diags := render.Render(m, opts, d); diags.HasErrors() {
			b.Fatalf("render: %v", diags)
		}
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

func pageCount(sum render.Summary) int {
	n := 0
	for _, c := range sum.Pages {
		n += c
	}
	return max(n, 1)
}

func BenchmarkLoadS(b *testing.B)   { benchLoad(b, "S") }
func BenchmarkLoadM(b *testing.B)   { benchLoad(b, "M") }
func BenchmarkModelS(b *testing.B)  { benchModelStage(b, "S") }
func BenchmarkModelM(b *testing.B)  { benchModelStage(b, "M") }
func BenchmarkRenderS(b *testing.B) { benchRender(b, "S") }
func BenchmarkRenderM(b *testing.B) { benchRender(b, "M") }
func BenchmarkWriteS(b *testing.B)  { benchWrite(b, "S") }
func BenchmarkWriteM(b *testing.B)  { benchWrite(b, "M") }

// makeTemp makes a temporary folder that outlives one benchmark, so that
// each size is generated once; TestMain removes it.
func makeTemp(prefix string) (string, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err == nil {
		benchTemps = append(benchTemps, dir)
	}
	return dir, err
}

var benchTemps []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range benchTemps {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
