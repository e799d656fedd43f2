package load

import "testing"

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		front     string
		frontLine int
		body      string
		bodyLine  int
		err       bool
	}{
		{"no front matter", "Nội dung\n", "", 0, "Nội dung\n", 1, false},
		{"empty file", "", "", 0, "", 1, false},
		{"rule that is not a fence", "----\ntitle: a\n----\n", "", 0, "----\ntitle: a\n----\n", 1, false},
		{"front and body", "---\ntitle: A\ndate: 2021-08-17\n---\nBody\n", "title: A\ndate: 2021-08-17\n", 2, "Body\n", 5, false},
		{"closed by dots", "---\ntitle: A\n...\nBody", "title: A\n", 2, "Body", 4, false},
		{"spaces after the fences", "---  \ntitle: A\n--- \t\nBody\n", "title: A\n", 2, "Body\n", 4, false},
		{"CR before the line feeds", "---\r\ntitle: A\r\n---\r\nBody\r\n", "title: A\r\n", 2, "Body\r\n", 4, false},
		{"empty front matter", "---\n---\nBody\n", "", 2, "Body\n", 3, false},
		{"closing fence at the end without newline", "---\ntitle: A\n---", "title: A\n", 2, "", 4, false},
		{"fence inside the body is body", "---\na: 1\n---\nx\n---\ny\n", "a: 1\n", 2, "x\n---\ny\n", 4, false},
		{"never closes", "---\ntitle: A\n\nBody\n", "", 0, "", 0, true},
		{"only the opening fence", "---", "", 0, "---", 1, false},
		{"opening fence and newline", "---\n", "", 0, "", 0, true},
		{"indented fence does not close", "---\ntitle: A\n ---\n", "", 0, "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, frontLine, body, bodyLine, err := SplitFrontMatter(tt.src)
			if front != tt.front || frontLine != tt.frontLine || body != tt.body || bodyLine != tt.bodyLine || (err != nil) != tt.err {
				t.Errorf("got (%q, %d, %q, %d, %v), want (%q, %d, %q, %d, err %v)",
					front, frontLine, body, bodyLine, err, tt.front, tt.frontLine, tt.body, tt.bodyLine, tt.err)
			}
			if err != nil && err.Line != 1 {
				t.Errorf("error line %d, want 1", err.Line)
			}
		})
	}
}
