package sitetest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// viewport is a screen size the site must work at.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

var viewports = []viewport{
	{"phone", 390, 844, true},
	{"desktop", 1366, 900, false},
}

// browser starts one headless Chromium for a test and returns its context.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe, err := chromiumPath()
	need(t, "chromium", "install Debian's chromium package (apt-get install chromium)", err)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// Pages opened from disk load their stylesheet and images from
		// disk, as a visitor's browser does.
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium %s: %v", exe, err)
	}
	return ctx
}

// visit is what a visit of one page found.
type visit struct {
	problems []string // console errors, exceptions, failed requests
	status   int64    // HTTP status of the document (0 from disk)
}

// open loads pageURL in a new tab at the viewport, waits for it to settle,
// runs check in it, and reports what went wrong while loading. allowDoc404
// accepts a 404 status for the document itself (the 404 page).
func open(t *testing.T, bctx context.Context, vp viewport, pageURL string, allowDoc404 bool, check func(ctx context.Context) error) visit {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	var mu sync.Mutex
	var v visit
	add := func(format string, args ...any) {
		mu.Lock()
		v.problems = append(v.problems, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value))
				}
				add("console.%s: %s", ev.Type, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			add("uncaught exception: %s", ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				if allowDoc404 && strings.Contains(ev.Entry.Text, "404") && ev.Entry.URL == pageURL {
					return
				}
				add("browser log: %s (%s)", ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventLoadingFailed:
			if ev.Canceled {
				return
			}
			add("request failed: %s (%s)", ev.ErrorText, ev.Type)
		case *network.EventResponseReceived:
			if ev.Type == network.ResourceTypeDocument && ev.Response.URL == pageURL {
				mu.Lock()
				v.status = ev.Response.Status
				mu.Unlock()
				if allowDoc404 && ev.Response.Status == 404 {
					return
				}
			}
			if ev.Response.Status >= 400 {
				add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		}
	})
	if err != nil {
		// Errorf, not Fatal: open may run on a goroutine of checkKinds.
		t.Errorf("%s at %s: %v", pageURL, vp.name, err)
		return v
	}
	emulate := []chromedp.EmulateViewportOption{}
	if vp.mobile {
		emulate = append(emulate, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(vp.width, vp.height, emulate...),
		chromedp.Navigate(pageURL),
		chromedp.WaitReady("body"),
	)
	if err != nil {
		t.Errorf("%s at %s: %v", pageURL, vp.name, err)
		return v
	}
	if check != nil {
		if err := check(ctx); err != nil {
			t.Errorf("%s at %s: %v", pageURL, vp.name, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return v
}

// noHorizontalScroll fails when the page is wider than the viewport.
func noHorizontalScroll(ctx context.Context) error {
	type widths struct {
		Scroll int64  `json:"scroll"`
		Inner  int64  `json:"inner"`
		Widest string `json:"widest"`
	}
	w, err := chromedp.Run(ctx, chromedp.Evaluate[widths](`(() => {
		const inner = document.documentElement.clientWidth;
		let widest = "";
		for (const el of document.querySelectorAll("body *")) {
			const r = el.getBoundingClientRect();
			if (r.right > inner + 1) { widest = el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : ""); break; }
		}
		return {scroll: document.documentElement.scrollWidth, inner, widest};
	})()`))
	if err != nil {
		return err
	}
	if w.Scroll > w.Inner {
		return fmt.Errorf("horizontal scrolling: page is %dpx wide in a %dpx viewport (first element past the edge: %s)", w.Scroll, w.Inner, w.Widest)
	}
	return nil
}

// assetsLoaded fails when a stylesheet or a (non-lazy) image did not load.
func assetsLoaded(ctx context.Context) error {
	type state struct {
		Sheets       int      `json:"sheets"`
		BrokenSheets []string `json:"brokenSheets"`
		BrokenImages []string `json:"brokenImages"`
		Styled       bool     `json:"styled"`
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(async () => {
		for (const img of document.images) { img.loading = "eager"; }
		await Promise.all(Array.from(document.images).map(img => img.complete ? null : new Promise(r => { img.onload = img.onerror = r; })));
		const links = Array.from(document.querySelectorAll('link[rel~="stylesheet"]'));
		return {
			sheets: links.length,
			brokenSheets: links.filter(l => !l.sheet).map(l => l.getAttribute("href")),
			brokenImages: Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute("src")),
			styled: getComputedStyle(document.body).marginTop !== "8px",
		};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	var errs []string
	if s.Sheets == 0 {
		errs = append(errs, "no stylesheet linked")
	}
	if len(s.BrokenSheets) > 0 {
		errs = append(errs, fmt.Sprintf("stylesheets not loaded: %v", s.BrokenSheets))
	}
	if !s.Styled {
		errs = append(errs, "the page is unstyled (body keeps the browser's default margin)")
	}
	if len(s.BrokenImages) > 0 {
		errs = append(errs, fmt.Sprintf("images not loaded: %v", s.BrokenImages))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// pageLinks returns every link of the page as the browser resolved it.
func pageLinks(ctx context.Context) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("a[href], link[href]")).map(a => a.href)`))
}

// axeViolation is one serious or critical axe-core finding.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe injects axe-core and returns its critical and serious violations.
func runAxe(ctx context.Context, axeSource string) ([]axeViolation, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+";true")); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.filter(v => v.impact === "critical" || v.impact === "serious").map(v => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + (n.failureSummary || "").split("\n").join(" ")),
		})))`, chromedp.EvalAwaitPromise))
}

// TestPagesInBrowser visits one page of every kind at phone and desktop
// sizes, served from the root: no console errors or failed requests, no
// horizontal scrolling, no serious accessibility violation, stylesheet and
// images loaded.
func TestPagesInBrowser(t *testing.T) {
	bctx := browser(t)
	axePath, err := toolFile("axe-core/axe.min.js")
	need(t, "axe-core", "run `npm ci` in internal/sitetest", err)
	axeSource, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, site := range testSites {
		t.Run(site.name, func(t *testing.T) {
			dir := site.build(t)
			root := serve(t, dir, "/")
			checkKinds(t, bctx, string(axeSource), root, pageKinds(t, dir))
		})
	}
}

// visitWorkers is how many pages checkKinds has open at once, each in a
// tab of its own: the browser lays out one page while the test waits on
// another, which halves the time of the page checks on two cores.
const visitWorkers = 3

// checkKinds visits each page at each viewport, a few at a time; the
// problems are reported in the order of the pages, for determinism.
func checkKinds(t *testing.T, bctx context.Context, axeSource, root string, kinds []string) {
	type job struct {
		vp  viewport
		url string
	}
	var jobs []job
	for _, vp := range viewports {
		for _, file := range kinds {
			if file != "404.html" {
				jobs = append(jobs, job{vp, pageURL(root, file)})
			}
		}
	}
	results := make([]visit, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range visitWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = open(t, bctx, jobs[i].vp, jobs[i].url, false, checkPage(axeSource))
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, v := range results {
		for _, p := range v.problems {
			t.Errorf("%s at %s: %s", jobs[i].url, jobs[i].vp.name, p)
		}
	}
}

// checkPage is what checkKinds checks on every page: no horizontal
// scrolling, its stylesheet and images loaded, and no serious or critical
// accessibility violation.
func checkPage(axeSource string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		var errs []string
		if err := noHorizontalScroll(ctx); err != nil {
			errs = append(errs, err.Error())
		}
		if err := assetsLoaded(ctx); err != nil {
			errs = append(errs, err.Error())
		}
		vs, err := runAxe(ctx, axeSource)
		if err != nil {
			errs = append(errs, err.Error())
		}
		for _, v := range vs {
			errs = append(errs, fmt.Sprintf("axe %s (%s): %s\n\t\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t\t")))
		}
		if len(errs) > 0 {
			return fmt.Errorf("\n\t%s", strings.Join(errs, "\n\t"))
		}
		return nil
	}
}

// TestSubPathAndDisk serves the site under a sub-path and opens it from
// disk: every kind of page loads its stylesheet and images, and its links
// stay inside the site and point at files that exist.
func TestSubPathAndDisk(t *testing.T) {
	bctx := browser(t)
	dir := exampleSite(t, "https://khuyencong.example"+subPath)
	root := serve(t, dir, subPath)
	kinds := pageKinds(t, dir)
	absDir, _ := filepath.Abs(dir)
	diskRoot := (&url.URL{Scheme: "file", Path: filepath.ToSlash(absDir) + "/"}).String()
	vp := viewports[0]
	for _, file := range kinds {
		if file == "404.html" {
			continue
		}
		// Under a sub-path.
		u := pageURL(root, file)
		v := open(t, bctx, vp, u, false, func(ctx context.Context) error {
			if err := assetsLoaded(ctx); err != nil {
				return err
			}
			links, err := pageLinks(ctx)
			if err != nil {
				return err
			}
			for _, l := range links {
				if strings.HasPrefix(l, "http://127.0.0.1") && !strings.HasPrefix(l, root) {
					return fmt.Errorf("link %s leaves the sub-path %s", l, subPath)
				}
			}
			return nil
		})
		for _, p := range v.problems {
			t.Errorf("%s (sub-path): %s", u, p)
		}

		// From disk: a folder link would show a directory listing, so
		// every internal link must name a file that exists.
		du := diskRoot + file
		v = open(t, bctx, vp, du, false, func(ctx context.Context) error {
			if err := assetsLoaded(ctx); err != nil {
				return err
			}
			links, err := pageLinks(ctx)
			if err != nil {
				return err
			}
			for _, l := range links {
				lu, err := url.Parse(l)
				if err != nil || lu.Scheme != "file" {
					continue
				}
				p := lu.Path
				if strings.HasSuffix(p, "/") {
					return fmt.Errorf("link %s names a folder, which a browser shows as a file listing when opened from disk", l)
				}
				if _, err := os.Stat(filepath.FromSlash(p)); err != nil {
					return fmt.Errorf("link %s: no such file", l)
				}
			}
			return nil
		})
		for _, p := range v.problems {
			t.Errorf("%s (from disk): %s", du, p)
		}
	}
}

// TestNotFoundPage asks for a missing deep URL, at the root and under a
// sub-path: the server answers with the 404 page, which loads its
// stylesheet.
func TestNotFoundPage(t *testing.T) {
	bctx := browser(t)
	for _, c := range []struct{ base, prefix string }{
		{"", "/"},
		{"https://khuyencong.example" + subPath, subPath},
	} {
		dir := exampleSite(t, c.base)
		root := serve(t, dir, c.prefix)
		u := root + "san-pham/khong-co/trang/sau/"
		v := open(t, bctx, viewports[0], u, true, assetsLoaded)
		if v.status != 404 {
			t.Errorf("%s: status %d, want 404", u, v.status)
		}
		for _, p := range v.problems {
			t.Errorf("%s: %s", u, p)
		}
	}
}

// TestScreenshots is a tool, not a check: given -screenshots DIR, it
// writes full-page screenshots of the home page, a product page and the
// statistics page of the example site at both sizes into DIR, to look at:
//
//	go test ./internal/sitetest -run TestScreenshots -screenshots /tmp/anh
//
// Without the flag it is skipped.
func TestScreenshots(t *testing.T) {
	out := *shotDir
	if out == "" {
		t.Skip("a tool: give -screenshots DIR to write screenshots of the example site")
	}
	bctx := browser(t)
	dir := exampleSite(t, "")
	root := serve(t, dir, "/")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{"home": "index.html", "stats": "so-lieu/index.html"}
	for _, p := range htmlPages(t, dir) {
		if strings.HasPrefix(p, "san-pham/") && strings.Count(p, "/") == 2 {
			pages["product"] = p
			break
		}
	}
	for _, vp := range viewports {
		for name, file := range pages {
			var shot []byte
			open(t, bctx, vp, pageURL(root, file), false, func(ctx context.Context) error {
				var err error
				shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
				return err
			})
			if len(shot) == 0 {
				continue
			}
			f := filepath.Join(out, name+"-"+vp.name+".png")
			if err := os.WriteFile(f, shot, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", out)
	fmt.Fprintf(os.Stderr, "sitetest: screenshots written to %s\n", out)
}
