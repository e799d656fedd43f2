package load

import (
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Cache keeps what Load made of each file, so that a site read again (as
// serve does after every save) parses only the files that changed. A file
// is taken from the cache only when its size and modification time are
// those it had when it was parsed, and it was not named to Forget since.
// Files no longer in the site are dropped from the cache at the next run.
//
// Later stages only read the trees Load returns, so the same trees may be
// handed out by several runs. A Cache may be used by one run at a time.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
	seen    map[string]bool // paths asked for by the current run
	// Hits and Misses count the files of the last run taken from the cache
	// and read from the file system.
	Hits, Misses int
}

type cacheEntry struct {
	kind  jobKind
	size  int64
	mod   time.Time
	doc   *Doc
	page  *Page
	file  *File
	diags diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[string]cacheEntry{}}
}

// Forget drops the files at the given slash paths (relative to the site
// folder) from the cache, so that the next run reads them again whatever
// their size and time say.
func (c *Cache) Forget(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		delete(c.entries, p)
	}
}

// Len returns the number of files held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// LoadCached is Load, taking unchanged files from c.
func LoadCached(fsys fs.FS, c *Cache) (*Site, diag.List) {
	c.mu.Lock()
	c.seen = map[string]bool{}
	c.Hits, c.Misses = 0, 0
	c.mu.Unlock()
	s, l := loadWith(fsys, c)
	c.mu.Lock()
	for p := range c.entries {
		if !c.seen[p] {
			delete(c.entries, p)
		}
	}
	c.seen = nil
	c.mu.Unlock()
	return s, l
}

// LoadDirCached is LoadDir, taking unchanged files from c.
func LoadDirCached(dir string, c *Cache) (*Site, diag.List) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return LoadDir(dir)
	}
	s, l := LoadCached(os.DirFS(dir), c)
	s.Dir = dir
	return s, l
}

// do does job j, or takes its result from the cache. A nil cache does the
// job.
func (c *Cache) do(j *job, fsys fs.FS) {
	if c == nil {
		j.do(fsys)
		return
	}
	st, err := fs.Stat(fsys, j.path)
	if err != nil {
		// Let the job report the problem, and keep nothing.
		j.do(fsys)
		c.mu.Lock()
		c.seen[j.path] = true
		delete(c.entries, j.path)
		c.Misses++
		c.mu.Unlock()
		return
	}
	c.mu.Lock()
	c.seen[j.path] = true
	e, ok := c.entries[j.path]
	if ok && e.kind == j.kind && e.size == st.Size() && e.mod.Equal(st.ModTime()) {
		c.Hits++
		c.mu.Unlock()
		j.doc, j.page, j.file, j.diags = e.doc, e.page, e.file, e.diags
		return
	}
	c.Misses++
	c.mu.Unlock()
	j.do(fsys)
	c.mu.Lock()
	c.entries[j.path] = cacheEntry{kind: j.kind, size: st.Size(), mod: st.ModTime(),
		doc: j.doc, page: j.page, file: j.file, diags: j.diags}
	c.mu.Unlock()
}
