package build

import (
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/khuyencong/khuyencong/internal/links"
	"github.com/khuyencong/khuyencong/internal/render"
	"github.com/khuyencong/khuyencong/internal/write"
)

// outputSink is what a build renders into: a render.IncrementalSink over
// the output folder being written (write.Dir). When the folder exists, it
// is updated in place: a page whose inputs have the digest they had at the
// previous build, and whose file is still as that build wrote it, is kept
// without its template running; any other file is written only when its
// bytes differ from those of the file in place. Files left alone keep
// their modification time.
//
// It also finds the links of every page, feed, sitemap and stylesheet from
// their bytes as they are written (a kept file's links are those the
// manifest recorded), for the link check, which then reads no file back.
type outputSink struct {
	d      *write.Dir
	target string
	// prev is the manifest of the previous build into target, nil when
	// there is none: the files in place are then compared byte for byte.
	prev *manifest
	scan *links.Scanner

	groupMu sync.Mutex
	mu      sync.Mutex
	next    map[string]*entry
	outside []links.Broken
	bad     []links.Unreadable
	// written counts the files written (not kept).
	written int
}

// newOutputSink returns the sink of d, whose target held the files of prev
// (nil when not known).
func newOutputSink(d *write.Dir, prev *manifest, scan *links.Scanner) *outputSink {
	return &outputSink{d: d, target: d.Target(), prev: prev, scan: scan, next: map[string]*entry{}}
}

func (s *outputSink) ConcurrentWrites() {}

// inPlace returns the disk path of the file name in the target.
func (s *outputSink) inPlace(name string) string {
	return filepath.Join(s.target, filepath.FromSlash(name))
}

// intact reports whether the target's file name is as the previous build
// left it, by its size and modification time.
func (s *outputSink) intact(name string, e *entry) bool {
	info, err := os.Lstat(s.inPlace(name))
	return err == nil && info.Mode().IsRegular() && info.Size() == e.size && info.ModTime().UnixNano() == e.mtime
}

// keep leaves the target's file name as it is, recorded as e.
func (s *outputSink) keep(name string, e *entry) bool {
	if err := s.d.Keep(name); err != nil {
		return false
	}
	s.mu.Lock()
	s.next[name] = e
	s.mu.Unlock()
	return true
}

// Reuse keeps the page name when the previous build made it from inputs
// with digest d and its file is intact.
func (s *outputSink) Reuse(name string, d render.Digest) (int64, bool) {
	if !s.d.Updating() || s.prev == nil {
		return 0, false
	}
	e := s.prev.files[name]
	if e == nil || !e.page || e.inputs != d || !s.intact(name, e) {
		return 0, false
	}
	return e.size, s.keep(name, e)
}

// WritePage stores a page made from inputs with digest d.
func (s *outputSink) WritePage(name string, data []byte, d render.Digest) error {
	return s.put(name, data, &entry{page: true, inputs: d})
}

// ReuseGroup keeps the files of group when the previous build made them
// from inputs with digest d and every one is intact; it returns their
// names and sizes.
func (s *outputSink) ReuseGroup(group string, d render.Digest) (map[string]int64, bool) {
	if !s.d.Updating() || s.prev == nil {
		return nil, false
	}
	s.groupMu.Lock()
	names := s.prev.group(group)
	s.groupMu.Unlock()
	if len(names) == 0 {
		return nil, false
	}
	for _, n := range names {
		e := s.prev.files[n]
		if e.inputs != d || !s.intact(n, e) {
			return nil, false
		}
	}
	kept := make(map[string]int64, len(names))
	for _, n := range names {
		if !s.keep(n, s.prev.files[n]) {
			return nil, false
		}
		kept[n] = s.prev.files[n].size
	}
	return kept, true
}

// WriteGroupFile stores a file of group made from inputs with digest d.
func (s *outputSink) WriteGroupFile(group, name string, data []byte, d render.Digest) error {
	return s.put(name, data, &entry{group: group, inputs: d})
}

// WriteFile stores a file that is not a page.
func (s *outputSink) WriteFile(name string, data []byte) error {
	return s.put(name, data, &entry{})
}

// put stores data as the file name, described by e: kept when the file in
// place has the same bytes, written otherwise.
func (s *outputSink) put(name string, data []byte, e *entry) error {
	sum := sha256.Sum256(data)
	copy(e.hash[:], sum[:])
	e.size = int64(len(data))
	if links.Checked(name) {
		sc := s.scan.Scan(name, data)
		e.targets, e.links = sc.Targets, sc.Links
		if len(sc.Outside) > 0 || sc.Bad != nil {
			s.mu.Lock()
			s.outside = append(s.outside, sc.Outside...)
			if sc.Bad != nil {
				s.bad = append(s.bad, *sc.Bad)
			}
			s.mu.Unlock()
		}
	}
	if s.d.Updating() {
		if mtime, ok := s.same(name, e, data); ok {
			e.mtime = mtime
			if s.keep(name, e) {
				return nil
			}
		}
	}
	if err := s.d.WriteFile(name, data); err != nil {
		return err
	}
	return s.wrote(name, e)
}

