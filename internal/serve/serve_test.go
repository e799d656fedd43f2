package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/diag"
)

func posOf(file string, line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }

// siteS writes the S demo site into a fresh folder, once per test binary,
// and copies it for each test.
var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

func newSite(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		siteDir, siteErr = os.MkdirTemp("", "khuyencong-serve-test-")
		if siteErr == nil {
			siteErr = demo.Write(filepath.Join(siteDir, "site"), demo.Sizes[0], demo.Options{})
		}
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(siteDir, "site"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if siteDir != "" {
		os.RemoveAll(siteDir)
	}
	os.Exit(code)
}

// fixedNow keeps the demo's dates (and so its pages) the same whatever
// day the test runs.
var fixedNow = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)

func newServer(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	s := New(Options{Dir: dir, Now: fixedNow})
	if d := s.Rebuild(); d.HasErrors() {
		var b strings.Builder
		d.Print(&b, "")
		t.Fatalf("the demo site has errors:\n%s", b.String())
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t testing.TB, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// events connects to the event stream as the page at path and returns a
// channel of the events' names, once the hello event is read.
func events(t testing.TB, s *Server, ts *httptest.Server, path string) <-chan string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+ReloadPath+"?path="+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	ch := make(chan string, 16)
	hello := make(chan bool)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		first := true
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				if first {
					first = false
					close(hello)
					continue
				}
				ch <- name
			}
		}
	}()
	select {
	case <-hello:
	case <-time.After(10 * time.Second):
		t.Fatal("no hello event")
	}
	return ch
}

