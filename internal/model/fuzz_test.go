package model

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// checkDiagnostics loads files (path → content) and builds the model, and
// checks the properties every diagnostic of the two stages must have,
// whatever the input:
//
//   - its position, and that of each of its notes, is inside its file:
//     a line of the file (the line after a last newline included), and a
//     column within that line (one past its last character at most); a
//     position in no file of the site, or in a folder, names no line;
//   - it has a code and a message in both languages;
//   - its code is explained in the catalogue of codes, docs/ma-loi.md.
func checkDiagnostics(t *testing.T, files map[string]string, opts Options) {
	t.Helper()
	codes, err := documentedCodes()
	if err != nil {
		t.Fatal(err)
	}
	_, all := loadAndBuild(files, opts)
	for _, d := range all {
		if !codes[d.Code] {
			t.Errorf("%s: code %q is not explained in docs/ma-loi.md: %s", d.Pos, d.Code, d.Msg.Vi)
		}
		if err := inside(files, d.Pos); err != nil {
			t.Errorf("%s: %v: %s", d.Pos, err, d.Msg.Vi)
		}
		for _, n := range d.Notes {
			if err := inside(files, n.Pos); err != nil {
				t.Errorf("%s: note at %s: %v: %s", d.Pos, n.Pos, err, n.Msg.Vi)
			}
		}
		if d.Code == "" || d.Msg.Vi == "" || d.Msg.En == "" {
			t.Errorf("%s: code %q, message %q / %q", d.Pos, d.Code, d.Msg.Vi, d.Msg.En)
		}
	}
}

// documentedCodes returns the codes docs/ma-loi.md explains, each under a
// heading “### `code`”.
var documentedCodes = sync.OnceValues(func() (map[diag.Code]bool, error) {
	doc, err := os.ReadFile("../../docs/ma-loi.md")
	if err != nil {
		return nil, err
	}
	codes := map[diag.Code]bool{}
	for _, m := range regexp.MustCompile("(?m)^### `([a-z0-9-]+)`$").FindAllStringSubmatch(string(doc), -1) {
		codes[diag.Code(m[1])] = true
	}
	return codes, nil
})

// inside reports why pos is not a place in one of files, nil when it is.
func inside(files map[string]string, pos diag.Pos) error {
	if pos.Line < 0 || pos.Col < 0 || pos.Col > 0 && pos.Line == 0 {
		return fmt.Errorf("line %d, column %d", pos.Line, pos.Col)
	}
	text, ok := files[pos.File]
	if !ok {
		if pos.Line > 0 {
			return fmt.Errorf("line %d of a file the site does not have", pos.Line)
		}
		return nil
	}
	if pos.Line == 0 {
		return nil
	}
	lines := strings.Split(text, "\n")
	if pos.Line > len(lines) {
		return fmt.Errorf("line %d of a file of %d lines", pos.Line, len(lines))
	}
	if n := utf8.RuneCountInString(lines[pos.Line-1]); pos.Col > n+1 {
		return fmt.Errorf("column %d of a line of %d characters", pos.Col, n)
	}
	return nil
}

// TestDiagnosticProperties checks the properties of checkDiagnostics on
// every case of the diagnostics table, whose inputs were written to go
// wrong.
func TestDiagnosticProperties(t *testing.T) {
	for _, c := range diagCases {
		t.Run(c.name, func(t *testing.T) {
			checkDiagnostics(t, withChanges(c.files), Options{})
		})
	}
}

func TestInside(t *testing.T) {
	files := map[string]string{"data/a.yaml": "name: Cà phê\nyear: 2020\n"}
	tests := []struct {
		pos  diag.Pos
		want string
	}{
		{diag.Pos{File: "data/a.yaml", Line: 1, Col: 13}, ""},
		{diag.Pos{File: "data/a.yaml", Line: 1, Col: 14}, "column 14 of a line of 12 characters"},
		{diag.Pos{File: "data/a.yaml", Line: 3, Col: 1}, ""},
		{diag.Pos{File: "data/a.yaml", Line: 4}, "line 4 of a file of 3 lines"},
		{diag.Pos{File: "data/a.yaml", Col: 2}, "line 0, column 2"},
		{diag.Pos{File: "data/b.yaml", Line: 1}, "line 1 of a file the site does not have"},
		{diag.Pos{File: "data/products"}, ""},
		{diag.Pos{}, ""},
	}
	for _, tt := range tests {
		got := ""
		if err := inside(files, tt.pos); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("inside(%v) = %q, want %q", tt.pos, got, tt.want)
		}
	}
}
