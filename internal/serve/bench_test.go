package serve

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/demo"
)

// BenchmarkReload measures what an officer waits for: the time from
// writing one file to the reload event reaching a browser listening on
// the event stream (through the real file watcher), and then to the page
// that browser shows being served. Sizes are the demo sizes named in
// KHUYENCONG_BENCH_SIZES (default S), e.g.
//
//	KHUYENCONG_BENCH_SIZES=M,L go test -run - -bench Reload -benchtime 10x ./internal/serve/
func BenchmarkReload(b *testing.B) {
	sizes := os.Getenv("KHUYENCONG_BENCH_SIZES")
	if sizes == "" {
		sizes = "S"
	}
	for _, name := range strings.Split(sizes, ",") {
		size, ok := demo.SizeByName(name)
		if !ok {
			b.Fatalf("no demo size %q", name)
		}
		b.Run(size.Name, func(b *testing.B) { benchReload(b, size) })
	}
}

func benchReload(b *testing.B, size demo.Size) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := demo.Write(dir, size, demo.Options{}); err != nil {
		b.Fatal(err)
	}
	news, err := filepath.Glob(filepath.Join(dir, "content", "news", "*.md"))
	if err != nil || len(news) == 0 {
		b.Fatal("the demo site has no article", err)
	}
	article := news[len(news)/2]
	slug := strings.TrimSuffix(filepath.Base(article), ".md")
	page := "/tin-tuc/" + slug + "/"
	orig, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	s := New(Options{Dir: dir, Now: fixedNow})
	full := make(chan int, 64)
	s.onFull = func(g int) { full <- g }
	if d := s.Rebuild(); d.HasErrors() {
		b.Fatal("the demo site has errors")
	}
	ts := httptest.NewServer(s.Handler())
	b.Cleanup(ts.Close) // after the event stream's cleanup closes it
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	ch := events(b, s, ts, page)
	// Let the watcher settle and the first background render finish, so
	// that each edit starts from a quiet server, as when an officer saves
	// a file after reading the page.
	settle := func() {
		select {
		case <-full:
		case <-time.After(time.Minute):
			b.Log("the background render did not finish within a minute")
		}
		// Drop an event the background render sent (links changed).
		for len(ch) > 0 {
			<-ch
		}
	}
	settle()
	var toEvent, toPage time.Duration
	stages := map[string]time.Duration{}
	b.ResetTimer()
	for i := range b.N {
		marker := fmt.Sprintf("Sửa lần %d.", i)
		text := string(orig) + "\n" + marker + "\n"
		start := time.Now()
		if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case <-ch:
		case <-time.After(time.Minute):
			b.Fatal("no reload event")
		}
		toEvent += time.Since(start)
		for _, st := range s.gen.Load().times {
			stages[st.Name] += st.Elapsed
		}
		_, _, body := get(b, ts.URL+page)
		toPage += time.Since(start)
		if !strings.Contains(body, marker) {
			b.Fatalf("stale page after edit %d", i)
		}
		b.StopTimer()
		settle()
		b.StartTimer()
	}
	b.ReportMetric(float64(toEvent.Milliseconds())/float64(b.N), "ms-to-event")
	b.ReportMetric(float64(toPage.Milliseconds())/float64(b.N), "ms-to-page")
	for name, d := range stages {
		b.ReportMetric(float64(d.Milliseconds())/float64(b.N), "ms-"+name)
	}
}
