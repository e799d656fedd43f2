// Package build runs the stages of the pipeline one after the other:
// load (read the site folder) → model (typed records, derived figures) →
// photos (the files of content/, photos resized, see package asset) →
// render (pages, feeds, sitemap) into a temporary output folder → link
// check → swap the output into place. Each stage returns its value and its
// diagnostics; the first stage that reports an error stops the run, and a
// run that stops after rendering began removes its temporary folder, so
// the previous output stays as it was.
//
// The command line (cmd/khuyencong) only parses flags and calls Check or
// Build; the reports it prints are written here too.
package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/links"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/render"
	"github.com/khuyencong/khuyencong/internal/write"
)

// PhotoCacheDir is where, inside the site folder, the copies of photos are
// kept between builds. Hidden, so that the load stage skips it; sites keep
// it out of version control (.gitignore).
const PhotoCacheDir = ".khuyencong-cache/anh"

// LoadCacheFile is where, inside the site folder, the files of data/ and
// content/ are kept parsed between builds (see load.DiskCache).
const LoadCacheFile = ".khuyencong-cache/du-lieu"

// Options are what Check needs.
type Options struct {
	// Lang is the language of messages and of the interface: "vi", "en",
	// or "" (messages in Vietnamese, interface as data/site.yaml says).
	Lang string
	// Now is the build date; zero means today.
	Now time.Time
	// Drafts and Future keep draft and not-yet-published articles.
	Drafts, Future bool
	// Links also renders the site into a temporary folder, checks its
	// links and removes it (check --links).
	Links bool
}

// BuildOptions are what Build needs.
type BuildOptions struct {
	// Output is the output folder; "" means public/ inside the site.
	Output string
	// BaseURL overrides base_url of data/site.yaml.
	BaseURL string
	Drafts  bool
	Future  bool
	// Lang is the language of messages and, when set, of the interface.
	Lang string
	Now  time.Time
	// Progress, when not nil, receives a line rewritten in place with the
	// stage running and the pages written, once the build has run for a
	// moment (for a terminal; see IsTerminal).
	Progress io.Writer

	// pagePaths names pages by their path in the site ("lien-he/index.html")
	// in link diagnostics, for check --links, whose output folder is a
	// temporary one the officer never sees.
	pagePaths bool
}

// Stage is the time one stage of the pipeline took.
type Stage struct {
	// Name is the stage: "load", "model", "photos", "render", "links" or
	// "write".
	Name    string
	Elapsed time.Duration
}

// Result says what a build wrote.
type Result struct {
	// Output is the absolute path of the output folder.
	Output string
	// Pages counts the HTML pages by kind ("product", "article", …).
	Pages map[string]int
	// Files and Bytes count every file written, pages included.
	Files int
	Bytes int64
	// Links is the number of internal links checked.
	Links int
	// Written is the number of files written; the others were left as
	// they were (see outputSink). Reused counts the pages whose template
	// did not run, their inputs unchanged.
	Written, Reused int
	// Changes are the files the build added, modified and removed in the
	// output, as listed in its write.ChangesFile.
	Changes write.Changes
	// Photos is the number of photos made into copies; PhotosCached those
	// of them read back from the photo cache.
	Photos, PhotosCached int
	// Stages are the stages run, in order; Total is the whole run.
	Stages []Stage
	Total  time.Duration

	prog *progress
}

