package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Namespaces of WordprocessingML, transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// node is an element of a parsed XML part: its name, attributes, children
// and, for a leaf, its text.
type node struct {
	space, name string
	attr        []xml.Attr
	kids        []*node
	text        string
}

// Bounds of a part's tree.
const (
	maxDepth = 200
	maxNodes = 4_000_000
)

var errTooDeep = errors.New("XML nested too deeply")
var errTooMany = errors.New("XML has too many elements")

// parseXML reads an XML part into a tree. Text is kept on leaf elements
// only (w:t, w:instrText, dc:title …); whitespace between elements is
// dropped.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	root := &node{}
	stack := []*node{root}
	count := 0
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > maxNodes {
				return nil, errTooMany
			}
			if len(stack) > maxDepth {
				return nil, errTooDeep
			}
			n := &node{space: t.Name.Space, name: t.Name.Local, attr: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			n := stack[len(stack)-1]
			if len(n.kids) == 0 {
				n.text = text.String()
			}
			text.Reset()
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(root.kids) == 0 {
		return nil, errors.New("empty XML part")
	}
	return root.kids[0], nil
}

// isW reports whether n is the WordprocessingML element local.
func (n *node) isW(local string) bool {
	return n != nil && n.name == local && (n.space == nsW || n.space == nsWStrict)
}

// child returns the first child element named local (any namespace).
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
	}
	return nil
}

// children returns the child elements named local.
func (n *node) children(local string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name == local {
			out = append(out, k)
		}
	}
	return out
}

// find returns the first descendant named local, depth first.
func (n *node) find(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
		if f := k.find(local); f != nil {
			return f
		}
	}
	return nil
}

// get returns the attribute named local (any namespace, w: first).
func (n *node) get(local string) string {
	if n == nil {
		return ""
	}
	v := ""
	for _, a := range n.attr {
		if a.Name.Local == local {
			if a.Name.Space == nsW || a.Name.Space == nsWStrict {
				return a.Value
			}
			if v == "" {
				v = a.Value
			}
		}
	}
	return v
}

// rel returns the relationship id attribute local (r:id, r:embed).
func (n *node) rel(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local && (a.Name.Space == nsR || a.Name.Space == nsRStrict) {
			return a.Value
		}
	}
	return ""
}

// val is the w:val of the child local; "" when the child is absent.
func (n *node) val(local string) (string, bool) {
	c := n.child(local)
	if c == nil {
		return "", false
	}
	return c.get("val"), true
}

// onOff reads a toggle property such as w:b: set is false when absent;
// present without w:val, or with true/1/on, it is on.
func (n *node) onOff(local string) (on, set bool) {
	v, ok := n.val(local)
	if !ok {
		return false, false
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false, true
	}
	return true, true
}
