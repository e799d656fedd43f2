package importnews

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// The conventions of Vietnamese news that give a paragraph its role,
// applied to the body of a document or of a web page's article.

// resolver returns the photo an <img> shows, nil when it cannot be had
// (the reason is noted by the resolver).
type resolver func(img *html.Node) *photoItem

// conventions finds the title (unless known), the lead, the photos with
// their captions and credits, the author's line at the end, and tidies
// headings, tables and links of a.body.
func conventions(a *article, resolve resolver) {
	unwrapLayoutTables(a.body, &a.notes)
	blocks := topBlocks(a.body)
	// Title: Word's Title style wherever it is, else the first line when
	// it is a heading, or short and bold or centred.
	if a.title == "" {
		for _, h := range findAll(a.body, atom.H1) {
			if hasClass(attr(h, "class"), "title") && textOf(h) != "" {
				a.title = textOf(h)
				remove(h)
				break
			}
		}
	}
	if a.title == "" {
		for i, b := range blocks {
			if i > 2 {
				break
			}
			t := textOf(b)
			if t == "" {
				continue
			}
			if b.DataAtom == atom.H1 || isHeading(b) || i == 0 && shortLine(t, 30) && (allBold(b) || aligned(b) == "center") {
				a.title = t
				remove(b)
			}
			break
		}
	} else {
		for _, b := range topBlocks(a.body) {
			if isHeading(b) && vi.Fold(textOf(b)) == vi.Fold(a.title) {
				remove(b)
				break
			}
		}
	}
	// Lead.
	if a.summary == "" {
		for _, b := range topBlocks(a.body) {
			t := textOf(b)
			if t == "" || b.DataAtom == atom.Figure {
				continue
			}
			cls := attr(b, "class")
			if b.DataAtom == atom.P && (hasClass(cls, "subtitle") || hasClass(cls, "sapo") || allBold(b)) && len(t) > 20 {
				a.summary = t
				a.summaryFrom = diag.M("lời dẫn in đậm ở đầu bài", "the bold lead at the top")
				remove(b)
			}
			break
		}
	}
	figures(a, resolve)
	signature(a)
	shiftHeadings(a.body)
	for _, t := range findAll(a.body, atom.Table) {
		for _, c := range findAll(t, atom.Td) {
			flattenCell(c)
		}
		for _, c := range findAll(t, atom.Th) {
			flattenCell(c)
		}
	}
	sanitizeLinks(a.body)
}

// topBlocks returns the block elements of body in order, looking through
// wrappers (div, section, article) that hold other blocks.
func topBlocks(body *html.Node) []*html.Node {
	var out []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Div, atom.Section, atom.Article, atom.Main:
			if hasBlockChild(c) {
				out = append(out, topBlocks(c)...)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.Data) {
			return true
		}
	}
	return false
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// shortLine reports whether t could be a title or a name: at most max
// words, not a sentence ending in a full stop.
func shortLine(t string, max int) bool {
	return t != "" && len(strings.Fields(t)) <= max && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ":")
}

// allBold reports whether every letter of n's text is inside <strong> or
// <b> (or n is a heading).
func allBold(n *html.Node) bool { return allIn(n, atom.Strong, atom.B) }

func allItalic(n *html.Node) bool { return allIn(n, atom.Em, atom.I) }

func allIn(n *html.Node, tags ...atom.Atom) bool {
	found := false
	ok := true
	var walk func(n *html.Node, inside bool)
	walk = func(n *html.Node, inside bool) {
		if n.Type == html.ElementNode {
			for _, t := range tags {
				if n.DataAtom == t {
					inside = true
				}
			}
		}
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			found = true
			if !inside {
				ok = false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inside)
		}
	}
	walk(n, false)
	return found && ok
}

// aligned returns "center" or "right" for a paragraph set so (by Word's
// alignment, the align attribute, or the class a web page's style was
// turned into before extraction), "" otherwise.
func aligned(n *html.Node) string {
	switch strings.ToLower(attr(n, "align")) {
	case "center":
		return "center"
	case "right":
		return "right"
	}
	cls := attr(n, "class")
	switch {
	case hasClass(cls, alignCenterClass):
		return "center"
	case hasClass(cls, alignRightClass):
		return "right"
	}
	return ""
}

