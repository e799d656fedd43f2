package load

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Limits on what aliases (*name, reusing the value marked &name) may do.
// A few kilobytes of aliases can stand for billions of nodes ("billion
// laughs"); later stages walk every node, so the expanded tree is measured
// before anything is expanded.
const (
	// maxAliasExtra is how many nodes aliases may add to a file whatever
	// its size; beyond it they may add no more than the file holds itself.
	maxAliasExtra = 100_000
	// MaxDepth is the deepest nesting of mappings and sequences accepted;
	// records of the data contract nest a handful of levels.
	MaxDepth = 64
)

// checkDuplicateKeys reports a key written twice in one mapping, at the
// second one with a note at the first, and removes the second pair so that
// later stages see each key once. It does not follow aliases, but checks
// the values of the pairs it removes too: an alias elsewhere may name one.
func checkDuplicateKeys(l *diag.List, path string, n *yaml.Node) {
	for _, c := range n.Content {
		if c.Kind != yaml.AliasNode {
			checkDuplicateKeys(l, path, c)
		}
	}
	if n.Kind == yaml.MappingNode && len(n.Content) >= 4 {
		// Records have a few keys: below smallMapping pairs, looking back
		// over the keys kept costs less than a map.
		const smallMapping = 16
		var seen map[string]*yaml.Node
		if len(n.Content) > 2*smallMapping {
			seen = make(map[string]*yaml.Node, len(n.Content)/2)
		}
		out := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && !isMergeKey(k) {
				first, dup := seen[k.Value]
				if seen == nil {
					first, dup = keptKey(out, k.Value)
				}
				if dup {
					l.Error(diag.Pos{File: path, Line: k.Line, Col: k.Column}, "duplicate-key", diag.M(
						"khóa “%s” được viết hai lần trong cùng một bản ghi (lần đầu ở dòng %d): hãy xóa hoặc gộp một trong hai dòng",
						"key “%s” is written twice in one record (first on line %d): delete or merge one of the two lines",
						k.Value, first.Line),
						diag.Related{Pos: diag.Pos{File: path, Line: first.Line, Col: first.Column},
							Msg: diag.M("khóa “%s” được viết lần đầu ở đây", "key “%s” is first written here", k.Value)})
					continue
				}
				if seen != nil {
					seen[k.Value] = k
				}
			}
			out = append(out, k, v)
		}
		clear(n.Content[len(out):])
		n.Content = out
	}
}

// keptKey finds the scalar key named value among the pairs of out.
func keptKey(out []*yaml.Node, value string) (*yaml.Node, bool) {
	for i := 0; i < len(out); i += 2 {
		if k := out[i]; k.Kind == yaml.ScalarNode && k.Value == value && !isMergeKey(k) {
			return k, true
		}
	}
	return nil, false
}

func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// aliasCheck measures a document: its literal nodes, and the size and
// height it would have with every alias expanded.
type aliasCheck struct {
	literal    int64
	firstAlias *yaml.Node
	deep       *yaml.Node // first literal node nested deeper than MaxDepth
	cycle      *yaml.Node // an alias inside the value it names
	state      map[*yaml.Node]*measure
}

type measure struct {
	size, height int64
	done         bool
}

// sizeCap keeps sums from overflowing; any size above it is too large.
const sizeCap = 1 << 40

func (c *aliasCheck) walkLiteral(n *yaml.Node, depth int) {
	c.literal++
	if depth > MaxDepth && c.deep == nil {
		c.deep = n
	}
	if n.Kind == yaml.AliasNode {
		if c.firstAlias == nil {
			c.firstAlias = n
		}
		return
	}
	for _, ch := range n.Content {
		c.walkLiteral(ch, depth+1)
	}
}

// measure returns the expanded size and height of n, following aliases,
// each node measured once.
func (c *aliasCheck) measure(n *yaml.Node) (size, height int64) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1, 1
		}
		if m, ok := c.state[n.Alias]; ok && !m.done {
			if c.cycle == nil {
				c.cycle = n
			}
			return 1, 1
		}
		return c.measure(n.Alias)
	}
	if m, ok := c.state[n]; ok {
		if !m.done {
			return 1, 1
		}
		return m.size, m.height
	}
	m := &measure{}
	c.state[n] = m
	size, height = 1, 1
	for _, ch := range n.Content {
		s, h := c.measure(ch)
		size = min(size+s, sizeCap)
		height = max(height, h+1)
	}
	m.size, m.height, m.done = size, height, true
	return size, height
}

