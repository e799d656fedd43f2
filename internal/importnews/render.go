package importnews

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

// newConverter is the HTML to Markdown conversion: CommonMark with GFM
// tables, ** for bold, * for italic, - for bullets; a table's first row
// is its header.
func newConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithStrongDelimiter("**"),
			commonmark.WithEmDelimiter("*"),
			commonmark.WithBulletListMarker("-"),
		),
		table.NewTablePlugin(
			table.WithHeaderPromotion(true),
			table.WithSpanCellBehavior(table.SpanBehaviorEmpty),
			table.WithCellPaddingBehavior(table.CellPaddingBehaviorMinimal),
			table.WithSkipEmptyRows(true),
		),
	))
}

// listEnd is the comment the converter puts between two lists that
// follow each other; a list of another kind starts anyway in Markdown,
// and raw HTML stays out of the article.
var listEnd = regexp.MustCompile(`\n*<!--THE END-->\n*`)

// nestedGap is the line of spaces the converter leaves before a nested
// list; without it the list stays tight.
var nestedGap = regexp.MustCompile(`\n[ \t]+\n([ \t]+(?:\d+\.|-) )`)

// render writes the article as Markdown with its front matter, and
// counts what it holds.
func render(source string, a *article, opts Options) (string, *Result) {
	res := &Result{Title: a.title, Date: a.date, DateFrom: a.dateFrom, Author: a.author,
		SourceName: a.sourceName, SourceURL: a.sourceURL, Summary: a.summary != "", SummaryFrom: a.summaryFrom}
	figuresToParagraphs(a)
	res.Tables = len(findAll(a.body, atom.Table))
	res.Words = len(strings.Fields(a.summary)) + len(strings.Fields(textOf(a.body)))
	for _, p := range a.photos {
		if p.file != "" {
			res.Photos++
		}
	}
	res.Notes = a.notes

	md, err := newConverter().ConvertNode(a.body)
	body := ""
	if err == nil {
		body = listEnd.ReplaceAllString(string(md), "\n\n")
		body = nestedGap.ReplaceAllString(body, "\n$1")
		body = strings.TrimSpace(body)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.WriteString(frontMatter(source, a, opts))
	b.WriteString("---\n")
	if body != "" {
		b.WriteString("\n")
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.String(), res
}

// figuresToParagraphs writes each figure left in the body as a paragraph
// holding its photo and a paragraph in italic holding its caption as
// typed, credit included.
func figuresToParagraphs(a *article) {
	used := map[*photoItem]bool{}
	next := func(key string) *photoItem {
		for _, p := range a.photos {
			if p.key == key && !used[p] {
				used[p] = true
				return p
			}
		}
		return nil
	}
	// The first photo is the article's image, already out of the body.
	if len(a.photos) > 0 {
		used[a.photos[0]] = true
	}
	for _, fig := range findAll(a.body, atom.Figure) {
		img := firstChild(fig, atom.Img)
		var p *photoItem
		if img != nil {
			p = next(attr(img, "data-photo"))
		}
		if p == nil {
			remove(fig)
			continue
		}
		alt := p.alt
		if alt == "" {
			alt = p.caption
		}
		para := elem(atom.P)
		im := elem(atom.Img)
		im.Attr = []html.Attribute{{Key: "src", Val: p.file}, {Key: "alt", Val: alt}}
		para.AppendChild(im)
		fig.Parent.InsertBefore(para, fig)
		if len(p.captionLines) > 0 {
			cp := elem(atom.P)
			em := elem(atom.Em)
			em.AppendChild(&html.Node{Type: html.TextNode, Data: joinLines(p.captionLines)})
			cp.AppendChild(em)
			fig.Parent.InsertBefore(cp, fig)
		}
		remove(fig)
	}
}

// joinLines joins a caption and the credit line under it into one line.
func joinLines(lines []string) string {
	out := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case out == "":
			out = l
		case strings.HasSuffix(out, ".") || strings.HasSuffix(out, "!") || strings.HasSuffix(out, "?") || strings.HasSuffix(out, "…"):
			out += " " + l
		default:
			out += ". " + l
		}
	}
	return out
}

func elem(a atom.Atom) *html.Node {
	return &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
}

// frontMatter writes the article's fields, with comments for the officer
// who completes them.
func frontMatter(source string, a *article, opts Options) string {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node, comment string) {
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: key, HeadComment: comment}
		m.Content = append(m.Content, k, v)
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	null := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}
	origin := filepath.Base(source)
	if strings.Contains(source, "://") {
		origin = source
	}
	add("title", str(a.title), "Nhập từ "+origin+" bằng lệnh khuyencong import news; đọc lại\ntoàn bài trước khi đăng. Xem docs/du-lieu.md, mục 7.1.")
	add("date", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: a.date.Format("2006-01-02")}, "")
	if opts.Draft {
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}, "Bản nháp: đổi thành false khi bài đã sẵn sàng.")
	}
	if a.author != "" {
		add("author", str(a.author), "")
	} else {
		add("author", null, "Chưa tìm thấy tên tác giả trong bài: ghi vào đây nếu biết.")
	}
	if a.sourceName != "" || a.sourceURL != "" {
		src := &yaml.Node{Kind: yaml.MappingNode}
		name := a.sourceName
		if name == "" {
			name = hostOf(a.sourceURL)
		}
		src.Content = append(src.Content, str("name"), str(name))
		if a.sourceURL != "" {
			src.Content = append(src.Content, str("url"), str(a.sourceURL))
		}
		add("source", src, "Bài đăng lại: tên báo hoặc cổng thông tin và địa chỉ bài gốc.")
	}
	if a.summary != "" {
		add("summary", str(a.summary), "")
	} else {
		add("summary", null, "Chưa có lời dẫn (sapo) in đậm ở đầu bài: ghi một hai câu tóm tắt.")
	}
	if len(a.photos) > 0 {
		p := a.photos[0]
		im := &yaml.Node{Kind: yaml.MappingNode}
		im.Content = append(im.Content, str("file"), str(p.file))
		if p.caption != "" {
			im.Content = append(im.Content, str("caption"), str(p.caption))
		}
		if p.credit != "" {
			im.Content = append(im.Content, str("credit"), str(p.credit))
		}
		if p.alt != "" && p.alt != p.caption {
			im.Content = append(im.Content, str("alt"), str(p.alt))
		}
		add("image", im, "Ảnh đầu tiên của bài, hiện dưới tiêu đề; các ảnh khác nằm trong thân bài.")
	}
	add("tags", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}, "Từ khóa: cán bộ biên tập ghi, ví dụ [khuyến công, sản phẩm tiêu biểu].")
	add("related", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}, "Id các hồ sơ bài viết nói đến (cơ sở, sản phẩm, đề án, vòng bình chọn),\nví dụ [id-co-so, id-san-pham]; trang của hồ sơ sẽ dẫn về bài viết.")
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return "title: " + a.title + "\n"
	}
	enc.Close()
	return b.String()
}

func hostOf(u string) string {
	s := u
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(s, "www.")
}
