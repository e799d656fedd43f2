package build

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/golden"
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
	opts := renderOptions(BuildOptions{}, nil)
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
	opts := renderOptions(BuildOptions{}, nil)
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
	code := golden.Main(m)
	for _, d := range benchTemps {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// BenchmarkPhotoStage makes the copies of the photos of a demo site with
// 62 phone photos (60 products, an establishment, an article), cold: the
// photo cache is new at each run. It reports the time per photo and the
// peak of the memory the Go runtime holds while the stage runs (peak-MB),
// which the stage keeps bounded whatever the number of photos (the bench
// script measures the peak resident memory of a whole build with
// /usr/bin/time).
func BenchmarkPhotoStage(b *testing.B) {
	dir, err := makeTemp("khuyencong-bench-photos-")
	if err != nil {
		b.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	if err := demo.Write(site, demo.Size{Name: "photos", Establishments: 20, Products: 60, Articles: 40}, demo.Options{Photos: true}); err != nil {
		b.Fatal(err)
	}
	m, _, diags := loadModel(site, buildDate, false, false, &Result{})
	if m == nil || diags.HasErrors() {
		b.Fatalf("load and model: %v", diags)
	}
	peak := watchMemory()
	b.ResetTimer()
	photos := 0
	for b.Loop() {
		opts := assetOptions(site, nil)
		opts.CacheDir = b.TempDir()
		set, diags := asset.Prepare(m, opts)
		if diags.HasErrors() || set.Cached != 0 {
			b.Fatalf("photos: %d cached, %v", set.Cached, diags)
		}
		photos = set.Processed
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(photos), "ms/photo")
	b.ReportMetric(float64(peak())/(1<<20), "peak-MB")
}

// watchMemory samples, every few milliseconds until the returned function
// is called, the memory the Go runtime holds from the system (heap, stacks
// and its own structures, less what it gave back), and returns the peak.
func watchMemory() func() uint64 {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(samples)
			if v := samples[0].Value.Uint64() - samples[1].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return peak.Load()
	}
}

// benchBuild times a whole cold build of the demo site of size into a new
// output folder, the site's cache removed before each run.
func benchBuild(b *testing.B, size string) {
	dir := demoSite(b, size)
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		b.StopTimer()
		for _, p := range []string{out, filepath.Join(dir, ".khuyencong-cache")} {
			if err := os.RemoveAll(p); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if _, diags := Build(dir, BuildOptions{Output: out}); diags.HasErrors() {
			b.Fatalf("build: %v", diags)
		}
	}
}

func BenchmarkBuildS(b *testing.B) { benchBuild(b, "S") }
func BenchmarkBuildM(b *testing.B) { benchBuild(b, "M") }

// benchRebuild times a build into the output of an earlier one after an
// edit of one article: a sentence added to its body before each run.
func benchRebuild(b *testing.B, size string) {
	dir := demoSite(b, size)
	out := filepath.Join(b.TempDir(), "public")
	if _, diags := Build(dir, BuildOptions{Output: out}); diags.HasErrors() {
		b.Fatalf("build: %v", diags)
	}
	news, err := filepath.Glob(filepath.Join(dir, "content", "news", "*.md"))
	if err != nil || len(news) == 0 {
		b.Fatalf("no article: %v", err)
	}
	sort.Strings(news)
	article := news[len(news)/2]
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		f, err := os.OpenFile(article, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\nCập nhật lần %d.\n", n)
		f.Close()
		b.StartTimer()
		if _, diags := Build(dir, BuildOptions{Output: out}); diags.HasErrors() {
			b.Fatalf("build: %v", diags)
		}
	}
}

func BenchmarkRebuildM(b *testing.B) { benchRebuild(b, "M") }
func BenchmarkRebuildL(b *testing.B) { benchRebuild(b, "L") }
