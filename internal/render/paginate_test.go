package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestPageFile(t *testing.T) {
	tests := []struct {
		first string
		n     int
		want  string
	}{
		{"co-so/index.html", 1, "co-so/index.html"},
		{"co-so/index.html", 2, "co-so/trang/2/index.html"},
		{"dia-ban/an-giang/index.html", 12, "dia-ban/an-giang/trang/12/index.html"},
		{"tin-tuc/the/ocop/index.html", 3, "tin-tuc/the/ocop/trang/3/index.html"},
	}
	for _, tt := range tests {
		if got := pageFile(tt.first, tt.n); got != tt.want {
			t.Errorf("pageFile(%q, %d) = %q, want %q", tt.first, tt.n, got, tt.want)
		}
	}
}

// pagerText writes a pager's links as "1 … 4 [5] 6 … 9".
func pagerText(p *Pager) string {
	var parts []string
	for _, l := range p.Links() {
		switch {
		case l.Gap:
			parts = append(parts, "…")
		case l.Current:
			parts = append(parts, fmt.Sprintf("[%d]", l.Number))
		default:
			parts = append(parts, fmt.Sprint(l.Number))
		}
	}
	return strings.Join(parts, " ")
}

func TestPagerLinks(t *testing.T) {
	tests := []struct {
		total, n int
		want     string
	}{
		{1, 1, "[1]"},
		{3, 2, "1 [2] 3"},
		{6, 1, "[1] 2 3 … 6"},
		{6, 4, "1 2 3 [4] 5 6"},
		{20, 10, "1 … 8 9 [10] 11 12 … 20"},
		{20, 4, "1 2 3 [4] 5 6 … 20"},
		{20, 20, "1 … 18 19 [20]"},
		{500, 250, "1 … 248 249 [250] 251 252 … 500"},
	}
	for _, tt := range tests {
		p := newPager(tt.total, func(n int) string { return pageFile("co-so/index.html", n) }).at(tt.n)
		if got := pagerText(p); got != tt.want {
			t.Errorf("pager %d of %d: %q, want %q", tt.n, tt.total, got, tt.want)
		}
		for _, l := range p.Links() {
			if !l.Gap && l.Path != pageFile("co-so/index.html", l.Number) {
				t.Errorf("pager %d of %d: page %d links to %q", tt.n, tt.total, l.Number, l.Path)
			}
		}
	}
}

func TestListIndex(t *testing.T) {
	index := []IndexLink{{Label: "A", Anchor: "chu-a", page: 1}, {Label: "B", Anchor: "chu-b", page: 3}}
	got := listIndex(index, "co-so/index.html", 3)
	want := []IndexLink{{Label: "A", Anchor: "chu-a", Path: "co-so/index.html"}, {Label: "B", Anchor: "chu-b"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("listIndex = %v, want %v", got, want)
	}
}
