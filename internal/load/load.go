package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/par"
)

// LoadDir loads the site in folder dir; see Load.
func LoadDir(dir string) (*Site, diag.List) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &Site{Dir: dir, Data: make(map[string][]*Doc)}, noSite(dir)
	}
	s, l := Load(os.DirFS(dir))
	s.Dir = dir
	return s, l
}

// noSite reports a site folder that does not exist.
func noSite(dir string) diag.List {
	var l diag.List
	l.Error(diag.Pos{File: dir}, "no-site", diag.M(
		"không tìm thấy thư mục trang %s: hãy kiểm tra đường dẫn, hoặc chạy lệnh trong thư mục chứa data/ và content/",
		"site folder %s not found: check the path, or run the command in the folder that holds data/ and content/",
		dir))
	return l
}

// Load reads a site folder: data/site.yaml, the collections of data/,
// content/news and content/pages, the other files of content/ (as asset
// paths) and templates/. Hidden files and folders (".name"), editor
// backups ("name~"), Office lock files ("~$name") and the output folder
// public/ are ignored. A file with a problem is reported and left out;
// the rest of the site is still read. Files are read and parsed in
// parallel; the result and the diagnostics do not depend on the order in
// which they finish.
func Load(fsys fs.FS) (*Site, diag.List) {
	return loadWith(fsys, nil)
}

// loadWith is Load, taking unchanged files from c when c is not nil.
func loadWith(fsys fs.FS, c *Cache) (*Site, diag.List) {
	s := &Site{Data: make(map[string][]*Doc)}
	var l diag.List
	var jobs []*job
	jobs = scanData(fsys, jobs, &l)
	jobs = scanContent(fsys, jobs, s, &l)
	jobs = scanTemplates(fsys, jobs, &l)
	runJobs(fsys, jobs, c)

	// For determinism, results are gathered in the order of jobs, not in
	// the order the workers finished them.
	for _, j := range jobs {
		l.Append(j.diags)
		switch {
		case j.doc != nil && j.kind == kindSettings:
			s.Settings = j.doc
		case j.doc != nil:
			s.Data[j.coll] = append(s.Data[j.coll], j.doc)
		case j.page != nil && j.kind == kindNews:
			s.News = append(s.News, j.page)
		case j.page != nil:
			s.Pages = append(s.Pages, j.page)
		case j.file != nil:
			s.Templates = append(s.Templates, *j.file)
		}
	}
	for _, docs := range s.Data {
		slices.SortFunc(docs, func(a, b *Doc) int { return strings.Compare(a.Path, b.Path) })
	}
	byPath := func(a, b *Page) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(s.News, byPath)
	slices.SortFunc(s.Pages, byPath)
	slices.Sort(s.Assets)
	slices.SortFunc(s.Templates, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	l.Sort()
	return s, l
}

type jobKind int

const (
	kindSettings jobKind = iota
	kindData
	kindNews
	kindPage
	kindTemplate
)

// job is one file to read, and the slot its results are written into.
type job struct {
	kind   jobKind
	path   string // relative to the site folder
	coll   string // kindData: the collection
	slug   string // kindNews, kindPage
	bundle bool   // kindNews, kindPage: <slug>/index.md

	doc   *Doc
	page  *Page
	file  *File
	diags diag.List

	// cached is the job's entry for a DiskCache, and cacheLoc what it is
	// made from.
	cached   []byte
	cacheLoc cacheLoc
}

// runJobs does every job on runtime.GOMAXPROCS workers, each taking the
// next job not yet taken.
func runJobs(fsys fs.FS, jobs []*job, c *Cache) {
	forEachJob(jobs, func(j *job) { c.do(j, fsys) })
}

// forEachJob calls do with every job, on runtime.GOMAXPROCS workers.
func forEachJob(jobs []*job, do func(j *job)) {
	par.Each(len(jobs), func(i int) { do(jobs[i]) })
}

func (j *job) do(fsys fs.FS) {
	data, ok := readFile(&j.diags, fsys, j.path)
	if !ok {
		return
	}
	if j.kind == kindTemplate {
		j.file = &File{Path: strings.TrimPrefix(j.path, "templates/"), Data: data}
		return
	}
	text, ok := decodeText(&j.diags, j.path, data)
	if !ok {
		return
	}
	switch j.kind {
	case kindNews, kindPage:
		j.page = parsePage(&j.diags, j.path, j.slug, j.bundle, string(text))
	default:
		if root := parseYAML(&j.diags, j.path, text, false); root != nil {
			j.doc = &Doc{Path: j.path, Root: root}
		}
	}
}

// readFile reads a file of at most MaxFileSize bytes; a larger one is
// reported without being read whole.
func readFile(l *diag.List, fsys fs.FS, name string) ([]byte, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		readError(l, name, err)
		return nil, false
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if size > MaxFileSize {
		tooLarge(l, name, size)
		return nil, false
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		readError(l, name, err)
		return nil, false
	}
	if buf.Len() > MaxFileSize {
		tooLarge(l, name, int64(buf.Len()))
		return nil, false
	}
	return buf.Bytes(), true
}

func readError(l *diag.List, name string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	l.Error(diag.Pos{File: name}, "read-error", diag.M(
		"không đọc được tệp (%v): hãy kiểm tra tệp còn đó và có quyền đọc",
		"cannot read the file (%v): check that it exists and can be read", err))
}

// ignored reports whether a file or folder name is left out of the site:
// hidden names, editor backups, Office lock files and the thumbnail
// databases Windows leaves beside pictures.
func ignored(name string) bool {
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "~$")
}

