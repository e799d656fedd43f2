package sitetest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/khuyencong/khuyencong/internal/vi"
)

// searchHit is one result as the search page shows it.
type searchHit struct {
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Href    string `json:"href"`
	Marks   int    `json:"marks"`
	Images  int    `json:"images"`
	Snippet string `json:"snippet"`
}

// searchResult is what a query shows.
type searchResult struct {
	Hits   []searchHit `json:"hits"`
	Status string      `json:"status"`
	URL    string      `json:"url"`
	// Total is the number of matches; RankMs the time the matching took.
	Total  int     `json:"total"`
	RankMs float64 `json:"rankMs"`
	// Loaded are the index files the page has loaded so far.
	Loaded []string `json:"loaded"`
}

const readResults = `(() => {
  const hits = Array.from(document.querySelectorAll('#kc-results > li')).map(li => {
    const a = li.querySelector('a');
    const sn = li.querySelector('.search-snippet');
    return {kind: li.querySelector('.search-kind').textContent, title: a.textContent, href: a.href,
      marks: li.querySelectorAll('mark').length, images: li.querySelectorAll('img').length,
      snippet: sn ? sn.textContent : ''};
  });
  const last = window.kcSearchLast || {};
  const loaded = performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/chi-muc/'));
  return {hits, status: document.getElementById('kc-status').textContent, url: location.href,
    total: last.hits || 0, rankMs: last.rankMs || 0, loaded};
})()`

// waitSearch waits until the page has shown the results of q.
func waitSearch(q string) chromedp.Action[bool] {
	qs, _ := json.Marshal(q)
	return chromedp.Poll[bool](fmt.Sprintf(`document.getElementById('kc-search').dataset.state === 'done' && window.kcSearchLast && window.kcSearchLast.query === %s`, qs), chromedp.WithPollingTimeout(30*time.Second))
}

