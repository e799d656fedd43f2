package vi

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gosimple/slug"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C, the form every text is
// kept in once loaded: "Hoà" typed with a combining grave accent becomes
// the same bytes as the precomposed one.
func NFC(s string) string { return norm.NFC.String(s) }

// Combining marks that matter in Vietnamese. Three change the letter
// (ă, â/ê/ô, ơ/ư) and five are the tones.
const (
	markGrave      = 0x300 // huyền
	markAcute      = 0x301 // sắc
	markCircumflex = 0x302 // â ê ô
	markTilde      = 0x303 // ngã
	markBreve      = 0x306 // ă
	markHook       = 0x309 // hỏi
	markHorn       = 0x31B // ơ ư
	markDotBelow   = 0x323 // nặng
)

// decomposed is the canonical decomposition of a precomposed Latin letter
// into an ASCII letter and up to three combining marks (offsets from
// U+0300, 0xFF when absent).
type decomposed struct {
	base  byte
	marks [3]byte
}

const (
	decompFirst = 0xC0
	decompLast  = 0x1EFF
	noMark      = 0xFF
)

// decomp holds every precomposed letter from U+00C0 to U+1EFF whose
// canonical decomposition is an ASCII letter followed by marks of the
// block U+0300–U+036F; the other entries have base 0.
var decomp = buildDecomp()

func buildDecomp() *[decompLast - decompFirst + 1]decomposed {
	var t [decompLast - decompFirst + 1]decomposed
	for r := rune(decompFirst); r <= decompLast; r++ {
		d := norm.NFD.String(string(r))
		if d == string(r) || d[0] >= utf8.RuneSelf || !isASCIILetter(d[0]) {
			continue
		}
		e := decomposed{base: d[0], marks: [3]byte{noMark, noMark, noMark}}
		ok := true
		i := 0
		for _, m := range d[1:] {
			if m < 0x300 || m > 0x36F || i == len(e.marks) {
				ok = false
				break
			}
			e.marks[i] = byte(m - 0x300)
			i++
		}
		if ok {
			t[r-decompFirst] = e
		}
	}
	return &t
}

// isDStroke reports whether r is đ or Đ, or the look-alike eth (ð, Ð) that
// conversions from the old TCVN3 and VNI encodings leave in place of Đ.
func isDStroke(r rune) bool { return r == 'đ' || r == 'Đ' || r == 'ð' || r == 'Ð' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// lookup returns the decomposition of r, ok false when r is not a
// precomposed Latin letter.
func lookup(r rune) (decomposed, bool) {
	if r < decompFirst || r > decompLast {
		return decomposed{}, false
	}
	e := decomp[r-decompFirst]
	return e, e.base != 0
}

// Fold returns s for search and matching: lower case, every diacritic
// removed, đ written d, whatever the normalisation form of s: "Châu Đốc"
// → "chau doc"; "Hòa", "Hoà" and "HOÀ" all fold to "hoa". Letters of
// other scripts lose their diacritics too; characters that are not letters
// are kept as they are.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case isDStroke(r):
			b.WriteByte('d')
		case unicode.Is(unicode.Mn, r):
			// a diacritic, once the letter is decomposed: dropped
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Slug returns the URL slug of s: Vietnamese letters written without
// diacritics (đ as d), lower case, every run of other characters turned
// into one hyphen, no hyphen at either end: "Châu Đốc" → "chau-doc", "Công ty TNHH Yến Hương
// VINA" → "cong-ty-tnhh-yen-huong-vina". "&" is read "và": "Nông & Lâm"
// → "nong-va-lam". Input in NFC or NFD gives the same slug; a text with
// no letter or digit gives "".
//
// The slug library has no Vietnamese table of its own; its transliteration
// already writes Vietnamese letters (đ included) as the plain letter, so
// the text is only normalised and "&" replaced before it.
func Slug(s string) string {
	s = strings.ReplaceAll(NFC(s), "&", " và ")
	return slug.MakeLang(s, "en")
}
