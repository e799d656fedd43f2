package load

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// FuzzParseYAML feeds arbitrary bytes through everything a YAML file goes
// through on load. It must never panic, and what it hands on must keep the
// promises of Doc: a mapping or a sequence, no alias left, nesting within
// MaxDepth, and every diagnostic placed in the file.
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{
		"name: Tinh dầu chúc\nspecs:\n  volume: 10 ml\n",
		"- id: an-giang\n  name: An Giang\n- id: x\n",
		"name: a\n\tid: b\n",
		"a:\n  b: 1\n c: 2\n",
		"name: \"abc\nid: x\n",
		"a: [1, 2\n",
		"a: 1\na: 2\n",
		"a: 1\n---\nb: 2\n",
		"a: &x [*x]\n",
		"a: &a [1,2]\nb: [*a,*a]\nc: {<<: {x: 1}, y: 2}\n",
		"\xEF\xBB\xBFa: 1\r\nb: 2\r\n",
		"a: \xff\n",
		"Tinh dầu\n",
		"",
		billionLaughs,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l diag.List
		text, ok := decodeText(&l, "f.yaml", data)
		if !ok {
			return
		}
		lines := strings.Count(string(text), "\n") + 1
		root := parseYAML(&l, "f.yaml", text, false)
		for _, d := range l {
			if d.Pos.File != "f.yaml" || d.Pos.Line < 0 || d.Pos.Line > lines || d.Pos.Col < 0 {
				t.Fatalf("diagnostic out of the file (%d lines): %s", lines, d.Format("vi"))
			}
			if d.Msg.Vi == "" || d.Msg.En == "" || d.Code == "" {
				t.Fatalf("diagnostic without message or code: %+v", d)
			}
		}
		if root == nil {
			return
		}
		if root.Kind != yaml.MappingNode && root.Kind != yaml.SequenceNode {
			t.Fatalf("root of kind %v handed on", root.Kind)
		}
		checkPlain(t, root)
	})
}

// checkPlain fails unless the tree under root keeps the promises of
// Doc.Root: no alias, no merge key, no scalar key twice in a mapping,
// nesting within MaxDepth.
func checkPlain(t *testing.T, root *yaml.Node) {
	t.Helper()
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n.Kind == yaml.AliasNode {
			t.Fatalf("alias left at %d:%d", n.Line, n.Column)
		}
		if depth > MaxDepth {
			t.Fatalf("nesting deeper than %d", MaxDepth)
		}
		if n.Kind == yaml.MappingNode {
			seen := map[string]bool{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if isMergeKey(k) {
					t.Fatalf("merge key left at %d:%d", k.Line, k.Column)
				}
				if k.Kind == yaml.ScalarNode {
					if seen[k.Value] {
						t.Fatalf("key %q twice at %d:%d", k.Value, k.Line, k.Column)
					}
					seen[k.Value] = true
				}
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 1)
}

// FuzzSplitFrontMatter checks that the parts SplitFrontMatter returns put
// the file back together, at the lines they claim.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 2021-08-17\n---\nBody\n",
		"---\ntitle: A\n...\n",
		"---\n---\n",
		"---\ntitle: A\n",
		"no front matter\n---\n",
		"---  \r\na: 1\r\n--- \r\nx",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		front, frontLine, body, bodyLine, err := SplitFrontMatter(src)
		if err != nil {
			if err.Line != 1 || !strings.HasPrefix(src, "---") {
				t.Fatalf("error %v for %q", err, src)
			}
			return
		}
		if frontLine == 0 {
			if front != "" || body != src || bodyLine != 1 {
				t.Fatalf("no front matter but parts (%q, %q, %d)", front, body, bodyLine)
			}
			return
		}
		if frontLine != 2 {
			t.Fatalf("front matter starts on line %d", frontLine)
		}
		// The opening line, the front matter, the closing line and the body
		// make the file again, and the body starts where it says.
		_, afterOpen, _ := strings.Cut(src, "\n")
		if !strings.HasPrefix(afterOpen, front) || !strings.HasSuffix(src, body) {
			t.Fatalf("parts (%q, %q) are not in %q", front, body, src)
		}
		closing := afterOpen[len(front) : len(afterOpen)-len(body)]
		if !isFence(strings.TrimSuffix(closing, "\n"), true) || strings.Count(closing, "\n") > 1 {
			t.Fatalf("closing line %q", closing)
		}
		if want := 1 + strings.Count(src[:len(src)-len(body)], "\n") + boolInt(!strings.HasSuffix(closing, "\n")); bodyLine != want {
			t.Fatalf("body line %d, want %d", bodyLine, want)
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzLoadPage runs a Markdown file through the page reader.
func FuzzLoadPage(f *testing.F) {
	f.Add("---\ntitle: A\n---\nBody\n")
	f.Add("---\n- a\n---\n")
	f.Add("---\na: \"x\n---\n")
	f.Add("---\nd: &d {tags: [a]}\n<<: *d\ntitle: A\ntitle: B\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		var l diag.List
		p := parsePage(&l, "p.md", "p", false, src)
		if p != nil && p.Front != nil {
			if p.Front.Kind != yaml.MappingNode {
				t.Fatalf("front matter of kind %v", p.Front.Kind)
			}
			checkPlain(t, p.Front)
		}
		if p == nil && !l.HasErrors() {
			t.Fatal("page dropped without an error")
		}
	})
}
