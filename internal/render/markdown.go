package render

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// markdown converts the Markdown fields of the data contract: CommonMark
// with GFM tables. Raw HTML is left out unless the site turns it on
// (`markdown: {unsafe_html: true}`); links are kept as written, except
// that goldmark drops dangerous schemes (javascript:, …) in safe mode.
type markdown struct {
	md goldmark.Markdown
}

func newMarkdown(unsafe bool) *markdown {
	var opts []goldmark.Option
	opts = append(opts, goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(destRewriter{}, 1000))))
	if unsafe {
		opts = append(opts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	return &markdown{md: goldmark.New(opts...)}
}

// HTML renders src. Conversion into a buffer cannot fail; an error from
// goldmark would be a bug, and the text is then shown escaped.
func (m *markdown) HTML(src model.Markdown) template.HTML {
	if src == "" {
		return ""
	}
	var buf bytes.Buffer
	if err := m.md.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	return template.HTML(buf.String())
}

// destKey carries, in a parser context, the function that rewrites the
// destination of each link and image of one text (see HTMLWith).
var destKey = parser.NewContextKey()

// destRewriter applies the function under destKey to every link and image
// destination, when the context has one.
type destRewriter struct{}

func (destRewriter) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	fix, _ := pc.Get(destKey).(func(string) string)
	if fix == nil {
		return
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Image:
			v.Destination = []byte(fix(string(v.Destination)))
		case *ast.Link:
			v.Destination = []byte(fix(string(v.Destination)))
		}
		return ast.WalkContinue, nil
	})
}

// HTMLWith renders src with every link and image destination passed
// through fix (nil: as written).
func (m *markdown) HTMLWith(src model.Markdown, fix func(string) string) template.HTML {
	if fix == nil || src == "" {
		return m.HTML(src)
	}
	ctx := parser.NewContext()
	ctx.Set(destKey, fix)
	var buf bytes.Buffer
	if err := m.md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	return template.HTML(buf.String())
}

// body renders the Markdown body of an article or page shown on a page
// whose Root is root. In an article kept in its own folder
// (content/news/<slug>/index.md), a relative link or image that names a
// file of that folder ("anh.jpg") is rewritten to where the build puts the
// file, so that it works on the page's own URL: the largest cleaned copy
// for a processed photo, the copied file otherwise.
func (f *funcs) body(root string, a *model.Article) template.HTML {
	return f.md.HTMLWith(a.Body, f.bodyDest(root, a))
}

// bodyLinks returns where the body of article a, shown on a page whose Root
// is root, writes each link and image (see Source.Links).
func (f *funcs) bodyLinks(root string, a *model.Article) map[string][]diag.Pos {
	if !strings.Contains(string(a.Body), "[") {
		return nil // no link, inline or by reference, without a bracket
	}
	src := []byte(a.Body)
	ctx := parser.NewContext()
	if fix := f.bodyDest(root, a); fix != nil {
		ctx.Set(destKey, fix)
	}
	doc := f.md.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var out map[string][]diag.Pos
	line, lineStart, scanned := a.BodyLine, 0, 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		var dest []byte
		switch v := n.(type) {
		case *ast.Link:
			dest = v.Destination
		case *ast.Image:
			dest = v.Destination
		default:
			return ast.WalkContinue, nil
		}
		at := n.Pos()
		if !entering || at < scanned {
			// Links come in the order written; a position before the last
			// one (or none, -1) is not to be trusted.
			return ast.WalkContinue, nil
		}
		for i := scanned; i < at; i++ {
			if src[i] == '\n' {
				line, lineStart = line+1, i+1
			}
		}
		scanned = at
		if out == nil {
			out = map[string][]diag.Pos{}
		}
		key := string(util.URLEscape(dest, true))
		out[key] = append(out[key], diag.Pos{File: a.Pos.File, Line: line, Col: utf8.RuneCount(src[lineStart:at]) + 1})
		return ast.WalkContinue, nil
	})
	return out
}

// bodyDest returns the function that rewrites the link and image
// destinations of article a's body on a page whose Root is root, nil when
// they are kept as written. In an article kept in its own folder
// (content/news/<slug>/index.md), a relative destination that names a file
// of that folder is rewritten (see body).
func (f *funcs) bodyDest(root string, a *model.Article) func(string) string {
	if a.Bundle == "" {
		return nil
	}
	return func(dest string) string {
		if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") {
			return dest
		}
		if u, err := url.Parse(dest); err != nil || u.Scheme != "" || u.Host != "" {
			return dest
		}
		p, rest := dest, ""
		if i := strings.IndexAny(dest, "?#"); i >= 0 {
			p, rest = dest[:i], dest[i:]
		}
		name, err := url.PathUnescape(p)
		if err != nil {
			return dest
		}
		asset := path.Clean(a.Bundle + "/" + name)
		if !f.assets[asset] {
			return dest
		}
		return photoURL(root, f.photoPath(asset)) + rest
	}
}