const (
	alignCenterClass = "kc-center"
	alignRightClass  = "kc-right"
)

func hasClass(classes, c string) bool {
	for _, x := range strings.Fields(classes) {
		if strings.EqualFold(x, c) {
			return true
		}
	}
	return false
}

func findAll(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == a {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// unwrapLayoutTables replaces by their content the tables that only lay
// out photos and captions, or that have a single column: their cells'
// blocks in reading order.
func unwrapLayoutTables(body *html.Node, n *notes) {
	for _, t := range findAll(body, atom.Table) {
		if t.Parent == nil {
			continue
		}
		rows := findAll(t, atom.Tr)
		cols := 0
		for _, r := range rows {
			k := 0
			for c := r.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					k++
				}
			}
			cols = max(cols, k)
		}
		if len(findAll(t, atom.Img)) == 0 && cols > 1 && len(rows) > 1 {
			continue
		}
		var cells []*html.Node
		var walk func(*html.Node)
		walk = func(x *html.Node) {
			for c := x.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					cells = append(cells, c)
					continue
				}
				if c.Type == html.ElementNode && c.DataAtom != atom.Table {
					walk(c)
				}
			}
		}
		walk(t)
		for _, cell := range cells {
			if !hasBlockChild(cell) {
				p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p", Attr: cell.Attr}
				moveChildren(cell, p)
				t.Parent.InsertBefore(p, t)
				continue
			}
			moveBefore(cell, t)
		}
		remove(t)
	}
}

func moveChildren(from, to *html.Node) {
	for c := from.FirstChild; c != nil; {
		next := c.NextSibling
		from.RemoveChild(c)
		to.AppendChild(c)
		c = next
	}
}

// credit patterns: "(Ảnh: Minh Anh)", "- Ảnh: Minh Anh", "Ảnh: Minh Anh" at
// the end of a caption, or "Ảnh: …", "Nguồn: …" alone on the line under
// it.
var (
	creditTail = regexp.MustCompile(`(?i)^(.*?)[\s,;]*(?:[–—-]\s*)?[(\[]?\s*(?:ảnh|nguồn ảnh|nguồn|photo)\s*[:：]\s*([^()\[\]:]{1,80}?)\s*[)\]]?\s*\.?$`)
	creditLine = regexp.MustCompile(`(?i)^[(\[]?\s*(?:ảnh|nguồn ảnh|nguồn|photo)\s*[:：]\s*([^()\[\]]{1,80}?)\s*[)\]]?\s*\.?$`)
)

