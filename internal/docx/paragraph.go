package docx

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khuyencong/khuyencong/internal/legacy"
)

// Paragraphs: a paragraph's runs become segments of text with their
// formatting, text in a legacy font is converted to Unicode, and the
// segments are written as a heading, a list item or a paragraph.

// segment is a piece of a paragraph's content: text with its formatting,
// a line break, or an image.
type segment struct {
	text         string
	bold, italic bool
	sup          bool
	enc          legacy.Encoding
	upper        bool
	href         string
	br           bool
	img          *html.Node
}

func (r *reader) paragraph(p *node, out *html.Node, lists *listStack, depth int) error {
	ppr := p.child("pPr")
	styleID, _ := ppr.val("pStyle")
	if styleID == "" {
		styleID = r.st.defaultPara
	}
	ps := r.st.get(styleID)
	if ps == nil {
		ps = &style{}
	}
	pc := &paraCtx{r: r, pstyle: ps}
	var extra []*node // text boxes, read after the paragraph
	if err := pc.inline(p, &extra); err != nil {
		return err
	}
	segs := r.convert(pc.segs)

	align := ps.align
	if jc, ok := ppr.val("jc"); ok {
		align = jc
	}
	numID, ilvlS, hasNum := ps.numID, ps.ilvl, ps.hasNum
	if np := ppr.child("numPr"); np != nil {
		hasNum = true
		if v, ok := np.val("numId"); ok {
			numID = v
		}
		if v, ok := np.val("ilvl"); ok {
			ilvlS = v
		}
	}
	ilvl, _ := strconv.Atoi(ilvlS)
	ilvl = max(0, min(ilvl, 8))

	empty := true
	for _, s := range segs {
		if s.img != nil || strings.TrimSpace(s.text) != "" {
			empty = false
		}
	}
	if empty {
		for _, x := range extra {
			if err := r.blocks(x, out, depth); err != nil {
				return err
			}
		}
		return nil
	}

	var label string
	var number int
	var lv level
	numbered := false
	if hasNum {
		label, number, lv, numbered = r.cnt.next(numID, ilvl)
	}
	heading := ps.heading
	var block *html.Node
	switch {
	case ps.name == "title":
		block = el(atom.H1, "class", "title")
	case heading > 0:
		block = el(headingAtom(heading))
	case ps.name == "quote" || ps.name == "intense quote":
		block = el(atom.P)
	default:
		block = el(atom.P)
		switch ps.name {
		case "subtitle", "caption":
			block.Attr = append(block.Attr, html.Attribute{Key: "class", Val: ps.name})
		}
	}
	switch align {
	case "center", "right":
		block.Attr = append(block.Attr, html.Attribute{Key: "align", Val: align})
	case "end":
		block.Attr = append(block.Attr, html.Attribute{Key: "align", Val: "right"})
	}
	inHeading := block.DataAtom != atom.P
	emit(block, segs, inHeading)

	asList := numbered && block.DataAtom == atom.P && (lv.format == "bullet" ||
		lv.format == "decimal" && strings.Count(lv.text, "%") == 1 && strings.Contains(lv.text, "%"+strconv.Itoa(ilvl+1)))
	if numbered && !asList && strings.TrimSpace(label) != "" {
		prefix := label
		if !strings.HasSuffix(prefix, " ") {
			prefix += " "
		}
		block.InsertBefore(textNode(prefix), block.FirstChild)
	}
	switch {
	case asList:
		kind := atom.Ol
		if lv.format == "bullet" {
			kind = atom.Ul
		}
		r.listItem(out, lists, ilvl, kind, number, block)
	case ps.name == "quote" || ps.name == "intense quote":
		*lists = nil
		q := el(atom.Blockquote)
		q.AppendChild(block)
		out.AppendChild(q)
	default:
		*lists = nil
		out.AppendChild(block)
	}
	for _, x := range extra {
		if err := r.blocks(x, out, depth); err != nil {
			return err
		}
	}
	return nil
}

// listItem appends a list item holding the paragraph p's content at level
// ilvl, opening and closing nested lists as the levels change.
func (r *reader) listItem(out *html.Node, lists *listStack, ilvl int, kind atom.Atom, number int, p *html.Node) {
	s := *lists
	for len(s) > 0 && s[len(s)-1].ilvl > ilvl {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && s[len(s)-1].ilvl == ilvl && s[len(s)-1].el.DataAtom != kind {
		s = s[:len(s)-1]
	}
	if len(s) == 0 || s[len(s)-1].ilvl < ilvl {
		l := el(kind)
		if kind == atom.Ol && number != 1 {
			l.Attr = append(l.Attr, html.Attribute{Key: "start", Val: strconv.Itoa(number)})
		}
		if len(s) == 0 {
			out.AppendChild(l)
		} else {
			parent := s[len(s)-1].el
			li := parent.LastChild
			if li == nil {
				li = el(atom.Li)
				parent.AppendChild(li)
			}
			li.AppendChild(l)
		}
		s = append(s, openList{ilvl: ilvl, el: l})
	}
	li := el(atom.Li)
	for c := p.FirstChild; c != nil; {
		next := c.NextSibling
		p.RemoveChild(c)
		li.AppendChild(c)
		c = next
	}
	s[len(s)-1].el.AppendChild(li)
	*lists = s
}

func headingAtom(level int) atom.Atom {
	return [...]atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}[min(level, 6)-1]
}

