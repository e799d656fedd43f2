package load

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// dump writes a node tree as one line per node: kind, position, value;
// aliases would show as "alias".
func dump(b *strings.Builder, n *yaml.Node, indent string) {
	kind := map[yaml.Kind]string{yaml.MappingNode: "map", yaml.SequenceNode: "seq", yaml.ScalarNode: "scalar", yaml.AliasNode: "alias", yaml.DocumentNode: "doc"}[n.Kind]
	fmt.Fprintf(b, "%s%s %d:%d %s\n", indent, kind, n.Line, n.Column, n.Value)
	for _, c := range n.Content {
		dump(b, c, indent+"  ")
	}
}

func TestExpandAliasesAndMerges(t *testing.T) {
	tests := []struct {
		name, src, want, diags string
	}{
		{
			name: "alias copied in place",
			src:  "a: &n [1, 2]\nb: *n\n",
			want: "map 1:1 \n  scalar 1:1 a\n  seq 1:4 \n    scalar 1:8 1\n    scalar 1:11 2\n  scalar 2:1 b\n  seq 1:4 \n    scalar 1:8 1\n    scalar 1:11 2\n",
		},
		{
			name: "merge keeps the record's own keys",
			src:  "- &base\n  funding_source: kcqg\n  year: 2020\n- <<: *base\n  year: 2021\n  title: B\n",
			want: "seq 1:1 \n  map 1:3 \n    scalar 2:3 funding_source\n    scalar 2:19 kcqg\n    scalar 3:3 year\n    scalar 3:9 2020\n  map 4:3 \n    scalar 2:3 funding_source\n    scalar 2:19 kcqg\n    scalar 5:3 year\n    scalar 5:9 2021\n    scalar 6:3 title\n    scalar 6:10 B\n",
		},
		{
			name: "merge of a list, the first wins",
			src:  "a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: [*a, *b]\n",
			want: "map 1:1 \n  scalar 1:1 a\n  map 1:4 \n    scalar 1:8 x\n    scalar 1:11 1\n  scalar 2:1 b\n  map 2:4 \n    scalar 2:8 x\n    scalar 2:11 2\n    scalar 2:14 y\n    scalar 2:17 3\n  scalar 3:1 c\n  map 4:3 \n    scalar 1:8 x\n    scalar 1:11 1\n    scalar 2:14 y\n    scalar 2:17 3\n",
		},
		{
			name:  "merge of a scalar",
			src:   "a: &a 1\nb:\n  <<: *a\n  c: 2\n",
			want:  "map 1:1 \n  scalar 1:1 a\n  scalar 1:4 1\n  scalar 2:1 b\n  map 3:3 \n    scalar 4:3 c\n    scalar 4:6 2\n",
			diags: "x.yaml:1:4: lỗi: “<<” chỉ gộp được một bản ghi (các dòng “khóa: giá trị”), ví dụ: <<: *mac_dinh\n",
		},
		{
			name:  "alias to the value of a key written twice",
			src:   "y: &y 1\na: 2\na: &x [*y]\nb: *x\n",
			want:  "map 1:1 \n  scalar 1:1 y\n  scalar 1:4 1\n  scalar 2:1 a\n  scalar 2:4 2\n  scalar 4:1 b\n  seq 3:4 \n    scalar 1:4 1\n",
			diags: "x.yaml:3:1: lỗi: khóa “a” được viết hai lần trong cùng một bản ghi (lần đầu ở dòng 2): hãy xóa hoặc gộp một trong hai dòng\nx.yaml:2:1: ghi chú: khóa “a” được viết lần đầu ở đây\n",
		},
		{
			name: "key written twice inside the value of a key written twice",
			src:  "a: 1\na: &x {b: 1, b: 2}\nc: *x\n",
			want: "map 1:1 \n  scalar 1:1 a\n  scalar 1:4 1\n  scalar 3:1 c\n  map 2:4 \n    scalar 2:8 b\n    scalar 2:11 1\n",
			diags: "x.yaml:2:14: lỗi: khóa “b” được viết hai lần trong cùng một bản ghi (lần đầu ở dòng 2): hãy xóa hoặc gộp một trong hai dòng\nx.yaml:2:8: ghi chú: khóa “b” được viết lần đầu ở đây\n" +
				"x.yaml:2:1: lỗi: khóa “a” được viết hai lần trong cùng một bản ghi (lần đầu ở dòng 1): hãy xóa hoặc gộp một trong hai dòng\nx.yaml:1:1: ghi chú: khóa “a” được viết lần đầu ở đây\n",
		},
		{
			name: "many aliases within the limit",
			src:  "a: &a [" + strings.Repeat("1,", 999) + "1]\nb: [" + strings.Repeat("*a,", 99) + "*a]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			root := parseYAML(&l, "x.yaml", []byte(tt.src), false)
			var out bytes.Buffer
			l.Print(&out, "vi")
			if out.String() != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant\n%s", out.String(), tt.diags)
			}
			if root == nil {
				t.Fatal("no root")
			}
			var b strings.Builder
			dump(&b, root, "")
			if strings.Contains(b.String(), "alias") {
				t.Errorf("an alias is left")
			}
			if tt.want != "" && b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}

func TestAliasLimit(t *testing.T) {
	// A list of 1001 values reused 200 times adds 200.200 values, over
	// the limit; a list of 1000 reused 100 times adds exactly 100.000, the
	// most allowed (see TestExpandAliasesAndMerges).
	src := "a: &a [" + strings.Repeat("1,", 1000) + "1]\nb: [" + strings.Repeat("*a,", 199) + "*a]\n"
	var l diag.List
	if root := parseYAML(&l, "x.yaml", []byte(src), false); root != nil {
		t.Error("file over the alias limit is handed on")
	}
	var out bytes.Buffer
	l.Print(&out, "vi")
	want := "x.yaml:2:5: lỗi: các bí danh (*tên) trong tệp này khi mở ra thành 201.406 giá trị, vượt giới hạn (chỉ được thêm 100.000): tệp bị bỏ qua; hãy viết thẳng các giá trị thay cho bí danh\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}