// splitCredit splits a caption into the caption proper and its credit.
func splitCredit(t string) (caption, credit string) {
	m := creditTail.FindStringSubmatch(t)
	if m == nil {
		return t, ""
	}
	// "Hình ảnh: …" is not a credit.
	if f := strings.Fields(vi.Fold(m[1])); len(f) > 0 && f[len(f)-1] == "hinh" {
		return t, ""
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
}

// captionLike reports whether block n, just under a photo, is its caption:
// a short line in italic or centred, or styled as a caption.
func captionLike(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode || len(findAll(n, atom.Img)) > 0 || isHeading(n) {
		return false
	}
	t := textOf(n)
	if t == "" || len([]rune(t)) > 400 {
		return false
	}
	cls := strings.ToLower(attr(n, "class"))
	return n.DataAtom == atom.Figcaption || strings.Contains(cls, "caption") || strings.Contains(cls, "chuthich") ||
		strings.Contains(cls, "chu-thich") || allItalic(n) || aligned(n) == "center" || creditLine.MatchString(t)
}

func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

// figures turns every photo of the body, with the caption under it, into
// a <figure>, resolves its bytes, and takes the first as the article's
// image.
func figures(a *article, resolve resolver) {
	for _, img := range findAll(a.body, atom.Img) {
		if img.Parent == nil {
			continue
		}
		p := resolve(img)
		if p == nil {
			remove(img)
			continue
		}
		// A photo inside a link: the link goes.
		for anc := img.Parent; anc != nil && anc != a.body; anc = anc.Parent {
			if anc.DataAtom == atom.A {
				unwrap(anc)
				break
			}
		}
		fig := enclosing(img, atom.Figure, a.body)
		var capNode *html.Node
		if fig != nil {
			capNode = firstChild(fig, atom.Figcaption)
		} else {
			block := enclosingBlock(img, a.body)
			fig = &html.Node{Type: html.ElementNode, DataAtom: atom.Figure, Data: "figure"}
			if block == nil {
				img.Parent.InsertBefore(fig, img)
				remove(img)
				fig.AppendChild(img)
			} else {
				// Text after the photo in its own paragraph is its caption
				// (a Word document's photo and caption in one paragraph).
				after := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
				seen := false
				for c := block.FirstChild; c != nil; {
					next := c.NextSibling
					if c == img || contains(c, img) {
						seen = true
					} else if seen {
						block.RemoveChild(c)
						after.AppendChild(c)
					}
					c = next
				}
				block.Parent.InsertBefore(fig, block)
				remove(img)
				fig.AppendChild(img)
				if textOf(block) == "" {
					remove(block)
				} else {
					// Text before the photo stays a paragraph of its own.
					block.Parent.InsertBefore(block, fig)
				}
				if textOf(after) != "" {
					capNode = after
				} else if nx := nextElement(fig); captionLike(nx) {
					capNode = nx
				}
			}
			if capNode != nil {
				remove(capNode)
				fig.AppendChild(capNode)
			}
		}
		if capNode != nil {
			text := textOf(capNode)
			p.caption, p.credit = splitCredit(text)
			if p.credit == "" && creditLine.MatchString(text) {
				p.caption, p.credit = "", creditLine.FindStringSubmatch(text)[1]
			}
			p.captionLines = []string{text}
			// A credit alone on the next line.
			if nx := nextElement(fig); nx != nil && p.credit == "" && len(findAll(nx, atom.Img)) == 0 {
				if m := creditLine.FindStringSubmatch(textOf(nx)); m != nil {
					p.credit = strings.TrimSpace(m[1])
					p.captionLines = append(p.captionLines, textOf(nx))
					remove(nx)
				}
			}
		}
		p.caption = strings.TrimSpace(p.caption)
		if alt := strings.TrimSpace(attr(img, "alt")); meaningfulAlt(alt) {
			p.alt = alt
		}
		a.photos = append(a.photos, p)
		setAttr(img, "data-photo", p.key)
	}
	// Name the photos in order; the first is the article's image and
	// leaves the body.
	for i, p := range a.photos {
		p.file = "anh-" + strconv.Itoa(i+1) + extOf(p.format)
	}
	if len(a.photos) > 0 {
		for _, fig := range findAll(a.body, atom.Figure) {
			if firstChild(fig, atom.Img) != nil {
				remove(fig)
				break
			}
		}
	}
}

// meaningfulAlt reports whether an image's description says something: not
// empty, not a file name, not a placeholder.
func meaningfulAlt(alt string) bool {
	if len([]rune(alt)) < 4 {
		return false
	}
	l := strings.ToLower(alt)
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp"} {
		if strings.HasSuffix(l, ext) {
			return false
		}
	}
	switch l {
	case "image", "photo", "picture", "ảnh", "hình ảnh", "untitled":
		return false
	}
	return !strings.HasPrefix(l, "picture ") && !strings.HasPrefix(l, "image ")
}

