package vi

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese order, as dictionaries and the lists of public bodies use it:
//
//   - Letters come in the order of the Vietnamese alphabet,
//     a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z
//     (f, j, w and z, absent from native words, where the Latin alphabet
//     puts them).
//   - Text is compared syllable by syllable. Within a syllable the letters
//     count first and the tone second, in the order ngang (none), huyền,
//     hỏi, ngã, sắc, nặng: ba < bà < bả < bã < bá < bạ < bác. A whole
//     syllable, tone included, comes before the next one is looked at, as
//     in a dictionary: "ba xu" < "bà ba". The tone belongs to the syllable,
//     wherever the mark sits: "Hoà" and "Hòa" weigh the same.
//   - Digits come before letters and a run of digits counts as a number:
//     "Tổ 2" < "Tổ 10". Spaces and punctuation only separate syllables.
//   - Case counts only when everything above is equal, lower case first.
//   - Texts still equal are ordered by the bytes of their NFC form, so
//     that the order is total and every build gives the same one; Compare
//     returns 0 only for texts whose NFC forms are identical.
//
// Letters outside the Vietnamese alphabet that decompose into a Latin
// letter and marks (é, ñ, ü) sort as that letter; other letters and
// scripts sort after z, by code point.
//
// golang.org/x/text/collate with language.Vietnamese is not used: it
// weighs tones over the whole text rather than per syllable ("bà ba"
// before "ba xu"), puts "Tổ 10" before "Tổ 2", and is slower than keys
// built from the tables here.

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

// Primary weights: the alphabet above, from weightA on.
const (
	weightEnd    = 0x00 // end of a level
	weightSyll   = 0x01 // end of a syllable or number; its tone follows
	weightTone   = 0x02 // tone ngang; the other tones follow in order
	weightNumber = 0x08 // a number: its length and digits follow
	weightA      = 0x40
	weightOther  = 0xFE // a letter outside the alphabet: 3 bytes follow
	caseLower    = 0x01
	caseUpper    = 0x02
)

const alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

// letterWeight maps 'a'…'z' to their primary weights.
var letterWeight = func() [26]byte {
	var w [26]byte
	i := 0
	for _, r := range alphabet {
		if r < utf8.RuneSelf {
			w[r-'a'] = weightA + byte(i)
		}
		i++
	}
	return w
}()

var weightDStroke = weightA + byte(runeIndex('đ'))

// runeIndex returns the position of r in the alphabet.
func runeIndex(r rune) int {
	for i, a := range []rune(alphabet) {
		if a == r {
			return i
		}
	}
	panic("vi: letter not in alphabet")
}

// modified maps a plain vowel weight and a modifying mark to the weight of
// the modified letter: a+breve → ă, o+horn → ơ, …
var modified = map[[2]int]byte{
	{'a', markBreve}:      weightA + byte(runeIndex('ă')),
	{'a', markCircumflex}: weightA + byte(runeIndex('â')),
	{'e', markCircumflex}: weightA + byte(runeIndex('ê')),
	{'o', markCircumflex}: weightA + byte(runeIndex('ô')),
	{'o', markHorn}:       weightA + byte(runeIndex('ơ')),
	{'u', markHorn}:       weightA + byte(runeIndex('ư')),
}

// toneOf returns the tone of a combining mark, 0 when it is none.
func toneOf(m rune) byte {
	switch m {
	case markGrave:
		return 1
	case markHook:
		return 2
	case markTilde:
		return 3
	case markAcute:
		return 4
	case markDotBelow:
		return 5
	}
	return 0
}

type keyBuilder struct {
	key    []byte // primary letters and the tone of each syllable
	cases  []byte // one case weight per letter
	digits []byte // the number being read
	state  int    // inNone, inLetters, inDigits
	tone   byte   // tone of the syllable being read
	base   byte   // plain ASCII letter last added (lower case), 0 if none
	last   int    // index in key of that letter
}

const (
	inNone = iota
	inLetters
	inDigits
)

// SortKey returns a key whose byte order is the Vietnamese order of the
// texts (see Compare). Sorting many texts, compute each key once.
func SortKey(s string) string {
	var k keyBuilder
	return k.build(s)
}

// build returns the key of s, reusing the builder's buffers.
func (k *keyBuilder) build(s string) string {
	if need := 3*len(s) + 8; cap(k.key) < need {
		k.key = make([]byte, 0, need)
	}
	k.key, k.cases, k.digits = k.key[:0], k.cases[:0], k.digits[:0]
	k.state, k.tone, k.base = inNone, 0, 0
	for _, r := range s {
		k.rune(r)
	}
	k.end()
	k.key = append(k.key, weightEnd)
	k.key = append(k.key, k.cases...)
	k.key = append(k.key, weightEnd)
	k.key = append(k.key, NFC(s)...)
	return string(k.key)
}

