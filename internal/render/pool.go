package render

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// ConcurrentSink is a Sink whose WriteFile and CopyFile may be called from
// several goroutines at once, and which keeps nothing of the data it is
// handed once WriteFile returns. Render writes pages to it straight from
// its workers' buffers. Any other Sink is called one call at a time and
// is handed a copy of each page it may keep.
type ConcurrentSink interface {
	Sink
	// ConcurrentWrites marks the Sink as safe for concurrent use.
	ConcurrentWrites()
}

// IncrementalSink is a ConcurrentSink that holds the files of an earlier
// render with the digest of each page's inputs (see inputs.go): Render
// asks it, before a page's template runs, whether it still has the page
// made from the same inputs, and hands it the digest of every page it
// writes.
type IncrementalSink interface {
	ConcurrentSink
	// Reuse reports whether the sink holds the page name made from inputs
	// with digest d, as it was written then, and its size: the page is
	// then neither made nor written again, and stays part of the site.
	Reuse(name string, d Digest) (size int64, ok bool)
	// WritePage stores the page name, made from inputs with digest d.
	WritePage(name string, data []byte, d Digest) error
	// ReuseGroup reports whether the sink holds the files of group (such
	// as the search index) made from inputs with digest d, every one as
	// it was written then, and their sizes by name: they are then
	// neither made nor written again, and stay part of the site.
	ReuseGroup(group string, d Digest) (map[string]int64, bool)
	// WriteGroupFile stores the file name of group, made from inputs
	// with digest d.
	WriteGroupFile(group, name string, data []byte, d Digest) error
}

// lockedSink calls a Sink one call at a time, with data it may keep.
type lockedSink struct {
	mu  sync.Mutex
	out Sink
}

func (s *lockedSink) WriteFile(name string, data []byte) error {
	data = bytes.Clone(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.WriteFile(name, data)
}

func (s *lockedSink) CopyFile(name, srcPath string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.CopyFile(name, srcPath)
}

func (s *lockedSink) ConcurrentWrites() {}

// concurrentSink returns out as a Sink safe for concurrent use.
func concurrentSink(out Sink) ConcurrentSink {
	if c, ok := out.(ConcurrentSink); ok {
		return c
	}
	return &lockedSink{out: out}
}

// job is one page to execute. Jobs are numbered in the order the pages
// are produced, which is fixed whatever the number of workers.
type job struct {
	n int
	p *Page
}

// pool executes page templates on GOMAXPROCS workers. The producer (the
// goroutine of Render) hands pages over one by one through a channel of
// bounded capacity, so that only a few pages exist at any time; each
// worker executes templates into its own buffer, reused from page to page,
// and writes the bytes to the sink.
//
// Workers share nothing but the mutex-guarded failures: their counts and
// diagnostics are kept per worker and joined when the pool is closed, and
// the diagnostics are sorted afterwards, so that the result does not
// depend on which worker ran which page (for determinism).
type pool struct {
	r    *renderer
	jobs chan job
	wg   sync.WaitGroup
	ws   []*worker
	// next numbers the jobs.
	next int
	// inline pools have no goroutine: add runs the page at once (tests
	// of one page kind, and a renderer used without Render).
	inline bool

	mu sync.Mutex
	// failed holds, per page kind, the first failing page's template
	// error (by job number, for determinism): a mistake in a template is
	// reported once rather than once per page.
	failed map[string]failure
	// skipped are the jobs that wrote no page; their sitemap entries are
	// dropped.
	skipped map[int]bool
}

type failure struct {
	n        int
	d        diag.Diagnostic
	reported bool
}

// worker is the state of one worker goroutine.
type worker struct {
	buf   bytes.Buffer
	pages map[string]int
	files int
	bytes int64
	// reused counts the pages the sink still had.
	reused int
	diags  diag.List
}

func newPool(r *renderer) *pool {
	n := runtime.GOMAXPROCS(0)
	p := &pool{r: r, jobs: make(chan job, 2*n), failed: map[string]failure{}, skipped: map[int]bool{}}
	for i := 0; i < n; i++ {
		w := &worker{pages: map[string]int{}}
		p.ws = append(p.ws, w)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range p.jobs {
				p.run(w, j)
			}
		}()
	}
	return p
}

// inlinePool returns a pool that runs each page as it is added.
func inlinePool(r *renderer) *pool {
	return &pool{r: r, inline: true, ws: []*worker{{pages: map[string]int{}}}, failed: map[string]failure{}, skipped: map[int]bool{}}
}

// add queues a page and returns its job number. It blocks while the
// workers are busy, so that pages are produced as fast as they are
// written and no faster.
func (p *pool) add(pg *Page) int {
	n := p.next
	p.next++
	if p.inline {
		p.run(p.ws[0], job{n: n, p: pg})
		p.flush()
		return n
	}
	p.jobs <- job{n: n, p: pg}
	return n
}

// hasFailed reports whether pages of kind already failed.
func (p *pool) hasFailed(kind string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.failed[kind]
	return ok
}

// run executes one page and writes it, unless the sink still has it.
func (p *pool) run(w *worker, j job) {
	r, pg := p.r, j.p
	defer r.progress.wrote()
	var digest Digest
	inc, _ := r.out.(IncrementalSink)
	if inc != nil {
		digest = r.in.page(pg)
		if size, ok := inc.Reuse(pg.File, digest); ok {
			w.pages[pg.Kind]++
			w.files++
			w.bytes += size
			w.reused++
			return
		}
	}
	if r.kinds[pg.Kind].Sitemap {
		w.diags.Append(r.addJSONLD(pg))
	}
	w.buf.Reset()
	if err := r.th.executeTo(&w.buf, pg.Kind, pg); err != nil {
		d := r.th.templateError(pg.Kind+".html", err)
		p.mu.Lock()
		if f, ok := p.failed[pg.Kind]; !ok || j.n < f.n {
			p.failed[pg.Kind] = failure{n: j.n, d: d}
		}
		p.skipped[j.n] = true
		p.mu.Unlock()
		return
	}
	data := w.buf.Bytes()
	if _, ok := r.out.(ConcurrentSink); !ok {
		data = bytes.Clone(data)
	}
	var err error
	if inc != nil {
		err = inc.WritePage(pg.File, data, digest)
	} else {
		err = r.out.WriteFile(pg.File, data)
	}
	if err != nil {
		w.diags.Error(diag.Pos{}, "write", diag.M("không ghi được %s: %v", "cannot write %s: %v", pg.File, err))
		p.mu.Lock()
		p.skipped[j.n] = true
		p.mu.Unlock()
		return
	}
	w.pages[pg.Kind]++
	w.files++
	w.bytes += int64(w.buf.Len())
}

// close waits for the queued pages and adds the workers' counts and
// diagnostics to the renderer's.
func (p *pool) close() {
	if !p.inline {
		close(p.jobs)
		p.wg.Wait()
	}
	p.flush()
}

// flush moves the workers' counts and diagnostics, and the template
// errors not yet reported, to the renderer. The workers must be idle.
func (p *pool) flush() {
	r := p.r
	for _, w := range p.ws {
		for k, n := range w.pages {
			r.sum.Pages[k] += n
		}
		r.sum.Files += w.files
		r.sum.Bytes += w.bytes
		r.sum.Reused += w.reused
		r.diags.Append(w.diags)
		*w = worker{buf: w.buf, pages: map[string]int{}}
	}
	for k, f := range p.failed {
		if !f.reported {
			r.diags.Add(f.d)
			f.reported = true
			p.failed[k] = f
		}
	}
}
