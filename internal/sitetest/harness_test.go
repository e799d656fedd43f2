package sitetest

import (
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// subPath is where the site is served in the sub-path checks, as on a
// department portal.
const subPath = "/khuyen-cong/"

// shotDir is where TestScreenshots writes; without it that test, a tool
// to look at pages rather than a check, is skipped.
var shotDir = flag.String("screenshots", "", "write full-page screenshots of a few pages into this folder (TestScreenshots; skipped without it)")

// inCI reports whether a missing tool must fail the tests instead of
// skipping them.
func inCI() bool { return os.Getenv("CI") == "true" }

// need skips (loudly) or, in CI, fails a test when a tool is missing.
func need(t *testing.T, what, hint string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := fmt.Sprintf("%s is not available (%v); %s", what, err, hint)
	if inCI() {
		t.Fatalf("CI=true: %s", msg)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s: %s ***\n\n", t.Name(), msg)
	t.Skip("SKIPPING: " + msg)
}

// chromiumPath finds Debian's chromium (or another Chromium-based browser).
func chromiumPath() (string, error) {
	if p := os.Getenv("KHUYENCONG_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium on PATH")
}

// toolFile returns a file installed by `npm ci` in this folder.
func toolFile(rel string) (string, error) {
	p := filepath.Join("node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s missing: run `npm ci` in internal/sitetest", p)
	}
	return filepath.Abs(p)
}

// builtSite is one build of the example site.
type builtSite struct {
	dir string // output folder on disk
	err error
}

var (
	sitesMu sync.Mutex
	sites   = map[string]*builtSite{}
)

// exampleSite builds the repository's example site once per base URL and
// returns the output folder.
func exampleSite(t *testing.T, baseURL string) string {
	t.Helper()
	return builtOnce(t, "../..", baseURL)
}

// demoSite builds the generated mid-size demo site once and returns the
// output folder.
func demoSite(t *testing.T) string {
	t.Helper()
	return builtDemo(t, "M", false)
}

// photoSite builds the generated small demo site with its phone photos
// once and returns the output folder.
func photoSite(t *testing.T) string {
	t.Helper()
	return builtDemo(t, "S", true)
}

func builtDemo(t *testing.T, size string, photos bool) string {
	t.Helper()
	src, err := demoSource(size, photos)
	if err != nil {
		t.Fatal(err)
	}
	return builtOnce(t, src, "")
}

func builtOnce(t *testing.T, src, baseURL string) string {
	t.Helper()
	sitesMu.Lock()
	defer sitesMu.Unlock()
	key := src + "|" + baseURL
	s, ok := sites[key]
	if !ok {
		s = &builtSite{}
		s.dir, s.err = buildSite(src, baseURL)
		sites[key] = s
	}
	if s.err != nil {
		t.Fatalf("building %s (base URL %q): %v", src, baseURL, s.err)
	}
	return s.dir
}

// v2Site builds the multi-province test site of the render package, whose
// records use every field of data contract v2, once.
func v2Site(t *testing.T) string {
	t.Helper()
	return builtOnce(t, "../render/testdata/nhieu-tinh", "")
}

// builtinSite builds the test site of the render package that names only
// its province and addresses its establishments by names, once.
func builtinSite(t *testing.T) string {
	t.Helper()
	return builtOnce(t, "../render/testdata/tuyen-quang", "")
}

// testSites are the sites every kind of page is checked on: the example
// site, the multi-province test site, the site of the built-in units of
// one province, a generated mid-size one, and a small one whose records
// show phone photos.
var testSites = []struct {
	name  string
	build func(t *testing.T) string
}{
	{"example", func(t *testing.T) string { return exampleSite(t, "") }},
	{"nhieu-tinh", v2Site},
	{"tuyen-quang", builtinSite},
	{"demo-M", demoSite},
	{"demo-S-photos", photoSite},
}

var tmpRoot string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "khuyencong-sitetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// serve serves dir over HTTP on a loopback port under prefix ("/" or
// subPath), answering a missing file with 404.html and status 404, as the
// hosting guide tells nginx and IIS to. It returns the site's URL.
func serve(t *testing.T, dir, prefix string) string {
	t.Helper()
	files := http.Dir(dir)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			notFound(w, dir)
			return
		}
		p := "/" + strings.TrimPrefix(r.URL.Path, prefix)
		f, err := files.Open(p)
		if err == nil {
			st, _ := f.Stat()
			f.Close()
			if st != nil && st.IsDir() {
				if !strings.HasSuffix(p, "/") {
					http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
					return
				}
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p), "index.html")); err != nil {
					notFound(w, dir)
					return
				}
			}
			http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(files)).ServeHTTP(w, r)
			return
		}
		notFound(w, dir)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + prefix
}

func notFound(w http.ResponseWriter, dir string) {
	b, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.Error(w, "404", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(b)
}

// htmlPages lists every HTML file of the output as a slash path.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// pageKinds picks one page of every kind: the first page at each depth of
// each top-level section ("san-pham/index.html", "san-pham/x/index.html",
// "tin-tuc/trang/2/index.html", …), the home page and the 404 page.
func pageKinds(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	var kinds []string
	for _, p := range htmlPages(t, dir) {
		parts := strings.Split(p, "/")
		key := parts[0]
		if len(parts) >= 3 && parts[len(parts)-2] == "in" {
			// A record's print sheet: one of each section.
			key += "/sheet"
		} else if len(parts) > 1 {
			key = fmt.Sprintf("%s/%d", parts[0], len(parts))
			if len(parts) >= 3 {
				// Distinguish sub-sections such as tin-tuc/the/ and
				// tin-tuc/trang/ from articles.
				if sub := parts[1]; len(parts) > 3 || sub == "the" || sub == "trang" {
					key += "/" + sub
				}
			}
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		kinds = append(kinds, p)
	}
	return kinds
}

// pageURL turns an output file into the URL a visitor would use: a folder
// URL for index.html.
func pageURL(root, file string) string {
	if file == "index.html" {
		return root
	}
	if path.Base(file) == "index.html" {
		return root + strings.TrimSuffix(file, "index.html")
	}
	return root + file
}