// typeQuery types q into the search box, as a visitor does, and reads the
// results.
func typeQuery(ctx context.Context, q string) (searchResult, error) {
	err := chromedp.Do(ctx, chromedp.WaitVisible("#kc-q"))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById('kc-q').value = '') === ''`))
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.SendKeys("#kc-q", q))
	}
	if err != nil {
		return searchResult{}, err
	}
	return readShown(ctx, q)
}

// readShown reads the results of a query given in the page URL.
func readShown(ctx context.Context, q string) (searchResult, error) {
	if _, err := chromedp.Run(ctx, waitSearch(q)); err != nil {
		return searchResult{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[searchResult](readResults))
}

func TestSearchExample(t *testing.T) {
	bctx := browser(t)
	dir := exampleSite(t, "")
	root := serve(t, dir, subPath)
	u := root + "tim-kiem/index.html"
	v := open(t, bctx, viewports[0], u, false, func(ctx context.Context) error {
		res, err := typeQuery(ctx, "tinh dau chuc")
		if err != nil {
			return err
		}
		if len(res.Hits) == 0 {
			return fmt.Errorf("no results for %q (status %q)", "tinh dau chuc", res.Status)
		}
		first := res.Hits[0]
		if first.Title != "Tinh dầu chúc Yến Hương" || first.Kind != "Sản phẩm" {
			return fmt.Errorf("first result is %q (%s), want the product Tinh dầu chúc Yến Hương; all: %+v", first.Title, first.Kind, res.Hits)
		}
		if !strings.HasSuffix(first.Href, subPath+"san-pham/tinh-dau-chuc-yen-huong/index.html") {
			return fmt.Errorf("first result links to %s", first.Href)
		}
		if first.Marks == 0 {
			return fmt.Errorf("first result has no marked match")
		}
		if want := fmt.Sprintf("Tìm thấy %d kết quả.", len(res.Hits)); res.Status != want {
			return fmt.Errorf("status says %q, want %q", res.Status, want)
		}
		if pu, _ := url.Parse(res.URL); pu.Query().Get("q") != "tinh dau chuc" {
			return fmt.Errorf("the page URL %s does not carry the query", res.URL)
		}
		for _, q := range []string{"YẾN HƯƠNG", "yen huong", "yến hương"} {
			res, err = typeQuery(ctx, q)
			if err != nil {
				return err
			}
			if len(res.Hits) < 2 || !strings.Contains(res.Hits[0].Title, "Yến Hương") {
				return fmt.Errorf("%q: %+v", q, res.Hits)
			}
		}
		// A prefix while typing.
		res, err = typeQuery(ctx, "tinh dau ch")
		if err != nil {
			return err
		}
		if len(res.Hits) == 0 || res.Hits[0].Title != "Tinh dầu chúc Yến Hương" {
			return fmt.Errorf("prefix %q: %+v", "tinh dau ch", res.Hits)
		}
		return nil
	})
	for _, p := range v.problems {
		t.Errorf("%s: %s", u, p)
	}

	// A shared link shows the results of its query.
	u2 := root + "tim-kiem/index.html?q=" + url.QueryEscape("tinh dầu chúc")
	v = open(t, bctx, viewports[1], u2, false, func(ctx context.Context) error {
		res, err := readShown(ctx, "tinh dầu chúc")
		if err != nil {
			return err
		}
		if len(res.Hits) == 0 || res.Hits[0].Title != "Tinh dầu chúc Yến Hương" {
			return fmt.Errorf("shared link: %+v", res.Hits)
		}
		return nil
	})
	for _, p := range v.problems {
		t.Errorf("%s: %s", u2, p)
	}
}

// TestSearchFromDisk opens the search page from disk with a query in its
// URL: the index loads as script files, which file:// allows.
func TestSearchFromDisk(t *testing.T) {
	bctx := browser(t)
	dir := exampleSite(t, "")
	abs, _ := filepath.Abs(dir)
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs) + "/tim-kiem/index.html", RawQuery: "q=tinh+dau+chuc"}).String()
	v := open(t, bctx, viewports[0], u, false, func(ctx context.Context) error {
		res, err := readShown(ctx, "tinh dau chuc")
		if err != nil {
			return err
		}
		if len(res.Hits) == 0 || res.Hits[0].Title != "Tinh dầu chúc Yến Hương" {
			return fmt.Errorf("from disk: %+v (status %q)", res.Hits, res.Status)
		}
		if !strings.HasPrefix(res.Hits[0].Href, "file://") {
			return fmt.Errorf("result links to %s", res.Hits[0].Href)
		}
		return nil
	})
	for _, p := range v.problems {
		t.Errorf("%s: %s", u, p)
	}
}

// indexNames reads the titles and paths of the records of one kind from
// the index files of a built site.
func indexNames(t *testing.T, dir, kind string) [][2]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "tim-kiem", "chi-muc", "d-*.js"))
	var out [][2]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		s = s[strings.IndexByte(s, '[') : strings.LastIndexByte(s, ']')+1]
		var rows [][]string
		if err := json.Unmarshal([]byte(s), &rows); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, r := range rows {
			if r[0] == kind {
				out = append(out, [2]string{r[1], r[2]})
			}
		}
	}
	return out
}

// TestSearchDemoNames searches the demo site for names of products and
// establishments typed without diacritics.
func TestSearchDemoNames(t *testing.T) {
	bctx := browser(t)
	dir := demoSite(t)
	root := serve(t, dir, "/")
	var names [][2]string
	for _, kind := range []string{"p", "e"} {
		all := indexNames(t, dir, kind)
		if len(all) == 0 {
			t.Fatalf("no records of kind %s in the index", kind)
		}
		for i := 0; i < 8; i++ {
			names = append(names, all[i*len(all)/8])
		}
	}
	u := root + "tim-kiem/index.html"
	v := open(t, bctx, viewports[1], u, false, func(ctx context.Context) error {
		for _, n := range names {
			q := vi.Fold(n[0])
			res, err := typeQuery(ctx, q)
			if err != nil {
				return fmt.Errorf("%q: %v", q, err)
			}
			found := false
			for _, h := range res.Hits {
				if h.Title == n[0] && strings.HasSuffix(h.Href, "/"+n[1]) {
					found = true
				}
			}
			if !found {
				return fmt.Errorf("%q does not find %s (%s) among %d shown of %d", q, n[0], n[1], len(res.Hits), res.Total)
			}
		}
		return nil
	})
	for _, p := range v.problems {
		t.Errorf("%s: %s", u, p)
	}
}

// TestSearchHostileName builds a site whose establishment is named like an
// HTML tag: the results show the name as text.
func TestSearchHostileName(t *testing.T) {
	bctx := browser(t)
	src := t.TempDir()
	files := map[string]string{
		"data/site.yaml":  "title: Thử tìm kiếm\narea: an-giang\n",
		"data/units.yaml": "- id: an-giang\n  name: An Giang\n  type: tinh\n",
		"data/establishments/la.yaml": "id: la\nname: \"<img src=x onerror=alert(1)>\"\n" +
			"description: \"<script>document.title='x'</script> cơ sở lạ\"\naddress:\n  unit: an-giang\n",
	}
	for name, text := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir, err := buildSite(src, "")
	if err != nil {
		t.Fatal(err)
	}
	root := serve(t, dir, "/")
	u := root + "tim-kiem/index.html"
	v := open(t, bctx, viewports[0], u, false, func(ctx context.Context) error {
		res, err := typeQuery(ctx, "img onerror")
		if err != nil {
			return err
		}
		if len(res.Hits) != 1 || res.Hits[0].Title != "<img src=x onerror=alert(1)>" || res.Hits[0].Images != 0 {
			return fmt.Errorf("hostile name: %+v", res.Hits)
		}
		if !strings.Contains(res.Hits[0].Snippet, "<script") {
			return fmt.Errorf("the description is not shown as text: %q", res.Hits[0].Snippet)
		}
		title, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			return err
		}
		if title == "x" {
			return fmt.Errorf("a script of the data ran")
		}
		return nil
	})
	for _, p := range v.problems {
		t.Errorf("%s: %s", u, p)
	}
}

// TestSearchIndexBytes measures, on the demo sites, the compressed bytes a
// first query loads and the time the matching takes. It builds the S, M
// and L demo sites, so it runs only when KHUYENCONG_SEARCH_SIZES=1.
func TestSearchIndexBytes(t *testing.T) {
	if os.Getenv("KHUYENCONG_SEARCH_SIZES") != "1" {
		t.Skip("set KHUYENCONG_SEARCH_SIZES=1 to build the S, M and L demo sites and measure the index")
	}
	bctx := browser(t)
	bin, err := generator()
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"tinh dau chuc", "cong ty", "gao", "may tach mau", "hợp tác xã"}
	for _, size := range []string{"S", "M", "L"} {
		src := filepath.Join(t.TempDir(), "demo-"+size)
		if out, err := exec.Command(bin, "demo", "--size", size, "-o", src).CombinedOutput(); err != nil {
			t.Fatalf("demo %s: %v\n%s", size, err, out)
		}
		dir, err := buildSite(src, "")
		if err != nil {
			t.Fatal(err)
		}
		root := serve(t, dir, "/")
		for _, q := range queries {
			u := root + "tim-kiem/index.html?q=" + url.QueryEscape(q)
			open(t, bctx, viewports[1], u, false, func(ctx context.Context) error {
				res, err := readShown(ctx, q)
				if err != nil {
					return err
				}
				gz := 0
				for _, l := range res.Loaded {
					lu, _ := url.Parse(l)
					data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(lu.Path, "/"))))
					if err != nil {
						return err
					}
					gz += gzipSize(data)
				}
				t.Logf("%s %-15q %5d matches, %2d files, %6.1f KB gzip, matching %.1f ms", size, q, res.Total, len(res.Loaded), float64(gz)/1024, res.RankMs)
				if size == "L" && gz > 150*1024 {
					t.Errorf("L: the first query %q loads %d bytes compressed, over 150 KB", q, gz)
				}
				return nil
			})
		}
	}
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}
