package render

import "testing"

func TestCellTextNeverAFormula(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{"Gạo Nàng Nhen", "Gạo Nàng Nhen"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+84 296 3", "'+84 296 3"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"", ""},
		{int64(-5), "-5"},
		{1200000000, "1200000000"},
		{nil, ""},
	} {
		if got := cellText(c.in); got != c.want {
			t.Errorf("cellText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
