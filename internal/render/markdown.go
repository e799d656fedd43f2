package render

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

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
	opts = append(opts, goldmark.WithExtensions(extension.Table))
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
