// Package render is the third stage of the pipeline: it turns the model
// into the files of the public site (pages, feeds, sitemap, search index,
// open data) and hands each one to a Sink. It never touches the output
// folder itself: package write does.
package render

import (
	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
)

// Sink receives the files of the site. Names are slash paths relative to
// the output root ("san-pham/tinh-dau-chuc/index.html"). Render calls it
// from one goroutine at a time, with data it may keep, unless the Sink is
// a ConcurrentSink.
type Sink interface {
	// WriteFile stores data as the file name.
	WriteFile(name string, data []byte) error
	// CopyFile stores a copy of the file at srcPath (a path on disk) as
	// the file name.
	CopyFile(name, srcPath string) error
}

// Options says how to render a site.
type Options struct {
	// BaseURL overrides m.Site.BaseURL when set (--base-url). It is used
	// only where an absolute URL is required: canonical links, Open Graph,
	// feeds and the sitemap.
	BaseURL string
	// Lang is the interface language, "vi" or "en"; "" takes
	// m.Site.Language, and "vi" when that is empty too.
	Lang string
	// Theme holds the files of the site's own templates/ folder as the
	// load stage read them, by slash path relative to it
	// ("product.html", "static/site.css"): they override the default
	// theme by name. nil when the site has none.
	Theme map[string][]byte
	// Assets are the files the asset stage made of content/ (the files
	// of m.Assets, photos turned into their copies); nil publishes none.
	Assets *asset.Set
	// ShowDrafts marks draft articles with a "bản nháp" badge (build
	// --drafts and serve keep them in the model).
	ShowDrafts bool
	// Only, when not nil, limits the files produced to those whose output
	// path it accepts; a page it refuses is skipped before its template
	// runs. The sitemap then lists only the pages produced. Before work
	// whose files all lie in one folder (the search index), Only is asked
	// about the folder's name ending in "/": refusing it skips that work.
	// serve uses Only to render the page asked for without rendering the
	// whole site.
	Only func(name string) bool
	// Progress, when not nil, counts the pages as they are written.
	Progress *Progress
}

// Summary counts what Render wrote.
type Summary struct {
	// Pages counts the HTML pages by kind ("product", "article", …).
	Pages map[string]int
	// Files counts every file written or copied, pages included.
	Files int
	// Bytes is the size of those files.
	Bytes int64
	// Reused counts the pages an IncrementalSink still had, made from the
	// same inputs: their templates did not run (they are counted in Pages,
	// Files and Bytes too).
	Reused int
	// Sources maps the output file of each record, article and page to
	// the site file it was made from ("co-so/x/index.html" →
	// "data/establishments/x.yaml"), so that a problem found in the output,
	// such as a broken link, can be reported where the officer writes.
	Sources map[string]Source
}

// Source is the site file a page was made from.
type Source struct {
	File string
	// Links maps each link and image of an article's Markdown body, as
	// the page writes it (the href or src, character references decoded),
	// to where the file writes it: one position per time it is written,
	// in order. Nil for records; see LinkPositions.
	Links map[string][]diag.Pos
	// links, when set, computes Links: the body of an article is parsed
	// for them only when its page has a broken link.
	links func() map[string][]diag.Pos
}

// LinkPositions returns Links, or computes them when they are computed on
// demand (each call computes them again).
func (s Source) LinkPositions() map[string][]diag.Pos {
	if s.Links == nil && s.links != nil {
		return s.links()
	}
	return s.Links
}