// extIs reports whether name ends in one of exts, ignoring case, as
// Windows does.
func extIs(name string, exts ...string) bool {
	return slices.Contains(exts, strings.ToLower(path.Ext(name)))
}

func isYAML(name string) bool { return extIs(name, ".yaml", ".yml") }

// walk calls fn for every file under root that is not ignored (nor inside
// an ignored folder), in lexical order. A missing root is no error.
func walk(fsys fs.FS, root string, l *diag.List, fn func(p string)) {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return nil
			}
			readError(l, p, err)
			return nil
		}
		if p != root && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			fn(p)
		}
		return nil
	})
	if err != nil {
		readError(l, root, err)
	}
}

// scanData finds data/site.yaml and the collection files, and warns about
// every other file in data/.
func scanData(fsys fs.FS, jobs []*job, l *diag.List) []*job {
	entries, err := fs.ReadDir(fsys, "data")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.Warn(diag.Pos{}, "no-data", diag.M(
				"không có thư mục data/: đây có phải thư mục của trang không? Thư mục trang chứa data/site.yaml, data/<bộ dữ liệu>/ và content/",
				"there is no data/ folder: is this the site folder? A site folder holds data/site.yaml, data/<collection>/ and content/"))
		} else {
			readError(l, "data", err)
		}
		return jobs
	}
	settings := ""
	for _, e := range entries {
		name := e.Name()
		p := "data/" + name
		if ignored(name) {
			continue
		}
		if e.IsDir() {
			if !slices.Contains(Collections, name) {
				unknownData(l, p+"/", name)
				continue
			}
			walk(fsys, p, l, func(f string) {
				if !isYAML(f) {
					notYAML(l, f)
					return
				}
				jobs = append(jobs, &job{kind: kindData, path: f, coll: name})
			})
			continue
		}
		base := strings.TrimSuffix(name, path.Ext(name))
		switch {
		case !isYAML(name):
			notYAML(l, p)
		case base == "site" && settings != "":
			l.Error(diag.Pos{File: p}, "duplicate-file", diag.M(
				"có hai tệp cài đặt trang, %s và %s: hãy giữ một tệp và xóa tệp kia",
				"there are two site settings files, %s and %s: keep one and delete the other",
				settings, p))
		case base == "site":
			settings = p
			jobs = append(jobs, &job{kind: kindSettings, path: p})
		case slices.Contains(Collections, base):
			jobs = append(jobs, &job{kind: kindData, path: p, coll: base})
		default:
			unknownData(l, p, base)
		}
	}
	return jobs
}