// Check reads and validates the site in dir and builds its model. With
// opts.Links it also renders the site into a temporary folder and checks
// its links. The model is nil when the site could not be read at all.
func Check(dir string, opts Options) (*model.Model, diag.List) {
	var res Result
	m, theme, diags := loadModel(dir, opts.Now, opts.Drafts, opts.Future, &res)
	if m != nil && !diags.HasErrors() {
		diags.Append(asset.Check(m, filepath.Join(dir, "content")))
		diags.Append(sheetNote(m))
	}
	if m == nil || diags.HasErrors() || !opts.Links {
		diags.Sort()
		return m, diags
	}
	tmp, err := os.MkdirTemp("", "khuyencong-links-")
	if err != nil {
		diags.Error(diag.Pos{}, "links-temp", diag.M(
			"không tạo được thư mục tạm để kiểm tra liên kết: %v", "cannot create a temporary folder for the link check: %v", err))
		diags.Sort()
		return m, diags
	}
	defer os.RemoveAll(tmp)
	bopts := BuildOptions{Output: filepath.Join(tmp, "public"), Drafts: opts.Drafts, Future: opts.Future, Lang: opts.Lang, Now: opts.Now, pagePaths: true}
	_, more := renderModel(dir, m, theme, bopts, &res)
	diags.Append(more)
	diags.Sort()
	return m, diags
}

// Build renders the site in dir into its output folder. The output is
// replaced only when every stage succeeded; on any error it is left as it
// was and the diagnostics say why.
func Build(dir string, opts BuildOptions) (Result, diag.List) {
	start := time.Now()
	res := Result{Pages: map[string]int{}, prog: startProgress(opts.Progress, opts.Lang)}
	m, theme, diags := loadModel(dir, opts.Now, opts.Drafts, opts.Future, &res)
	if m != nil && !diags.HasErrors() {
		out, more := renderModel(dir, m, theme, opts, &res)
		diags.Append(more)
		res.Output = out
	}
	res.prog.end()
	res.prog = nil
	res.Total = time.Since(start)
	diags.Sort()
	return res, diags
}

// timed runs f and records how long it took as stage name.
func timed(res *Result, name string, f func()) {
	res.prog.set(name)
	t := time.Now()
	f()
	res.Stages = append(res.Stages, Stage{Name: name, Elapsed: time.Since(t)})
}

// loadModel runs the load and model stages (see streamModel); it returns
// the model and the site's own templates.
func loadModel(dir string, now time.Time, drafts, future bool, res *Result) (*model.Model, map[string][]byte, diag.List) {
	start := time.Now()
	plan, diags := load.PlanDir(dir)
	if _, err := os.Stat(dir); err == nil {
		plan.Cache = load.OpenDiskCache(filepath.Join(dir, LoadCacheFile))
	}
	m, theme, more, inModel := streamModel(plan, model.Options{Now: now, Drafts: drafts, Future: future}, res.prog)
	diags.Append(more)
	if plan.Cache != nil {
		// A cache that cannot be written only costs the next build its
		// speed.
		plan.Cache.Close()
	}
	res.Stages = append(res.Stages, Stage{Name: "load", Elapsed: time.Since(start) - inModel}, Stage{Name: "model", Elapsed: inModel})
	return m, theme, diags
}

