// Package docx reads a Word document (.docx) into plain HTML: headings,
// paragraphs with bold and italic, lists as Word numbers them, links,
// tables, quotes and images, plus the document's properties and photos.
// It keeps what an article needs and says what it left out; the reading
// is bounded (Limits) so that a hostile file is refused, not unpacked.
//
// Paragraph formatting that Vietnamese news gives a meaning to survives as
// attributes: align="center" or "right" (a caption is centred, the
// author's name at the end set right), class="title", "subtitle",
// "caption" for those Word styles. Text typed in the legacy TCVN3 and VNI
// fonts is converted to Unicode (package legacy).
package docx

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khuyencong/khuyencong/internal/legacy"
)

// Document is a .docx read into HTML.
type Document struct {
	// Body is a <body> element holding the document's blocks. An <img>
	// has src set to the part name of its photo in Media.
	Body *html.Node
	// From docProps/core.xml; zero when the document does not say.
	Title, Creator    string
	Created, Modified time.Time
	// Media holds the photos Body refers to, by part name.
	Media map[string][]byte
	// Converted lists the legacy-encoded text converted to Unicode.
	Converted []Conversion
	// Dropped counts what was left out, by kind (Drop*).
	Dropped map[string]int
}

// Conversion is the text of one legacy encoding converted in a document.
type Conversion struct {
	Enc legacy.Encoding
	// ByFont is true when the runs were known by their font, false when
	// by their characters.
	ByFont     bool
	Paragraphs int
	// Unsure lists converted words that are still not Vietnamese
	// syllables, Bad the characters the encoding gives no meaning to.
	Unsure, Bad []string
}

// Kinds of content left out.
const (
	DropFootnote     = "footnote"
	DropComment      = "comment"
	DropChart        = "chart"
	DropObject       = "object"
	DropEquation     = "equation"
	DropSymbol       = "symbol"
	DropLinkedImage  = "linked-image"
	DropMissingImage = "missing-image"
	DropDeleted      = "tracked-deletion"
	DropHidden       = "hidden-text"
	DropNested       = "nested-table"
	DropEmbedded     = "embedded-document"
)

// Read reads the .docx whose bytes are data; name is how messages call it.
func Read(name string, data []byte, lim Limits) (*Document, error) {
	a, err := openArchive(name, data, lim)
	if err != nil {
		return nil, err
	}
	r := &reader{a: a, doc: &Document{Media: map[string][]byte{}, Dropped: map[string]int{}}}
	main, err := r.part("word/document.xml", true)
	if err != nil {
		return nil, err
	}
	stylesXML, err := r.part("word/styles.xml", false)
	if err != nil {
		return nil, err
	}
	numXML, err := r.part("word/numbering.xml", false)
	if err != nil {
		return nil, err
	}
	relsXML, err := r.part("word/_rels/document.xml.rels", false)
	if err != nil {
		return nil, err
	}
	coreXML, err := r.part("docProps/core.xml", false)
	if err != nil {
		return nil, err
	}
	r.st = parseStyles(stylesXML)
	r.cnt = &counters{nb: parseNumbering(numXML), count: map[string]*[9]int{}}
	r.rels = parseRels(relsXML)
	r.core(coreXML)
	body := main.child("body")
	if body == nil {
		return nil, a.damaged("word/document.xml", fmt.Errorf("no w:body"))
	}
	r.doc.Body = el(atom.Body)
	r.conv = map[convKey]*Conversion{}
	if err := r.blocks(body, r.doc.Body, 0); err != nil {
		return nil, err
	}
	for _, k := range []convKey{{legacy.TCVN3, true}, {legacy.VNI, true}, {legacy.TCVN3, false}, {legacy.VNI, false}} {
		if c := r.conv[k]; c != nil {
			r.doc.Converted = append(r.doc.Converted, *c)
		}
	}
	return r.doc, nil
}

type convKey struct {
	enc    legacy.Encoding
	byFont bool
}

type rel struct {
	target   string
	external bool
	kind     string
}

type reader struct {
	a    *archive
	doc  *Document
	st   *styles
	cnt  *counters
	rels map[string]rel
	conv map[convKey]*Conversion
}

