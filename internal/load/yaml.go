package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// parseYAML parses decoded YAML text into the top node of its document.
// Line n of src must be line n of the file, so that node positions are file
// positions. It returns nil, having reported why, when the file cannot be
// handed on: a syntax error, no content, a bare scalar, an alias bomb. The
// node returned is a mapping or a sequence, holds no alias node, and has
// its merge keys (<<) applied.
//
// inFront says the text is the front matter of a Markdown file, which only
// changes what the messages say.
func parseYAML(l *diag.List, path string, src []byte, inFront bool) *yaml.Node {
	first, second, err := decodeStream(src)
	if err != nil {
		syntaxError(l, path, src, err)
		return nil
	}
	if first == nil || len(first.Content) == 0 || isEmpty(first.Content[0]) {
		if !inFront {
			l.Warn(diag.Pos{File: path}, "empty-file", diag.M(
				"tệp trống: không có bản ghi nào; hãy thêm các dòng “khóa: giá trị” hoặc xóa tệp",
				"the file is empty: it holds no record; add “key: value” lines or delete the file"))
		}
		return nil
	}
	root := first.Content[0]
	if root.Kind != yaml.MappingNode && root.Kind != yaml.SequenceNode {
		pos := diag.Pos{File: path, Line: root.Line, Col: root.Column}
		if inFront {
			l.Error(pos, "not-a-record", diag.M(
				"phần đầu (front matter) giữa hai dòng “---” phải gồm các dòng “khóa: giá trị”, ví dụ: title: Tiêu đề bài viết",
				"the front matter between the “---” lines must be “key: value” lines, e.g. title: Article title"))
		} else {
			l.Error(pos, "not-a-record", diag.M(
				"tệp phải chứa một bản ghi (các dòng “khóa: giá trị”, ví dụ: name: Tên cơ sở) hoặc một danh sách bản ghi (mỗi bản ghi bắt đầu bằng “- ”), không phải một giá trị đơn lẻ",
				"the file must hold a record (“key: value” lines, e.g. name: Establishment name) or a list of records (each starting with “- ”), not a single value"))
		}
		return nil
	}
	if second != nil {
		l.Error(diag.Pos{File: path, Line: second.Line, Col: second.Column}, "multiple-documents", diag.M(
			"dòng “---” bắt đầu tài liệu YAML thứ hai; mỗi tệp chỉ chứa một bản ghi hoặc một danh sách bản ghi: hãy xóa dòng này (và viết các bản ghi thành danh sách, mỗi bản ghi bắt đầu bằng “- ”) hoặc tách phần sau thành tệp khác",
			"the “---” line starts a second YAML document; a file holds one record or one list of records: delete this line (and write the records as a list, each starting with “- ”) or move what follows into another file"))
	}
	checkDuplicateKeys(l, path, root)
	if !checkAliases(l, path, root) {
		return nil
	}
	root = expand(l, path, root)
	return root
}

// isEmpty reports whether a document's content is the null the parser
// gives for a file of nothing but comments or blank lines, or an explicit
// null (~, null).
func isEmpty(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" && n.Style == 0
}

// decodeStream parses the first document of src and tells whether a second
// one follows (a document of nothing, as left by a final “---”, does not
// count). A panic inside the parser is turned into an error.
func decodeStream(src []byte) (first, second *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			first, second, err = nil, nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var a yaml.Node
	if err := dec.Decode(&a); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	for {
		var b yaml.Node
		if err := dec.Decode(&b); err != nil {
			if errors.Is(err, io.EOF) {
				return &a, nil, nil
			}
			return nil, nil, err
		}
		if len(b.Content) > 0 && !isEmpty(b.Content[0]) {
			return &a, &b, nil
		}
	}
}

// splitYAMLError takes apart a message of the YAML parser such as
// "yaml: line 3: did not find expected key" into the line (0 when the
// message gives none) and the problem.
func splitYAMLError(err error) (line int, problem string) {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				return n, rest[i+2:]
			}
		}
	}
	return 0, s
}

// Limits of the search for the line a syntax error really is on.
const (
	maxProblemScanLines = 200
	maxProblemScanBytes = 8 << 20
)

