package build

import (
	"os"
	"path"
	"sort"
	"sync"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/render"
)

// MemoryOptions are what Memory needs. A preview always keeps drafts and
// articles not yet published or already expired, and marks them.
type MemoryOptions struct {
	// Lang is the language of messages and, when set, of the interface.
	Lang string
	// Now is the build date; zero means today.
	Now time.Time
	// Cache, when not nil, keeps the files parsed by earlier runs so that
	// only new and changed files are read again. Runs sharing a cache must
	// not overlap.
	Cache *load.Cache
}

// MemFile is one file of a site built in memory: its bytes, or the disk
// path of a file of content/ copied as it is (read when served, so that an
// unchanged photo is never held in memory).
type MemFile struct {
	Data []byte
	// Src is the disk path of a copied file; Data is nil then.
	Src string
}

// Memory is a site built in memory. It is never changed once returned.
type Memory struct {
	// Files maps the slash path of every output file
	// ("san-pham/tinh-dau-chuc/index.html") to its content.
	Files map[string]MemFile
	// BaseURL is the site's base_url (or "" when none).
	BaseURL string
	// Result counts what the run did; Output is empty.
	Result Result
}

// BuildMemory builds the site in dir into memory, as serve shows it:
// drafts and future articles kept and marked. It returns nil when a stage
// reported an error; the diagnostics say why. The link check is left to
// CheckMemoryLinks, so that a preview is not held back by it.
func BuildMemory(dir string, opts MemoryOptions) (*Memory, diag.List) {
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
	if m == nil || diags.HasErrors() {
		diags.Sort()
		return nil, diags
	}
	ropts := renderOptions(dir, m, BuildOptions{Drafts: true, Future: true, Lang: opts.Lang})
	sink := &memSink{files: make(map[string]MemFile, 1024)}
	var sum render.Summary
	timed(&res, "render", func() {
		var more diag.List
		sum, more = render.Render(m, ropts, sink)
		diags.Append(more)
	})
	res.Pages = sum.Pages
	res.Files = len(sink.files)
	res.Bytes = sum.Bytes
	res.Total = time.Since(start)
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return &Memory{Files: sink.files, BaseURL: m.Site.BaseURL, Result: res}, diags
}

// memSink is a render.Sink that keeps the files in a map.
type memSink struct {
	mu    sync.Mutex
	files map[string]MemFile
}

func (s *memSink) WriteFile(name string, data []byte) error {
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

// Names returns the paths of the files of the site, sorted.
func (m *Memory) Names() []string {
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup finds the file served at the URL path p (slash path relative to
// the site root, without a leading slash): the file itself, or the
// index.html of the folder p names. It returns the file's name too.
func (m *Memory) Lookup(p string) (string, MemFile, bool) {
	p = path.Clean("/" + p)[1:]
	if f, ok := m.Files[p]; ok && p != "" {
		return p, f, true
	}
	idx := path.Join(p, "index.html")
	if f, ok := m.Files[idx]; ok {
		return idx, f, true
	}
	return "", MemFile{}, false
}
