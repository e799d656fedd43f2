package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/templates"
)

// The theme is a folder of templates and static files. Its files are of
// three kinds, by name:
//
//	_*.html     layout and partials (_base.html defines "base", the page
//	            frame, which calls the page's "main"); parsed into every page
//	*.html      one page kind each (product.html, stats-year.html, …): it
//	            defines "main" (and may define "head" for extra head tags),
//	            and is executed through "base"
//	static/*    copied to static/ in the output
//
// A site's own templates/ folder overrides any file by name.

// theme is the parsed theme of one Render.
type theme struct {
	// pages maps a page kind (file name without .html) to its template.
	pages map[string]*template.Template
	// static maps a file name under static/ to its bytes, and staticNames
	// lists them sorted.
	static      map[string][]byte
	staticNames []string
	// broken lists the page kinds whose template did not parse: their
	// pages are skipped, the error already reported.
	broken map[string]bool
	// overridden records which files came from the site, so that errors
	// point at the site's file rather than the default theme.
	overridden map[string]bool
}

// loadTheme parses every template once: those of the default theme and
// those of site (the files of the site's own templates/ folder, as the
// load stage read them, by slash path relative to it), which override the
// default by name.
func loadTheme(site map[string][]byte, fm template.FuncMap) (*theme, diag.List) {
	return parseTheme(templates.FS, site, fm)
}

// parseTheme is loadTheme with base as the default theme.
func parseTheme(base fs.FS, site map[string][]byte, fm template.FuncMap) (*theme, diag.List) {
	var diags diag.List
	files := map[string][]byte{}
	th := &theme{pages: map[string]*template.Template{}, static: map[string][]byte{}, overridden: map[string]bool{}, broken: map[string]bool{}}
	if err := readTheme(base, files); err != nil {
		diags.Error(diag.Pos{}, "theme", diag.M("không đọc được giao diện mặc định: %v", "cannot read the default theme: %v", err))
		return nil, diags
	}
	for n, data := range site {
		files[n] = data
		th.overridden[n] = true
	}

	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)

	root := template.New("").Funcs(fm)
	var kinds []string
	for _, n := range names {
		switch {
		case strings.HasPrefix(n, "static/"):
			name := strings.TrimPrefix(n, "static/")
			th.static[name] = files[n]
			th.staticNames = append(th.staticNames, name)
		case path.Ext(n) != ".html" || strings.Contains(n, "/"):
			// Other files of the folder (the Go file embedding the
			// default theme, notes) are not part of the theme.
		case strings.HasPrefix(n, "_"):
			if _, err := root.New(n).Parse(string(files[n])); err != nil {
				diags.Add(th.templateError(n, err))
			}
		default:
			kinds = append(kinds, n)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	for _, n := range kinds {
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(n).Parse(string(files[n]))
		}
		if err != nil {
			diags.Add(th.templateError(n, err))
			th.broken[strings.TrimSuffix(n, ".html")] = true
			continue
		}
		th.pages[strings.TrimSuffix(n, ".html")] = t
	}
	return th, diags
}

// readTheme adds every regular file of fsys to files.
func readTheme(fsys fs.FS, files map[string][]byte) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[p] = data
		return nil
	})
}

// templateErrRe finds the file and line in an error of text/template or
// html/template: "template: product.html:12: …",
// "html/template:product.html:12:5: …".
var templateErrRe = regexp.MustCompile(`^(?:html/)?template: ?([^:]+\.html):(\d+)(?::(\d+))?: ?(.*)$`)

// templateError turns a parse or execution error into a diagnostic at the
// template's file and line: in the site's templates/ folder when the site
// overrides the file, else in the default theme.
func (th *theme) templateError(name string, err error) diag.Diagnostic {
	msg := err.Error()
	file, line, col := name, 0, 0
	if m := templateErrRe.FindStringSubmatch(msg); m != nil {
		file = m[1]
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
		msg = m[4]
	}
	if th.overridden[file] {
		return diag.Diagnostic{
			Pos:      diag.Pos{File: "templates/" + file, Line: line, Col: col},
			Severity: diag.Error,
			Code:     "template",
			Msg:      diag.M("lỗi mẫu trang: %s", "template error: %s", msg),
		}
	}
	return diag.Diagnostic{
		Severity: diag.Error,
		Code:     "template",
		Msg: diag.M("lỗi trong giao diện mặc định, mẫu %s dòng %d: %s",
			"error in the default theme, template %s line %d: %s", file, line, msg),
	}
}

// executeTo renders the page kind with data into w. Templates may be
// executed from several goroutines at once.
func (th *theme) executeTo(w io.Writer, kind string, data any) error {
	t, ok := th.pages[kind]
	if !ok {
		return fmt.Errorf("template: %s.html: no such page template", kind)
	}
	return t.ExecuteTemplate(w, "base", data)
}
