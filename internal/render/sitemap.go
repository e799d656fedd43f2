package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// SitemapLimit is the largest number of URLs one sitemap file may list
// (sitemaps.org protocol). Past it the URLs are split into sitemap-1.xml,
// sitemap-2.xml, … and sitemap.xml becomes a sitemap index.
const SitemapLimit = 50000

// SitemapURL is one page of the site listed in the sitemap.
type SitemapURL struct {
	// Path is the page's file as Path returns it: slash-separated,
	// relative to the site root ("index.html" for the home page,
	// "san-pham/tinh-dau-chuc/index.html"). The sitemap lists its folder
	// URL ("san-pham/tinh-dau-chuc/").
	Path string
	// LastMod is when the page last changed; zero leaves <lastmod> out.
	LastMod time.Time
}

// sitemapDoc is a file of the sitemap: its name in the output and its bytes.
type sitemapDoc struct {
	Name string
	Data []byte
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type xmlURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []xmlLoc `xml:"url"`
}

type xmlSitemapIndex struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	NS       string   `xml:"xmlns,attr"`
	Sitemaps []xmlLoc `xml:"sitemap"`
}

type xmlLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapFiles builds sitemap.xml from the site's pages, in the order
// given (the caller passes them sorted, for determinism). abs turns a file
// of the site ("san-pham/x/index.html", "sitemap-1.xml") into its absolute
// URL ("https://…/san-pham/x/") and returns "" when the site has no
// base_url.
//
// With a base_url every <loc> is absolute, as the protocol requires.
// Without one the <loc> values are site paths relative to the sitemap
// itself (which sits at the site root), so that the file still resolves to
// the right pages for the build's link check; search engines need a
// base_url to use it, and robots.txt then names no sitemap.
//
// When there are more than limit URLs (SitemapLimit in production; tests
// pass a small number) they are split into sitemap-1.xml, sitemap-2.xml, …
// of at most limit URLs each, and sitemap.xml is an index of those files.
func sitemapFiles(urls []SitemapURL, abs func(sitePath string) string, limit int) ([]sitemapDoc, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("sitemap: limit %d must be positive", limit)
	}
	loc := func(file string) string {
		if u := abs(file); u != "" {
			return u
		}
		if p := folderURL(file); p != "" {
			return p
		}
		// The site root, relative to a file at the root.
		return "./"
	}
	locs := make([]xmlLoc, len(urls))
	for i, u := range urls {
		locs[i] = xmlLoc{Loc: loc(u.Path), LastMod: sitemapDate(u.LastMod)}
	}
	if len(locs) <= limit {
		data, err := marshalXML(xmlURLSet{NS: sitemapNS, URLs: locs})
		if err != nil {
			return nil, err
		}
		return []sitemapDoc{{Name: "sitemap.xml", Data: data}}, nil
	}
	var docs []sitemapDoc
	var index xmlSitemapIndex
	index.NS = sitemapNS
	for start, n := 0, 1; start < len(locs); start, n = start+limit, n+1 {
		end := min(start+limit, len(locs))
		part := locs[start:end]
		data, err := marshalXML(xmlURLSet{NS: sitemapNS, URLs: part})
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("sitemap-%d.xml", n)
		docs = append(docs, sitemapDoc{Name: name, Data: data})
		var newest time.Time
		for _, u := range urls[start:end] {
			if u.LastMod.After(newest) {
				newest = u.LastMod
			}
		}
		index.Sitemaps = append(index.Sitemaps, xmlLoc{Loc: loc(name), LastMod: sitemapDate(newest)})
	}
	data, err := marshalXML(index)
	if err != nil {
		return nil, err
	}
	return append([]sitemapDoc{{Name: "sitemap.xml", Data: data}}, docs...), nil
}

// folderURL turns a page file into the URL path servers answer it at:
// "san-pham/x/index.html" becomes "san-pham/x/", "index.html" becomes "".
func folderURL(file string) string {
	if file == "index.html" {
		return ""
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return dir + "/"
	}
	return file
}

// sitemapDate formats t as the W3C date the protocol expects, "" for zero.
func sitemapDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// robotsTxt returns robots.txt: every page may be crawled, and the sitemap
// is named when the site has a base_url (the Sitemap line must be an
// absolute URL). abs is as for sitemapFiles.
func robotsTxt(abs func(sitePath string) string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	// A line break in the URL would start a new robots.txt line.
	if u := abs("sitemap.xml"); u != "" && !strings.ContainsAny(u, "\r\n") {
		b.WriteString("\nSitemap: " + u + "\n")
	}
	return []byte(b.String())
}

// marshalXML encodes v as an indented XML document with its declaration.
// encoding/xml escapes every text and attribute value.
func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