// renderModel renders m with the site's templates (theme) into a
// temporary folder beside the output, checks its links and swaps it in.
// It returns the absolute output path.
func renderModel(dir string, m *model.Model, theme map[string][]byte, opts BuildOptions, res *Result) (string, diag.List) {
	var diags diag.List
	lang := opts.Lang
	out := opts.Output
	if out == "" {
		out = filepath.Join(dir, "public")
	}
	baseURL := opts.BaseURL
	if baseURL == "" {
		baseURL = m.Site.BaseURL
	}
	// The output folder is updated in place when it exists: with what the
	// previous build recorded of it (manifest), or else by comparing its
	// files with those made.
	scan, err := links.NewScanner(baseURL)
	if err != nil {
		diags.Append(linkDiags(links.Result{}, err, "", nil, diag.Error))
		return "", diags
	}
	var prev *manifest
	var manifestFile string
	wopts := write.Options{Site: dir, Lang: lang}
	if !opts.pagePaths {
		wopts.Existing = func(target string) []string {
			manifestFile = manifestPath(dir, target)
			if prev = readManifest(manifestFile, scan.ID); prev != nil {
				names := make([]string, 0, len(prev.files))
				for n := range prev.files {
					names = append(names, n)
				}
				return names
			}
			files, err := write.List(target)
			if err != nil {
				return nil
			}
			return files
		}
	}
	d, err := write.Open(out, wopts)
	if err != nil {
		diags.Add(writeDiag(err))
		return "", diags
	}
	defer d.Abort() // does nothing after a successful Commit
	if manifestFile == "" && !opts.pagePaths {
		manifestFile = manifestPath(dir, d.Target())
	}
	ropts := renderOptions(opts, theme)
	ropts.Progress = res.prog.renderProgress()
	timed(res, "photos", func() {
		aopts := assetOptions(dir, nil)
		aopts.Progress = res.prog.photoProgress()
		var more diag.List
		ropts.Assets, more = asset.Prepare(m, aopts)
		diags.Append(more)
		res.Photos, res.PhotosCached = ropts.Assets.Processed, ropts.Assets.Cached
	})
	if diags.HasErrors() {
		return "", diags
	}
	sink := newOutputSink(d, prev, scan)
	var sum render.Summary
	timed(res, "render", func() {
		var more diag.List
		sum, more = render.Render(m, ropts, sink)
		diags.Append(more)
	})
	res.Pages = sum.Pages
	res.Files = sum.Files
	res.Bytes = sum.Bytes
	res.Reused = sum.Reused
	res.Written = sink.written
	if diags.HasErrors() {
		return "", diags
	}
	timed(res, "links", func() {
		shown := displayPath(dir, d.Target())
		if opts.pagePaths {
			shown = ""
		}
		lr := sink.checkLinks()
		diags.Append(linkDiags(lr, nil, shown, sum.Sources, diag.Error))
		res.Links = lr.Links
	})
	if diags.HasErrors() {
		return "", diags
	}
	timed(res, "write", func() {
		// The manifest goes before the folder changes, and a new one is
		// written once it has: a build stopped half way leaves none.
		if manifestFile != "" {
			os.Remove(manifestFile)
		}
		if err := d.Commit(); err != nil {
			diags.Add(writeDiag(err))
			return
		}
		res.Changes = d.Changes()
		if manifestFile != "" {
			// A manifest that cannot be written only makes the next build
			// compare the files in place instead.
			writeManifest(manifestFile, sink.manifest(), scan.Name)
		}
	})
	if diags.HasErrors() {
		return "", diags
	}
	return d.Target(), diags
}

// assetOptions are the options of the photo stage for the site in dir.
func assetOptions(dir string, memo *asset.Memo) asset.Options {
	return asset.Options{
		ContentDir: filepath.Join(dir, "content"),
		CacheDir:   filepath.Join(dir, PhotoCacheDir),
		Memo:       memo,
	}
}

// renderOptions are the options of the render stage, but its Assets:
// theme is the site's own templates, as the load stage read them.
func renderOptions(opts BuildOptions, theme map[string][]byte) render.Options {
	return render.Options{
		BaseURL:    opts.BaseURL,
		Lang:       opts.Lang,
		Theme:      theme,
		ShowDrafts: opts.Drafts,
	}
}

// writeDiag turns an error of the output stage into a diagnostic.
func writeDiag(err error) diag.Diagnostic {
	var we *write.Error
	if errors.As(err, &we) {
		return diag.Diagnostic{Severity: diag.Error, Code: we.Code, Msg: we.Msg}
	}
	return diag.Diagnostic{Severity: diag.Error, Code: "output", Msg: diag.M("lỗi khi ghi thư mục xuất: %v", "error writing the output: %v", err)}
}

