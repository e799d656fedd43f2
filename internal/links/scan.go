package links

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// Scanner finds the internal links of files as a build makes them, from
// their bytes in memory: the build scans each page as it is written,
// keeps what it links to, and checks every target once all the files of
// the site are known (see Scan.Targets), without reading back what it
// wrote. A Scanner may be used by several goroutines at once.
type Scanner struct {
	base base
	// A large site has a million links to a few tens of thousands of
	// files: each target is known by a number, its name kept once.
	mu    sync.RWMutex
	ids   map[string]int32
	names []string
}

// NewScanner returns a Scanner for a site with base_url baseURL ("" when
// none), as Check takes it.
func NewScanner(baseURL string) (*Scanner, error) {
	b, err := parseBase(baseURL)
	if err != nil {
		return nil, err
	}
	return &Scanner{base: b, ids: map[string]int32{}}, nil
}

// Checked reports whether the links of the output file name are checked:
// pages, feeds, sitemaps and stylesheets.
func Checked(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xml", ".css":
		return true
	}
	return false
}

// Scan is what one file links to.
type Scan struct {
	// Targets are the output files its internal links name, each once, in
	// the order first met, by their number (see Scanner.Name).
	Targets []int32
	// Links is the number of its internal links.
	Links int
	// Outside are its internal links that leave the site folder: broken
	// whatever files the site has.
	Outside []Broken
	// Bad is set when the file could not be parsed to its end.
	Bad *Unreadable
}

// Scan returns the internal links of the file name, whose content is data.
func (s *Scanner) Scan(name string, data []byte) Scan {
	var out Scan
	found, line, err := extract(name, data)
	if err != nil {
		out.Bad = &Unreadable{Page: name, Line: line, Err: err}
	}
	seen := make(map[int32]bool, len(found))
	for _, l := range found {
		target, internal := s.base.resolveFast(name, l.ref)
		if !internal {
			continue
		}
		out.Links++
		if target == "" {
			out.Outside = append(out.Outside, Broken{Page: name, Line: l.line, Link: l.ref})
			continue
		}
		if id := s.ID(target); !seen[id] {
			seen[id] = true
			out.Targets = append(out.Targets, id)
		}
	}
	out.Targets = slices.Clip(out.Targets)
	return out
}

// ID returns the number of the output file name, giving it one the
// first time.
func (s *Scanner) ID(name string) int32 {
	s.mu.RLock()
	id, ok := s.ids[name]
	s.mu.RUnlock()
	if ok {
		return id
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.ids[name]; ok {
		return id
	}
	id = int32(len(s.names))
	name = strings.Clone(name)
	s.ids[name] = id
	s.names = append(s.names, name)
	return id
}

// Name returns the output file numbered id.
func (s *Scanner) Name(id int32) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.names[id]
}

// Broken returns the links of the file name (content data) that name a
// file the site does not have (have reports whether it has one), with the
// line of each, in the order of the file.
func (s *Scanner) Broken(name string, data []byte, have func(name string) bool) []Broken {
	found, _, _ := extract(name, data)
	var out []Broken
	for _, l := range found {
		target, internal := s.base.resolveFast(name, l.ref)
		if internal && target != "" && !have(target) {
			out = append(out, Broken{Page: name, Line: l.line, Link: l.ref, Target: target})
		}
	}
	return out
}

// resolveFast is resolve, with a short way for the links pages are made
// of: a relative path of plain letters, digits, '-', '_', '.' and '/' that
// climbs with "../" no higher than the site root, as {{$.Root}}{{path .}}
// writes them.
func (b base) resolveFast(page, ref string) (string, bool) {
	if ref == "" || ref[0] == '/' || ref[0] == '.' && !strings.HasPrefix(ref, "../") || !fs.ValidPath(page) || page == "." {
		return b.resolve(page, ref)
	}
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '/') {
			return b.resolve(page, ref)
		}
	}
	dir := path.Dir(page)
	rest := ref
	for strings.HasPrefix(rest, "../") {
		if dir == "." {
			return b.resolve(page, ref)
		}
		dir = path.Dir(dir)
		rest = rest[3:]
	}
	// Every segment left must be a plain name.
	for seg := range strings.SplitSeq(strings.TrimSuffix(rest, "/"), "/") {
		if seg == "" && rest != "" || seg == "." || seg == ".." {
			return b.resolve(page, ref)
		}
	}
	target := rest
	if dir != "." {
		target = dir + "/" + rest
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		target += "index.html"
	}
	return target, true
}
