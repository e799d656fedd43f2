package load

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// MaxFileSize is the largest file Load reads. A larger file is reported
// without being read, so that a mistaken export cannot exhaust memory.
const MaxFileSize = 16 << 20

var bom = []byte{0xEF, 0xBB, 0xBF}

// tooLarge reports a file over MaxFileSize.
func tooLarge(l *diag.List, path string, size int64) {
	l.Error(diag.Pos{File: path}, "too-large", diag.M(
		"tệp quá lớn (%s MiB, tối đa %d MiB); hãy chia các bản ghi thành nhiều tệp nhỏ trong thư mục data/<bộ dữ liệu>/, ví dụ mỗi bản ghi một tệp",
		"file too large (%s MiB, at most %d MiB); split the records into several files under data/<collection>/, for example one record per file",
		mib(size), MaxFileSize>>20))
}

// mib formats a size in MiB with one decimal, rounded down, the way a file
// manager would show it.
func mib(size int64) string {
	tenths := size * 10 >> 20
	return fmt.Sprintf("%d,%d", tenths/10, tenths%10)
}

// decodeText turns the bytes of a text file into the text every later step
// reads: byte-order mark removed, checked to be UTF-8, CRLF and lone CR
// turned into LF, NFC-normalised. It reports a file that is not UTF-8 at
// the line and column of the first bad byte and returns ok false.
func decodeText(l *diag.List, path string, data []byte) (text []byte, ok bool) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line, col, b := firstBadByte(data)
		l.Error(diag.Pos{File: path, Line: line, Col: col}, "not-utf8", diag.M(
			"tệp không được lưu bằng bảng mã UTF-8 (byte 0x%02X không hợp lệ); hãy mở tệp và lưu lại với bảng mã UTF-8, ví dụ trong Notepad: File → Save As → Encoding: UTF-8",
			"the file is not saved as UTF-8 (invalid byte 0x%02X); open it and save it again with the UTF-8 encoding, e.g. in Notepad: File → Save As → Encoding: UTF-8",
			b))
		return nil, false
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !norm.NFC.IsNormal(data) {
		data = norm.NFC.Bytes(data)
	}
	return data, true
}

// firstBadByte returns the position of the first byte of data that is not
// part of a valid UTF-8 sequence: its line, its column counted in
// characters as the YAML parser counts them, and the byte itself.
func firstBadByte(data []byte) (line, col int, b byte) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, data[i]
		}
		if r == '\n' {
			line, col = line+1, 1
		} else if r == '\r' {
			// CRLF counts as one line break, a lone CR as one too.
			if i+1 >= len(data) || data[i+1] != '\n' {
				line, col = line+1, 1
			}
		} else {
			col++
		}
		i += size
	}
	return line, col, 0
}
