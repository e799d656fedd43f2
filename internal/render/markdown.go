package render

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

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
	if a.Bundle == "" {
		return f.md.HTML(a.Body)
	}
	return f.md.HTMLWith(a.Body, func(dest string) string {
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
	})
}