func (k *keyBuilder) rune(r rune) {
	if r < utf8.RuneSelf {
		k.ascii(byte(r))
		return
	}
	if e, ok := lookup(r); ok {
		k.ascii(e.base)
		for _, m := range e.marks {
			if m == noMark {
				break
			}
			k.mark(0x300 + rune(m))
		}
		return
	}
	if c := string(r); !norm.NFD.IsNormalString(c) {
		// Any other precomposed character (Hangul syllables included) is
		// read as NFD writes it.
		for _, dr := range norm.NFD.String(c) {
			if dr < utf8.RuneSelf {
				k.ascii(byte(dr))
			} else {
				k.other(dr)
			}
		}
		return
	}
	k.other(r)
}

func (k *keyBuilder) ascii(c byte) {
	switch {
	case '0' <= c && c <= '9':
		if k.state != inDigits {
			k.end()
			k.state = inDigits
		}
		k.digits = append(k.digits, c)
	case isASCIILetter(c):
		cs := byte(caseLower)
		if c <= 'Z' {
			cs, c = caseUpper, c|0x20
		}
		k.letter(letterWeight[c-'a'], cs)
		k.base, k.last = c, len(k.key)-1
	default:
		k.end()
	}
}

func (k *keyBuilder) letter(w, cs byte) {
	if k.state != inLetters {
		k.end()
		k.state = inLetters
	}
	k.key = append(k.key, w)
	k.cases = append(k.cases, cs)
	k.base = 0
}

func (k *keyBuilder) mark(m rune) {
	if k.state != inLetters {
		return // a mark on a digit or on nothing weighs nothing
	}
	if t := toneOf(m); t != 0 {
		if k.tone == 0 {
			k.tone = t
		}
		return
	}
	if k.base != 0 {
		if w, ok := modified[[2]int{int(k.base), int(m)}]; ok {
			k.key[k.last] = w
			k.base = 0
		}
	}
}

func (k *keyBuilder) other(r rune) {
	switch {
	case isDStroke(r):
		cs := byte(caseLower)
		if r == 'Đ' || r == 'Ð' {
			cs = caseUpper
		}
		k.letter(weightDStroke, cs)
	case unicode.Is(unicode.Mn, r):
		k.mark(r)
	case unicode.IsLetter(r):
		cs := byte(caseLower)
		if unicode.IsUpper(r) {
			cs = caseUpper
		}
		lr := unicode.ToLower(r)
		k.letter(weightOther, cs)
		// 21 bits in three bytes with the high bit set: never 0.
		k.key = append(k.key, 0x80|byte(lr>>14), 0x80|byte(lr>>7&0x7F), 0x80|byte(lr&0x7F))
	default:
		k.end()
	}
}

// end closes the syllable or number being read.
func (k *keyBuilder) end() {
	switch k.state {
	case inLetters:
		k.key = append(k.key, weightSyll, weightTone+k.tone)
	case inDigits:
		d := k.digits
		for len(d) > 1 && d[0] == '0' {
			d = d[1:]
		}
		n := min(len(d), 0xEF)
		k.key = append(k.key, weightNumber, 0x10+byte(n))
		k.key = append(k.key, d...)
		k.key = append(k.key, weightSyll, weightTone)
		k.digits = k.digits[:0]
	}
	k.state, k.tone, k.base = inNone, 0, 0
}

// Compare returns -1, 0 or +1 as a comes before, with or after b in
// Vietnamese order (described at the top of this file). It returns 0 only
// when a and b have the same NFC form.
func Compare(a, b string) int { return strings.Compare(SortKey(a), SortKey(b)) }

// Less reports whether a comes before b in Vietnamese order.
func Less(a, b string) bool { return Compare(a, b) < 0 }

// Sort sorts texts in Vietnamese order, computing each key once.
func Sort(texts []string) {
	SortFunc(texts, func(s string) string { return s })
}

// SortFunc sorts items in the Vietnamese order of their names, computing
// each key once. Items with the same name keep their order.
func SortFunc[T any](items []T, name func(T) string) {
	type keyed struct {
		key  string
		pos  int
		item T
	}
	ks := make([]keyed, len(items))
	var k keyBuilder
	for i, it := range items {
		ks[i] = keyed{k.build(name(it)), i, it}
	}
	// Keys differ unless the names are the same text; the position breaks
	// those ties, for determinism, without the cost of a stable sort.
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.pos - b.pos
	})
	for i := range ks {
		items[i] = ks[i].item
	}
}
