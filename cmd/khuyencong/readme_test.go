package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// usageLines returns the lines a command's help starts with ("Cách dùng:
// khuyencong check …" and the forms under it), without that word, as
// `khuyencong help NAME` prints them in lang.
func usageLines(t *testing.T, name, lang string) []string {
	t.Helper()
	args := []string{"help", name}
	prefix := "Cách dùng: "
	if lang == "en" {
		args = append(args, "--lang", "en")
		prefix = "Usage: "
	}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("help %s: exit %d\n%s", name, code, stderr.String())
	}
	head, _, _ := strings.Cut(stdout.String(), "\n\n")
	var out []string
	for i, l := range strings.Split(head, "\n") {
		if i == 0 {
			if !strings.HasPrefix(l, prefix) {
				t.Fatalf("help %s --lang %s starts with %q, not %q", name, lang, l, prefix)
			}
			l = strings.TrimPrefix(l, prefix)
		}
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

// readmeBlock returns the first plain code block (one opened by a bare
// ```) of the README section whose heading is heading.
func readmeBlock(t *testing.T, readme, heading string) string {
	t.Helper()
	_, sec, ok := strings.Cut(readme, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	if next := strings.Index(sec, "\n## "); next >= 0 {
		sec = sec[:next]
	}
	var block strings.Builder
	fence, plain := false, false
	for _, l := range strings.Split(sec, "\n") {
		switch {
		case strings.HasPrefix(l, "```") && !fence:
			fence, plain = true, l == "```"
		case strings.HasPrefix(l, "```"):
			if plain {
				return block.String()
			}
			fence = false
		case plain:
			block.WriteString(l + "\n")
		}
	}
	t.Fatalf("section %q of README.md has no plain code block", heading)
	return ""
}

// TestReadmeCommands checks the command summaries of README.md, in
// Vietnamese and in English, against the help of every command of the
// table: the same commands in the same order, each written as its own
// help writes it.
func TestReadmeCommands(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range []struct{ heading, lang string }{
		{"## Các lệnh", "vi"},
		{"## In English", "en"},
	} {
		var want strings.Builder
		for _, c := range commands() {
			for _, l := range usageLines(t, c.name, sec.lang) {
				want.WriteString(l + "\n")
			}
		}
		if got := readmeBlock(t, string(b), sec.heading); got != want.String() {
			t.Errorf("the command summary under %q in README.md differs from the commands' help; it should read:\n%s\nnot:\n%s", sec.heading, want.String(), got)
		}
	}
}
