package docx

import (
	"strconv"
	"strings"
)

// style is what a paragraph or character style contributes, with its
// basedOn chain already applied.
type style struct {
	name string // lower case built-in name: "heading 1", "title", "caption"
	// heading is 1–9 for a heading (by name or outline level), 0 otherwise.
	heading      int
	bold, italic tri
	font         string
	align        string
	numID, ilvl  string
	superscript  bool
	hasNum       bool
	basedOn      string
	resolved     bool
	pPr, rPr     *node
}

// tri is a toggle that may be left unset, to inherit.
type tri int8

const (
	unset tri = iota
	off
	on
)

func triOf(n *node, local string) tri {
	v, set := n.onOff(local)
	switch {
	case !set:
		return unset
	case v:
		return on
	}
	return off
}

// or returns t, or else when t is unset.
func (t tri) or(else_ tri) tri {
	if t == unset {
		return else_
	}
	return t
}

// styles holds the styles of a document by id, and the document defaults.
type styles struct {
	byID        map[string]*style
	defaultPara string
	defaultFont string
	defaultBold tri
	defaultItal tri
}

func parseStyles(root *node) *styles {
	s := &styles{byID: map[string]*style{}}
	if root == nil {
		return s
	}
	if dd := root.child("docDefaults"); dd != nil {
		if rpr := dd.child("rPrDefault").child("rPr"); rpr != nil {
			s.defaultFont = fontOf(rpr)
			s.defaultBold = triOf(rpr, "b")
			s.defaultItal = triOf(rpr, "i")
		}
	}
	for _, st := range root.children("style") {
		id := st.get("styleId")
		name, _ := st.val("name")
		basedOn, _ := st.val("basedOn")
		x := &style{
			name:    strings.ToLower(strings.TrimSpace(name)),
			basedOn: basedOn,
			pPr:     st.child("pPr"),
			rPr:     st.child("rPr"),
		}
		if st.get("type") == "paragraph" && isTrue(st.get("default")) {
			s.defaultPara = id
		}
		s.byID[id] = x
	}
	return s
}

func isTrue(v string) bool { return v == "1" || v == "true" || v == "on" }

// get returns the style id with its basedOn chain resolved; nil when the
// document has no such style.
func (s *styles) get(id string) *style {
	return s.resolve(id, 0)
}

func (s *styles) resolve(id string, depth int) *style {
	x := s.byID[id]
	if x == nil || depth > 20 {
		return nil
	}
	if x.resolved {
		return x
	}
	x.resolved = true
	var parent *style
	if x.basedOn != "" && x.basedOn != id {
		parent = s.resolve(x.basedOn, depth+1)
	}
	if parent != nil {
		*x = inherit(*x, *parent)
	}
	if x.pPr != nil {
		if lvl, ok := x.pPr.val("outlineLvl"); ok {
			if n, err := strconv.Atoi(lvl); err == nil && n >= 0 && n < 9 {
				x.heading = n + 1
			}
		}
		if jc, ok := x.pPr.val("jc"); ok {
			x.align = jc
		}
		if np := x.pPr.child("numPr"); np != nil {
			x.hasNum = true
			x.numID, _ = np.val("numId")
			x.ilvl, _ = np.val("ilvl")
		}
	}
	if strings.HasPrefix(x.name, "heading ") {
		if n, err := strconv.Atoi(strings.TrimPrefix(x.name, "heading ")); err == nil && n >= 1 && n <= 9 {
			x.heading = n
		}
	}
	if x.rPr != nil {
		x.bold = triOf(x.rPr, "b").or(x.bold)
		x.italic = triOf(x.rPr, "i").or(x.italic)
		if f := fontOf(x.rPr); f != "" {
			x.font = f
		}
		if v, _ := x.rPr.val("vertAlign"); v == "superscript" {
			x.superscript = true
		}
	}
	return x
}

// inherit fills what child leaves unset from parent; the name is the
// child's, the heading level too unless it has none.
func inherit(child, parent style) style {
	out := child
	if out.heading == 0 {
		out.heading = parent.heading
	}
	out.bold = child.bold.or(parent.bold)
	out.italic = child.italic.or(parent.italic)
	if out.font == "" {
		out.font = parent.font
	}
	if out.align == "" {
		out.align = parent.align
	}
	if !out.hasNum && parent.hasNum {
		out.hasNum, out.numID, out.ilvl = true, parent.numID, parent.ilvl
	}
	if out.name == "" {
		out.name = parent.name
	}
	// The built-in names that carry meaning pass to styles based on them
	// ("Sapo" based on "Caption" is a caption).
	if !meaningful(out.name) && meaningful(parent.name) {
		out.name = parent.name
	}
	return out
}