// part reads and parses an XML part; a missing optional part is nil.
func (r *reader) part(name string, required bool) (*node, error) {
	data, err := r.a.readPart(name)
	if err != nil {
		return nil, err
	}
	if data == nil {
		if required {
			return nil, r.a.damaged(name, fmt.Errorf("missing"))
		}
		return nil, nil
	}
	n, err := parseXML(data)
	if err != nil {
		return nil, r.a.damaged(name, err)
	}
	return n, nil
}

func parseRels(root *node) map[string]rel {
	out := map[string]rel{}
	for _, x := range root.children("Relationship") {
		t := x.get("Target")
		kind := x.get("Type")
		if i := strings.LastIndexByte(kind, '/'); i >= 0 {
			kind = kind[i+1:]
		}
		out[x.get("Id")] = rel{target: t, external: strings.EqualFold(x.get("TargetMode"), "External"), kind: kind}
	}
	return out
}

func (r *reader) core(root *node) {
	if root == nil {
		return
	}
	r.doc.Title = strings.TrimSpace(root.child("title").textOf())
	r.doc.Creator = strings.TrimSpace(root.child("creator").textOf())
	parse := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
		if err != nil {
			return time.Time{}
		}
		return t
	}
	r.doc.Created = parse(root.child("created").textOf())
	r.doc.Modified = parse(root.child("modified").textOf())
}

func (n *node) textOf() string {
	if n == nil {
		return ""
	}
	return n.text
}

