// Package serve previews a site while it is edited: it builds the site in
// memory, serves it over HTTP and reloads every open page when a file of
// data/, content/ or templates/ changes.
//
// A change makes a new generation: the load stage (cached per file, see
// load.Cache) and the model stage run again, the pages open in a browser
// are rendered at once, the generation is swapped in and every browser is
// told to reload (server-sent events on /_khuyencong/reload). Other pages
// are rendered when asked for, and the whole site is rendered in the
// background; once it is, the links are checked and broken ones shown as
// warnings. When the data has errors, every page is an error page listing
// them with the lines of the file around each, until a change fixes them.
//
// Each HTML page served gets a small script before </body> that listens to
// the event stream; build output never has it.
package serve

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/build"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
)

// ReloadPath is the URL of the event stream.
const ReloadPath = "/_khuyencong/reload"

// Options say what to serve and how.
type Options struct {
	// Dir is the site folder.
	Dir string
	// Lang is the language of messages and, when set, of the interface.
	Lang string
	// Now is the build date; zero means the time of each rebuild.
	Now time.Time
	// Log receives what the terminal shows: diagnostics and rebuild times.
	// nil discards them.
	Log io.Writer
}

// Server is a preview of one site.
type Server struct {
	opts  Options
	cache *load.Cache
	// photos keeps the photos made by earlier generations.
	photos asset.Memo
	// instance tells browsers whether they reconnected to the same
	// server, or to a new one (after a restart) whose site may differ.
	instance string

	// rebuild runs one rebuild at a time.
	rebuild sync.Mutex
	gen     atomic.Pointer[generation]
	seq     int

	mu      sync.Mutex
	clients map[*client]bool
	// onFull, for measurements, is called when a background render of
	// the whole site completes.
	onFull func(g int)
}

// client is a browser listening to the event stream.
type client struct {
	// page are the output files that may answer the URL the browser
	// shows (see build.Candidates), nil when unknown.
	page []string
	ch   chan string
}

// New returns a server for the site in opts.Dir. Call Rebuild once before
// serving.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{
		opts:     opts,
		cache:    load.NewCache(),
		instance: strconv.FormatInt(time.Now().UnixNano(), 36),
		clients:  map[*client]bool{},
	}
}

// Rebuild reads the site again (the files named in changed, slash paths
// relative to the site folder, are read whatever their time and size
// say), swaps the new generation in and tells the browsers to reload. It
// returns the diagnostics of the load and model stages.
func (s *Server) Rebuild(changed ...string) diag.List {
	s.rebuild.Lock()
	defer s.rebuild.Unlock()
	start := time.Now()
	s.cache.Forget(changed...)
	s.photos.Forget(changed...)
	s.seq++
	g := &generation{id: s.seq, s: s, pages: map[string]build.MemFile{}, missing: map[string]bool{}, fullDone: make(chan struct{})}
	prev, diags := build.Prepare(s.opts.Dir, build.MemoryOptions{Lang: s.opts.Lang, Now: s.opts.Now, Cache: s.cache, Photos: &s.photos})
	g.preview = prev
	g.diags = diags
	if old := s.gen.Load(); old != nil {
		old.cancel.Store(true)
		g.links = old.linkWarnings()
	}
	if prev != nil {
		// Render the pages open in browsers now, so that they are ready
		// when the browsers reload.
		var want []string
		s.mu.Lock()
		for c := range s.clients {
			want = append(want, c.page...)
		}
		s.mu.Unlock()
		t := time.Now()
		g.prefetch(want)
		g.times = append(prev.Result.Stages, build.Stage{Name: "render", Elapsed: time.Since(t)})
	} else {
		close(g.fullDone)
	}
	s.gen.Store(g)
	s.report(g, time.Since(start))
	s.broadcast("reload", strconv.Itoa(g.id))
	if prev != nil && !g.failed() {
		go g.renderAll()
	}
	return diags
}

