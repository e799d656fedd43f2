package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/khuyencong/khuyencong/internal/render"
)

// ManifestDir is where, inside the site folder, a build keeps what it
// knows of each output folder it wrote (see manifest): a file per output
// folder, named by a digest of its absolute path.
const ManifestDir = ".khuyencong-cache/xuat"

// manifest is what a build knows of the files of an output folder it
// wrote, for the next build into the same folder: for each file, its size
// and modification time as written (a file whose size or time differs
// since was changed by someone else, and is not trusted), a digest of its
// bytes, the digest of the inputs of a page, the source of a file copied
// from content/, and the files its links name.
//
// A manifest is written after each build that succeeded, and removed
// before a build starts to change the folder: a build interrupted half way
// leaves none, and the next build compares the folder's files byte for
// byte instead.
type manifest struct {
	// program is the digest of the program that wrote the folder: another
	// program may render the same inputs otherwise, so its manifest is
	// not used.
	program [32]byte
	files   map[string]*entry
	// groups lists the files of each group, for reuseGroup.
	groups map[string][]string
}

// group returns the files of the group g, listing the groups the first
// time.
func (m *manifest) group(g string) []string {
	if m.groups == nil {
		m.groups = map[string][]string{}
		for n, e := range m.files {
			if e.group != "" {
				m.groups[e.group] = append(m.groups[e.group], n)
			}
		}
		for _, names := range m.groups {
			sort.Strings(names)
		}
	}
	return m.groups[g]
}

// entry is one file of an output folder.
type entry struct {
	size, mtime int64
	// hash is a digest of the bytes (zero for a file copied, whose source
	// is known by src, srcSize and srcMtime instead).
	hash render.Digest
	// inputs is the digest of a page's inputs, or of the inputs of the
	// group of files it belongs to (group, such as the search index);
	// page tells a page.
	inputs render.Digest
	page   bool
	group  string
	// src is the disk path a file was copied from, with its size and time.
	src               string
	srcSize, srcMtime int64
	// targets are the files its links name (pages, feeds, sitemaps and
	// stylesheets), each once, by their number in the links.Scanner of
	// the build; links is the number of its internal links.
	targets []int32
	links   int
}

// manifestMagic starts every manifest file; the number after it changes
// whenever the format does.
const manifestMagic = "khuyencong-manifest 2\n"

// manifestPath returns where the manifest of the output folder target
// (absolute) is kept for the site in dir.
func manifestPath(dir, target string) string {
	sum := sha256.Sum256([]byte(target))
	return filepath.Join(dir, ManifestDir, hex.EncodeToString(sum[:12]))
}

// programDigest returns the digest of the running program's executable:
// every change of the program changes it. It is computed once.
var programDigest = sync.OnceValue(func() [32]byte {
	var d [32]byte
	exe, err := os.Executable()
	if err != nil {
		return d
	}
	f, err := os.Open(exe)
	if err != nil {
		return d
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return d
	}
	copy(d[:], h.Sum(nil))
	return d
})

// readManifest reads the manifest at p, numbering the link targets with
// id; nil when there is none, or when it cannot be read, is damaged, or
// was written by another program.
func readManifest(p string, id func(string) int32) *manifest {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	m, err := decodeManifest(data, id)
	if err != nil || m.program != programDigest() {
		return nil
	}
	return m
}

// encode writes the manifest: the magic line, the program digest, the
// table of link targets, then each file, sorted by name; a digest of
// everything before it ends the file. target names the targets of the
// files.
func (m *manifest) encode(target func(int32) string) []byte {
	names := make([]string, 0, len(m.files))
	ids := map[int32]int{}
	var table []string
	for n, e := range m.files {
		names = append(names, n)
		for _, t := range e.targets {
			if _, ok := ids[t]; !ok {
				ids[t] = len(table)
				table = append(table, target(t))
			}
		}
	}
	sort.Strings(names)
	var b []byte
	b = append(b, manifestMagic...)
	b = append(b, m.program[:]...)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(table)))
	for _, t := range table {
		str(t)
	}
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		e := m.files[n]
		str(n)
		b = binary.AppendVarint(b, e.size)
		b = binary.AppendVarint(b, e.mtime)
		b = append(b, e.hash[:]...)
		switch {
		case e.page:
			b = append(b, 1)
			b = append(b, e.inputs[:]...)
		case e.group != "":
			b = append(b, 2)
			b = append(b, e.inputs[:]...)
			str(e.group)
		default:
			b = append(b, 0)
		}
		str(e.src)
		b = binary.AppendVarint(b, e.srcSize)
		b = binary.AppendVarint(b, e.srcMtime)
		b = binary.AppendUvarint(b, uint64(e.links))
		b = binary.AppendUvarint(b, uint64(len(e.targets)))
		for _, t := range e.targets {
			b = binary.AppendUvarint(b, uint64(ids[t]))
		}
	}
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

var errManifest = errors.New("damaged manifest")

// decodeManifest reads what encode wrote, numbering the link targets
// with id.
func decodeManifest(data []byte, id func(string) int32) (*manifest, error) {
	if len(data) < len(manifestMagic)+32+32 || !bytes.HasPrefix(data, []byte(manifestMagic)) {
		return nil, errManifest
	}
	body, sum := data[:len(data)-32], data[len(data)-32:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return nil, errManifest
	}
	r := bytes.NewReader(body[len(manifestMagic):])
	m := &manifest{}
	if _, err := io.ReadFull(r, m.program[:]); err != nil {
		return nil, errManifest
	}
	br := bufio.NewReader(r)
	var failed bool
	uv := func() uint64 {
		n, err := binary.ReadUvarint(br)
		failed = failed || err != nil
		return n
	}
	sv := func() int64 {
		n, err := binary.ReadVarint(br)
		failed = failed || err != nil
		return n
	}
	str := func() string {
		n := uv()
		if failed || n > uint64(len(data)) {
			failed = true
			return ""
		}
		s := make([]byte, n)
		if _, err := io.ReadFull(br, s); err != nil {
			failed = true
		}
		return string(s)
	}
	digest := func(d *render.Digest) {
		if _, err := io.ReadFull(br, d[:]); err != nil {
			failed = true
		}
	}
	nt := uv()
	if nt > uint64(len(data)) {
		return nil, errManifest
	}
	table := make([]int32, nt)
	for i := range table {
		table[i] = id(str())
	}
	nf := uv()
	if failed || nf > uint64(len(data)) {
		return nil, errManifest
	}
	m.files = make(map[string]*entry, nf)
	for range nf {
		n := str()
		e := &entry{size: sv(), mtime: sv()}
		digest(&e.hash)
		if k, err := br.ReadByte(); err != nil {
			failed = true
		} else if k == 1 {
			e.page = true
			digest(&e.inputs)
		} else if k == 2 {
			digest(&e.inputs)
			e.group = str()
		}
		e.src = str()
		e.srcSize, e.srcMtime = sv(), sv()
		e.links = int(uv())
		nl := uv()
		if failed || nl > uint64(len(table)) {
			return nil, errManifest
		}
		e.targets = make([]int32, nl)
		for i := range e.targets {
			id := uv()
			if id >= uint64(len(table)) {
				return nil, errManifest
			}
			e.targets[i] = table[id]
		}
		if failed {
			return nil, errManifest
		}
		m.files[n] = e
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the last file", errManifest)
	}
	return m, nil
}

// writeManifest writes m at p, through a temporary file renamed in place;
// target names the link targets.
func writeManifest(p string, m *manifest, target func(int32) string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, m.encode(target), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}
