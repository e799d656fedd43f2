// Package links checks the internal links of a written site: every href,
// src, srcset and poster of every HTML page, every link and loc of the
// feeds and sitemaps, and every url() of the stylesheets must name a file
// the build wrote.
//
// A link is internal when it is relative ("../san-pham/"), root-relative
// ("/khuyen-cong/san-pham/", resolved against the path of base_url, as the
// 404 page writes them) or absolute under base_url
// ("https://…/khuyen-cong/san-pham/", as feeds and sitemaps write them).
// Other schemes (mailto:, tel:, data:, javascript:), bare fragments and
// absolute URLs of other hosts are left alone. The query and fragment are
// dropped, the path percent-decoded, and a URL ending in / means the
// index.html of that folder.
//
// Files are read by parallel workers; results are joined in file order and
// sorted, for determinism.
package links

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Broken is a link to a file that is not in the output.
type Broken struct {
	// Page is the file holding the link, a slash path relative to the
	// output root; Line is the line of the link in it (from 1).
	Page string
	Line int
	// Link is the link as written (entities decoded); Target is the output
	// file it was looked for as, "" when it points outside the site folder.
	Link   string
	Target string
}

// Unreadable is a file of the output that could not be parsed.
type Unreadable struct {
	Page string
	Line int
	Err  error
}

// Result is what Check found.
type Result struct {
	// Files is the number of files in the output; Checked the number of
	// pages, feeds and stylesheets read; Links the number of internal links
	// followed.
	Files, Checked, Links int
	Broken                []Broken
	Unreadable            []Unreadable
}

// link is one reference found in a file.
type link struct {
	line int
	ref  string
}

// Check reads every page, feed, sitemap and stylesheet under root and
// returns the links that name a missing file. baseURL is the site's
// base_url ("" when none: then only relative and root-relative links are
// internal).
func Check(root, baseURL string) (Result, error) {
	if _, err := parseBase(baseURL); err != nil {
		return Result{}, err
	}
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return CheckFiles(files, func(page string) ([]byte, error) {
		return os.ReadFile(filepath.Join(root, filepath.FromSlash(page)))
	}, baseURL)
}

// CheckFiles is Check on a site held elsewhere than in a folder (serve
// keeps it in memory): files are the slash paths of every file of the
// site, read returns the content of one.
func CheckFiles(files []string, read func(name string) ([]byte, error), baseURL string) (Result, error) {
	base, err := parseBase(baseURL)
	if err != nil {
		return Result{}, err
	}
	have := make(map[string]bool, len(files))
	var pages []string
	for _, rel := range files {
		have[rel] = true
		switch strings.ToLower(path.Ext(rel)) {
		case ".html", ".htm", ".xml", ".css":
			pages = append(pages, rel)
		}
	}
	sort.Strings(pages)

	// Each worker fills the slots of the pages it takes; the slots are
	// joined in page order afterwards, for determinism.
	type slot struct {
		broken []Broken
		links  int
		bad    *Unreadable
	}
	slots := make([]slot, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(pages))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				page := pages[i]
				data, err := read(page)
				if err != nil {
					slots[i].bad = &Unreadable{Page: page, Err: err}
					continue
				}
				found, line, err := extract(page, data)
				if err != nil {
					slots[i].bad = &Unreadable{Page: page, Line: line, Err: err}
				}
				for _, l := range found {
					target, internal := base.resolve(page, l.ref)
					if !internal {
						continue
					}
					slots[i].links++
					if target == "" || !have[target] {
						slots[i].broken = append(slots[i].broken, Broken{Page: page, Line: l.line, Link: l.ref, Target: target})
					}
				}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()

	res := Result{Files: len(have), Checked: len(pages)}
	for _, s := range slots {
		res.Links += s.links
		res.Broken = append(res.Broken, s.broken...)
		if s.bad != nil {
			res.Unreadable = append(res.Unreadable, *s.bad)
		}
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
	return res, nil
}

// base is the parsed base_url.
type base struct {
	host string // lower case; "" when no base_url
	path string // always ends in "/"
}

func parseBase(raw string) (base, error) {
	if raw == "" {
		return base{path: "/"}, nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return base{}, fmt.Errorf("base_url %q is not an absolute URL", raw)
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return base{host: strings.ToLower(u.Host), path: p}, nil
}

// resolve maps a link found in page to the output file it names. internal
// is false for links the check leaves alone; target is "" for an internal
// link that leaves the site folder.
func (b base) resolve(page, ref string) (target string, internal bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "?") {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		// A link the browser cannot follow either is broken.
		return "", true
	}
	var p string
	switch {
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return "", false // mailto:, tel:, data:, javascript:, …
	case u.Host != "":
		if b.host == "" || strings.ToLower(u.Host) != b.host {
			return "", false // another site
		}
		fallthrough
	case strings.HasPrefix(u.Path, "/"):
		if u.Path+"/" == b.path {
			u.Path += "/"
		}
		if !strings.HasPrefix(u.Path, b.path) {
			if u.Host != "" {
				return "", false // same host, outside the site: another application
			}
			return "", true
		}
		p = strings.TrimPrefix(u.Path, b.path)
	case u.Opaque != "":
		return "", true
	default:
		if u.Path == "" {
			return "", false // "?query" or "#fragment" on the page itself
		}
		p = path.Dir(page) + "/" + u.Path
	}
	dir := p == "" || strings.HasSuffix(p, "/")
	clean := path.Clean("/" + p)
	// path.Clean stops at the root; a link that climbed above it leaves
	// the site folder.
	if escapes(p) {
		return "", true
	}
	target = strings.TrimPrefix(clean, "/")
	if dir {
		target = path.Join(target, "index.html")
	}
	return target, true
}

// escapes reports whether a relative slash path climbs above its root.
func escapes(p string) bool {
	depth := 0
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			depth--
			if depth < 0 {
				return true
			}
		default:
			depth++
		}
	}
	return false
}