// convert applies the legacy conversions to a paragraph's segments: the
// runs in a legacy font when that reads better, else the whole paragraph
// when its characters say it is legacy text.
func (r *reader) convert(segs []segment) []segment {
	var orig, conv strings.Builder
	byFont := legacy.None
	var bad []string
	for _, s := range segs {
		orig.WriteString(s.text)
		if s.enc != legacy.None {
			byFont = s.enc
			var c string
			var b []string
			if s.upper {
				c, b = legacy.ConvertUpper(s.enc, s.text)
			} else {
				c, b = legacy.Convert(s.enc, s.text)
			}
			conv.WriteString(c)
			bad = append(bad, b...)
		} else {
			conv.WriteString(s.text)
		}
	}
	if byFont != legacy.None {
		if !legacy.Better(orig.String(), conv.String()) {
			return segs
		}
		out := make([]segment, len(segs))
		for i, s := range segs {
			if s.enc != legacy.None {
				if s.upper {
					s.text, _ = legacy.ConvertUpper(s.enc, s.text)
				} else {
					s.text, _ = legacy.Convert(s.enc, s.text)
				}
			}
			out[i] = s
		}
		r.record(byFont, true, conv.String(), bad)
		return out
	}
	enc, text := legacy.Detect(orig.String())
	if enc == legacy.None {
		return segs
	}
	out := make([]segment, len(segs))
	for i, s := range segs {
		s.text, _ = legacy.Convert(enc, s.text)
		out[i] = s
	}
	r.record(enc, false, text, nil)
	return out
}

func (r *reader) record(enc legacy.Encoding, byFont bool, text string, bad []string) {
	k := convKey{enc, byFont}
	c := r.conv[k]
	if c == nil {
		c = &Conversion{Enc: enc, ByFont: byFont}
		r.conv[k] = c
	}
	c.Paragraphs++
	c.Unsure = appendNew(c.Unsure, legacy.Unsure(text)...)
	c.Bad = appendNew(c.Bad, bad...)
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// emit appends the segments to block, merging neighbours of the same
// formatting into one <strong>, <em> or <a>.
func emit(block *html.Node, segs []segment, inHeading bool) {
	type fmtKey struct {
		bold, italic bool
		href         string
	}
	var cur fmtKey
	var buf strings.Builder
	space := "" // spaces between two runs, placed once the next is known
	flush := func() {
		defer func() {
			if space != "" {
				block.AppendChild(textNode(space))
				space = ""
			}
		}()
		if buf.Len() == 0 {
			return
		}
		var n *html.Node = textNode(buf.String())
		buf.Reset()
		if cur.italic {
			em := el(atom.Em)
			em.AppendChild(n)
			n = em
		}
		if cur.bold && !inHeading {
			st := el(atom.Strong)
			st.AppendChild(n)
			n = st
		}
		if cur.href != "" {
			a := el(atom.A, "href", cur.href)
			a.AppendChild(n)
			n = a
		}
		block.AppendChild(n)
	}
	for _, s := range segs {
		switch {
		case s.img != nil:
			flush()
			block.AppendChild(s.img)
			continue
		case s.br:
			flush()
			block.AppendChild(el(atom.Br))
			continue
		}
		text := s.text
		if s.sup {
			text = superscript(text)
		}
		k := fmtKey{s.bold, s.italic, s.href}
		// Spaces between two runs of the same formatting join them
		// ("**a b**"); between two formattings they stay outside both.
		if strings.TrimSpace(text) == "" && buf.Len() > 0 {
			space += text
			continue
		}
		if k != cur {
			flush()
			cur = k
		}
		buf.WriteString(space)
		space = ""
		buf.WriteString(text)
	}
	flush()
}

// superscript writes digits and signs raised, as typed in "m2" with the 2
// raised; other text stays as it is.
func superscript(s string) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	sup := []rune(digits)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(sup[r-'0'])
		case r == '+':
			b.WriteRune('⁺')
		case r == '-':
			b.WriteRune('⁻')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// el makes an element with attributes given as key, value pairs.
func el(a atom.Atom, kv ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: kv[i], Val: kv[i+1]})
	}
	return n
}

func textNode(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
