package legacy

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Known texts as the legacy documents hold them (each byte read as its
// Windows-1252 character), beside what they say.
var known = []struct {
	enc        Encoding
	in, want   string
	upperInput bool
}{
	{TCVN3, "Trung t©m KhuyÕn c«ng", "Trung tâm Khuyến công", false},
	{TCVN3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", false},
	{TCVN3, "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", false},
	{TCVN3, "B¶o Th¾ng, B¸t X¸t", "Bảo Thắng, Bát Xát", false},
	// ư is 0xAD, the soft hyphen of Windows-1252.
	{TCVN3, "M\u00adêng Kh\u00ad¬ng", "Mường Khương", false},
	{TCVN3, "Së C«ng Th\u00ad¬ng tØnh An Giang hç trî 19 c¬ së", "Sở Công Thương tỉnh An Giang hỗ trợ 19 cơ sở", false},
	{TCVN3, "n¨m 2020, ®Çu t\u00ad m¸y mãc, thiÕt bÞ", "năm 2020, đầu tư máy móc, thiết bị", false},
	// Word keeps a symbol font's bytes at U+F000+byte.
	{TCVN3, "t\uF0A9m", "tâm", false},
	{VNI, "Trung taâm Khuyeán coâng", "Trung tâm Khuyến công", false},
	{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", false},
	{VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", false},
	{VNI, "Xin chaøo caùc baïn", "Xin chào các bạn", false},
	{VNI, "naêm 2020, ñaàu tö maùy moùc, thieát bò ôû Ñoàng Thaùp", "năm 2020, đầu tư máy móc, thiết bị ở Đồng Tháp", false},
	{VNI, "TRUNG TAÂM KHUYEÁN COÂNG ÑOÀNG THAÙP", "TRUNG TÂM KHUYẾN CÔNG ĐỒNG THÁP", false},
	{VNI, "ngöôøi lao ñoäng, nöôùc, röôïu", "người lao động, nước, rượu", false},
}

func TestConvertKnown(t *testing.T) {
	for _, tc := range known {
		got, bad := Convert(tc.enc, tc.in)
		if got != tc.want || bad != nil {
			t.Errorf("Convert(%v, %q) = %q %q, want %q", tc.enc, tc.in, got, bad, tc.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Convert(%v, %q) is not NFC", tc.enc, tc.in)
		}
		enc, det := Detect(tc.in)
		if enc != tc.enc || det != tc.want {
			t.Errorf("Detect(%q) = %v %q, want %v %q", tc.in, enc, det, tc.enc, tc.want)
		}
	}
}

func TestConvertUpper(t *testing.T) {
	// A title typed in .VnTimeH: lower-case codes shown as capitals.
	got, _ := ConvertUpper(TCVN3, "héi chî hµng c«ng nghiÖp n«ng th«n")
	if want := "HỘI CHỢ HÀNG CÔNG NGHIỆP NÔNG THÔN"; got != want {
		t.Errorf("ConvertUpper = %q, want %q", got, want)
	}
}

func TestConvertLeavesUnicode(t *testing.T) {
	for _, s := range []string{
		"Trung tâm Khuyến công",
		"Ho\u0300a Bi\u0300nh", // NFD: combining marks mean Unicode
		"plain ASCII text",
		"",
	} {
		for _, enc := range []Encoding{TCVN3, VNI} {
			if got, bad := Convert(enc, s); got != s || bad != nil {
				t.Errorf("Convert(%v, %q) = %q %q, want it unchanged", enc, s, got, bad)
			}
		}
	}
}

func TestConvertBad(t *testing.T) {
	// A VNI mark after a consonant means nothing: kept and listed once.
	got, bad := Convert(VNI, "tñuø bù bù")
	if want := "tđù bù bù"; got != want || !reflect.DeepEqual(bad, []string{"ù"}) {
		t.Errorf("Convert = %q %q, want %q [ù]", got, bad, want)
	}
}

func TestFontEncoding(t *testing.T) {
	tests := []struct {
		font  string
		enc   Encoding
		upper bool
	}{
		{".VnTime", TCVN3, false},
		{".VnTimeH", TCVN3, true},
		{".VnArial NarrowH", TCVN3, true},
		{" .vnarial ", TCVN3, false},
		{"VNI-Times", VNI, false},
		{"VNI-Helve-Condense", VNI, false},
		{"Times New Roman", None, false},
		{"", None, false},
	}
	for _, tc := range tests {
		enc, up := FontEncoding(tc.font)
		if enc != tc.enc || up != tc.upper {
			t.Errorf("FontEncoding(%q) = %v %v, want %v %v", tc.font, enc, up, tc.enc, tc.upper)
		}
	}
}

func TestSyllable(t *testing.T) {
	yes := []string{"tâm", "Khuyến", "nghiêng", "người", "khuya", "quốc", "gì", "giường", "oai", "uống", "ĐỒNG", "Ho\u0300a", "yêu", "khuỷu"}
	no := []string{"t©m", "KhuyÕn", "taâm", "Nestlé2", "ǎ", "bcd", "ng", "hoàà", "xyzà", "c«ng", "", "tấấ"}
	for _, w := range yes {
		if !Syllable(w) {
			t.Errorf("Syllable(%q) = false", w)
		}
	}
	for _, w := range no {
		if Syllable(w) {
			t.Errorf("Syllable(%q) = true", w)
		}
	}
}

func TestDetectKeepsText(t *testing.T) {
	for _, s := range []string{
		"Giá 50.000 đồng/chai",
		"café, naïve, Zoë",       // Western words: no better reading
		"30°C, ±2 %, © 2021",     // symbols alone
		"Hà Nam và Hà Tĩnh",      // already Unicode
		"Nhiệt độ 30°C ở Hà Nội", // Unicode with symbols
	} {
		if enc, got := Detect(s); enc != None || got != s {
			t.Errorf("Detect(%q) = %v %q, want it unchanged", s, enc, got)
		}
	}
}

func TestBetterAndUnsure(t *testing.T) {
	if !Better("Trung t©m", "Trung tâm") {
		t.Error("Better(t©m → tâm) = false")
	}
	// "Hà Nam" typed in Unicode under a .VnTime style: TCVN3 would make it
	// "HỔ Nam", no better, so it is kept.
	for _, s := range []string{"Hà Nam", "Hoà Bình"} {
		for _, enc := range []Encoding{TCVN3, VNI} {
			if c, _ := Convert(enc, s); Better(s, c) {
				t.Errorf("Better(%q → %q) = true", s, c)
			}
		}
	}
	if got, want := Unsure("Công ty Nestlé Việt Nam, Zoë, Zoë"), []string{"Nestlé", "Zoë"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Unsure = %q, want %q", got, want)
	}
}

// encoder inverts the decoding tables, to type Unicode text in a legacy
// encoding for round trips.
func encode(enc Encoding, s string) (string, bool) {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		e, ok := encodeRune(enc, r)
		if !ok {
			return "", false
		}
		b.WriteString(e)
	}
	return b.String(), true
}

func encodeRune(enc Encoding, r rune) (string, bool) {
	switch enc {
	case TCVN3:
		for i, v := range tcvn3 {
			if v == r {
				return string(rune(i + 0xA0)), true
			}
		}
	case VNI:
		for k, v := range vniSingle {
			if v == r {
				return string(k), true
			}
		}
		d := []rune(norm.NFD.String(string(r)))
		base, marks := d[0], d[1:]
		var mod, tone rune
		for _, m := range marks {
			switch {
			case (m == circumflex || m == breve || m == horn) && mod == 0:
				mod = m
			case tones[m] && tone == 0:
				tone = m
			default:
				return "", false // not a Vietnamese letter: Ǘ, ấ́
			}
		}
		var out string
		switch {
		case mod == horn && (base == 'o' || base == 'O' || base == 'u' || base == 'U'):
			h := map[rune]rune{'o': 'ô', 'O': 'Ô', 'u': 'ö', 'U': 'Ö'}
			out = string(h[base])
			mod = 0
		case strings.ContainsRune("aeouyAEOUY", base):
			out = string(base)
		default:
			return "", false
		}
		if mod != 0 && mod != horn && !combines(base, 0, vniMark{mod: mod}) {
			return "", false // not a Vietnamese letter: Ĕ, Ŷ
		}
		if mod == 0 && tone == 0 {
			return out, true
		}
		upper := base >= 'A' && base <= 'Z'
		for k, m := range vniMarks {
			if m.mod == mod && m.tone == tone && (k < 0xE0) == upper {
				return out + string(k), true
			}
		}
	}
	return "", false
}

var roundTripSeeds = []string{
	"Trung tâm Khuyến công", "Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
	"người, nước, rượu, khuỷu, quyết, giường, ngoằn ngoèo", "TRUNG TÂM KHUYẾN CÔNG", "ăâêôơưđ ĂÂÊÔƠƯĐ",
}

// FuzzRoundTrip types Vietnamese text in each legacy encoding and checks
// that Convert reads it back.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range roundTripSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = norm.NFC.String(s)
		for _, enc := range []Encoding{TCVN3, VNI} {
			typed, ok := encode(enc, s)
			if !ok || !hasHigh(typed) {
				continue
			}
			got, bad := Convert(enc, typed)
			if !hasVietnamese(typed) && (got != s || bad != nil) {
				t.Errorf("Convert(%v, %q) = %q %q, want %q", enc, typed, got, bad, s)
			}
		}
	})
}

// FuzzConvert feeds any text to the converters and the detector: no panic,
// valid NFC out, ASCII and Unicode Vietnamese left as they are, and
// Detect's result one of the conversions.
func FuzzConvert(f *testing.F) {
	for _, tc := range known {
		f.Add(tc.in)
	}
	for _, s := range []string{"", "\xff\xfe", "a\u0300\u0300", "ùùù", "\uF0A9", "30°C ± 2", "Hà Nam"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, enc := range []Encoding{TCVN3, VNI} {
			got, bad := Convert(enc, s)
			up, _ := ConvertUpper(enc, s)
			if utf8.ValidString(s) && (!utf8.ValidString(got) || !utf8.ValidString(up)) {
				t.Fatalf("Convert(%v, %q) = %q: invalid UTF-8", enc, s, got)
			}
			if got != s && !norm.NFC.IsNormalString(got) {
				t.Fatalf("Convert(%v, %q) = %q: not NFC", enc, s, got)
			}
			if (!hasHigh(s) || hasVietnamese(s)) && (got != s || bad != nil) {
				t.Fatalf("Convert(%v, %q) = %q: changed text it must keep", enc, s, got)
			}
		}
		enc, det := Detect(s)
		if enc == None && det != s {
			t.Fatalf("Detect(%q) = None %q", s, det)
		}
		if enc != None {
			if c, _ := Convert(enc, s); c != det {
				t.Fatalf("Detect(%q) = %v %q, Convert gives %q", s, enc, det, c)
			}
			if !Better(s, det) {
				t.Fatalf("Detect(%q) chose %v without a better reading", s, enc)
			}
		}
		Unsure(s)
	})
}
