package asset

import (
	"os"
	"strings"
	"sync"
	"time"

	"github.com/khuyencong/khuyencong/internal/photo"
)

// Memo keeps, for one site in one process, the photos made by earlier
// runs of Prepare, by path in content/, size and modification time: a
// preview that rebuilds on every save reads and hashes only the photos
// that changed, instead of every photo of the site. Its methods may be
// called from several goroutines at once; its zero value is empty.
type Memo struct {
	mu sync.Mutex
	m  map[string]memoEntry
}

type memoEntry struct {
	stamp stamp
	res   photo.Result
}

// stamp is what says a file did not change: its size and modification
// time.
type stamp struct {
	size int64
	mod  time.Time
}

// Forget drops the photos among the named files (slash paths relative to
// the site folder, "content/anh/a.jpg"), whatever their size and time say.
func (m *Memo) Forget(names ...string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, n := range names {
		delete(m.m, strings.TrimPrefix(n, "content/"))
	}
}

// stamp returns the size and time of the file at src; ok is false when
// there is no memo or the file cannot be read.
func (m *Memo) stamp(src string) (stamp, bool) {
	if m == nil {
		return stamp{}, false
	}
	fi, err := os.Stat(src)
	if err != nil || !fi.Mode().IsRegular() {
		return stamp{}, false
	}
	return stamp{size: fi.Size(), mod: fi.ModTime()}, true
}

// get returns the photo made of file when it had the same stamp, and its
// copies in the cache are still there.
func (m *Memo) get(file string, s stamp) (photo.Result, bool) {
	m.mu.Lock()
	e, ok := m.m[file]
	m.mu.Unlock()
	if !ok || e.stamp != s {
		return photo.Result{}, false
	}
	for _, v := range e.res.Variants {
		if v.CachePath == "" {
			continue
		}
		if fi, err := os.Stat(v.CachePath); err != nil || fi.Size() != v.Size {
			return photo.Result{}, false
		}
	}
	r := e.res
	r.Cached = true
	return r, true
}

// put keeps the photo made of file with the stamp it had before it was
// read.
func (m *Memo) put(file string, s stamp, r photo.Result) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[string]memoEntry{}
	}
	m.m[file] = memoEntry{stamp: s, res: r}
	m.mu.Unlock()
}
