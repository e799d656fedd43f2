package sitetest

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var hrefRE = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*("([^"]*)"|'([^']*)')`)

// TestCrawl follows the links of the served site from the home page: every
// link answers, every page is reached, and no page is an orphan that
// nothing links to.
func TestCrawl(t *testing.T) {
	for _, site := range testSites {
		t.Run(site.name, func(t *testing.T) { crawl(t, site.build(t)) })
	}
}

func crawl(t *testing.T, dir string) {
	root := serve(t, dir, "/")
	rootURL, _ := url.Parse(root)

	seen := map[string]bool{}
	queue := []string{root}
	seen[root] = true
	reached := map[string]bool{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(u)
		if err != nil {
			t.Errorf("GET %s: %v", u, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", u, resp.Status)
			continue
		}
		pu, _ := url.Parse(u)
		reached[strings.TrimPrefix(fileOf(pu), "/")] = true
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(string(body), -1) {
			ref := m[2] + m[3]
			ref = html.UnescapeString(ref)
			if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "tel:") || strings.HasPrefix(ref, "data:") {
				continue
			}
			lu, err := pu.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q: %v", u, ref, err)
				continue
			}
			if lu.Host != rootURL.Host {
				continue
			}
			lu.Fragment, lu.RawQuery = "", ""
			next := lu.String()
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	var orphans []string
	for _, p := range htmlPages(t, dir) {
		if p == "404.html" {
			continue
		}
		if !reached[p] {
			orphans = append(orphans, p)
		}
	}
	sort.Strings(orphans)
	for _, p := range orphans {
		t.Errorf("page %s is not reached by following links from the home page", p)
	}
	t.Logf("crawled %d URLs, %d pages", len(seen), len(reached))
}

// fileOf maps a URL path to the output file it serves.
func fileOf(u *url.URL) string {
	p := u.Path
	if strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