// report prints the diagnostics of a rebuild and how long it took.
func (s *Server) report(g *generation, took time.Duration) {
	lang := s.opts.Lang
	w := s.opts.Log
	d := g.allDiags()
	d.Print(w, lang)
	if len(d) > 0 {
		fmt.Fprintln(w, d.Summary(lang))
	}
	if g.failed() {
		fmt.Fprintln(w, diag.M("Trang có lỗi: trình duyệt đang hiện danh sách lỗi. Hãy sửa rồi lưu tệp, trang sẽ tự tải lại.",
			"The site has errors: the browser shows them. Fix them and save the file; the page reloads by itself.").Text(lang))
		return
	}
	fmt.Fprintln(w, diag.M("Đã cập nhật sau %d ms.", "Updated in %d ms.", took.Milliseconds()).Text(lang))
}

// broadcast sends an event to every browser listening; one that has not
// taken the previous event yet keeps that one (a reload is a reload).
func (s *Server) broadcast(event, data string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c.ch <- event + "\n" + data:
		default:
		}
	}
}

// Handler serves the site, the event stream and the error page.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ReloadPath {
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405", http.StatusMethodNotAllowed)
		return
	}
	g := s.gen.Load()
	if g == nil {
		http.Error(w, "503", http.StatusServiceUnavailable)
		return
	}
	if g.failed() {
		s.errorPage(w, g)
		return
	}
	p := strings.TrimPrefix(r.URL.Path, g.preview.BasePath())
	p = strings.TrimPrefix(p, "/")
	if p != "" && !strings.HasSuffix(r.URL.Path, "/") && !strings.Contains(path.Base(p), ".") {
		// A folder asked for without its slash: relative links of its
		// page only work with it.
		if _, ok := g.file(p + "/index.html"); ok {
			u := *r.URL
			u.Path += "/"
			http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
			return
		}
	}
	if name, f, ok := g.find(build.Candidates(p)); ok {
		s.send(w, r, g, name, f, http.StatusOK)
		return
	}
	if g.failed() {
		s.errorPage(w, g)
		return
	}
	if f, ok := g.file("404.html"); ok {
		s.send(w, r, g, "404.html", f, http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}

// send writes one file of the site, with the reload script in HTML pages.
func (s *Server) send(w http.ResponseWriter, r *http.Request, g *generation, name string, f build.MemFile, status int) {
	data, err := f.Read()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, s.snippet(g))
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// events streams reload events to one browser until it goes away. The
// first event, hello, names the server and generation: a browser that
// reconnects and hears another name reloads, for it may have missed a
// change.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := &client{ch: make(chan string, 1)}
	if p, err := url.PathUnescape(r.URL.Query().Get("path")); err == nil && p != "" {
		if g := s.gen.Load(); g != nil && g.preview != nil {
			p = strings.TrimPrefix(p, g.preview.BasePath())
		}
		c.page = build.Candidates(strings.TrimPrefix(p, "/"))
	}
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	id := 0
	if g := s.gen.Load(); g != nil {
		id = g.id
	}
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s-%d\n\n", s.instance, id)
	fl.Flush()
	keep := time.NewTicker(20 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c.ch:
			event, data, _ := strings.Cut(ev, "\n")
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data)
			fl.Flush()
		case <-keep.C:
			// A comment keeps proxies and idle timeouts from closing the
			// stream.
			io.WriteString(w, ": \n\n")
			fl.Flush()
		}
	}
}

// generation is the site as read by one rebuild.
type generation struct {
	id int
	s  *Server
	// times are the stages of the rebuild: load, model, and the render
	// of the pages open in browsers.
	times []build.Stage
	// preview is nil when the load or model stage reported an error.
	preview *build.Preview
	diags   diag.List
	cancel  atomic.Bool

	mu sync.Mutex
	// pages are the files rendered on demand; missing the files asked
	// for that the site does not have.
	pages   map[string]build.MemFile
	missing map[string]bool
	// renderDiags are the errors of rendering, which make the generation
	// fail too.
	renderDiags diag.List
	full        *build.Memory
	fullDone    chan struct{}
	links       diag.List
}

