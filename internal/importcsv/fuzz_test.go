package importcsv

import (
	"testing"
	"unicode/utf8"
)

// FuzzDecodeRows feeds arbitrary bytes through decoding, separator
// detection and row splitting: they must never panic, must give valid
// UTF-8, and rows must be numbered upwards from the header.
func FuzzDecodeRows(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("sep=;\r\nTên;Giá\r\n\"a\nb\";1.200\r\n\r\nc;\"\"\"\r\n"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, '\t', 0, 'b', 0})
	f.Add([]byte{0xD0, 0xEC, 'a', ',', 0xF2})
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := Decode(data)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode gave invalid UTF-8: %q", text)
		}
		sep, skip := Separator(text)
		if skip > len(text) {
			t.Fatalf("skip %d beyond %d", skip, len(text))
		}
		rows, _, _ := Rows(text[skip:], sep)
		last := 0
		for _, r := range rows {
			if r.N <= last {
				t.Fatalf("row numbers not increasing: %d after %d", r.N, last)
			}
			last = r.N
		}
	})
}

// FuzzParseMoney checks that an amount read is never negative and that a
// plain number reads as itself.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1.200.000.000", "1,2 tỷ", "900 triệu", "25.000 VNĐ", "1 200", "0,5 nghìn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, _, ok := parseMoney(s)
		if ok && n < 0 {
			t.Fatalf("parseMoney(%q) = %d", s, n)
		}
	})
}
