package diag

import (
	"bytes"
	"testing"
)

func sample() List {
	var l List
	l.Warn(Pos{"data/reports/2020.yaml", 4, 3}, "reported-exceeded", M("số liệu vượt", "figure exceeds"))
	l.Error(Pos{"data/products/b.yaml", 2, 1}, "unknown-key", M("khóa lạ %q", "unknown key %q", "nam"))
	l.Error(Pos{"data/products/a.yaml", 7, 5}, "duplicate-id", M("trùng mã", "duplicate id"),
		Related{Pos{"data/products/b.yaml", 1, 3}, M("định nghĩa lần đầu ở đây", "first defined here")})
	l.Error(Pos{"data/products/b.yaml", 2, 1}, "unknown-key", M("khóa lạ %q", "unknown key %q", "nam"))
	l.Error(Pos{"data/products/a.yaml", 7, 2}, "wrong-type", M("sai kiểu", "wrong type"))
	l.Error(Pos{File: "data/site.yaml"}, "missing-field", M("thiếu title", "missing title"))
	return l
}

func TestSortPrintSummary(t *testing.T) {
	for _, c := range []struct {
		lang, want, summary string
	}{
		{"vi", `data/products/a.yaml:7:2: lỗi: sai kiểu
data/products/a.yaml:7:5: lỗi: trùng mã
data/products/b.yaml:1:3: ghi chú: định nghĩa lần đầu ở đây
data/products/b.yaml:2:1: lỗi: khóa lạ "nam"
data/reports/2020.yaml:4:3: cảnh báo: số liệu vượt
data/site.yaml: lỗi: thiếu title
`, "4 lỗi, 1 cảnh báo"},
		{"en", `data/products/a.yaml:7:2: error: wrong type
data/products/a.yaml:7:5: error: duplicate id
data/products/b.yaml:1:3: note: first defined here
data/products/b.yaml:2:1: error: unknown key "nam"
data/reports/2020.yaml:4:3: warning: figure exceeds
data/site.yaml: error: missing title
`, "4 errors, 1 warning"},
	} {
		l := sample()
		l.Sort()
		var b bytes.Buffer
		if err := l.Print(&b, c.lang); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.lang, b.String(), c.want)
		}
		if got := l.Summary(c.lang); got != c.summary {
			t.Errorf("%s summary: got %q, want %q", c.lang, got, c.summary)
		}
	}
}

func TestPrintJSON(t *testing.T) {
	var l List
	l.Error(Pos{"data/products/a.yaml", 7, 5}, "duplicate-id", M("trùng mã <a>", "duplicate id <a>"),
		Related{Pos{"data/products/b.yaml", 1, 3}, M("lần đầu", "first")})
	var b bytes.Buffer
	if err := l.PrintJSON(&b, "vi"); err != nil {
		t.Fatal(err)
	}
	want := `{"file":"data/products/a.yaml","line":7,"col":5,"severity":"error","code":"duplicate-id","message":"trùng mã <a>","notes":[{"file":"data/products/b.yaml","line":1,"col":3,"message":"lần đầu"}]}` + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestHasErrors(t *testing.T) {
	var l List
	if l.HasErrors() {
		t.Fatal("empty list has errors")
	}
	l.Warn(Pos{}, "w", M("w", "w"))
	if l.HasErrors() {
		t.Fatal("warnings only count as errors")
	}
	l.Error(Pos{}, "e", M("e", "e"))
	if !l.HasErrors() {
		t.Fatal("error not counted")
	}
}