// unknownData warns about a file or folder of data/ that is no collection,
// naming the nearest collection and all of them.
func unknownData(l *diag.List, p, name string) {
	all := strings.Join(Collections, ", ")
	what, whatEn := "tệp này", "this file"
	if strings.HasSuffix(p, "/") {
		what, whatEn = "thư mục này", "this folder"
	}
	var msg diag.Msg
	if near := nearest(strings.ToLower(name), Collections); near != "" {
		want := "data/" + near + "/"
		if !strings.HasSuffix(p, "/") {
			want = "data/" + near + path.Ext(p)
		}
		msg = diag.Msg{
			Vi: fmt.Sprintf("%s không thuộc bộ dữ liệu nào nên bị bỏ qua; có phải ý bạn là %s? Các bộ dữ liệu: %s", what, want, all),
			En: fmt.Sprintf("%s belongs to no collection and is ignored; did you mean %s? The collections are: %s", whatEn, want, all),
		}
	} else {
		msg = diag.Msg{
			Vi: fmt.Sprintf("%s không thuộc bộ dữ liệu nào nên bị bỏ qua. Các bộ dữ liệu: %s (mỗi bộ là data/<tên>/ hoặc data/<tên>.yaml), và data/site.yaml", what, all),
			En: fmt.Sprintf("%s belongs to no collection and is ignored. The collections are: %s (each is data/<name>/ or data/<name>.yaml), and data/site.yaml", whatEn, all),
		}
	}
	l.Warn(diag.Pos{File: p}, "unknown-file", msg)
}

func notYAML(l *diag.List, p string) {
	l.Warn(diag.Pos{File: p}, "unknown-file", diag.Msg{
		Vi: "tệp này không phải tệp YAML nên bị bỏ qua: tệp dữ liệu phải có đuôi .yaml hoặc .yml",
		En: "this file is not a YAML file and is ignored: data files end in .yaml or .yml"})
}

// scanContent finds the news and pages of content/ and lists every other
// file of it as an asset.
func scanContent(fsys fs.FS, jobs []*job, s *Site, l *diag.List) []*job {
	walk(fsys, "content", l, func(p string) {
		rel := strings.TrimPrefix(p, "content/")
		parts := strings.Split(rel, "/")
		kind := kindNews
		if parts[0] == "pages" {
			kind = kindPage
		}
		section := parts[0] == "news" || parts[0] == "pages"
		switch {
		case section && len(parts) == 2 && extIs(p, ".md"):
			slug := norm.NFC.String(strings.TrimSuffix(parts[1], path.Ext(parts[1])))
			jobs = append(jobs, &job{kind: kind, path: p, slug: slug})
		case section && len(parts) == 3 && strings.EqualFold(parts[2], "index.md"):
			jobs = append(jobs, &job{kind: kind, path: p, slug: norm.NFC.String(parts[1]), bundle: true})
		default:
			if !section && extIs(p, ".md") {
				l.Warn(diag.Pos{File: p}, "stray-markdown", diag.M(
					"tệp Markdown này nằm ngoài content/news/ và content/pages/ nên không thành bài viết hay trang, chỉ được sao chép nguyên trạng: hãy chuyển nó vào content/news/ (bài viết) hoặc content/pages/ (trang)",
					"this Markdown file is outside content/news/ and content/pages/, so it becomes no article or page and is only copied as it is: move it into content/news/ (articles) or content/pages/ (pages)"))
			}
			s.Assets = append(s.Assets, rel)
		}
	})
	return jobs
}

// scanTemplates lists the site's own templates.
func scanTemplates(fsys fs.FS, jobs []*job, l *diag.List) []*job {
	walk(fsys, "templates", l, func(p string) {
		jobs = append(jobs, &job{kind: kindTemplate, path: p})
	})
	return jobs
}
