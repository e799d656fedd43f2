package render

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"time"

	"github.com/khuyencong/khuyencong/internal/model"
)

// feedFile is where the Atom feed of the news is written, at the site root
// so that its relative links need no "../".
const feedFile = "atom.xml"

// FeedLimit is the number of newest articles the feed carries.
const FeedLimit = 20

const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName   xml.Name    `xml:"feed"`
	NS        string      `xml:"xmlns,attr"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     atomText    `xml:"title"`
	Subtitle  *atomText   `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Rights    string      `xml:"rights,omitempty"`
	Entries   []atomEntry `xml:"entry"`
}

type atomEntry struct {
	Title      atomText       `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Author     atomPerson     `xml:"author"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// newsFeed renders the Atom 1.0 feed of the newest limit articles of news
// (which the model sorts newest first, unpublished ones already removed).
//
// pagePath gives an article's page file as Path does
// ("tin-tuc/<slug>/index.html"); abs turns a file of the site into its
// absolute URL (the folder URL for an index.html), "" when the site has
// no base_url.
//
// With a base_url every link is absolute and the ids are the articles'
// URLs. Without one the feed is still valid Atom: links are relative
// references, resolved against the feed's own URL (it sits at the site
// root, so "tin-tuc/<slug>/" finds the article wherever the site is
// served), and the ids are name-based urn:uuid values derived from the
// site title and the article's path, stable from build to build.
//
// The feed's <updated> is the newest article's date; a site without news
// uses the build date (day precision), so two builds of one day agree.
func newsFeed(site model.Site, news []*model.Article, now time.Time, pagePath func(*model.Article) string, abs func(sitePath string) string, limit int) ([]byte, error) {
	link := func(file string) string {
		if u := abs(file); u != "" {
			return u
		}
		if p := folderURL(file); p != "" {
			return p
		}
		return "./"
	}
	id := func(file string) string {
		if u := abs(file); u != "" {
			return u
		}
		return nameUUID(site.Title + "\x00" + folderURL(file))
	}
	publisher := site.Publisher.Name
	if publisher == "" {
		publisher = site.Title
	}
	lang := site.Language
	if lang == "" {
		lang = "vi"
	}
	f := atomFeed{
		NS:    atomNS,
		Lang:  lang,
		ID:    id("index.html"),
		Title: atomText{Type: "text", Body: site.Title},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: link(feedFile)},
			{Rel: "alternate", Type: "text/html", Href: link("")},
		},
		Author:    atomPerson{Name: publisher, URI: site.Publisher.Website},
		Generator: "khuyencong",
		Rights:    site.License.Name,
	}
	if site.Description != "" {
		f.Subtitle = &atomText{Type: "text", Body: site.Description}
	}
	if len(news) > limit {
		news = news[:limit]
	}
	var newest time.Time
	for _, a := range news {
		p := pagePath(a)
		date := atomDate(a.Date)
		author := a.Author
		if author == "" {
			author = publisher
		}
		e := atomEntry{
			Title:     atomText{Type: "text", Body: a.Title},
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: link(p)}},
			ID:        id(p),
			Published: date,
			Updated:   date,
			Author:    atomPerson{Name: author},
		}
		if a.Summary != "" {
			e.Summary = &atomText{Type: "text", Body: a.Summary}
		}
		for _, tag := range a.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: tag})
		}
		f.Entries = append(f.Entries, e)
		if a.Date.After(newest) {
			newest = a.Date
		}
	}
	if newest.IsZero() {
		y, m, d := now.UTC().Date()
		newest = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = atomDate(newest)
	return marshalXML(f)
}

// atomDate formats t as RFC 3339, as Atom requires.
func atomDate(t time.Time) string {
	return t.Format(time.RFC3339)
}

// nameUUID returns a name-based (version 5, SHA-1) UUID URN for name in the
// URL namespace: the same name always gives the same id.
func nameUUID(name string) string {
	// The URL namespace of RFC 9562.
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
