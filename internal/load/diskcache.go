package load

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// DiskCache keeps in a file, between runs, what a Plan made of each file
// of a site: the YAML trees of its data files and the front matter and
// body of its articles, so that a build run again parses only the files
// that changed since. A file is taken from the cache when its path, size
// and modification time are those it had when parsed; a file modified in
// the last seconds before it was parsed is not kept (its time may not tell
// a later change apart, on file systems with coarse times). Only files
// that parsed without any diagnostic are kept.
//
// The cache file is read a batch at a time, as the Plan reads the site,
// and a new one is written beside it as the run goes, then renamed in
// place by Close when anything changed: memory holds only an index.
type DiskCache struct {
	path string
	old  *os.File
	// index locates the entries of the old file by path.
	index map[string]cacheLoc

	mu    sync.Mutex
	tmp   *os.File
	out   *bufio.Writer
	err   error
	order []string // paths written, to tell whether anything changed
	// Hits and Misses count the files taken from the cache and parsed.
	Hits, Misses int
}

// cacheLoc is where an entry of the old file is, with what it was made
// from.
type cacheLoc struct {
	kind        jobKind
	slug        string
	bundle      bool
	size, mtime int64
	off, n      int64
}

// diskCacheMagic starts a cache file; its number changes with the format.
const diskCacheMagic = "khuyencong-load-cache 1\n"

// racyAge is how recently modified a file may be and still be kept.
const racyAge = 2 * time.Second

// OpenDiskCache opens the cache file at path (which need not exist) for
// one run. A damaged or unreadable cache is as good as an empty one.
func OpenDiskCache(path string) *DiskCache {
	c := &DiskCache{path: path, index: map[string]cacheLoc{}}
	if f, err := os.Open(path); err == nil {
		if c.readIndex(f) {
			c.old = f
		} else {
			f.Close()
			c.index = map[string]cacheLoc{}
		}
	}
	return c
}