// problemLine finds the line a syntax error is on. The parser names the
// line where the construct it was reading began (a mapping, a quoted
// string), often above the mistake; the first prefix of the file, ending
// at a line from there on, that fails with the same problem ends at the
// mistake. The search is bounded; past its bounds the parser's line is
// kept.
func problemLine(src []byte, reported int, problem string) int {
	start := max(reported-1, 1)
	line, off := 1, 0
	for line < start && off < len(src) {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			off = len(src)
			break
		}
		off += i + 1
		line++
	}
	budget := maxProblemScanBytes
	for k := 0; k < maxProblemScanLines && off < len(src); k++ {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		budget -= end
		if budget < 0 {
			break
		}
		if _, _, err := decodeStream(src[:end]); err != nil {
			if _, p := splitYAMLError(err); p == problem {
				return line
			}
		}
		off = end
		line++
	}
	return max(reported, 1)
}

// lineText returns line n (from 1) of src without its line break.
func lineText(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(src)
}

// column returns the column (from 1, counted in characters) of byte offset
// i of s.
func column(s string, i int) int { return utf8.RuneCountInString(s[:i]) + 1 }

// firstNonSpace returns the column of the first character of s that is not
// a space or tab, or 1.
func firstNonSpace(s string) int {
	i := strings.IndexFunc(s, func(r rune) bool { return r != ' ' && r != '\t' })
	if i < 0 {
		return 1
	}
	return column(s, i)
}

// openingQuote finds a quote that opens a quoted value in s: one at the
// start or after a space, '[', '{' or ','. It returns its byte offset, or
// -1.
func openingQuote(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '"' && s[i] != '\'' {
			continue
		}
		if i == 0 || strings.IndexByte(" \t[{,", s[i-1]) >= 0 {
			return i
		}
	}
	return -1
}

