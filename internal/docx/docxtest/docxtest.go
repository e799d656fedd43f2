// Package docxtest writes Word documents (.docx) for tests: the parts
// Word itself writes for headings, styled and aligned paragraphs, runs in
// any font, numbered and bulleted lists, tables and inline photos, so that
// the tests of the importer need no binary fixture.
package docxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"time"
)

// Run is a run of text, or a photo when Image is set.
type Run struct {
	Text         string
	Bold, Italic bool
	Superscript  bool
	Font         string
	// Image is a photo's bytes, shown inline; Alt its description.
	Image []byte
	Ext   string // "jpeg" or "png"
	Alt   string
	// Break ends the line inside the paragraph.
	Break bool
	// Link makes the run a hyperlink to this address.
	Link string
	// Footnote or Endnote makes the run a note's mark, the note holding
	// this text (paragraphs split at "\n").
	Footnote, Endnote string
}

// Para is a paragraph.
type Para struct {
	// Style is a style id of Styles: Title, Heading1–3, Caption, Quote,
	// ListParagraph; "" for Normal.
	Style string
	// Align: "center", "right", "both" or "".
	Align string
	// Num is 0, or the numId of a list: 1 decimal "%1.", 2 bullet,
	// 3 "a)" letters, 4 "%1.%2." outline; Level its ilvl.
	Num, Level int
	Runs       []Run
}

// Table is a table of plain text cells; a cell "<" continues the cell on
// its left (gridSpan), "^" the cell above (vMerge).
type Table [][]string

// Doc is a document being written: blocks are Para or Table.
type Doc struct {
	Title, Creator    string
	Created, Modified time.Time
	// DefaultFont, when set, is the document default font (docDefaults),
	// as in documents made from an old .VnTime template.
	DefaultFont string
	Blocks      []any
	// Extra parts, added as they are (for hostile documents).
	Extra map[string][]byte
}

// P is a paragraph of plain runs of text.
func P(text ...string) Para {
	var rs []Run
	for _, t := range text {
		rs = append(rs, Run{Text: t})
	}
	return Para{Runs: rs}
}

// Bytes writes the .docx.
func (d *Doc) Bytes() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var body strings.Builder
	var rels strings.Builder
	media := map[string][]byte{}
	nimg := 0
	rid := 100
	notes := map[string][]string{}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Para:
			body.WriteString(para(b, &nimg, &rid, media, &rels, notes))
		case Table:
			body.WriteString(table(b))
		}
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>` +
		body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	put := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		w.Write(data)
	}
	put("[Content_Types].xml", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`))
	put("_rels/.rels", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`))
	put("word/document.xml", []byte(doc))
	put("word/styles.xml", []byte(styles(d.DefaultFont)))
	put("word/numbering.xml", []byte(numbering))
	put("word/_rels/document.xml.rels", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`+rels.String()+`</Relationships>`))
	put("docProps/core.xml", []byte(core(d)))
	for _, kind := range []string{"footnote", "endnote"} {
		if _, given := d.Extra["word/"+kind+"s.xml"]; len(notes[kind]) > 0 && !given {
			put("word/"+kind+"s.xml", []byte(notesPart(kind, notes[kind])))
		}
	}
	for i := 1; i <= nimg; i++ {
		for _, ext := range []string{"jpeg", "png"} {
			name := fmt.Sprintf("word/media/image%d.%s", i, ext)
			if data, ok := media[name]; ok {
				put(name, data)
			}
		}
	}
	for name, data := range d.Extra {
		put(name, data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func esc(s string) string { return html.EscapeString(s) }

// notesPart writes a footnotes or endnotes part as Word does: two
// separators, then the notes with ids from 1.
func notesPart(kind string, texts []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:%ss xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`, kind)
	fmt.Fprintf(&b, `<w:%s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%[1]s>`, kind)
	fmt.Fprintf(&b, `<w:%s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:%[1]s>`, kind)
	for i, t := range texts {
		fmt.Fprintf(&b, `<w:%s w:id="%d">`, kind, i+1)
		for j, line := range strings.Split(t, "\n") {
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>`)
			if j == 0 {
				fmt.Fprintf(&b, `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:%sRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`, kind)
			}
			fmt.Fprintf(&b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc(line))
		}
		fmt.Fprintf(&b, `</w:%s>`, kind)
	}
	fmt.Fprintf(&b, `</w:%ss>`, kind)
	return b.String()
}