// blocks converts the block-level children of a container (w:body, a
// table cell, a text box) into out.
func (r *reader) blocks(container *node, out *html.Node, depth int) error {
	var lists listStack
	var walk func(n *node) error
	walk = func(n *node) error {
		for _, k := range n.kids {
			switch {
			case k.isW("p"):
				if err := r.paragraph(k, out, &lists, depth); err != nil {
					return err
				}
			case k.isW("tbl"):
				lists = nil
				if depth >= 3 {
					r.doc.Dropped[DropNested]++
					continue
				}
				if err := r.table(k, out, depth+1); err != nil {
					return err
				}
			case k.isW("sdt"):
				if err := walk(k.child("sdtContent")); err != nil {
					return err
				}
			case k.isW("customXml"), k.isW("ins"), k.isW("moveTo"):
				if err := walk(k); err != nil {
					return err
				}
			case k.isW("altChunk"):
				r.doc.Dropped[DropEmbedded]++
			case k.name == "oMathPara":
				r.doc.Dropped[DropEquation]++
			case k.name == "AlternateContent":
				if c := k.child("Choice"); c != nil {
					if err := walk(c); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	if container == nil {
		return nil
	}
	return walk(container)
}

// listStack is the open lists of a container, innermost last.
type listStack []openList

type openList struct {
	ilvl int
	el   *html.Node
}

func (r *reader) table(t *node, out *html.Node, depth int) error {
	tbl := el(atom.Table)
	for _, tr := range t.children("tr") {
		row := el(atom.Tr)
		for _, tc := range cellsOf(tr) {
			cell := el(atom.Td)
			pr := tc.child("tcPr")
			if v, ok := pr.val("gridSpan"); ok {
				if n, err := strconv.Atoi(v); err == nil && n > 1 && n < 64 {
					cell.Attr = append(cell.Attr, html.Attribute{Key: "colspan", Val: strconv.Itoa(n)})
				}
			}
			if vm := pr.child("vMerge"); vm != nil && vm.get("val") != "restart" {
				row.AppendChild(cell) // continues the cell above: left empty
				continue
			}
			if err := r.blocks(tc, cell, depth); err != nil {
				return err
			}
			row.AppendChild(cell)
		}
		tbl.AppendChild(row)
	}
	if tbl.FirstChild != nil {
		out.AppendChild(tbl)
	}
	return nil
}

// cellsOf returns the cells of a row, including those inside content
// controls.
func cellsOf(tr *node) []*node {
	var out []*node
	for _, k := range tr.kids {
		switch {
		case k.isW("tc"):
			out = append(out, k)
		case k.isW("sdt"), k.isW("customXml"):
			out = append(out, cellsOf(k.child("sdtContent"))...)
			out = append(out, cellsOf(k)...)
		}
	}
	return out
}

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

// paraCtx gathers the segments of one paragraph.
type paraCtx struct {
	r      *reader
	pstyle *style
	segs   []segment
	href   string
	// field state: inside a complex field's instruction, or its result
	// with a hyperlink.
	fieldDepth  int
	inInstr     bool
	instr       strings.Builder
	fieldHref   string
	fieldActive bool
}

// inline walks a paragraph's content.
func (pc *paraCtx) inline(n *node, extra *[]*node) error {
	for _, k := range n.kids {
		switch {
		case k.isW("r"):
			if err := pc.run(k, extra); err != nil {
				return err
			}
		case k.isW("hyperlink"):
			save := pc.href
			pc.href = pc.r.linkTarget(k)
			if err := pc.inline(k, extra); err != nil {
				return err
			}
			pc.href = save
		case k.isW("ins"), k.isW("moveTo"), k.isW("smartTag"), k.isW("customXml"), k.isW("fldSimple"), k.isW("dir"), k.isW("bdo"):
			if err := pc.inline(k, extra); err != nil {
				return err
			}
		case k.isW("sdt"):
			if err := pc.inline(k.child("sdtContent"), extra); err != nil {
				return err
			}
		case k.isW("del"), k.isW("moveFrom"):
			pc.r.doc.Dropped[DropDeleted]++
		case k.name == "oMath":
			pc.r.doc.Dropped[DropEquation]++
		case k.name == "AlternateContent":
			if c := k.child("Choice"); c != nil {
				if err := pc.inline(c, extra); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// linkTarget returns the address of a w:hyperlink: an external target by
// its relationship, or "" (an anchor inside the document is not kept).
func (r *reader) linkTarget(h *node) string {
	id := h.rel("id")
	if id == "" {
		return ""
	}
	rl, ok := r.rels[id]
	if !ok || !rl.external {
		return ""
	}
	return rl.target
}

func (pc *paraCtx) run(run *node, extra *[]*node) error {
	r := pc.r
	rpr := run.child("rPr")
	if on, _ := rpr.onOff("vanish"); on {
		r.doc.Dropped[DropHidden]++
		return nil
	}
	cs := (*style)(nil)
	if id, ok := rpr.val("rStyle"); ok {
		cs = r.st.get(id)
	}
	bold := triOf(rpr, "b")
	italic := triOf(rpr, "i")
	font := fontOf(rpr)
	sup := false
	if v, ok := rpr.val("vertAlign"); ok {
		sup = v == "superscript"
	} else if cs != nil {
		sup = cs.superscript
	}
	if cs != nil {
		bold = bold.or(cs.bold)
		italic = italic.or(cs.italic)
		if font == "" {
			font = cs.font
		}
	}
	bold = bold.or(pc.pstyle.bold).or(r.st.defaultBold)
	italic = italic.or(pc.pstyle.italic).or(r.st.defaultItal)
	if font == "" {
		font = pc.pstyle.font
	}
	if font == "" {
		font = r.st.defaultFont
	}
	enc, upper := legacy.FontEncoding(font)
	base := segment{bold: bold == on, italic: italic == on, sup: sup, enc: enc, upper: upper, href: pc.href}
	if pc.fieldActive && pc.fieldHref != "" && base.href == "" {
		base.href = pc.fieldHref
	}
	addText := func(s string) {
		if pc.inInstr {
			return
		}
		seg := base
		seg.text = s
		pc.segs = append(pc.segs, seg)
	}
	for _, k := range run.kids {
		switch {
		case k.isW("t"):
			addText(k.text)
		case k.isW("tab"), k.isW("ptab"):
			addText(" ")
		case k.isW("br"), k.isW("cr"):
			if t := k.get("type"); t == "page" || t == "column" {
				continue
			}
			if !pc.inInstr {
				pc.segs = append(pc.segs, segment{br: true})
			}
		case k.isW("noBreakHyphen"):
			addText("\u2011")
		case k.isW("sym"):
			r.doc.Dropped[DropSymbol]++
		case k.isW("fldChar"):
			switch k.get("fldCharType") {
			case "begin":
				pc.fieldDepth++
				pc.inInstr = true
				pc.instr.Reset()
			case "separate":
				pc.inInstr = false
				pc.fieldActive = true
				pc.fieldHref = hyperlinkField(pc.instr.String())
			case "end":
				pc.fieldDepth = max(0, pc.fieldDepth-1)
				pc.inInstr = false
				if pc.fieldDepth == 0 {
					pc.fieldActive = false
					pc.fieldHref = ""
				}
			}
		case k.isW("instrText"):
			pc.instr.WriteString(k.text)
		case k.isW("footnoteReference"), k.isW("endnoteReference"):
			r.doc.Dropped[DropFootnote]++
		case k.isW("commentReference"):
			r.doc.Dropped[DropComment]++
		case k.isW("drawing"), k.isW("pict"):
			if err := pc.graphic(k, extra); err != nil {
				return err
			}
		case k.isW("object"):
			r.doc.Dropped[DropObject]++
		case k.name == "AlternateContent":
			if c := k.child("Choice"); c != nil {
				wrapped := &node{kids: c.kids}
				for _, g := range wrapped.kids {
					if g.isW("drawing") || g.isW("pict") {
						if err := pc.graphic(g, extra); err != nil {
							return err
						}
					}
				}
			}
		}
	}
	return nil
}

// hyperlinkField returns the address of a HYPERLINK field instruction.
func hyperlinkField(instr string) string {
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "HYPERLINK") {
		return ""
	}
	for _, a := range f[1:] {
		if strings.HasPrefix(a, `\`) {
			continue
		}
		return strings.Trim(a, `"`)
	}
	return ""
}

// graphic reads a w:drawing or w:pict: its photos, and the text boxes it
// holds (read as paragraphs after the current one); a chart or a diagram
// is counted as left out.
func (pc *paraCtx) graphic(g *node, extra *[]*node) error {
	r := pc.r
	var walk func(n *node) error
	alt := ""
	if dp := g.find("docPr"); dp != nil {
		alt = strings.TrimSpace(dp.get("descr"))
		if alt == "" {
			alt = strings.TrimSpace(dp.get("title"))
		}
	}
	found := false
	walk = func(n *node) error {
		for _, k := range n.kids {
			switch k.name {
			case "blip":
				found = true
				if err := pc.image(k.rel("embed"), k.rel("link"), alt); err != nil {
					return err
				}
			case "imagedata":
				found = true
				if err := pc.image(k.rel("id"), "", alt); err != nil {
					return err
				}
			case "txbxContent":
				found = true
				*extra = append(*extra, k)
			case "chart", "relIds":
				found = true
				r.doc.Dropped[DropChart]++
			case "Fallback":
				// the same content for older readers
			default:
				if err := walk(k); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(g); err != nil {
		return err
	}
	if !found {
		r.doc.Dropped[DropObject]++
	}
	return nil
}

// image adds the photo of relationship id (or, linked from outside the
// document, counts it as left out).
func (pc *paraCtx) image(embed, link, alt string) error {
	r := pc.r
	rl, ok := r.rels[embed]
	if embed == "" || !ok || rl.external {
		if link != "" || rl.external {
			r.doc.Dropped[DropLinkedImage]++
		} else {
			r.doc.Dropped[DropMissingImage]++
		}
		return nil
	}
	part := strings.TrimPrefix(path.Clean("/"+path.Join("word", rl.target)), "/")
	if strings.HasPrefix(rl.target, "/") {
		part = strings.TrimPrefix(path.Clean(rl.target), "/")
	}
	if _, done := r.doc.Media[part]; !done {
		if !r.a.has(part) {
			r.doc.Dropped[DropMissingImage]++
			return nil
		}
		data, err := r.a.readPart(part)
		if err != nil {
			return err
		}
		r.doc.Media[part] = data
	}
	img := el(atom.Img, "src", part)
	if alt != "" {
		img.Attr = append(img.Attr, html.Attribute{Key: "alt", Val: alt})
	}
	pc.segs = append(pc.segs, segment{img: img})
	return nil
}