func waitEvent(t *testing.T, ch <-chan string, want string) {
	t.Helper()
	select {
	case got := <-ch:
		if got != want {
			t.Fatalf("event %q, want %q", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no %s event within 10 s", want)
	}
}

func TestServePages(t *testing.T) {
	dir := newSite(t)
	_, ts := newServer(t, dir)
	tests := []struct {
		path, ctype string
		status      int
		contains    string
	}{
		{"/", "text/html; charset=utf-8", 200, "<script>(function(){var first=null"},
		{"/san-pham/", "text/html; charset=utf-8", 200, "</script>\n</body>"},
		{"/static/site.css", "text/css; charset=utf-8", 200, ".draft"},
		{"/atom.xml", "text/xml; charset=utf-8", 200, "<feed"},
		{"/sitemap.xml", "text/xml; charset=utf-8", 200, "<urlset"},
		{"/khong-co-trang-nay/", "text/html; charset=utf-8", 404, "<script>"},
	}
	for _, tt := range tests {
		status, ctype, body := get(t, ts.URL+tt.path)
		if status != tt.status || ctype != tt.ctype || !strings.Contains(body, tt.contains) {
			t.Errorf("GET %s: %d %q, want %d %q containing %q", tt.path, status, ctype, tt.status, tt.ctype, tt.contains)
		}
	}
	// A folder without its slash is redirected, so that relative links work.
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(ts.URL + "/san-pham")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/san-pham/" {
		t.Errorf("GET /san-pham: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

const newsFile = "content/news/tin-thu-nghiem-xem-truoc.md"

func TestChangeReloadsNewAndDeletedFiles(t *testing.T) {
	dir := newSite(t)
	s, ts := newServer(t, dir)
	ch := events(t, s, ts, "/")
	page := ts.URL + "/tin-tuc/tin-thu-nghiem-xem-truoc/"
	if status, _, _ := get(t, page); status != 404 {
		t.Fatalf("page of a file not yet written: %d", status)
	}
	write(t, dir, newsFile, "---\ntitle: Tin thử nghiệm xem trước\ndate: 2024-05-02\n---\n\nNội dung **mới**.\n")
	s.Rebuild(newsFile)
	waitEvent(t, ch, "reload")
	status, _, body := get(t, page)
	if status != 200 || !strings.Contains(body, "Tin thử nghiệm xem trước") || !strings.Contains(body, "<strong>mới</strong>") {
		t.Fatalf("new article: %d\n%s", status, body)
	}
	// An edit keeping the size and time of the file is seen, because the
	// watcher names the file.
	st, _ := os.Stat(filepath.Join(dir, newsFile))
	write(t, dir, newsFile, "---\ntitle: Tin thử nghiệm xem trước\ndate: 2024-05-02\n---\n\nNội dung **cũ!**.\n")
	os.Chtimes(filepath.Join(dir, newsFile), st.ModTime(), st.ModTime())
	s.Rebuild(newsFile)
	waitEvent(t, ch, "reload")
	if _, _, body := get(t, page); !strings.Contains(body, "<strong>cũ!</strong>") {
		t.Fatalf("edited article is stale:\n%s", body)
	}
	if err := os.Remove(filepath.Join(dir, newsFile)); err != nil {
		t.Fatal(err)
	}
	s.Rebuild(newsFile)
	waitEvent(t, ch, "reload")
	if status, _, _ := get(t, page); status != 404 {
		t.Fatalf("page of a deleted file: %d", status)
	}
}

func TestErrorPageAndFix(t *testing.T) {
	dir := newSite(t)
	s, ts := newServer(t, dir)
	ch := events(t, s, ts, "/san-pham/")
	site := filepath.Join(dir, "data", "site.yaml")
	good, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(good), "title:", "title: [không đóng\ntitle2:", 1)
	write(t, dir, "data/site.yaml", bad)
	d := s.Rebuild("data/site.yaml")
	if !d.HasErrors() {
		t.Fatal("no error reported")
	}
	waitEvent(t, ch, "reload")
	for _, p := range []string{"/", "/san-pham/", "/khong-co/"} {
		status, ctype, body := get(t, ts.URL+p)
		if status != 500 || ctype != "text/html; charset=utf-8" {
			t.Fatalf("GET %s: %d %q", p, status, ctype)
		}
		first := d[0]
		for _, want := range []string{"Trang có lỗi", first.Pos.String(), escaped(first.Msg.Vi), `class="mark"`, "title: [không đóng", ReloadPath} {
			if !strings.Contains(body, want) {
				t.Fatalf("error page lacks %q:\n%s", want, body)
			}
		}
	}
	write(t, dir, "data/site.yaml", string(good))
	if d := s.Rebuild("data/site.yaml"); d.HasErrors() {
		t.Fatal("errors remain after the fix")
	}
	waitEvent(t, ch, "reload")
	if status, _, body := get(t, ts.URL+"/san-pham/"); status != 200 || strings.Contains(body, "Trang có lỗi") {
		t.Fatalf("site not back after the fix: %d", status)
	}
}

// escaped escapes text as html/template does in element content.
func escaped(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

func TestDraftsShownWithBadge(t *testing.T) {
	dir := newSite(t)
	write(t, dir, "content/news/ban-nhap-thu.md", "---\ntitle: Bài nháp thử\ndate: 2025-11-30\ndraft: true\n---\n\nChưa đăng.\n")
	write(t, dir, "content/news/sap-dang.md", "---\ntitle: Bài sắp đăng\ndate: 2025-11-29\npublish_date: 2026-01-15\n---\n\nSắp đăng.\n")
	write(t, dir, "content/news/da-het-han.md", "---\ntitle: Bài đã hết hạn\ndate: 2025-11-28\nexpiry_date: 2025-11-30\n---\n\nHết hạn.\n")
	_, ts := newServer(t, dir)
	for _, p := range []struct{ path, title string }{{"/tin-tuc/sap-dang/", "Bài sắp đăng"}, {"/tin-tuc/da-het-han/", "Bài đã hết hạn"}} {
		status, _, body := get(t, ts.URL+p.path)
		if status != 200 || !strings.Contains(body, p.title+` <span class="draft">bản nháp</span>`) {
			t.Fatalf("%s: %d, no badge:\n%s", p.path, status, body)
		}
	}
	status, _, body := get(t, ts.URL+"/tin-tuc/ban-nhap-thu/")
	if status != 200 || !strings.Contains(body, `Bài nháp thử <span class="draft">bản nháp</span>`) {
		t.Fatalf("draft article: %d\n%s", status, body)
	}
	_, _, list := get(t, ts.URL+"/tin-tuc/")
	if !strings.Contains(list, `Bài nháp thử</a> <span class="draft">bản nháp</span>`) {
		t.Fatalf("news list lacks the draft with its badge:\n%s", list)
	}
}

func TestWatchSendsReload(t *testing.T) {
	dir := newSite(t)
	s, ts := newServer(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Watch(ctx) }()
	ch := events(t, s, ts, "/")
	// The watcher needs its watches in place before the write: wait for a
	// change that it does see (bounded), writing the file again until then.
	deadline := time.After(10 * time.Second)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	write(t, dir, newsFile, "---\ntitle: Theo dõi\ndate: 2024-05-02\n---\n\nA.\n")
loop:
	for {
		select {
		case ev := <-ch:
			if ev == "reload" {
				break loop
			}
		case <-tick.C:
			write(t, dir, newsFile, "---\ntitle: Theo dõi\ndate: 2024-05-02\n---\n\nA.\n")
		case <-deadline:
			t.Fatal("no reload event after a file was written")
		}
	}
	if status, _, _ := get(t, ts.URL+"/tin-tuc/tin-thu-nghiem-xem-truoc/"); status != 200 {
		t.Fatalf("new article after the watcher's rebuild: %d", status)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestRelevant(t *testing.T) {
	root := filepath.FromSlash("/site")
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{"/site/data/products/a.yaml", "data/products/a.yaml", true},
		{"/site/content/news/b.md", "content/news/b.md", true},
		{"/site/templates/static/site.css", "templates/static/site.css", true},
		{"/site/data", "data", true},
		{"/site/public/index.html", "", false},
		{"/site/.git/index", "", false},
		{"/site/data/.products.yaml.swp", "", false},
		{"/site/data/products/a.yaml~", "", false},
		{"/site/content/news/~$bai.docx", "", false},
		{"/site/content/news/#b.md#", "", false},
		{"/site/content/4913", "", false},
		{"/site/data/x.yaml.tmp", "", false},
		{"/site/content/.cache/x.md", "", false},
		{"/other/data/a.yaml", "", false},
		{"/site/README.md", "", false},
	}
	for _, tt := range tests {
		got, ok := relevant(root, filepath.FromSlash(tt.name))
		if got != tt.want || ok != tt.ok {
			t.Errorf("relevant(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInject(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p>S</body></html>"},
		{"<p>a</BODY>b</body>", "<p>a</BODY>bS</body>"},
		{"<p>no end", "<p>no endS"},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.page), []byte("S"))); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "data/a.yaml", "\ufeffa: 1\r\nb: 2\r\nc: [x\r\nd: 4\r\ne: 5\r\nf: 6\r\n")
	got := excerpt(dir, posOf("data/a.yaml", 3, 4), 2)
	want := []excerptLine{{1, "a: 1", false, ""}, {2, "b: 2", false, ""}, {3, "c: [x", true, "   ^"}, {4, "d: 4", false, ""}, {5, "e: 5", false, ""}}
	if len(got) != len(want) {
		t.Fatalf("excerpt = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := excerpt(dir, posOf("../a.yaml", 1, 1), 2); got != nil {
		t.Errorf("excerpt outside the site = %+v", got)
	}
}

// TestPartialSameAsFull checks that pages rendered one at a time, several
// at once, while the whole site renders in the background, are the same
// as those of the whole site.
func TestPartialSameAsFull(t *testing.T) {
	dir := newSite(t)
	s := New(Options{Dir: dir, Now: fixedNow})
	full := make(chan int, 4)
	s.onFull = func(g int) { full <- g }
	s.Rebuild()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	paths := []string{"/", "/san-pham/", "/co-so/", "/de-an/", "/tin-tuc/", "/so-lieu/", "/tim-kiem/", "/du-lieu/", "/static/site.css", "/atom.xml", "/khong-co/"}
	type answer struct {
		status int
		body   string
	}
	first := make([]answer, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() {
			status, _, body := get(t, ts.URL+p)
			first[i] = answer{status, body}
		})
	}
	wg.Wait()
	select {
	case <-full:
	case <-time.After(time.Minute):
		t.Fatal("the whole site was not rendered within a minute")
	}
	for i, p := range paths {
		status, _, body := get(t, ts.URL+p)
		if (answer{status, body}) != first[i] {
			t.Errorf("GET %s: %d, then %d once the whole site is rendered; same body: %v", p, first[i].status, status, body == first[i].body)
		}
	}
}

func TestBrokenLinkWarning(t *testing.T) {
	dir := newSite(t)
	write(t, dir, "content/news/lien-ket-hong.md", "---\ntitle: Liên kết hỏng\ndate: 2024-05-02\n---\n\nXem [trang này](../../khong-co-trang/).\n")
	s := New(Options{Dir: dir, Now: fixedNow})
	full := make(chan int, 4)
	s.onFull = func(g int) { full <- g }
	if d := s.Rebuild(); d.HasErrors() {
		t.Fatal("errors")
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	select {
	case <-full:
	case <-time.After(time.Minute):
		t.Fatal("the whole site was not rendered within a minute")
	}
	// The warning names the file the officer writes and the place of the
	// link in it, as build does, and the page that shows the link.
	status, _, body := get(t, ts.URL+"/san-pham/")
	want := `<li><code>content/news/lien-ket-hong.md:6:5</code> liên kết hỏng &#34;../../khong-co-trang/&#34; (trên trang tin-tuc/lien-ket-hong/index.html): ` +
		`trang đã build không có tệp &#34;khong-co-trang/index.html&#34;; hãy sửa nội dung hoặc mẫu trang có liên kết này</li>`
	if status != 200 || !strings.Contains(body, `id="khuyencong-warnings"`) || !strings.Contains(body, want) {
		t.Fatalf("no warning of the broken link at its article: %d\n%s", status, body[max(0, len(body)-3000):])
	}
}
