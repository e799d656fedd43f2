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
	// Notes are the footnotes and endnotes the text refers to, in the
	// order of their marks: the n-th is an <li> of the note's text, and
	// its mark stands in the text as "[n]".
	Notes []*html.Node
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
	r.notes = map[string]*node{}
	for _, kind := range []string{"footnote", "endnote"} {
		x, err := r.part("word/"+kind+"s.xml", false)
		if err != nil {
			return nil, err
		}
		r.indexNotes(kind, x)
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
	if err := r.noteTexts(); err != nil {
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
	// notes holds the notes of the document by kind and id
	// ("footnote:2"); marked lists those the text refers to, in order.
	notes  map[string]*node
	marked []*node
}

// indexNotes keeps the notes of a footnotes or endnotes part, leaving out
// the separators Word keeps there.
func (r *reader) indexNotes(kind string, root *node) {
	if root == nil {
		return
	}
	for _, n := range root.children(kind) {
		if t := n.get("type"); t != "" && t != "normal" {
			continue
		}
		r.notes[kind+":"+n.get("id")] = n
	}
}

// maxNotes bounds the notes of a document, which a note marking itself
// would otherwise make endless.
const maxNotes = 1000

// mark returns the number of the note a footnoteReference or
// endnoteReference refers to, 0 when the document does not hold it.
func (r *reader) mark(ref *node) int {
	kind := strings.TrimSuffix(ref.name, "Reference")
	n := r.notes[kind+":"+ref.get("id")]
	if n == nil || len(r.marked) >= maxNotes {
		return 0
	}
	r.marked = append(r.marked, n)
	return len(r.marked)
}

// noteTexts converts the notes marked in the text into Document.Notes:
// the paragraphs of a note joined by line breaks in one list item (a
// table in a note stays a table).
func (r *reader) noteTexts() error {
	for i := 0; i < len(r.marked); i++ { // a note may mark another
		box := el(atom.Div)
		if err := r.blocks(r.marked[i], box, 1); err != nil {
			return err
		}
		li := el(atom.Li)
		for b := box.FirstChild; b != nil; {
			next := b.NextSibling
			box.RemoveChild(b)
			if li.FirstChild != nil {
				li.AppendChild(el(atom.Br))
			}
			if b.DataAtom == atom.P {
				for c := b.FirstChild; c != nil; {
					cn := c.NextSibling
					b.RemoveChild(c)
					li.AppendChild(c)
					c = cn
				}
			} else {
				li.AppendChild(b)
			}
			b = next
		}
		// The space Word puts after the note's own number.
		if c := li.FirstChild; c != nil && c.Type == html.TextNode {
			c.Data = strings.TrimLeft(c.Data, " \t\u00a0")
		}
		r.doc.Notes = append(r.doc.Notes, li)
	}
	return nil
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
