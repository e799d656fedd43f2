package build

import (
	"bytes"
	"os"
	"path"
	"sort"
	"sync"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/links"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/render"
)

// MemoryOptions are what Prepare needs. A preview always
// keeps drafts and articles not yet published or already expired, and
// marks them.
type MemoryOptions struct {
	// Lang is the language of messages and, when set, of the interface.
	Lang string
	// Now is the build date; zero means today.
	Now time.Time
	// Cache, when not nil, keeps the files parsed by earlier runs so that
	// only new and changed files are read again. Runs sharing a cache must
	// not overlap.
	Cache *load.Cache
	// Photos, when not nil, keeps the photos made by earlier runs, so
	// that only new and changed photos are read again.
	Photos *asset.Memo
}

// MemFile is one file of a site built in memory: its bytes, or the disk
// path of a file of content/ copied as it is (read when served, so that an
// unchanged photo is never held in memory).
type MemFile struct {
	Data []byte
	// Src is the disk path of a copied file; Data is nil then.
	Src string
}

// Read returns the content of the file.
func (f MemFile) Read() ([]byte, error) {
	if f.Src != "" {
		return os.ReadFile(f.Src)
	}
	return f.Data, nil
}

// Preview is a site read and modelled, ready to render into memory: all
// of it or only chosen files, as serve needs. Its methods
// may be called from several goroutines at once.
type Preview struct {
	m     *model.Model
	ropts render.Options
	// Result holds the times of the load and model stages.
	Result Result
}

// Prepare runs the load, model and photo stages of the site in dir, as
// serve shows it: drafts and future articles kept and marked. It returns nil
// when a stage reported an error; the diagnostics say why.
func Prepare(dir string, opts MemoryOptions) (*Preview, diag.List) {
	start := time.Now()
	res := Result{Pages: map[string]int{}}
	var site *load.Site
	var diags diag.List
	timed(&res, "load", func() {
		if opts.Cache != nil {
			site, diags = load.LoadDirCached(dir, opts.Cache)
		} else {
			site, diags = load.LoadDir(dir)
		}
	})
	if site == nil || diags.HasErrors() {
		diags.Sort()
		return nil, diags
	}
	var m *model.Model
	timed(&res, "model", func() {
		var more diag.List
		m, more = model.Build(site, model.Options{Now: opts.Now, Drafts: true, Future: true})
		diags.Append(more)
	})
	diags.Sort()
	if m == nil || diags.HasErrors() {
		return nil, diags
	}
	markUnpublished(m)
	ropts := renderOptions(BuildOptions{Drafts: true, Future: true, Lang: opts.Lang}, themeFiles(site.Templates))
	timed(&res, "photos", func() {
		var more diag.List
		ropts.Assets, more = asset.Prepare(m, assetOptions(dir, opts.Photos))
		diags.Append(more)
	})
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	res.Total = time.Since(start)
	return &Preview{m: m, ropts: ropts, Result: res}, diags
}

// markUnpublished marks as drafts, for the preview only, the articles and
// pages a build would leave out because their publish_date is still to
// come or their expiry_date is past: the preview shows them with the same
// "bản nháp" badge as drafts, so that nobody takes them for published.
func markUnpublished(m *model.Model) {
	for _, list := range [][]*model.Article{m.News, m.Pages} {
		for _, a := range list {
			if !a.Publish.IsZero() && a.Publish.After(m.Now) || !a.Expiry.IsZero() && a.Expiry.Before(m.Now) {
				a.Draft = true
			}
		}
	}
}

// BaseURL is the site's base_url ("" when none).
func (p *Preview) BaseURL() string { return p.m.Site.BaseURL }

// BasePath is the path of the site's base_url, "/" when there is none:
// the prefix of every page's URL.
func (p *Preview) BasePath() string { return render.BasePath(p.BaseURL()) }

// Render renders the files whose output path only accepts (every file
// when only is nil) into memory. The sitemap is complete only when every
// page is rendered.
func (p *Preview) Render(only func(name string) bool) (*Memory, diag.List) {
	ropts := p.ropts
	ropts.Only = only
	sink := &memSink{files: make(map[string]MemFile)}
	sum, diags := render.Render(p.m, ropts, sink)
	return &Memory{Files: sink.files, BaseURL: p.BaseURL(), Sources: sum.Sources}, diags
}

// Memory is a site, or some files of it, rendered in memory. It is never
// changed once returned.
type Memory struct {
	// Files maps the slash path of every output file
	// ("san-pham/tinh-dau-chuc/index.html") to its content.
	Files map[string]MemFile
	// BaseURL is the site's base_url (or "" when none).
	BaseURL string
	// Sources maps record and article pages to their site files, for
	// link warnings (see render.Summary.Sources).
	Sources map[string]render.Source
}

// CheckMemoryLinks checks the internal links of a site rendered in memory
// and reports each broken one as a warning (a preview is never held back
// by a link), where build reports it: at the site file of a record's or
// article's page, else at the page and line that hold it.
func CheckMemoryLinks(mem *Memory) diag.List {
	read := func(name string) ([]byte, error) { return mem.Files[name].Read() }
	res, err := links.CheckFiles(mem.Names(), read, mem.BaseURL)
	diags := linkDiags(res, err, "", mem.Sources, diag.Warning)
	diags.Sort()
	return diags
}

// memSink is a render.Sink that keeps the files in a map.
type memSink struct {
	mu    sync.Mutex
	files map[string]MemFile
}

func (s *memSink) WriteFile(name string, data []byte) error {
	data = bytes.Clone(data)
	s.mu.Lock()
	s.files[name] = MemFile{Data: data}
	s.mu.Unlock()
	return nil
}

func (s *memSink) CopyFile(name, srcPath string) error {
	if _, err := os.Stat(srcPath); err != nil {
		return err
	}
	s.mu.Lock()
	s.files[name] = MemFile{Src: srcPath}
	s.mu.Unlock()
	return nil
}

// ConcurrentWrites marks the sink as safe for concurrent use: WriteFile
// keeps a copy of what it is handed.
func (s *memSink) ConcurrentWrites() {}

// Names returns the paths of the files of the site, sorted.
func (m *Memory) Names() []string {
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Candidates are the output files that may answer the URL path p (a slash
// path relative to the site root, without a leading slash), in the order
// to try: the file itself, then the index.html of the folder p names.
func Candidates(p string) []string {
	p = path.Clean("/" + p)[1:]
	idx := path.Join(p, "index.html")
	if p == "" || p == "." {
		return []string{"index.html"}
	}
	return []string{p, idx}
}
