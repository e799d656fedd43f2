// Package legacy converts Vietnamese text typed in the 8-bit font
// encodings that predate Unicode, still found in the documents of
// provincial offices, into Unicode (NFC):
//
//   - TCVN3 (TCVN 5712:1993, "ABC"), typed with the .VnTime, .VnArial …
//     fonts; the fonts whose name ends in H (.VnTimeH) show every letter as
//     a capital. "Trung t©m KhuyÕn c«ng" is "Trung tâm Khuyến công".
//   - VNI, typed with the VNI-Times, VNI-Helve … fonts, where most marked
//     letters are a base letter followed by a mark character:
//     "Trung taâm Khuyeán coâng".
//
// Text in these encodings reaches a program as the characters of the
// Windows code page (Word stores each byte as its Windows-1252 character,
// or in the U+F000 private range for a symbol font), so the tables here map
// those characters. A run is known to be legacy by its font (FontEncoding)
// or, without one, by its characters (Detect). Whether a conversion is
// right is judged on the words it yields: a conversion is applied only when
// it gives more Vietnamese syllables than the text as it is (Better), so
// Unicode text in a document whose style still names .VnTime is left
// alone.
package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding is a legacy Vietnamese font encoding.
type Encoding int

// The encodings known.
const (
	None Encoding = iota
	TCVN3
	VNI
)

func (e Encoding) String() string {
	switch e {
	case TCVN3:
		return "TCVN3"
	case VNI:
		return "VNI"
	}
	return "Unicode"
}

// FontEncoding returns the encoding a font name implies and whether the
// font shows capitals only (.VnTimeH, .VnArialH). Font names are compared
// without regard to case and surrounding spaces.
func FontEncoding(font string) (enc Encoding, upper bool) {
	f := strings.TrimSpace(font)
	lf := strings.ToLower(f)
	switch {
	case strings.HasPrefix(lf, ".vn"):
		return TCVN3, strings.HasSuffix(f, "H")
	case strings.HasPrefix(lf, "vni-"), strings.HasPrefix(lf, "vni "):
		return VNI, false
	}
	return None, false
}

// tcvn3 maps the characters 0xA1–0xFF of TCVN3 to Unicode; 0 where TCVN3
// puts nothing (or the combining marks 0xB0–0xB4, which a .VnTime document
// uses for °, ± … as typed).
var tcvn3 = [0x100 - 0xA0]rune{
	0xA1 - 0xA0: 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ',
	'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
	0xB5 - 0xA0: 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
	'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
	'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
	'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
	'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
}

// vniSingle maps the VNI characters that stand for a whole letter.
var vniSingle = map[rune]rune{
	'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
	'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
	'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'Ô': 'Ơ', 'Ö': 'Ư', 'Ñ': 'Đ',
}

// A VNI mark character after a vowel: a vowel modifier (circumflex,
// breve) and a tone, either of which may be absent.
type vniMark struct {
	mod  rune // '\u0302' circumflex, '\u0306' breve, 0
	tone rune // combining tone mark, 0
}

const (
	circumflex = '\u0302'
	breve      = '\u0306'
	horn       = '\u031B'
	grave      = '\u0300'
	acute      = '\u0301'
	tilde      = '\u0303'
	hook       = '\u0309'
	dotBelow   = '\u0323'
)

var vniMarks = map[rune]vniMark{
	// tones alone
	'ù': {0, acute}, 'ø': {0, grave}, 'û': {0, hook}, 'õ': {0, tilde}, 'ï': {0, dotBelow},
	'Ù': {0, acute}, 'Ø': {0, grave}, 'Û': {0, hook}, 'Õ': {0, tilde}, 'Ï': {0, dotBelow},
	// circumflex, alone and with a tone
	'â': {circumflex, 0}, 'á': {circumflex, acute}, 'à': {circumflex, grave}, 'å': {circumflex, hook}, 'ã': {circumflex, tilde}, 'ä': {circumflex, dotBelow},
	'Â': {circumflex, 0}, 'Á': {circumflex, acute}, 'À': {circumflex, grave}, 'Å': {circumflex, hook}, 'Ã': {circumflex, tilde}, 'Ä': {circumflex, dotBelow},
	// breve, alone and with a tone
	'ê': {breve, 0}, 'é': {breve, acute}, 'è': {breve, grave}, 'ú': {breve, hook}, 'ü': {breve, tilde}, 'ë': {breve, dotBelow},
	'Ê': {breve, 0}, 'É': {breve, acute}, 'È': {breve, grave}, 'Ú': {breve, hook}, 'Ü': {breve, tilde}, 'Ë': {breve, dotBelow},
}

