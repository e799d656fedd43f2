package importcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/khuyencong/khuyencong/internal/vi"
)

// Encoding names, as Decode reports them.
const (
	EncUTF8        = "UTF-8"
	EncUTF8BOM     = "UTF-8 BOM"
	EncUTF16LE     = "UTF-16LE"
	EncUTF16BE     = "UTF-16BE"
	EncWindows1258 = "Windows-1258"
)

// Decode turns the bytes of a spreadsheet export into NFC text and names
// the encoding it found: UTF-8 with or without a byte-order mark, UTF-16
// (Excel's "Unicode Text") with its byte-order mark or, without one, when
// every other byte is zero, and otherwise Windows-1258, the Vietnamese
// Windows code page, whose tone marks are combining characters composed
// here.
func Decode(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, encoding = data[3:], EncUTF8BOM
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16(data, unicode.LittleEndian, EncUTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16(data, unicode.BigEndian, EncUTF16BE)
	case utf8.Valid(data):
		encoding = EncUTF8
	default:
		if order, ok := zeroBytes(data); ok {
			name := EncUTF16LE
			if order == unicode.BigEndian {
				name = EncUTF16BE
			}
			return utf16(data, order, name)
		}
		out, err := charmap.Windows1258.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", err
		}
		return vi.NFC(string(out)), EncWindows1258, nil
	}
	if !utf8.Valid(data) {
		return "", "", errors.New("invalid UTF-8")
	}
	return vi.NFC(string(data)), encoding, nil
}

func utf16(data []byte, order unicode.Endianness, name string) (string, string, error) {
	out, err := unicode.UTF16(order, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", "", err
	}
	return vi.NFC(string(out)), name, nil
}

// zeroBytes guesses UTF-16 without a byte-order mark: text that is mostly
// Latin letters has a zero in every other byte.
func zeroBytes(data []byte) (unicode.Endianness, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return unicode.LittleEndian, false
	}
	var even, odd int
	for i, c := range data {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(data) / 2
	switch {
	case odd*10 >= half*7 && even == 0:
		return unicode.LittleEndian, true
	case even*10 >= half*7 && odd == 0:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// Separator returns the field separator of text: an explicit first line
// "sep=;" as Excel writes it, else whichever of tab, semicolon and comma
// occurs most often outside quotes in the header line (tab, then
// semicolon, on a tie). skip is the length of the "sep=" line to drop.
func Separator(text string) (sep rune, skip int) {
	first, _, _ := strings.Cut(text, "\n")
	trimmed := strings.TrimRight(first, "\r")
	if len(trimmed) == 5 && strings.EqualFold(trimmed[:4], "sep=") {
		skip = len(first)
		if skip < len(text) {
			skip++
		}
		return rune(trimmed[4]), skip
	}
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		counts[r]++
	}
	sep = ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] >= counts[sep] && counts[c] > 0 {
			sep = c
		}
	}
	return sep, 0
}

// Row is one record of the spreadsheet: its cells and its row number as
// the spreadsheet shows it (the header is row 1).
type Row struct {
	N     int
	Cells []string
}

// Rows splits text into rows: fields separated by sep, quoted fields may
// hold separators, quotes and line breaks. Rows whose cells are all blank
// are left out. On a syntax error it returns the rows read so far and the
// number of the row it could not read.
func Rows(text string, sep rune) ([]Row, int, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var rows []Row
	// next is the line the next record would start on were no line blank:
	// csv.Reader skips empty lines, which a spreadsheet counts as rows.
	next, lines, prev := 1, 0, int64(0)
	for n := 1; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, 0, nil
		}
		if err != nil {
			return rows, n, err
		}
		if line, _ := r.FieldPos(0); line > next {
			n += line - next
		}
		off := r.InputOffset()
		lines += strings.Count(text[prev:off], "\n")
		next = 1 + lines
		prev = off
		blank := true
		for i, c := range rec {
			rec[i] = strings.TrimSpace(strings.ReplaceAll(c, "\r\n", "\n"))
			if rec[i] != "" {
				blank = false
			}
		}
		if !blank || n == 1 {
			rows = append(rows, Row{N: n, Cells: rec})
		}
	}
}