// readIndex reads the headers of the entries of f.
func (c *DiskCache) readIndex(f *os.File) bool {
	r := bufio.NewReaderSize(f, 1<<16)
	magic := make([]byte, len(diskCacheMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != diskCacheMagic {
		return false
	}
	off := int64(len(diskCacheMagic))
	for {
		hdr, n, err := readHeader(r)
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		off += n
		hdr.loc.off = off
		if _, err := r.Discard(int(hdr.loc.n)); err != nil {
			return false
		}
		off += hdr.loc.n
		c.index[hdr.path] = hdr.loc
	}
}

type cacheHeader struct {
	path string
	loc  cacheLoc
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

func readHeader(r *bufio.Reader) (cacheHeader, int64, error) {
	cr := &countingReader{r: r}
	var h cacheHeader
	if _, err := r.Peek(1); err == io.EOF {
		return h, 0, io.EOF
	}
	str := func() (string, error) {
		n, err := binary.ReadUvarint(cr)
		if err != nil || n > 1<<20 {
			return "", errBadCache
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return "", errBadCache
		}
		cr.n += int64(n)
		return string(b), nil
	}
	var err error
	if h.path, err = str(); err != nil {
		return h, 0, err
	}
	k, err := cr.ReadByte()
	if err != nil {
		return h, 0, errBadCache
	}
	h.loc.kind = jobKind(k)
	if h.loc.slug, err = str(); err != nil {
		return h, 0, err
	}
	b, err := cr.ReadByte()
	if err != nil {
		return h, 0, errBadCache
	}
	h.loc.bundle = b == 1
	for _, p := range []*int64{&h.loc.size, &h.loc.mtime, &h.loc.n} {
		if *p, err = binary.ReadVarint(cr); err != nil {
			return h, 0, errBadCache
		}
	}
	if h.loc.n < 0 {
		return h, 0, errBadCache
	}
	return h, cr.n, nil
}

var errBadCache = errors.New("damaged cache")

func appendHeader(b []byte, path string, loc cacheLoc) []byte {
	b = appendString(b, path)
	b = append(b, byte(loc.kind))
	b = appendString(b, loc.slug)
	if loc.bundle {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendVarint(b, loc.size)
	b = binary.AppendVarint(b, loc.mtime)
	return binary.AppendVarint(b, loc.n)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// lookup does job j from the cache when it holds the file as it is now,
// and returns the file's size and time for keep.
func (c *DiskCache) lookup(j *job, fsys fs.FS) (size, mtime int64, ok bool) {
	st, err := fs.Stat(fsys, j.path)
	if err != nil {
		return 0, 0, false
	}
	size, mtime = st.Size(), st.ModTime().UnixNano()
	loc, hit := c.index[j.path]
	if !hit || c.old == nil || loc.kind != j.kind || loc.slug != j.slug || loc.bundle != j.bundle || loc.size != size || loc.mtime != mtime {
		return size, mtime, false
	}
	payload := make([]byte, loc.n)
	if _, err := c.old.ReadAt(payload, loc.off); err != nil {
		return size, mtime, false
	}
	if !decodeJob(j, payload) {
		return size, mtime, false
	}
	j.cached = payload
	return size, mtime, true
}

// do does job j, from the cache or by reading and parsing the file, and
// keeps what the new cache file is to hold in j.cached.
func (c *DiskCache) do(j *job, fsys fs.FS) {
	size, mtime, ok := c.lookup(j, fsys)
	c.mu.Lock()
	if ok {
		c.Hits++
	} else {
		c.Misses++
	}
	c.mu.Unlock()
	if ok {
		j.cacheLoc = cacheLoc{kind: j.kind, slug: j.slug, bundle: j.bundle, size: size, mtime: mtime}
		return
	}
	j.do(fsys)
	if len(j.diags) > 0 || size == 0 && mtime == 0 || time.Since(time.Unix(0, mtime)) < racyAge {
		return
	}
	if st, err := fs.Stat(fsys, j.path); err != nil || st.Size() != size || st.ModTime().UnixNano() != mtime {
		return // changed while read
	}
	j.cached = encodeJob(j)
	j.cacheLoc = cacheLoc{kind: j.kind, slug: j.slug, bundle: j.bundle, size: size, mtime: mtime}
}

// keep appends the entries of the jobs just done to the new cache file,
// in their order.
func (c *DiskCache) keep(jobs []*job) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, j := range jobs {
		if j.cached == nil {
			continue
		}
		if c.out == nil && c.err == nil {
			if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
				c.err = err
			} else if c.tmp, c.err = os.CreateTemp(filepath.Dir(c.path), filepath.Base(c.path)+".tmp-"); c.err == nil {
				c.out = bufio.NewWriterSize(c.tmp, 1<<16)
				_, c.err = c.out.WriteString(diskCacheMagic)
			}
		}
		if c.err == nil {
			loc := j.cacheLoc
			loc.n = int64(len(j.cached))
			_, c.err = c.out.Write(appendHeader(nil, j.path, loc))
			if c.err == nil {
				_, c.err = c.out.Write(j.cached)
			}
		}
		c.order = append(c.order, j.path)
		j.cached = nil
	}
}

// Close ends the run: the new cache file replaces the old one when it
// holds other files than the old one, or the same files changed; else it
// is dropped. An error writing the cache is returned, and only costs the
// next run its speed.
func (c *DiskCache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.old != nil {
		c.old.Close()
	}
	if c.tmp == nil {
		if len(c.index) > 0 && c.err == nil {
			// Nothing could be kept: the old entries are stale.
			os.Remove(c.path)
		}
		return c.err
	}
	err := c.err
	if err == nil {
		err = c.out.Flush()
	}
	if cerr := c.tmp.Close(); err == nil {
		err = cerr
	}
	changed := c.Misses > 0 || len(c.order) != len(c.index)
	if err != nil || !changed {
		os.Remove(c.tmp.Name())
		return err
	}
	if err := os.Rename(c.tmp.Name(), c.path); err != nil {
		os.Remove(c.tmp.Name())
		return err
	}
	return nil
}

// encodeJob writes the result of job j: the document's tree, or the
// page's fields and front matter.
func encodeJob(j *job) []byte {
	e := &nodeEncoder{ids: map[*yaml.Node]int{}}
	switch {
	case j.doc != nil:
		e.buf = append(e.buf, 'd')
		e.node(j.doc.Root)
	case j.page != nil:
		p := j.page
		e.buf = append(e.buf, 'p')
		e.buf = appendString(e.buf, p.Body)
		e.buf = binary.AppendVarint(e.buf, int64(p.BodyLine))
		e.node(p.Front)
	default:
		e.buf = append(e.buf, 'n')
	}
	return e.buf
}

// decodeJob sets the result of job j from what encodeJob wrote.
func decodeJob(j *job, b []byte) bool {
	// The strings of the trees are parts of one copy of the entry.
	d := &nodeDecoder{s: string(b)}
	d.r = strings.NewReader(d.s)
	k, err := d.r.ReadByte()
	if err != nil {
		return false
	}
	switch k {
	case 'd':
		root := d.node()
		if d.err != nil || root == nil {
			return false
		}
		j.doc = &Doc{Path: j.path, Root: root}
	case 'p':
		body := d.str()
		line := d.varint()
		front := d.node()
		if d.err != nil {
			return false
		}
		j.page = &Page{Path: j.path, Slug: j.slug, Bundle: j.bundle, Front: front, Body: body, BodyLine: int(line)}
	case 'n':
	default:
		return false
	}
	return d.err == nil && d.r.Len() == 0
}

// nodeEncoder writes a tree of nodes; a node met twice (an alias's target,
// a subtree shared by expansion) is written once and referred to by its
// number after.
type nodeEncoder struct {
	buf []byte
	ids map[*yaml.Node]int
}

func (e *nodeEncoder) node(n *yaml.Node) {
	if n == nil {
		e.buf = append(e.buf, 0)
		return
	}
	if id, ok := e.ids[n]; ok {
		e.buf = append(e.buf, 1)
		e.buf = binary.AppendUvarint(e.buf, uint64(id))
		return
	}
	e.ids[n] = len(e.ids)
	e.buf = append(e.buf, 2, byte(n.Kind), byte(n.Style))
	for _, s := range []string{n.Tag, n.Value, n.Anchor, n.HeadComment, n.LineComment, n.FootComment} {
		e.buf = appendString(e.buf, s)
	}
	e.buf = binary.AppendVarint(e.buf, int64(n.Line))
	e.buf = binary.AppendVarint(e.buf, int64(n.Column))
	e.node(n.Alias)
	if n.Content == nil {
		e.buf = append(e.buf, 0)
	} else {
		e.buf = append(e.buf, 1)
		e.buf = binary.AppendUvarint(e.buf, uint64(len(n.Content)))
		for _, c := range n.Content {
			e.node(c)
		}
	}
}

type nodeDecoder struct {
	s     string
	r     *strings.Reader
	nodes []*yaml.Node
	err   error
}

func (d *nodeDecoder) fail() { d.err = errBadCache }

func (d *nodeDecoder) byte() byte {
	b, err := d.r.ReadByte()
	if err != nil {
		d.fail()
	}
	return b
}

func (d *nodeDecoder) uvarint() uint64 {
	n, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail()
	}
	return n
}

func (d *nodeDecoder) varint() int64 {
	n, err := binary.ReadVarint(d.r)
	if err != nil {
		d.fail()
	}
	return n
}

func (d *nodeDecoder) str() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(d.r.Len()) {
		d.fail()
		return ""
	}
	if n == 0 {
		return ""
	}
	at := len(d.s) - d.r.Len()
	d.r.Seek(int64(n), io.SeekCurrent)
	return d.s[at : at+int(n)]
}

func (d *nodeDecoder) node() *yaml.Node {
	if d.err != nil {
		return nil
	}
	switch d.byte() {
	case 0:
		return nil
	case 1:
		id := d.uvarint()
		if id >= uint64(len(d.nodes)) {
			d.fail()
			return nil
		}
		return d.nodes[id]
	case 2:
	default:
		d.fail()
		return nil
	}
	n := &yaml.Node{}
	d.nodes = append(d.nodes, n)
	n.Kind, n.Style = yaml.Kind(d.byte()), yaml.Style(d.byte())
	n.Tag, n.Value, n.Anchor = d.str(), d.str(), d.str()
	n.HeadComment, n.LineComment, n.FootComment = d.str(), d.str(), d.str()
	n.Line, n.Column = int(d.varint()), int(d.varint())
	n.Alias = d.node()
	if d.byte() == 1 {
		count := d.uvarint()
		if d.err != nil || count > uint64(d.r.Len()) {
			d.fail()
			return nil
		}
		n.Content = make([]*yaml.Node, count)
		for i := range n.Content {
			n.Content[i] = d.node()
		}
	}
	if d.err != nil {
		return nil
	}
	return n
}