// vniBase returns the letter (as a base and an optional horn) that a VNI
// mark may follow.
func vniBase(r rune) (base rune, mod rune, ok bool) {
	switch r {
	case 'a', 'e', 'o', 'u', 'y', 'A', 'E', 'O', 'U', 'Y':
		return r, 0, true
	case 'ô':
		return 'o', horn, true
	case 'Ô':
		return 'O', horn, true
	case 'ö':
		return 'u', horn, true
	case 'Ö':
		return 'U', horn, true
	}
	return 0, 0, false
}

// privateByte undoes Word's storage of a symbol font's byte b as U+F000+b.
func privateByte(r rune) rune {
	if r >= 0xF020 && r <= 0xF0FF {
		return r - 0xF000
	}
	return r
}

// Convert returns s, typed in enc, as Unicode in NFC. bad lists, once each
// and in order, the characters of s that enc gives no meaning to where
// they stand (a VNI mark after a consonant); they are kept as they are.
// Text that already holds Vietnamese Unicode letters (beyond Latin-1) is
// returned unchanged: it was not typed in enc whatever its font says.
func Convert(enc Encoding, s string) (out string, bad []string) {
	if enc == None || !hasHigh(s) || hasVietnamese(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	seen := map[rune]bool{}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := privateByte(rs[i])
		switch enc {
		case TCVN3:
			if r >= 0xA1 && r <= 0xFF && tcvn3[r-0xA0] != 0 {
				b.WriteRune(tcvn3[r-0xA0])
				continue
			}
		case VNI:
			if base, mod, ok := vniBase(r); ok {
				b.WriteRune(base)
				if i+1 < len(rs) {
					if m, ok := vniMarks[privateByte(rs[i+1])]; ok && combines(base, mod, m) {
						i++
						writeMarks(&b, mod, m)
						continue
					}
				}
				if mod != 0 {
					b.WriteRune(mod)
				}
				continue
			}
			if v, ok := vniSingle[r]; ok {
				b.WriteRune(v)
				continue
			}
			if _, ok := vniMarks[r]; ok {
				if !seen[r] {
					seen[r] = true
					bad = append(bad, string(r))
				}
			}
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String()), bad
}

// combines reports whether mark m may follow the VNI base letter base
// (with horn mod): a circumflex goes on a, e, o; a breve on a; a tone on
// any vowel, horned or not; neither a circumflex nor a breve on a horned
// letter.
func combines(base, mod rune, m vniMark) bool {
	switch m.mod {
	case circumflex:
		l := unicode.ToLower(base)
		return mod == 0 && (l == 'a' || l == 'e' || l == 'o')
	case breve:
		return mod == 0 && unicode.ToLower(base) == 'a'
	}
	return true
}

func writeMarks(b *strings.Builder, mod rune, m vniMark) {
	if mod != 0 {
		b.WriteRune(mod)
	}
	if m.mod != 0 {
		b.WriteRune(m.mod)
	}
	if m.tone != 0 {
		b.WriteRune(m.tone)
	}
}

// ConvertUpper is Convert for a capitals-only font (.VnTimeH): the letters
// it yields are capitals.
func ConvertUpper(enc Encoding, s string) (string, []string) {
	if enc == None || hasVietnamese(s) {
		return s, nil
	}
	out, bad := Convert(enc, s)
	return strings.ToUpper(out), bad
}

// hasHigh reports whether s has a character beyond ASCII, the only ones a
// conversion changes.
func hasHigh(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// hasVietnamese reports whether s holds a letter of Vietnamese Unicode
// beyond Latin-1 (ă, đ, ơ, ư, ạ … ỹ), which legacy text, read as the
// Windows code page, never does.
func hasVietnamese(s string) bool {
	for _, r := range s {
		switch {
		case r == 'ă' || r == 'Ă' || r == 'đ' || r == 'Đ' || r == 'ơ' || r == 'Ơ' || r == 'ư' || r == 'Ư',
			r == 'ĩ' || r == 'Ĩ' || r == 'ũ' || r == 'Ũ',
			r >= 0x1EA0 && r <= 0x1EF9,
			r >= 0x0300 && r <= 0x0323:
			return true
		}
	}
	return false
}
