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

// isDStroke reports whether r is đ or Đ, or the look-alike eth (ð, Ð) that
// conversions from the old TCVN3 and VNI encodings leave in place of Đ.
func isDStroke(r rune) bool { return r == 'đ' || r == 'Đ' || r == 'ð' || r == 'Ð' }

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
	if isSlug(s) {
		// Already a slug, as ids written by hand are: it is its own.
		return s
	}
	return makeSlug(s)
}

// makeSlug is Slug through the slug library.
func makeSlug(s string) string {
	s = strings.ReplaceAll(NFC(s), "&", " và ")
	return slug.MakeLang(s, "en")
}

// isSlug reports whether s is a slug already: lower-case ASCII letters
// and digits, in runs joined by single hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