// extract returns the links of one file; on a parse error it returns the
// links found before it and the line of the error.
func extract(name string, data []byte) ([]link, int, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml":
		return extractXML(data)
	case ".css":
		return extractCSS(data), 0, nil
	}
	return extractHTML(data), 0, nil
}

// linkAttrs are the attributes of any HTML element that hold a URL.
var linkAttrs = map[string]bool{"href": true, "src": true, "poster": true}

// metaURLs are the <meta property|name> whose content is a URL of the site.
var metaURLs = map[string]bool{"og:url": true, "og:image": true, "twitter:image": true}

// rawText are the HTML elements whose content is not markup.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true}

type attr struct {
	name, value string
	line        int
}

// extractHTML scans the tags of an HTML document and collects the URL
// attributes. It follows the HTML syntax closely enough for any page: it
// skips comments, doctype and the content of script and style, reads
// attribute values quoted with " or ' or unquoted, and decodes character
// references.
func extractHTML(data []byte) []link {
	s := data
	var out []link
	line, at := 1, 0 // line is the line number of offset at
	lineOf := func(off int) int {
		line += bytes.Count(s[at:off], []byte{'\n'})
		at = off
		return line
	}
	var attrs []attr
	i := 0
	for {
		j := bytes.IndexByte(s[i:], '<')
		if j < 0 {
			return out
		}
		i += j
		rest := s[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return out
			}
			i += 4 + end + 3
			continue
		case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("</")):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return out
			}
			i += end + 1
			continue
		}
		k := i + 1
		for k < len(s) && isNameByte(s[k]) {
			k++
		}
		if k == i+1 || !isLetter(s[i+1]) {
			i++
			continue
		}
		tag := strings.ToLower(string(s[i+1 : k]))
		attrs = attrs[:0]
		// Attributes, up to the closing '>'.
		for k < len(s) && s[k] != '>' {
			if isSpace(s[k]) || s[k] == '/' {
				k++
				continue
			}
			n := k
			for k < len(s) && !isSpace(s[k]) && s[k] != '=' && s[k] != '>' && (s[k] != '/' || k == n) {
				k++
			}
			name := strings.ToLower(string(s[n:k]))
			for k < len(s) && isSpace(s[k]) {
				k++
			}
			if k >= len(s) || s[k] != '=' {
				attrs = append(attrs, attr{name: name, line: lineOf(n)})
				continue
			}
			k++
			for k < len(s) && isSpace(s[k]) {
				k++
			}
			var v []byte
			vstart := k
			if k < len(s) && (s[k] == '"' || s[k] == '\'') {
				q := s[k]
				end := bytes.IndexByte(s[k+1:], q)
				if end < 0 {
					return out
				}
				vstart = k + 1
				v = s[k+1 : k+1+end]
				k += end + 2
			} else {
				for k < len(s) && !isSpace(s[k]) && s[k] != '>' {
					k++
				}
				v = s[vstart:k]
			}
			attrs = append(attrs, attr{name: name, value: html.UnescapeString(string(v)), line: lineOf(vstart)})
		}
		if k >= len(s) {
			// A tag the file never closes: the browser drops it too.
			return out
		}
		i = k + 1
		collect(tag, attrs, &out)
		if rawText[tag] {
			end := indexFold(s[i:], "</"+tag)
			if end < 0 {
				return out
			}
			i += end
		}
		if i >= len(s) {
			return out
		}
	}
}

