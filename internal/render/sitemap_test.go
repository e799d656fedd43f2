package render

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"
)

// testAbs returns an abs function for the base URL base ("" for none),
// one that gives the folder URL of an index.html as the site's does.
func testAbs(base string) func(string) string {
	return func(file string) string {
		if base == "" {
			return ""
		}
		return strings.TrimSuffix(base, "/") + "/" + folderURL(file)
	}
}

func TestSitemapSmall(t *testing.T) {
	urls := []SitemapURL{
		{Path: "index.html"},
		{Path: "san-pham/tinh-dau-chuc/index.html", LastMod: time.Date(2020, 8, 21, 15, 0, 0, 0, time.UTC)},
		{Path: "tin-tuc/a&b/index.html"},
		{Path: "404.html"},
	}
	tests := []struct {
		base string
		want string
	}{
		{"https://congthuong.example.vn/khuyen-cong/", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://congthuong.example.vn/khuyen-cong/</loc>
  </url>
  <url>
    <loc>https://congthuong.example.vn/khuyen-cong/san-pham/tinh-dau-chuc/</loc>
    <lastmod>2020-08-21</lastmod>
  </url>
  <url>
    <loc>https://congthuong.example.vn/khuyen-cong/tin-tuc/a&amp;b/</loc>
  </url>
  <url>
    <loc>https://congthuong.example.vn/khuyen-cong/404.html</loc>
  </url>
</urlset>
`},
		{"", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>./</loc>
  </url>
  <url>
    <loc>san-pham/tinh-dau-chuc/</loc>
    <lastmod>2020-08-21</lastmod>
  </url>
  <url>
    <loc>tin-tuc/a&amp;b/</loc>
  </url>
  <url>
    <loc>404.html</loc>
  </url>
</urlset>
`},
	}
	for _, tt := range tests {
		docs, err := sitemapFiles(urls, testAbs(tt.base), SitemapLimit)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 1 || docs[0].Name != "sitemap.xml" {
			t.Fatalf("base %q: got %d files, want sitemap.xml alone", tt.base, len(docs))
		}
		if got := string(docs[0].Data); got != tt.want {
			t.Errorf("base %q:\ngot:\n%s\nwant:\n%s", tt.base, got, tt.want)
		}
	}
}

func TestSitemapSplit(t *testing.T) {
	const limit = 3
	for _, n := range []int{0, 1, 3, 4, 7, 9} {
		var urls []SitemapURL
		for i := range n {
			urls = append(urls, SitemapURL{
				Path:    fmt.Sprintf("trang-%d/index.html", i),
				LastMod: time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC),
			})
		}
		docs, err := sitemapFiles(urls, testAbs("https://example.vn"), limit)
		if err != nil {
			t.Fatal(err)
		}
		wantFiles := 1
		if n > limit {
			wantFiles = 1 + (n+limit-1)/limit
		}
		if len(docs) != wantFiles {
			t.Fatalf("%d URLs: got %d files, want %d", n, len(docs), wantFiles)
		}
		if docs[0].Name != "sitemap.xml" {
			t.Fatalf("%d URLs: first file is %s", n, docs[0].Name)
		}
		var got []string
		if n <= limit {
			var set xmlURLSet
			if err := xml.Unmarshal(docs[0].Data, &set); err != nil {
				t.Fatalf("%d URLs: %v", n, err)
			}
			for _, u := range set.URLs {
				got = append(got, u.Loc)
			}
		} else {
			var index xmlSitemapIndex
			if err := xml.Unmarshal(docs[0].Data, &index); err != nil {
				t.Fatalf("%d URLs: index: %v", n, err)
			}
			if len(index.Sitemaps) != wantFiles-1 {
				t.Fatalf("%d URLs: index lists %d sitemaps", n, len(index.Sitemaps))
			}
			for i, s := range index.Sitemaps {
				name := fmt.Sprintf("sitemap-%d.xml", i+1)
				if s.Loc != "https://example.vn/"+name || docs[i+1].Name != name {
					t.Errorf("%d URLs: sitemap %d is %s (file %s)", n, i+1, s.Loc, docs[i+1].Name)
				}
				// The newest page of the part dates the part.
				last := min((i+1)*limit, n) - 1
				if want := urls[last].LastMod.Format("2006-01-02"); s.LastMod != want {
					t.Errorf("%d URLs: sitemap %d lastmod %s, want %s", n, i+1, s.LastMod, want)
				}
				var set xmlURLSet
				if err := xml.Unmarshal(docs[i+1].Data, &set); err != nil {
					t.Fatalf("%d URLs: %s: %v", n, name, err)
				}
				if len(set.URLs) > limit || len(set.URLs) == 0 {
					t.Errorf("%d URLs: %s holds %d URLs", n, name, len(set.URLs))
				}
				for _, u := range set.URLs {
					got = append(got, u.Loc)
				}
			}
		}
		if len(got) != n {
			t.Fatalf("%d URLs: sitemaps list %d", n, len(got))
		}
		for i, loc := range got {
			if want := fmt.Sprintf("https://example.vn/trang-%d/", i); loc != want {
				t.Errorf("%d URLs: URL %d is %s, want %s", n, i, loc, want)
			}
		}
	}
	if _, err := sitemapFiles(nil, testAbs(""), 0); err == nil {
		t.Error("limit 0: no error")
	}
}

func TestRobotsTxt(t *testing.T) {
	tests := []struct{ base, want string }{
		{"https://example.vn/khuyen-cong/", "User-agent: *\nAllow: /\n\nSitemap: https://example.vn/khuyen-cong/sitemap.xml\n"},
		{"", "User-agent: *\nAllow: /\n"},
		{"https://example.vn/\nDisallow: /", "User-agent: *\nAllow: /\n"},
	}
	for _, tt := range tests {
		if got := string(robotsTxt(testAbs(tt.base))); got != tt.want {
			t.Errorf("base %q: got %q, want %q", tt.base, got, tt.want)
		}
	}
}
