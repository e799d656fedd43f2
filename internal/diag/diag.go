// Package diag holds the diagnostics every stage of the pipeline reports:
// a position in a site file, a severity, and a message in Vietnamese and in
// English. A List gathers them all, is sorted and de-duplicated before it is
// printed, and prints as `path:line:col: lỗi: message` or as JSON lines.
//
// The package imports nothing of the project: every other stage may use it.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
	Note
)

// Label returns the word printed before the message.
func (s Severity) Label(lang string) string {
	en := lang == "en"
	switch s {
	case Error:
		if en {
			return "error"
		}
		return "lỗi"
	case Warning:
		if en {
			return "warning"
		}
		return "cảnh báo"
	default:
		if en {
			return "note"
		}
		return "ghi chú"
	}
}

// Pos is a place in a site file. File is slash-separated and relative to the
// site folder; Line and Col count from 1, and 0 means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Msg is a text in both interface languages: a message, or a label or
// word that messages and pages show. It is the program's one shape for
// bilingual text; Text picks the language.
type Msg struct {
	Vi string
	En string
}

// Text returns the message in lang ("vi" or "en").
func (m Msg) Text(lang string) string {
	if lang == "en" && m.En != "" {
		return m.En
	}
	return m.Vi
}

// M formats both languages with the same arguments.
func M(vi, en string, args ...any) Msg {
	return Msg{Vi: fmt.Sprintf(vi, args...), En: fmt.Sprintf(en, args...)}
}

// Code names a kind of problem, stable across languages and releases
// ("unknown-key"), for editors, tests and the officers' guide: every code
// is explained in docs/ma-loi.md, and a test holds the two in step. A code
// is always written as a constant, so that the test finds every one.
type Code string

// Diagnostic is one problem found in the site.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	// Code names the kind of problem.
	Code  Code
	Msg   Msg
	Notes []Related
}

// Related points at a second place, such as the first definition of a
// duplicated id.
type Related struct {
	Pos Pos
	Msg Msg
}

// List gathers diagnostics. The zero value is ready to use.
type List []Diagnostic

// Add appends one diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Error appends an error.
func (l *List) Error(pos Pos, code Code, msg Msg, notes ...Related) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Code: code, Msg: msg, Notes: notes})
}

// Warn appends a warning.
func (l *List) Warn(pos Pos, code Code, msg Msg, notes ...Related) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Code: code, Msg: msg, Notes: notes})
}

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Counts returns the number of errors and of warnings.
func (l List) Counts() (errors, warnings int) {
	for _, d := range l {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	e, _ := l.Counts()
	return e > 0
}

// Sort orders the list by file, line, column, severity and message, and
// removes exact duplicates, so that output is the same from run to run.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Msg.Vi < b.Msg.Vi
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && same(out[len(out)-1], d) {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

func same(a, b Diagnostic) bool {
	return a.Pos == b.Pos && a.Severity == b.Severity && a.Msg == b.Msg
}

// Format returns one diagnostic as printed text, with its notes on
// following lines.
func (d Diagnostic) Format(lang string) string {
	var b strings.Builder
	writeLine(&b, d.Pos, d.Severity, d.Msg.Text(lang), lang)
	for _, n := range d.Notes {
		b.WriteByte('\n')
		writeLine(&b, n.Pos, Note, n.Msg.Text(lang), lang)
	}
	return b.String()
}

func writeLine(b *strings.Builder, pos Pos, sev Severity, msg, lang string) {
	if p := pos.String(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(sev.Label(lang))
	b.WriteString(": ")
	b.WriteString(msg)
}

// Summary returns the closing line, such as "3 lỗi, 1 cảnh báo".
func (l List) Summary(lang string) string {
	e, w := l.Counts()
	if lang == "en" {
		return fmt.Sprintf("%d %s, %d %s", e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"))
	}
	return fmt.Sprintf("%d lỗi, %d cảnh báo", e, w)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Print writes every diagnostic as text, one per line (notes indented on
// the lines after), without the summary line.
func (l List) Print(w io.Writer, lang string) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.Format(lang)); err != nil {
			return err
		}
	}
	return nil
}

type jsonNote struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

type jsonDiag struct {
	File     string     `json:"file,omitempty"`
	Line     int        `json:"line,omitempty"`
	Col      int        `json:"col,omitempty"`
	Severity string     `json:"severity"`
	Code     Code       `json:"code,omitempty"`
	Message  string     `json:"message"`
	Notes    []jsonNote `json:"notes,omitempty"`
}

// PrintJSON writes one JSON object per line. Severity is "error",
// "warning" or "note" whatever the language; the message is in lang.
func (l List) PrintJSON(w io.Writer, lang string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range l {
		j := jsonDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.Label("en"), Code: d.Code, Message: d.Msg.Text(lang)}
		for _, n := range d.Notes {
			j.Notes = append(j.Notes, jsonNote{File: n.Pos.File, Line: n.Pos.Line, Col: n.Pos.Col, Message: n.Msg.Text(lang)})
		}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}