// collect appends the URL attributes of one tag.
func collect(tag string, attrs []attr, out *[]link) {
	if tag == "meta" {
		var prop string
		for _, a := range attrs {
			if a.name == "property" || a.name == "name" {
				prop = strings.ToLower(a.value)
			}
		}
		if metaURLs[prop] {
			for _, a := range attrs {
				if a.name == "content" {
					*out = append(*out, link{line: a.line, ref: a.value})
				}
			}
		}
		return
	}
	for _, a := range attrs {
		switch {
		case linkAttrs[a.name]:
			*out = append(*out, link{line: a.line, ref: a.value})
		case a.name == "srcset" || a.name == "imagesrcset":
			for _, u := range splitSrcset(a.value) {
				*out = append(*out, link{line: a.line, ref: u})
			}
		}
	}
}

// splitSrcset returns the URLs of a srcset value: candidates separated by
// commas, each a URL followed by an optional width or density descriptor.
func splitSrcset(v string) []string {
	var out []string
	for v != "" {
		v = strings.TrimLeft(v, " \t\n\r\f,")
		if v == "" {
			break
		}
		end := strings.IndexAny(v, " \t\n\r\f")
		if end < 0 {
			end = len(v)
		}
		u := v[:end]
		v = v[end:]
		if strings.HasSuffix(u, ",") {
			// No descriptor: the comma ends the candidate.
			out = append(out, strings.TrimRight(u, ","))
			continue
		}
		out = append(out, u)
		if c := strings.IndexByte(v, ','); c >= 0 {
			v = v[c+1:]
		} else {
			v = ""
		}
	}
	return out
}

// xmlText are the XML elements whose text is a URL: sitemap <loc>, RSS
// <link> and <url>, Atom <icon> and <logo>.
var xmlText = map[string]bool{"loc": true, "link": true, "url": true, "icon": true, "logo": true}

// extractXML collects the href and src attributes of every element and the
// text of the elements that hold a URL.
func extractXML(data []byte) ([]link, int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []link
	var text *strings.Builder
	textLine := 0
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			return out, 0, nil
		}
		if err != nil {
			l, _ := dec.InputPos()
			return out, l, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			for _, a := range t.Attr {
				if a.Name.Local == "href" || a.Name.Local == "src" {
					out = append(out, link{line: line, ref: a.Value})
				}
			}
			text = nil
			if xmlText[t.Name.Local] {
				text = &strings.Builder{}
				textLine, _ = dec.InputPos()
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if text != nil && xmlText[t.Name.Local] {
				if u := strings.TrimSpace(text.String()); u != "" {
					out = append(out, link{line: textLine, ref: u})
				}
			}
			text = nil
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)

// extractCSS collects the url() references of a stylesheet.
func extractCSS(data []byte) []link {
	var out []link
	line, at := 1, 0
	for _, m := range cssURL.FindAllSubmatchIndex(data, -1) {
		line += bytes.Count(data[at:m[0]], []byte{'\n'})
		at = m[0]
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				out = append(out, link{line: line, ref: string(data[m[2*g]:m[2*g+1]])})
				break
			}
		}
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isNameByte(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || c == '-' || c == ':' || c == '_'
}

// indexFold is bytes.Index ignoring ASCII case.
func indexFold(s []byte, sub string) int {
	want := []byte(sub)
	for i := 0; ; {
		j := bytes.IndexByte(s[i:], want[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(want) > len(s) {
			return -1
		}
		if bytes.EqualFold(s[i:i+len(want)], want) {
			return i
		}
		i++
	}
}