func contains(n, x *html.Node) bool {
	for p := x.Parent; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

func enclosing(n *html.Node, a atom.Atom, stop *html.Node) *html.Node {
	for p := n.Parent; p != nil && p != stop; p = p.Parent {
		if p.DataAtom == a {
			return p
		}
	}
	return nil
}

// enclosingBlock is the paragraph-like element holding n, directly under a
// container (the body, a div, a list item).
func enclosingBlock(n *html.Node, stop *html.Node) *html.Node {
	for p := n.Parent; p != nil && p != stop; p = p.Parent {
		switch p.DataAtom {
		case atom.P, atom.Center, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return p
		case atom.Div, atom.Li, atom.Td, atom.Th, atom.Blockquote:
			if !hasBlockChild(p) {
				return p
			}
			return nil
		}
	}
	return nil
}

func firstChild(n *html.Node, a atom.Atom) *html.Node {
	for _, x := range findAll(n, a) {
		return x
	}
	return nil
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	if n.Parent == nil {
		return
	}
	moveBefore(n, n)
	remove(n)
}

// moveBefore moves the children of from before ref, in order.
func moveBefore(from, ref *html.Node) {
	for c := from.FirstChild; c != nil; {
		next := c.NextSibling
		from.RemoveChild(c)
		ref.Parent.InsertBefore(c, ref)
		c = next
	}
}

// signature takes the author's line at the end of the article (a short
// name, set right, in bold or alone: "Vũ Châu", "Minh Anh (TTKC)") and a
// line naming the source ("Theo Báo Công Thương", "Nguồn: …").
func signature(a *article) {
	for range 2 {
		blocks := topBlocks(a.body)
		if len(blocks) == 0 {
			return
		}
		last := blocks[len(blocks)-1]
		if last.DataAtom != atom.P && last.DataAtom != atom.Div {
			return
		}
		t := textOf(last)
		if m := sourceLine.FindStringSubmatch(t); m != nil && len(strings.Fields(t)) <= 10 && !strings.Contains(t, ", ") {
			if a.sourceName == "" {
				a.sourceName = strings.TrimSpace(strings.TrimSuffix(m[1], "."))
			}
			remove(last)
			continue
		}
		words, ok := nameLike(t)
		if a.author != "" || !ok {
			return
		}
		if aligned(last) == "right" || allBold(last) || allItalic(last) || words <= 4 {
			a.author = t
			remove(last)
		}
		return
	}
}

var sourceLine = regexp.MustCompile(`(?i)^(?:theo|nguồn)\s*:?\s+(.{2,100})$`)

// nameLike reports whether t reads like a person's name, perhaps with a
// unit in brackets: every word capitalised, at most eight, no full stop.
// words counts the words outside the brackets.
func nameLike(t string) (words int, ok bool) {
	if !shortLine(t, 8) || len([]rune(t)) > 80 {
		return 0, false
	}
	paren := 0
	for _, w := range strings.Fields(t) {
		if paren > 0 || strings.HasPrefix(w, "(") {
			paren += strings.Count(w, "(") - strings.Count(w, ")")
			continue
		}
		if w == "-" || w == "–" || w == "&" || w == "và" {
			continue
		}
		if !unicode.IsUpper([]rune(w)[0]) {
			return 0, false
		}
		words++
	}
	return words, words > 0
}

// shiftHeadings makes the body's highest heading level 2: the page's
// level 1 is the article's title.
func shiftHeadings(body *html.Node) {
	hs := []*html.Node{}
	top := 7
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && isHeading(c) {
				hs = append(hs, c)
				top = min(top, int(c.Data[1]-'0'))
			}
			walk(c)
		}
	}
	walk(body)
	if top != 1 {
		return
	}
	for _, h := range hs {
		lv := min(int(h.Data[1]-'0')+1, 6)
		h.Data = "h" + strconv.Itoa(lv)
		h.DataAtom = atom.Lookup([]byte(h.Data))
	}
}

// flattenCell puts a table cell's paragraphs and list items on one line
// (a Markdown table cell has no line breaks), separated by spaces.
func flattenCell(c *html.Node) {
	var inline []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for x := n.FirstChild; x != nil; {
			next := x.NextSibling
			n.RemoveChild(x)
			switch {
			case x.Type == html.ElementNode && (isBlock(x.Data) || x.DataAtom == atom.Br):
				walk(x)
				inline = append(inline, &html.Node{Type: html.TextNode, Data: " "})
			default:
				inline = append(inline, x)
			}
			x = next
		}
	}
	walk(c)
	for _, x := range inline {
		c.AppendChild(x)
	}
}

// sanitizeLinks keeps links to web addresses, e-mail and telephone only;
// any other link (javascript:, data:, a file on the officer's computer, a
// page of the document itself) leaves its text in place.
func sanitizeLinks(body *html.Node) {
	for _, a := range findAll(body, atom.A) {
		href := strings.TrimSpace(attr(a, "href"))
		l := strings.ToLower(href)
		if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "tel:") {
			a.Attr = []html.Attribute{{Key: "href", Val: href}}
			continue
		}
		unwrap(a)
	}
}

func extOf(format string) string {
	switch format {
	case "jpeg":
		return ".jpg"
	case "png":
		return ".png"
	case "gif":
		return ".gif"
	case "webp":
		return ".webp"
	}
	return ""
}