func meaningful(name string) bool {
	switch name {
	case "title", "subtitle", "caption", "quote", "intense quote":
		return true
	}
	return strings.HasPrefix(name, "heading ")
}

// fontOf returns the font of a w:rPr: w:rFonts hAnsi, else ascii (the
// fonts of the characters the legacy encodings use).
func fontOf(rpr *node) string {
	rf := rpr.child("rFonts")
	if rf == nil {
		return ""
	}
	if f := rf.get("hAnsi"); f != "" {
		return f
	}
	return rf.get("ascii")
}

// level is one level of a numbering definition.
type level struct {
	format string // decimal, bullet, lowerLetter …
	text   string // "%1.", "%1.%2.", "-"
	start  int
}

// numbering holds the numbering definitions by w:numId.
type numbering struct {
	levels map[string]map[int]level
}

func parseNumbering(root *node) *numbering {
	nb := &numbering{levels: map[string]map[int]level{}}
	if root == nil {
		return nb
	}
	abstract := map[string]map[int]level{}
	for _, an := range root.children("abstractNum") {
		lv := map[int]level{}
		for _, l := range an.children("lvl") {
			i, err := strconv.Atoi(l.get("ilvl"))
			if err != nil || i < 0 || i > 8 {
				continue
			}
			f, _ := l.val("numFmt")
			t, _ := l.val("lvlText")
			st := 1
			if v, ok := l.val("start"); ok {
				if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 1e6 {
					st = n
				}
			}
			lv[i] = level{format: f, text: t, start: st}
		}
		abstract[an.get("abstractNumId")] = lv
	}
	for _, n := range root.children("num") {
		aid, _ := n.val("abstractNumId")
		base := abstract[aid]
		lv := make(map[int]level, len(base))
		for k, v := range base {
			lv[k] = v
		}
		for _, o := range n.children("lvlOverride") {
			i, err := strconv.Atoi(o.get("ilvl"))
			if err != nil || i < 0 || i > 8 {
				continue
			}
			l := lv[i]
			if v, ok := o.val("startOverride"); ok {
				if s, err := strconv.Atoi(v); err == nil && s >= 0 && s < 1e6 {
					l.start = s
				}
			}
			if ol := o.child("lvl"); ol != nil {
				if f, ok := ol.val("numFmt"); ok {
					l.format = f
				}
				if t, ok := ol.val("lvlText"); ok {
					l.text = t
				}
			}
			lv[i] = l
		}
		nb.levels[n.get("numId")] = lv
	}
	return nb
}

// counters numbers the list paragraphs of a document in order, as Word
// does: a numId continues across the text between its paragraphs, and a
// level restarts when a level above it advances.
type counters struct {
	nb    *numbering
	count map[string]*[9]int
}

// next advances numId's counter at ilvl and returns the label Word shows
// ("3.", "a)", "II.", "•"), the item's number and the level.
func (c *counters) next(numID string, ilvl int) (label string, n int, lv level, ok bool) {
	levels := c.nb.levels[numID]
	lv, ok = levels[ilvl]
	if !ok || numID == "0" {
		return "", 0, level{}, false
	}
	cnt := c.count[numID]
	if cnt == nil {
		cnt = &[9]int{}
		for i := range cnt {
			cnt[i] = levels[i].start - 1
		}
		c.count[numID] = cnt
	}
	cnt[ilvl]++
	for i := ilvl + 1; i < 9; i++ {
		cnt[i] = levels[i].start - 1
	}
	if lv.format == "bullet" {
		return lv.text, cnt[ilvl], lv, true
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			b.WriteString(formatNumber(cnt[k], levels[k].format))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String(), cnt[ilvl], lv, true
}

// formatNumber writes n as a numbering format shows it.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := letters(n)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "none":
		return ""
	}
	if format == "decimalZero" && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// letters numbers as Word does: a … z, aa … zz, aaa ….
func letters(n int) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	c := byte('a' + (n-1)%26)
	return strings.Repeat(string(c), (n-1)/26+1)
}

func roman(n int) string {
	if n < 1 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