func para(p Para, nimg, rid *int, media map[string][]byte, rels *strings.Builder, notes map[string][]string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr>")
	if p.Style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, p.Style)
	}
	if p.Num != 0 {
		fmt.Fprintf(&b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, p.Level, p.Num)
	}
	if p.Align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.Align)
	}
	b.WriteString("</w:pPr>")
	for _, r := range p.Runs {
		if r.Image != nil {
			*nimg++
			*rid++
			ext := r.Ext
			if ext == "" {
				ext = "jpeg"
			}
			name := fmt.Sprintf("image%d.%s", *nimg, ext)
			media["word/media/"+name] = r.Image
			fmt.Fprintf(rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/%s"/>`, *rid, name)
			fmt.Fprintf(&b, `<w:r><w:drawing><wp:inline><wp:extent cx="5400000" cy="3600000"/><wp:docPr id="%d" name="Picture %d" descr="%s"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="%s"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
				*nimg, *nimg, esc(r.Alt), name, *rid)
			continue
		}
		if r.Footnote != "" || r.Endnote != "" {
			kind, text := "footnote", r.Footnote
			if text == "" {
				kind, text = "endnote", r.Endnote
			}
			notes[kind] = append(notes[kind], text)
			fmt.Fprintf(&b, `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:%sReference w:id="%d"/></w:r>`, kind, len(notes[kind]))
			continue
		}
		if r.Link != "" {
			*rid++
			fmt.Fprintf(rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="%s" TargetMode="External"/>`, *rid, esc(r.Link))
			fmt.Fprintf(&b, `<w:hyperlink r:id="rId%d">`, *rid)
		}
		b.WriteString("<w:r><w:rPr>")
		if r.Font != "" {
			fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:hAnsi="%s"/>`, esc(r.Font), esc(r.Font))
		}
		if r.Bold {
			b.WriteString("<w:b/>")
		}
		if r.Italic {
			b.WriteString("<w:i/>")
		}
		if r.Superscript {
			b.WriteString(`<w:vertAlign w:val="superscript"/>`)
		}
		b.WriteString("</w:rPr>")
		if r.Text != "" {
			fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t>`, esc(r.Text))
		}
		if r.Break {
			b.WriteString("<w:br/>")
		}
		b.WriteString("</w:r>")
		if r.Link != "" {
			b.WriteString("</w:hyperlink>")
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

func table(t Table) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>`)
	for _, row := range t {
		b.WriteString("<w:tr>")
		for i := 0; i < len(row); i++ {
			cell := row[i]
			if cell == "<" {
				continue
			}
			span := 1
			for i+span < len(row) && row[i+span] == "<" {
				span++
			}
			b.WriteString("<w:tc><w:tcPr>")
			if span > 1 {
				fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, span)
			}
			if cell == "^" {
				b.WriteString("<w:vMerge/>")
				cell = ""
			}
			b.WriteString("</w:tcPr>")
			for _, line := range strings.Split(cell, "\n") {
				fmt.Fprintf(&b, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc(line))
			}
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

func styles(defaultFont string) string {
	font := ""
	if defaultFont != "" {
		font = fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s"/>`, esc(defaultFont), esc(defaultFont))
	}
	heading := func(n int) string {
		return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`, n, n, n-1)
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>` + font + `<w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>` +
		heading(1) + heading(2) + heading(3) +
		`<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>` +
		`</w:styles>`
}

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>` +
	`</w:numbering>`

func core(d *Doc) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	if d.Title != "" {
		fmt.Fprintf(&b, "<dc:title>%s</dc:title>", esc(d.Title))
	}
	if d.Creator != "" {
		fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>", esc(d.Creator))
	}
	if !d.Created.IsZero() {
		fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, d.Created.UTC().Format(time.RFC3339))
	}
	if !d.Modified.IsZero() {
		fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, d.Modified.UTC().Format(time.RFC3339))
	}
	b.WriteString("</cp:coreProperties>")
	return b.String()
}

// JPEG returns a photo of w×h pixels, a gradient tinted by seed, so that
// two photos differ.
func JPEG(w, h int, seed uint8) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, gradient(w, h, seed), &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// PNG is JPEG as a PNG image.
func PNG(w, h int, seed uint8) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, gradient(w, h, seed)); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func gradient(w, h int, seed uint8) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / max(w, 1)), uint8(y * 255 / max(h, 1)), seed, 255})
		}
	}
	return img
}

// Photo returns a w×h JPEG with the grain of a camera photo, so that it
// weighs what a real one does (about 0.3 byte a pixel).
func Photo(w, h int, seed uint8) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(seed) + 1
	for y := 0; y < h; y++ {
		for i := 0; i < w; i++ {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			n := uint8(x & 0x3f)
			img.Set(i, y, color.RGBA{uint8(i*200/max(w, 1)) + n, uint8(y*200/max(h, 1)) + n, seed + n, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
