package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/importcsv"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args   []string
		pos    []string
		lang   string
		format string
		links  bool
		err    string
	}{
		{nil, nil, "", "text", false, ""},
		{[]string{"."}, []string{"."}, "", "text", false, ""},
		{[]string{".", "--lang", "en"}, []string{"."}, "en", "text", false, ""},
		{[]string{"--lang=en", "site"}, []string{"site"}, "en", "text", false, ""},
		{[]string{"site", "--format", "json", "--links"}, []string{"site"}, "", "json", true, ""},
		{[]string{"-links", "a", "b"}, []string{"a", "b"}, "", "text", true, ""},
		{[]string{"a", "--", "--lang"}, []string{"a", "--lang"}, "", "text", false, ""},
		{[]string{"--lang", "fr"}, nil, "", "text", false, `invalid value "fr" for flag -lang: vi, en`},
		{[]string{".", "--mau"}, nil, "", "text", false, "flag provided but not defined: -mau"},
		{[]string{".", "--format"}, nil, "", "text", false, "flag needs an argument: -format"},
	}
	for _, tc := range tests {
		fs := flags("check")
		lang := &choice{allowed: []string{"vi", "en"}}
		format := &choice{value: "text", allowed: []string{"text", "json"}}
		fs.Var(lang, "lang", "")
		fs.Var(format, "format", "")
		links := fs.Bool("links", false, "")
		pos, err := parse(fs, tc.args)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("parse(%q) error = %v, want %s", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parse(%q): %v", tc.args, err)
			continue
		}
		if !reflect.DeepEqual(pos, tc.pos) || lang.value != tc.lang || format.value != tc.format || *links != tc.links {
			t.Errorf("parse(%q) = %q lang=%q format=%q links=%v; want %q %q %q %v",
				tc.args, pos, lang.value, format.value, *links, tc.pos, tc.lang, tc.format, tc.links)
		}
	}
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"xuat-ban"}, exitUsage, "", "không có lệnh \"xuat-ban\".\nkhuyencong: tạo trang web"},
		{[]string{"xuat-ban", "--lang", "en"}, exitUsage, "", "there is no command \"xuat-ban\".\nkhuyencong: build the showcase"},
		{[]string{"check", "--lang", "fr"}, exitUsage, "",
			"khuyencong check: giá trị \"fr\" của tùy chọn -lang không hợp lệ; hãy ghi một trong: vi, en\nXem: khuyencong help check\n"},
		{[]string{"check", ".", "--mau", "--lang", "en"}, exitUsage, "",
			"khuyencong check: the check command has no option -mau\nSee: khuyencong help check\n"},
		{[]string{"build", "-o"}, exitUsage, "",
			"khuyencong build: tùy chọn -o cần một giá trị, ví dụ -o public\nXem: khuyencong help build\n"},
		{[]string{"build", "a", "b"}, exitUsage, "",
			"khuyencong build: chỉ được ghi một thư mục trang, nhưng có 2: a b\nXem: khuyencong help build\n"},
		{[]string{"version", "x"}, exitUsage, "",
			"khuyencong version: lệnh version không nhận tham số \"x\"\nXem: khuyencong help version\n"},
		{[]string{"help", "build"}, exitOK, "Cách dùng: khuyencong build [THƯ-MỤC]", ""},
		{[]string{"help", "check", "--lang", "en"}, exitOK, "Usage: khuyencong check [FOLDER]", ""},
		{[]string{"help"}, exitOK, "khuyencong: tạo trang web", ""},
		{[]string{"--help"}, exitOK, "khuyencong: tạo trang web", ""},
		{nil, exitUsage, "", "khuyencong: tạo trang web"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tc.args, code, tc.code, stderr.String())
		}
		if !strings.HasPrefix(stdout.String(), tc.stdout) || (tc.stdout == "" && stdout.Len() > 0) {
			t.Errorf("run(%q) stdout:\n%s\nwant prefix:\n%s", tc.args, stdout.String(), tc.stdout)
		}
		if !strings.HasPrefix(stderr.String(), tc.stderr) || (tc.stderr == "" && stderr.Len() > 0) {
			t.Errorf("run(%q) stderr:\n%s\nwant prefix:\n%s", tc.args, stderr.String(), tc.stderr)
		}
	}
}

func TestOverviewListsEveryCommand(t *testing.T) {
	var b bytes.Buffer
	printOverview(&b, "")
	for _, c := range commands() {
		if !strings.Contains(b.String(), "  "+c.name+" ") {
			t.Errorf("help does not list %s:\n%s", c.name, b.String())
		}
		if c.usage.Vi == "" || c.usage.En == "" || c.summary.Vi == "" || c.summary.En == "" {
			t.Errorf("command %s lacks help text", c.name)
		}
	}
}

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("version = %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "khuyencong ") || !strings.Contains(stdout.String(), " go1.") {
		t.Errorf("version printed %q", stdout.String())
	}
}

// A site with a syntax error: check reports it at its file and line,
// prints the summary and exits with 1.
func TestCheckReportsErrors(t *testing.T) {
	site := t.TempDir()
	files := map[string]string{
		"data/site.yaml":             "title: Khuyến công thử\n",
		"data/establishments/a.yaml": "name: Cơ sở A\naddress:\n\tunit: an-giang\n",
	}
	for name, body := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	summary := regexp.MustCompile(`(^|\n)[1-9][0-9]* lỗi, [0-9]+ cảnh báo\n$`)
	for _, format := range []string{"text", "json"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"check", site, "--format", format}, &stdout, &stderr)
		if code != exitError {
			t.Errorf("%s: check = %d, want 1; stderr:\n%s", format, code, stderr.String())
		}
		if format == "json" {
			if out := stdout.String(); !strings.Contains(out, `{"file":"data/establishments/a.yaml","line":3,`) || !strings.Contains(out, `"severity":"error"`) {
				t.Errorf("json output:\n%s", out)
			}
		} else if out := stderr.String(); !strings.Contains(out, "data/establishments/a.yaml:3:") || !strings.Contains(out, ": lỗi: ") {
			t.Errorf("text output:\n%s", out)
		}
		if !summary.MatchString(stderr.String()) {
			t.Errorf("%s: stderr does not end with the summary line:\n%s", format, stderr.String())
		}
	}
}

// TestHelpImportListsTheWarningsColumns checks that help import lists the
// same columns, in the same order, as the import's warning about a column
// it does not use.
func TestHelpImportListsTheWarningsColumns(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		var out, errOut strings.Builder
		if code := run([]string{"help", "import", "--lang", lang}, &out, &errOut); code != 0 {
			t.Fatalf("help import: exit %d: %s", code, errOut.String())
		}
		help := strings.Join(strings.Fields(out.String()), " ")
		for _, kind := range importcsv.Kinds {
			list := strings.Join(importcsv.ColumnList(kind), ", ")
			if !strings.Contains(help, list) {
				t.Errorf("%s: help import does not list the %s columns as the warnings do: %s\n%s", lang, kind, list, out.String())
			}
		}
	}
}
