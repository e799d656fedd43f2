package load

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// FrontMatterError says that the front matter opened by the "---" on
// Line never closes.
type FrontMatterError struct {
	Line int
}

func (e *FrontMatterError) Error() string {
	return "front matter opened on line " + strconv.Itoa(e.Line) + " is never closed"
}

// SplitFrontMatter splits a Markdown file into its front matter and its
// body. Front matter opens with a line "---" as the file's first line and
// closes with the next line "---" or "..." (spaces after either are
// allowed). frontLine is the file line the front matter text starts on and
// bodyLine the file line the body starts on. A file that does not start
// with "---" has no front matter: front is "", frontLine 0, body the whole
// file and bodyLine 1. Front matter that never closes is an error; the
// other results are then zero.
//
// src is expected with LF line endings; a CR before a line feed is
// tolerated in the "---" lines.
func SplitFrontMatter(src string) (front string, frontLine int, body string, bodyLine int, err *FrontMatterError) {
	first, rest, found := strings.Cut(src, "\n")
	if !found || !isFence(first, false) {
		return "", 0, src, 1, nil
	}
	line := 2
	for off := 0; off < len(rest); line++ {
		end := len(rest)
		next := end
		if i := strings.IndexByte(rest[off:], '\n'); i >= 0 {
			end = off + i
			next = end + 1
		}
		if isFence(rest[off:end], true) {
			return rest[:off], 2, rest[next:], line + 1, nil
		}
		off = next
	}
	return "", 0, "", 0, &FrontMatterError{Line: 1}
}

// isFence reports whether line is "---" (or "..." when closing may be
// true), with only spaces, tabs or a CR after it.
func isFence(line string, closing bool) bool {
	line = strings.TrimRight(line, " \t\r")
	return line == "---" || closing && line == "..."
}

// parsePage reads a Markdown file, already decoded, into a Page; it
// returns nil, having reported why, when the front matter is broken.
func parsePage(l *diag.List, path, slug string, bundle bool, text string) *Page {
	front, frontLine, body, bodyLine, ferr := SplitFrontMatter(text)
	if ferr != nil {
		l.Error(diag.Pos{File: path, Line: ferr.Line, Col: 1}, "front-matter-unclosed", diag.M(
			"phần đầu (front matter) mở bằng dòng “---” nhưng không có dòng “---” đóng lại: hãy thêm một dòng chỉ gồm “---” ngay sau dòng cuối của phần đầu (sau title:, date: …), trước nội dung bài",
			"the front matter opened by the “---” line is never closed: add a line holding only “---” right after its last line (after title:, date: …), before the text"))
		return nil
	}
	p := &Page{Path: path, Slug: slug, Bundle: bundle, Body: body, BodyLine: bodyLine}
	if frontLine == 0 {
		lateFence(l, path, text)
	}
	if strings.TrimSpace(front) != "" {
		// Blank lines before the front matter keep node lines equal to
		// file lines.
		src := strings.Repeat("\n", frontLine-1) + front
		var fl diag.List
		root := parseYAML(&fl, path, []byte(src), true)
		l.Append(fl)
		if fl.HasErrors() {
			return nil
		}
		if root != nil && root.Kind != yaml.MappingNode {
			l.Error(diag.Pos{File: path, Line: root.Line, Col: root.Column}, "not-a-record", diag.M(
				"phần đầu (front matter) giữa hai dòng “---” phải gồm các dòng “khóa: giá trị”, không phải một danh sách, ví dụ: title: Tiêu đề bài viết",
				"the front matter between the “---” lines must be “key: value” lines, not a list, e.g. title: Article title"))
			return nil
		}
		p.Front = root
	}
	return p
}

// lateFence warns about a file whose front matter would open with "---"
// but has blank lines above it: front matter only counts on line 1.
func lateFence(l *diag.List, path, text string) {
	trimmed := strings.TrimLeft(text, " \t\n")
	if len(trimmed) == len(text) {
		return
	}
	first, _, _ := strings.Cut(trimmed, "\n")
	if !isFence(first, false) {
		return
	}
	line := 1 + strings.Count(text[:len(text)-len(trimmed)], "\n")
	l.Warn(diag.Pos{File: path, Line: line, Col: 1}, "front-matter-not-first", diag.M(
		"dòng “---” mở phần đầu (front matter) phải là dòng đầu tiên của tệp: hãy xóa %d dòng trống phía trên, nếu không phần đầu bị coi là nội dung bài",
		"the “---” line that opens the front matter must be the first line of the file: delete the blank lines above it (%d), or the front matter is taken as text",
		line-1))
}
