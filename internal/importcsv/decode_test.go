package importcsv

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

const sample = "Tên cơ sở,Địa chỉ\r\nHợp tác xã Dệt thổ cẩm Văn Giáo,Ấp Sà Lôn\r\n"

// windows1258 encodes s as Windows-1258 writes Vietnamese: the base
// letter with its circumflex, breve or horn precomposed, the tone mark
// combining.
func windows1258(t *testing.T, s string) []byte {
	t.Helper()
	var b strings.Builder
	rs := []rune(norm.NFD.String(s))
	for i := 0; i < len(rs); i++ {
		base, marks := rs[i], []rune(nil)
		for i+1 < len(rs) && unicode.Is(unicode.Mn, rs[i+1]) {
			i++
			if m := rs[i]; m == 0x302 || m == 0x306 || m == 0x31B {
				base = []rune(norm.NFC.String(string([]rune{base, m})))[0]
			} else {
				marks = append(marks, m)
			}
		}
		b.WriteRune(base)
		b.WriteString(string(marks))
	}
	out, err := charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func utf16Bytes(t *testing.T, s string, order xunicode.Endianness, bom xunicode.BOMPolicy) []byte {
	t.Helper()
	out, err := xunicode.UTF16(order, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDecode(t *testing.T) {
	tabbed := strings.ReplaceAll(sample, ",", "\t")
	tests := []struct {
		name string
		data []byte
		want string
		enc  string
		sep  rune
	}{
		{"utf-8", []byte(sample), sample, EncUTF8, ','},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, sample...), sample, EncUTF8BOM, ','},
		{"utf-8 nfd", []byte(norm.NFD.String(sample)), sample, EncUTF8, ','},
		{"utf-16le bom tabs", utf16Bytes(t, tabbed, xunicode.LittleEndian, xunicode.UseBOM), tabbed, EncUTF16LE, '\t'},
		{"utf-16be bom", utf16Bytes(t, sample, xunicode.BigEndian, xunicode.UseBOM), sample, EncUTF16BE, ','},
		{"utf-16le no bom", utf16Bytes(t, tabbed, xunicode.LittleEndian, xunicode.IgnoreBOM), tabbed, EncUTF16LE, '\t'},
		{"windows-1258", windows1258(t, sample), sample, EncWindows1258, ','},
		{"windows-1258 semicolons", windows1258(t, strings.ReplaceAll(sample, ",", ";")), strings.ReplaceAll(sample, ",", ";"), EncWindows1258, ';'},
	}
	for _, tt := range tests {
		got, enc, err := Decode(tt.data)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want || enc != tt.enc {
			t.Errorf("%s: Decode = %q, %s; want %q, %s", tt.name, got, enc, tt.want, tt.enc)
		}
		if sep, _ := Separator(got); sep != tt.sep {
			t.Errorf("%s: separator %q, want %q", tt.name, sep, tt.sep)
		}
	}
	if bytes.Equal(windows1258(t, sample), []byte(sample)) {
		t.Fatal("the Windows-1258 sample is not re-encoded")
	}
}

func TestSeparator(t *testing.T) {
	tests := []struct {
		text string
		sep  rune
		skip int
	}{
		{"a,b,c\n1;2,3\n", ',', 0},
		{"a;b;c\n1,2;3\n", ';', 0},
		{"a\tb;c\n", '\t', 0},
		{"\"Tên; đầy đủ\",Mã\n", ',', 0},
		{"\"Tên, đầy đủ\";Mã\n", ';', 0},
		{"sep=;\r\na,b;c\n", ';', 7},
		{"SEP=,\na;b\n", ',', 6},
		{"Tên\n", ',', 0},
		{"a;b", ';', 0},
	}
	for _, tt := range tests {
		sep, skip := Separator(tt.text)
		if sep != tt.sep || skip != tt.skip {
			t.Errorf("Separator(%q) = %q, %d; want %q, %d", tt.text, sep, skip, tt.sep, tt.skip)
		}
	}
}

func TestRows(t *testing.T) {
	text := "Tên,Mô tả\r\n" +
		"A,\"dòng một\r\ndòng hai\"\r\n" +
		",\r\n" +
		"\r\n" +
		"B,  có \"\"ngoặc\"\" \r\n" +
		"C,\"ô có \"ngoặc\" lỏng\"\n" +
		"D"
	rows, bad, err := Rows(text, ',')
	if err != nil {
		t.Fatalf("row %d: %v", bad, err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(append([]string{string(rune('0' + r.N))}, r.Cells...), "|"))
	}
	want := []string{
		"1|Tên|Mô tả",
		"2|A|dòng một\ndòng hai",
		"5|B|có \"\"ngoặc\"\"",
		"6|C|ô có \"ngoặc\" lỏng",
		"7|D",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
