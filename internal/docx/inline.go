package docx

import (
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khuyencong/khuyencong/internal/legacy"
)

// The content of a paragraph: runs of text, fields and hyperlinks,
// drawings and images.

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
			if pc.inInstr {
				continue
			}
			if n := r.mark(k); n > 0 {
				pc.segs = append(pc.segs, segment{text: "[" + strconv.Itoa(n) + "]", href: base.href})
			} else {
				r.doc.Dropped[DropFootnote]++
			}
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