// same reports whether the target's file name has the bytes data (digest
// e.hash), and its modification time: by the manifest when the previous
// build recorded the file and it is intact, else by reading it.
func (s *outputSink) same(name string, e *entry, data []byte) (int64, bool) {
	if s.prev != nil {
		p := s.prev.files[name]
		if p == nil || p.hash != e.hash || p.size != e.size || !s.intact(name, p) {
			return 0, false
		}
		return p.mtime, true
	}
	info, err := os.Lstat(s.inPlace(name))
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return 0, false
	}
	old, err := os.ReadFile(s.inPlace(name))
	if err != nil || !bytes.Equal(old, data) {
		return 0, false
	}
	return info.ModTime().UnixNano(), true
}

// wrote records the file name just written, with its modification time.
func (s *outputSink) wrote(name string, e *entry) error {
	info, err := os.Lstat(filepath.Join(s.d.Root(), filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	e.mtime = info.ModTime().UnixNano()
	s.mu.Lock()
	s.next[name] = e
	s.written++
	s.mu.Unlock()
	return nil
}

// CopyFile stores a copy of the file at src: kept when the previous build
// copied the same file, unchanged since, or when the file in place has
// the same bytes.
func (s *outputSink) CopyFile(name, src string) error {
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	e := &entry{src: src, srcSize: info.Size(), srcMtime: info.ModTime().UnixNano(), size: info.Size()}
	if s.d.Updating() {
		if p := s.prevEntry(name); p != nil {
			if p.src == e.src && p.srcSize == e.srcSize && p.srcMtime == e.srcMtime && s.intact(name, p) {
				e.mtime = p.mtime
				if s.keep(name, e) {
					return nil
				}
			}
		} else if s.prev == nil {
			if mtime, ok := sameFile(s.inPlace(name), src, info.Size()); ok {
				e.mtime = mtime
				if s.keep(name, e) {
					return nil
				}
			}
		}
	}
	if err := s.d.CopyFile(name, src); err != nil {
		return err
	}
	return s.wrote(name, e)
}

func (s *outputSink) prevEntry(name string) *entry {
	if s.prev == nil {
		return nil
	}
	return s.prev.files[name]
}

// sameFile reports whether the file at a has the size and the bytes of the
// file at b, and the modification time of a.
func sameFile(a, b string, size int64) (int64, bool) {
	info, err := os.Lstat(a)
	if err != nil || !info.Mode().IsRegular() || info.Size() != size {
		return 0, false
	}
	fa, err := os.Open(a)
	if err != nil {
		return 0, false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return 0, false
	}
	defer fb.Close()
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return 0, false
		}
		if ea != nil || eb != nil {
			if (ea == io.EOF || ea == io.ErrUnexpectedEOF) && (eb == io.EOF || eb == io.ErrUnexpectedEOF) {
				return info.ModTime().UnixNano(), true
			}
			return 0, false
		}
	}
}

// manifest returns what the sink knows of the output, for the next build.
func (s *outputSink) manifest() *manifest {
	return &manifest{program: programDigest(), files: s.next}
}

// checkLinks checks the links of every file of the output against the
// files it has, and returns what links.Check would: the broken links with
// their lines (the files holding one are read again for them, from memory
// or disk), the files that could not be parsed, and the counts.
func (s *outputSink) checkLinks() links.Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	res := links.Result{Files: len(s.next), Unreadable: append([]links.Unreadable(nil), s.bad...)}
	have := func(n string) bool { return s.next[n] != nil }
	haveID := map[int32]bool{}
	names := make([]string, 0, len(s.next))
	for n, e := range s.next {
		if links.Checked(n) {
			names = append(names, n)
			res.Links += e.links
		}
	}
	sort.Strings(names)
	res.Checked = len(names)
	res.Broken = append(res.Broken, s.outside...)
	for _, n := range names {
		e := s.next[n]
		missing := false
		for _, t := range e.targets {
			ok, known := haveID[t]
			if !known {
				ok = have(s.scan.Name(t))
				haveID[t] = ok
			}
			if !ok {
				missing = true
				break
			}
		}
		if !missing {
			continue
		}
		data, err := s.read(n)
		if err != nil {
			res.Unreadable = append(res.Unreadable, links.Unreadable{Page: n, Err: err})
			continue
		}
		res.Broken = append(res.Broken, s.scan.Broken(n, data, have)...)
	}
	sort.SliceStable(res.Broken, func(i, j int) bool {
		a, b := res.Broken[i], res.Broken[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Link < b.Link
	})
	sort.SliceStable(res.Unreadable, func(i, j int) bool { return res.Unreadable[i].Page < res.Unreadable[j].Page })
	return res
}

// read returns the bytes of the output file name: written this time, or
// kept in place.
func (s *outputSink) read(name string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(s.d.Root(), filepath.FromSlash(name)))
	if err == nil || !os.IsNotExist(err) {
		return data, err
	}
	return os.ReadFile(s.inPlace(name))
}
