package render

import (
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// Render turns the model into the files of the site and hands each to out:
// a page per record and list (as <folder>/index.html), the 404 page at
// 404.html, the theme's static files under static/, the files of content/
// under their own paths, the news feed, the sitemap and robots.txt.
//
// Templates are parsed once. A template error stops the pages of that kind
// and is reported at the template's file and line; the other pages are
// still written, so that every problem shows in one run.
func Render(m *model.Model, opts Options, out Sink) (Summary, diag.List) {
	lang := opts.Lang
	if lang == "" {
		lang = m.Site.Language
	}
	if lang != "en" {
		lang = "vi"
	}
	f := newFuncs(m, opts, lang)
	r := &renderer{
		m:      m,
		opts:   opts,
		lang:   lang,
		f:      f,
		out:    concurrentSink(out),
		sum:    Summary{Pages: map[string]int{}},
		groups: map[string]Digest{},
	}
	r.kinds = pageKindIndex()
	th, diags := loadTheme(opts.Theme, f.FuncMap())
	r.diags = diags
	if th == nil {
		return r.sum, r.diags
	}
	r.th = th
	if len(m.Site.Menu) > 0 {
		r.menu = siteMenu(m.Site.Menu)
	} else {
		r.menu = defaultMenu(m, f.i18n)
	}

	if opts.Only == nil {
		// A whole render: the descriptions on all cores first, then the
		// documents of the search index beside the pages.
		r.descs = newDescriptions(m)
		docs := make(chan []SearchDoc, 1)
		go func() { docs <- r.SearchDocs() }()
		r.docs = docs
	}
	if _, ok := r.out.(IncrementalSink); ok {
		r.in = newInputs(r)
	}
	r.pool = newPool(r)
	r.progress = opts.Progress
	r.progress.expect(r.expectedPages())
	r.pages()
	if r.docs != nil {
		<-r.docs // the search page was not made: wait for the documents
	}
	r.descs, r.docs = nil, nil
	r.closePool()
	r.statics()
	r.contentFiles()
	r.feeds()
	r.diags.Sort()
	return r.sum, r.diags
}

// renderer is the state of one Render.
type renderer struct {
	m    *model.Model
	opts Options
	lang string
	f    *funcs
	th   *theme
	menu []menuEntry
	// kinds are the kinds of page by name (see PageKinds).
	kinds map[string]PageKind
	// out is a ConcurrentSink when set by Render.
	out   Sink
	sum   Summary
	diags diag.List
	// sitemap lists the pages written, in the order produced; sitemapJob
	// holds the job number of each, until the pool is closed.
	sitemap    []SitemapURL
	sitemapJob []int
	// in computes the digest of each page's inputs, for an
	// IncrementalSink; nil for any other Sink. groups holds the digest of
	// the inputs of each group of files (see IncrementalSink.ReuseGroup).
	in     *inputs
	groups map[string]Digest
	// pool executes the pages; nil once closed.
	pool     *pool
	progress *Progress
	// facetsBySection holds the facets of each section's list pages,
	// computed once per Render: every page of a paginated list links to
	// the same facet values.
	facetsBySection map[string][]Facet
	// descs are the descriptions made beforehand, and docs gives the
	// documents of the search index made beside the pages; both nil
	// when Options.Only limits the render.
	descs *descriptions
	docs  chan []SearchDoc
}

// newPage fills in what every page has. file is the page's output path,
// crumbs the steps between the home page and this page (the page itself is
// added).
func (r *renderer) newPage(kind, file, title, desc string, data any, crumbs ...Crumb) *Page {
	p := &Page{
		Kind:        kind,
		File:        file,
		Root:        rootFor(file),
		Lang:        r.lang,
		Title:       title,
		Description: desc,
		Canonical:   r.f.abs(file),
		OGType:      "website",
		Drafts:      r.opts.ShowDrafts,
		Site:        &r.m.Site,
		Model:       r.m,
		Now:         r.m.Now,
		Data:        data,
	}
	if p.Description == "" {
		p.Description = r.m.Site.Description
	}
	if file != "index.html" {
		p.Crumbs = append(p.Crumbs, Crumb{Title: r.f.i18n.text("site.home"), Path: "index.html"})
		p.Crumbs = append(p.Crumbs, crumbs...)
		p.Crumbs = append(p.Crumbs, Crumb{Title: title})
	}
	p.Menu = menuFor(r.menu, file, p.Root)
	switch kind {
	case "products", "establishments", "projects":
		p.facets = r.sectionFacets(kind)
	}
	return p
}

// section returns the crumb of a section's list page.
func (r *renderer) section(key string) Crumb {
	p, _ := Path(key)
	return Crumb{Title: r.f.i18n.text("section." + key), Path: p}
}

// emit queues the page: a worker of the pool executes its template and
// writes it. The page must not be changed after emit.
func (r *renderer) emit(p *Page) {
	if !r.opts.wants(p.File) {
		return
	}
	if r.pool == nil {
		r.pool = inlinePool(r)
	}
	if r.th.broken[p.Kind] || r.pool.hasFailed(p.Kind) {
		return
	}
	n := r.pool.add(p)
	if src := r.sourceOf(p); src.File != "" {
		if r.sum.Sources == nil {
			r.sum.Sources = map[string]Source{}
		}
		r.sum.Sources[p.File] = src
	}
	if r.kinds[p.Kind].Sitemap {
		r.sitemap = append(r.sitemap, SitemapURL{Path: p.File, LastMod: lastMod(p)})
		r.sitemapJob = append(r.sitemapJob, n)
	}
}

// closePool waits for the queued pages, then drops from the sitemap the
// pages that were not written.
func (r *renderer) closePool() {
	r.pool.close()
	kept := r.sitemap[:0]
	for i, u := range r.sitemap {
		if !r.pool.skipped[r.sitemapJob[i]] {
			kept = append(kept, u)
		}
	}
	r.sitemap, r.sitemapJob = kept, nil
}

// sourceOf returns the site file a page's record was read from, with the
// positions of the links of an article's body; none for pages made of many
// records (lists, statistics).
func (r *renderer) sourceOf(p *Page) Source {
	switch v := p.Data.(type) {
	case *model.Product:
		return Source{File: v.Pos.File}
	case *model.Establishment:
		return Source{File: v.Pos.File}
	case *model.Project:
		return Source{File: v.Pos.File}
	case *model.Programme:
		return Source{File: v.Pos.File}
	case *model.Round:
		return Source{File: v.Pos.File}
	case *model.Unit:
		return Source{File: v.Pos.File}
	case *model.Article:
		f, root := r.f, p.Root
		return Source{File: v.Pos.File, links: func() map[string][]diag.Pos { return f.bodyLinks(root, v) }}
	}
	return Source{}
}

// lastMod is the date a page's content last changed, when known: an
// article's date.
func lastMod(p *Page) time.Time {
	if a, ok := p.Data.(*model.Article); ok && a.HasDate {
		return a.Date
	}
	return time.Time{}
}

// write hands a file to the sink and counts it.
func (r *renderer) write(name string, data []byte) {
	if !r.opts.wants(name) {
		return
	}
	if err := r.out.WriteFile(name, data); err != nil {
		r.diags.Error(diag.Pos{}, "write", diag.M("không ghi được %s: %v", "cannot write %s: %v", name, err))
		return
	}
	r.sum.Files++
	r.sum.Bytes += int64(len(data))
}

// writeGroup hands a file of group to the sink: with the digest of the
// group's inputs (r.groups) when the sink is an IncrementalSink.
func (r *renderer) writeGroup(group, name string, data []byte) {
	inc, ok := r.out.(IncrementalSink)
	if !ok {
		r.write(name, data)
		return
	}
	if !r.opts.wants(name) {
		return
	}
	if err := inc.WriteGroupFile(group, name, data, r.groups[group]); err != nil {
		r.diags.Error(diag.Pos{}, "write", diag.M("không ghi được %s: %v", "cannot write %s: %v", name, err))
		return
	}
	r.sum.Files++
	r.sum.Bytes += int64(len(data))
}

// counted counts the files of a group the sink kept.
func (r *renderer) counted(kept map[string]int64) {
	for _, size := range kept {
		r.sum.Files++
		r.sum.Bytes += size
	}
}

// statics writes the theme's static files under static/.
func (r *renderer) statics() {
	for _, name := range r.th.staticNames {
		p, _ := Path("static", name)
		r.write(p, r.th.static[name])
	}
}

// feeds writes the Atom feed of the news, the sitemap and robots.txt.
func (r *renderer) feeds() {
	articlePath := func(a *model.Article) string {
		p, _ := Path(a)
		return p
	}
	feed, err := newsFeed(r.m.Site, r.m.News, r.m.Now, articlePath, r.f.abs, FeedLimit)
	if err != nil {
		r.diags.Error(diag.Pos{}, "feed", diag.M("không tạo được bản tin Atom: %v", "cannot render the Atom feed: %v", err))
	} else {
		r.write(feedFile, feed)
	}
	docs, err := sitemapFiles(r.sitemap, r.f.abs, SitemapLimit)
	if err != nil {
		r.diags.Error(diag.Pos{}, "sitemap", diag.M("không tạo được sơ đồ trang: %v", "cannot render the sitemap: %v", err))
	}
	for _, d := range docs {
		r.write(d.Name, d.Data)
	}
	r.write("robots.txt", robotsTxt(r.f.abs))
}

// notFound writes 404.html. Servers show it at any depth, so its links
// cannot be relative: they start from the path of base_url.
func (r *renderer) notFound() {
	title := r.f.i18n.text("notFound.title")
	p := r.newPage("404", "404.html", title, "", nil)
	p.Canonical = ""
	p.Root = BasePath(r.f.base)
	p.Crumbs = []Crumb{{Title: r.f.i18n.text("site.home"), Path: "index.html"}, {Title: title}}
	p.Menu = menuFor(r.menu, "404.html", p.Root)
	r.emit(p)
}

// addJSONLD adds the schema.org documents of a page: the record it shows,
// the publisher on the home page, and the breadcrumbs.
func (r *renderer) addJSONLD(p *Page) diag.List {
	var diags diag.List
	abs := r.f.abs
	var docs []any
	switch v := p.Data.(type) {
	case *model.Product:
		docs = append(docs, ldProduct(v, r.f.award, abs))
	case *model.Establishment:
		docs = append(docs, ldEstablishment(v, abs))
	case *model.Article:
		if p.Kind == "article" {
			docs = append(docs, ldArticle(v, r.m.Site, abs))
		}
	}
	if p.Kind == "home" {
		if pub, ok := ldPublisher(r.m.Site, abs); ok {
			docs = append(docs, pub)
		}
	}
	if len(p.Crumbs) > 0 {
		docs = append(docs, ldBreadcrumbs(p.Crumbs, p.File, abs))
	}
	for _, d := range docs {
		js, err := jsonLD(d)
		if err != nil {
			diags.Error(diag.Pos{}, "jsonld", diag.M("không tạo được JSON-LD cho %s: %v", "cannot encode the JSON-LD of %s: %v", p.File, err))
			continue
		}
		p.JSONLD = append(p.JSONLD, js)
	}
	return diags
}