// syntaxError reports a YAML syntax error at the line it is on, with an
// explanation in Vietnamese of the common mistakes.
func syntaxError(l *diag.List, path string, src []byte, err error) {
	reported, problem := splitYAMLError(err)
	if problem == "control characters are not allowed" {
		if line, col, r, ok := firstControl(src); ok {
			l.Error(diag.Pos{File: path, Line: line, Col: col}, "yaml-syntax", diag.M(
				"tệp có một ký tự điều khiển không in được (U+%04X), thường do sao chép từ Word, Excel hoặc PDF: hãy xóa ký tự đó (gõ lại chữ ở chỗ này)",
				"YAML syntax error ("+problem+"): the file holds an unprintable control character (U+%04X), often copied from Word, Excel or a PDF: delete it (type the text at this place again)",
				r))
			return
		}
	}
	line := problemLine(src, reported, problem)
	text := lineText(src, line)
	col := firstNonSpace(text)
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	en := "YAML syntax error (" + problem + "): "
	var msg diag.Msg
	switch {
	case strings.Contains(indent, "\t") || strings.Contains(problem, "tab character"):
		if i := strings.IndexByte(text, '\t'); i >= 0 {
			col = column(text, i)
		}
		msg = diag.Msg{
			Vi: "dòng này thụt lề bằng phím Tab, YAML không cho phép Tab: hãy xóa Tab và thụt lề bằng dấu cách (2 dấu cách mỗi cấp), thẳng cột với các dòng cùng cấp",
			En: en + "this line is indented with a Tab, which YAML does not allow: delete the Tab and indent with spaces (2 per level), in line with the lines of the same level",
		}
	case problem == "found unexpected end of stream" && openingQuote(text) >= 0:
		i := openingQuote(text)
		col = column(text, i)
		q := text[i : i+1]
		msg = diag.M(
			"dấu ngoặc %s mở ở đây nhưng không được đóng: hãy thêm %s ở cuối giá trị, ví dụ: name: %sCông ty TNHH Yến Hương VINA%s",
			en+"the quote %s opened here is never closed: add %s at the end of the value, e.g. name: %sCông ty TNHH Yến Hương VINA%s",
			q, q, q, q)
	case problem == "found unexpected end of stream":
		msg = diag.Msg{
			Vi: "tệp kết thúc khi một giá trị chưa được đóng: kiểm tra các dấu ngoặc kép \" ' và ngoặc [ ] { } từ dòng này trở đi, mỗi dấu mở phải có dấu đóng",
			En: en + "the file ends inside a value that is never closed: check the quotes \" ' and brackets [ ] { } from this line on; each opening one needs its closing one",
		}
	case strings.HasPrefix(problem, "did not find expected ',' or ']'"),
		strings.HasPrefix(problem, "did not find expected ',' or '}'"):
		open, close := "[", "]"
		if strings.HasSuffix(problem, "'}'") {
			open, close = "{", "}"
		}
		if i := strings.Index(text, open); i >= 0 {
			col = column(text, i)
		}
		msg = diag.M(
			"ngoặc %s mở ở đây chưa được đóng bằng %s, hoặc thiếu dấu phẩy giữa các phần tử: ví dụ sectors: [chế biến, thủ công]",
			en+"the bracket %s opened here is not closed with %s, or a comma is missing between items: e.g. sectors: [chế biến, thủ công]",
			open, close)
	case problem == "mapping values are not allowed in this context":
		// With two colons on the line ("a: b: c") the second is the one
		// not allowed; otherwise the line's indentation is wrong.
		if i := strings.Index(text, ": "); i >= 0 {
			if j := strings.Index(text[i+2:], ": "); j >= 0 {
				col = column(text, i+2+j)
			}
		}
		msg = diag.Msg{
			Vi: "dấu hai chấm “:” ở chỗ không được phép: dòng này thụt lề sai so với dòng trên (các khóa cùng cấp phải thẳng cột), hoặc giá trị có chứa “: ” thì phải đặt trong ngoặc kép, ví dụ: title: \"Đề án nhóm: máy tách màu\"",
			En: en + "a colon “:” where none is allowed: this line is indented differently from the line above (keys of one level must line up), or a value containing “: ” must be quoted, e.g. title: \"Đề án nhóm: máy tách màu\"",
		}
	case problem == "did not find expected key",
		problem == "did not find expected '-' indicator",
		problem == "block sequence entries are not allowed in this context":
		msg = diag.Msg{
			Vi: "thụt lề sai: dòng này không thẳng cột với các dòng cùng cấp ở trên, hoặc trộn dòng “khóa: giá trị” với dòng “- ” ở cùng một cấp (hoặc một dấu ngoặc kép ở dòng trên chưa được đóng); hãy thụt lề bằng dấu cách cho thẳng cột",
			En: en + "wrong indentation: this line does not line up with the lines of its level above, or mixes “key: value” lines and “- ” lines at one level (or a quote on a line above is never closed); indent with spaces so that they line up",
		}
	case problem == "could not find expected ':'":
		msg = diag.Msg{
			Vi: "thiếu dấu hai chấm sau khóa: mỗi dòng viết “khóa: giá trị” (có một dấu cách sau dấu hai chấm), hoặc dòng này thụt lề sai so với dòng trên",
			En: en + "a colon is missing after the key: write each line as “key: value” (with a space after the colon), or this line is indented wrongly",
		}
	case strings.HasPrefix(problem, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(problem, "unknown anchor '"), "' referenced")
		if i := strings.Index(text, "*"+name); i >= 0 {
			col = column(text, i)
		}
		msg = diag.M(
			"“*%s” dùng lại một giá trị có tên “&%s” nhưng chưa có giá trị nào mang tên đó ở phía trên; hãy thêm “&%s” vào giá trị cần dùng lại, hoặc viết thẳng giá trị; nếu dấu * là một phần của văn bản thì đặt giá trị trong ngoặc kép",
			en+"“*%s” reuses a value named “&%s” but no value above has that name; add “&%s” to the value to reuse, or write the value itself; if the * is part of the text, quote the value",
			name, name, name)
	case problem == "found character that cannot start any token":
		if i := strings.IndexAny(text, "@`"); i >= 0 {
			col = column(text, i)
		}
		msg = diag.Msg{
			Vi: "giá trị bắt đầu bằng một ký tự không được phép (như @ hoặc `): hãy đặt giá trị trong ngoặc kép, ví dụ: email: \"@tên\"",
			En: en + "a value starts with a character that is not allowed there (such as @ or `): quote the value, e.g. email: \"@name\"",
		}
	default:
		msg = diag.Msg{
			Vi: "lỗi cú pháp YAML (" + problem + "): kiểm tra dòng này: thụt lề bằng dấu cách cho thẳng cột, dấu hai chấm và một dấu cách sau mỗi khóa, dấu ngoặc kép và ngoặc [ ] { } có mở có đóng",
			En: en + "check this line: indentation with spaces that line up, a colon and a space after each key, quotes and brackets [ ] { } that are closed",
		}
	}
	l.Error(diag.Pos{File: path, Line: line, Col: col}, "yaml-syntax", msg)
}

// firstControl finds the first character YAML does not accept in a file:
// the control characters other than tab and line breaks, and U+FFFE and
// U+FFFF. It returns its line and column and the character.
func firstControl(src []byte) (line, col int, r rune, ok bool) {
	line, col = 1, 1
	for _, r := range string(src) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r' || r == 0x85:
		case r < 0x20 || r >= 0x7F && r < 0xA0 || r == 0xFFFE || r == 0xFFFF:
			return line, col, r, true
		}
		col++
	}
	return 0, 0, 0, false
}