// displayPath is how diagnostics name the output folder: relative to the
// site folder when inside it ("public"), else absolute.
func displayPath(dir, target string) string {
	abs, err := filepath.Abs(dir)
	if err == nil {
		if rel, err := filepath.Rel(abs, target); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(target)
}

// linkDiags turns the result of a link check (err when it could not run)
// into diagnostics of severity sev, naming pages as under shown ("" for
// the page's own path). A broken link on the page of a record or article
// is reported at the site file it was made from (sources), where the
// officer can mend it, with the page named: in an article's body, at the
// line and column of the link. Build and serve report links through it
// alike.
func linkDiags(res links.Result, err error, shown string, sources map[string]render.Source, sev diag.Severity) diag.List {
	var diags diag.List
	if err != nil {
		diags.Add(diag.Diagnostic{Severity: sev, Code: "links", Msg: diag.M("không kiểm tra được liên kết: %v", "cannot check the links: %v", err)})
		return diags
	}
	// times counts the broken links of a page written alike, so that the
	// n-th one is reported where its article writes the n-th.
	times := map[[2]string]int{}
	// positions are the places of the links of the pages met.
	positions := map[string]map[string][]diag.Pos{}
	for _, b := range res.Broken {
		page := b.Page
		if shown != "" {
			page = shown + "/" + b.Page
		}
		pos := diag.Pos{File: page, Line: b.Line}
		where := diag.Msg{}
		if src, ok := sources[b.Page]; ok {
			pos = diag.Pos{File: src.File}
			found, ok := positions[b.Page]
			if !ok {
				found = src.LinkPositions()
				positions[b.Page] = found
			}
			if at := found[b.Link]; len(at) > 0 {
				n := times[[2]string{b.Page, b.Link}]
				times[[2]string{b.Page, b.Link}]++
				pos = at[min(n, len(at)-1)]
			}
			where = diag.M(" (trên trang %s)", " (on the page %s)", page)
		}
		msg := diag.Msg{
			Vi: fmt.Sprintf("liên kết hỏng %q%s: trang đã build không có tệp %q; hãy sửa nội dung hoặc mẫu trang có liên kết này", b.Link, where.Vi, b.Target),
			En: fmt.Sprintf("broken link %q%s: the built site has no file %q; fix the content or template that holds it", b.Link, where.En, b.Target),
		}
		if b.Target == "" {
			msg = diag.Msg{
				Vi: fmt.Sprintf("liên kết %q trỏ ra ngoài thư mục trang%s; hãy sửa nội dung hoặc mẫu trang có liên kết này", b.Link, where.Vi),
				En: fmt.Sprintf("the link %q points outside the site folder%s; fix the content or template that holds it", b.Link, where.En),
			}
		}
		diags.Add(diag.Diagnostic{Pos: pos, Severity: sev, Code: "broken-link", Msg: msg})
	}
	for _, u := range res.Unreadable {
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(shown, u.Page), Line: u.Line}, Severity: sev, Code: "unreadable-output", Msg: diag.M(
			"không đọc được tệp đã build để kiểm tra liên kết: %v", "cannot read the built file to check its links: %v", u.Err)})
	}
	return diags
}

// sheetNote notes that the print sheets carry no QR code while the site
// has no base_url: the code is the address of the record's page, which
// only base_url gives.
func sheetNote(m *model.Model) diag.List {
	var diags diag.List
	if m.Site.BaseURL != "" || len(m.Products)+len(m.Establishments) == 0 {
		return diags
	}
	pos := m.Site.Pos
	if pos.File == "" {
		pos.File = "data/site.yaml"
	}
	diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Note, Code: "sheet-qr", Msg: diag.M(
		"tờ in của sản phẩm và cơ sở chưa có mã QR vì trang chưa có địa chỉ công bố; khi có, thêm dòng base_url: https://địa-chỉ-trang/ vào data/site.yaml (hoặc dựng với --base-url https://địa-chỉ-trang/)",
		"the print sheets of products and establishments have no QR code because the site has no public address yet; once it has one, add the line base_url: https://site-address/ to data/site.yaml (or build with --base-url https://site-address/)")})
	return diags
}