// failed reports whether the generation shows the error page.
func (g *generation) failed() bool {
	if g.preview == nil {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.renderDiags.HasErrors()
}

// allDiags returns every diagnostic of the generation, sorted.
func (g *generation) allDiags() diag.List {
	g.mu.Lock()
	defer g.mu.Unlock()
	var d diag.List
	d.Append(g.diags)
	d.Append(g.renderDiags)
	d.Append(g.links)
	d.Sort()
	return d
}

func (g *generation) linkWarnings() diag.List {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.links
}

// find returns the first of the output files names that the site has,
// rendering them (and only them) when the whole site is not rendered yet.
func (g *generation) find(names []string) (string, build.MemFile, bool) {
	g.mu.Lock()
	var unknown []string
	for _, n := range names {
		if g.full != nil || g.missing[n] {
			continue
		}
		if _, ok := g.pages[n]; !ok {
			unknown = append(unknown, n)
		}
	}
	g.mu.Unlock()
	if len(unknown) > 0 && !slices.ContainsFunc(unknown, isSitemap) {
		g.prefetch(unknown)
	}
	for _, n := range names {
		if f, ok := g.file(n); ok {
			return n, f, true
		}
	}
	return "", build.MemFile{}, false
}

// isSitemap reports whether name is a file of the sitemap.
func isSitemap(name string) bool {
	return strings.HasPrefix(name, "sitemap") && strings.HasSuffix(name, ".xml")
}

// file returns an output file, rendering it (and only it) when the whole
// site is not rendered yet. Sitemaps list every page, so they wait for
// the whole site.
func (g *generation) file(name string) (build.MemFile, bool) {
	g.mu.Lock()
	if g.full != nil {
		f, ok := g.full.Files[name]
		g.mu.Unlock()
		return f, ok
	}
	if f, ok := g.pages[name]; ok {
		g.mu.Unlock()
		return f, true
	}
	if g.missing[name] {
		g.mu.Unlock()
		return build.MemFile{}, false
	}
	g.mu.Unlock()
	if isSitemap(name) {
		select {
		case <-g.fullDone:
		case <-time.After(30 * time.Second):
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.full == nil {
			return build.MemFile{}, false
		}
		f, ok := g.full.Files[name]
		return f, ok
	}
	g.prefetch([]string{name})
	g.mu.Lock()
	defer g.mu.Unlock()
	f, ok := g.pages[name]
	return f, ok
}

// prefetch renders the files named, and the 404 page, if not done yet.
func (g *generation) prefetch(names []string) {
	want := map[string]bool{"404.html": true}
	for _, n := range names {
		want[n] = true
	}
	mem, diags := g.preview.Render(func(name string) bool {
		if want[name] {
			return true
		}
		// A folder: is any file wanted inside it?
		if strings.HasSuffix(name, "/") {
			for n := range want {
				if strings.HasPrefix(n, name) {
					return true
				}
			}
		}
		return false
	})
	g.mu.Lock()
	defer g.mu.Unlock()
	for n, f := range mem.Files {
		g.pages[n] = f
	}
	for n := range want {
		if _, ok := mem.Files[n]; !ok {
			g.missing[n] = true
		}
	}
	for _, d := range diags {
		if d.Severity == diag.Error && !slices.ContainsFunc(g.renderDiags, func(e diag.Diagnostic) bool {
			return e.Pos == d.Pos && e.Msg == d.Msg
		}) {
			g.renderDiags = append(g.renderDiags, d)
		}
	}
}

// renderAll renders the whole site in the background, then checks its
// links. A newer generation cancels it: the remaining pages are skipped.
func (g *generation) renderAll() {
	defer close(g.fullDone)
	mem, diags := g.preview.Render(func(string) bool { return !g.cancel.Load() })
	if g.cancel.Load() {
		return
	}
	if diags.HasErrors() {
		g.mu.Lock()
		g.renderDiags = diags
		g.mu.Unlock()
		g.s.report(g, 0)
		g.s.broadcast("reload", strconv.Itoa(g.id))
		return
	}
	links := build.CheckMemoryLinks(mem)
	g.mu.Lock()
	g.full = mem
	changed := !sameDiags(links, g.links)
	g.links = links
	g.mu.Unlock()
	if changed && !g.cancel.Load() {
		links.Print(g.s.opts.Log, g.s.opts.Lang)
		g.s.broadcast("reload", strconv.Itoa(g.id))
	}
	if g.s.onFull != nil {
		g.s.onFull(g.id)
	}
}

func sameDiags(a, b diag.List) bool {
	return slices.EqualFunc(a, b, func(x, y diag.Diagnostic) bool {
		return x.Pos == y.Pos && x.Severity == y.Severity && x.Msg == y.Msg
	})
}