// checkAliases reports a document whose aliases would expand beyond the
// limits, an alias inside the value it names, or nesting deeper than
// MaxDepth, and returns false for such a document.
func checkAliases(l *diag.List, path string, root *yaml.Node) bool {
	c := &aliasCheck{}
	c.walkLiteral(root, 1)
	if c.deep != nil {
		l.Error(diag.Pos{File: path, Line: c.deep.Line, Col: c.deep.Column}, "too-deep", diag.M(
			"dữ liệu lồng nhau quá sâu (hơn %d cấp): hãy kiểm tra thụt lề và các dấu ngoặc [ ] { }",
			"the data is nested too deeply (more than %d levels): check the indentation and the brackets [ ] { }",
			MaxDepth))
		return false
	}
	if c.firstAlias == nil {
		return true
	}
	c.state = make(map[*yaml.Node]*measure)
	size, height := c.measure(root)
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{File: path, Line: n.Line, Col: n.Column} }
	switch extra := size - c.literal; {
	case c.cycle != nil:
		l.Error(at(c.cycle), "alias-bomb", diag.M(
			"“*%s” nằm bên trong chính giá trị “&%s” mà nó dùng lại, nên giá trị không bao giờ kết thúc: hãy viết thẳng giá trị thay cho “*%s”",
			"“*%s” lies inside the very value “&%s” it reuses, so the value never ends: write the value itself instead of “*%s”",
			c.cycle.Value, c.cycle.Value, c.cycle.Value))
		return false
	case extra > maxAliasExtra && extra > c.literal:
		l.Error(at(c.firstAlias), "alias-bomb", diag.M(
			"các bí danh (*tên) trong tệp này khi mở ra thành %s giá trị, vượt giới hạn (chỉ được thêm %s): tệp bị bỏ qua; hãy viết thẳng các giá trị thay cho bí danh",
			"the aliases (*name) in this file expand to %s values, over the limit (at most %s more): the file is skipped; write the values themselves instead of aliases",
			countText(size), countText(max(maxAliasExtra, c.literal))))
		return false
	case height > MaxDepth:
		l.Error(at(c.firstAlias), "too-deep", diag.M(
			"dữ liệu lồng nhau quá sâu (hơn %d cấp) khi mở các bí danh (*tên): hãy viết thẳng các giá trị thay cho bí danh",
			"the data is nested too deeply (more than %d levels) once the aliases (*name) are expanded: write the values themselves instead of aliases",
			MaxDepth))
		return false
	}
	return true
}

// countText writes a count with dots between thousands, as Vietnamese
// does; a size at the cap is written with ">" before it.
func countText(n int64) string {
	digits := strconv.FormatInt(n, 10)
	var b strings.Builder
	if n >= sizeCap {
		b.WriteByte('>')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// expand replaces every alias by a copy of the value it names and applies
// merge keys (<<: *defaults), in document order. Each value named is
// expanded before it is copied, even one no longer in the tree (the value
// of a key written twice, removed by checkDuplicateKeys). Only documents
// that passed checkAliases reach it.
func expand(l *diag.List, path string, n *yaml.Node) *yaml.Node {
	e := expander{l: l, path: path}
	return e.expand(n)
}

type expander struct {
	l    *diag.List
	path string
	// done holds the anchored values (&name) already expanded.
	done map[*yaml.Node]bool
}

func (e *expander) expand(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			// The parser rejects an alias to no anchor; keep the place.
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
		}
		return deepCopy(e.expand(n.Alias))
	}
	if n.Anchor != "" {
		if e.done[n] {
			return n
		}
		if e.done == nil {
			e.done = make(map[*yaml.Node]bool)
		}
		e.done[n] = true
	}
	for i, ch := range n.Content {
		n.Content[i] = e.expand(ch)
	}
	if n.Kind == yaml.MappingNode {
		applyMerge(e.l, e.path, n)
	}
	return n
}

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Anchor = ""
	if n.Content != nil {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, ch := range n.Content {
			c.Content[i] = deepCopy(ch)
		}
	}
	return &c
}

// applyMerge replaces the merge keys of mapping m by the pairs of the
// mappings they name that m does not set itself; with a list of mappings,
// the first one that sets a key wins.
func applyMerge(l *diag.List, path string, m *yaml.Node) {
	has := false
	for i := 0; i < len(m.Content); i += 2 {
		if isMergeKey(m.Content[i]) {
			has = true
			break
		}
	}
	if !has {
		return
	}
	seen := make(map[string]bool)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && !isMergeKey(k) {
			seen[k.Value] = true
		}
	}
	var out []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !isMergeKey(k) {
			out = append(out, k, v)
			continue
		}
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, s := range sources {
			if s.Kind != yaml.MappingNode {
				l.Error(diag.Pos{File: path, Line: s.Line, Col: s.Column}, "merge-invalid", diag.M(
					"“<<” chỉ gộp được một bản ghi (các dòng “khóa: giá trị”), ví dụ: <<: *mac_dinh",
					"“<<” can only merge a record (“key: value” lines), e.g. <<: *defaults"))
				continue
			}
			for j := 0; j+1 < len(s.Content); j += 2 {
				sk := s.Content[j]
				if sk.Kind == yaml.ScalarNode {
					if seen[sk.Value] {
						continue
					}
					seen[sk.Value] = true
				}
				out = append(out, sk, s.Content[j+1])
			}
		}
	}
	m.Content = out
}
