package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// onsets are the consonants a Vietnamese syllable may start with, longest
// first.
var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

// codas are the consonants a syllable may end with.
var codas = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t", ""}

// nuclei are the vowel groups of Vietnamese syllables (with their glides),
// written with ă, â, ê, ô, ơ, ư but without tone.
var nuclei = wordSet(`a ă â e ê i y o ô ơ u ư
	ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê
	iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu`)

// wordSet returns the set of the words of s, separated by spaces.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

var tones = map[rune]bool{grave: true, acute: true, tilde: true, hook: true, dotBelow: true}

// Syllable reports whether w (one word, any case, any normalisation form)
// is written like a Vietnamese syllable: an onset, a vowel group and a
// coda from the language's inventory, with at most one tone mark. It does
// not know the lexicon: "quyêt" passes, "t©m" and "tâ" followed by a mark
// character do not.
func Syllable(w string) bool {
	if w == "" {
		return false
	}
	var b strings.Builder
	ntone := 0
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch {
		case tones[r]:
			ntone++
		case r == circumflex || r == breve || r == horn:
			b.WriteRune(r)
		case r == 'đ' || r >= 'a' && r <= 'z':
			b.WriteRune(r)
		default:
			return false
		}
	}
	if ntone > 1 {
		return false
	}
	s := norm.NFC.String(b.String())
	for _, on := range onsets {
		rest, ok := strings.CutPrefix(s, on)
		if !ok {
			continue
		}
		for _, co := range codas {
			nuc, ok := strings.CutSuffix(rest, co)
			if ok && nuclei[nuc] {
				return true
			}
		}
	}
	return false
}

// words splits s into the words that score a conversion: runs separated
// by spaces, with the punctuation around them trimmed.
func words(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '/' || r == '-' || r == '–' || r == '—'
	})
	out := f[:0]
	for _, w := range f {
		w = strings.TrimFunc(w, func(r rune) bool {
			// Not « and », which are TCVN3 letters (ô, ằ).
			return r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r) ||
				strings.ContainsRune("“”‘’…•", r)
		})
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// score counts the words of s beyond ASCII that are Vietnamese syllables,
// less those that are not: what a right conversion raises. A word of one
// letter counts for nothing: "©" would read as "â".
func score(s string) int {
	n := 0
	for _, w := range words(s) {
		if !hasHigh(w) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		if Syllable(w) {
			n++
		} else {
			n--
		}
	}
	return n
}

// Better reports whether converted reads as Vietnamese better than the
// text it came from: more of its words are syllables.
func Better(orig, converted string) bool {
	return converted != orig && score(converted) > score(orig)
}

// Unsure returns, once each and in order, the words of converted text
// that hold a character beyond ASCII and still are not Vietnamese
// syllables: what an officer should read again (a foreign name, a
// character the encoding lacks, a typing slip in the original).
func Unsure(converted string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words(converted) {
		if hasHigh(w) && !Syllable(w) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// Detect returns the legacy encoding s appears to be typed in, judged by
// its characters alone (for text without a font: a web page, plain text),
// and s converted; None and s when it reads best as it is. A conversion
// must gain two syllables at least, so that one odd word ("naïve") is not
// taken for a legacy text.
func Detect(s string) (Encoding, string) {
	if !hasHigh(s) || hasVietnamese(s) {
		return None, s
	}
	best, bestText, bestScore := None, s, score(s)+1
	for _, enc := range []Encoding{TCVN3, VNI} {
		c, _ := Convert(enc, s)
		if sc := score(c); sc > bestScore {
			best, bestText, bestScore = enc, c, sc
		}
	}
	return best, bestText
}
