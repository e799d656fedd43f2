package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Names are compared through two keys, both without spaces or
// punctuation ("Bà Rịa - Vũng Tàu" and "Ba Ria Vung Tau" are alike, as
// are "Ea H'Leo" and "Ea Hleo"):
//
//   - the fold key: vi.Fold's letters and the digits, numbers without
//     leading zeros: "bariavungtau";
//   - the tone key: the letters with their vowel marks (ă â ê ô ơ ư đ) and,
//     after each syllable, its tone as one upper-case letter, wherever the
//     mark was written: "Hoà" and "Hòa" both give "hoaF".
//
// A name typed with diacritics is matched by its tone key first; one typed
// without them (or whose tone key matches nothing) by its fold key.

// letter describes one precomposed Vietnamese letter.
type letter struct {
	base  byte // the ASCII letter, lower case
	tone  byte // 0, or F (huyền) S (sắc) R (hỏi) X (ngã) J (nặng)
	plain rune // the letter without its tone, lower case: ậ → â
}

const (
	lettersFirst = 0xC0
	lettersLast  = 0x1EF9
)

// letters maps the precomposed Vietnamese letters (and the eth that old
// encodings leave for Đ) from U+00C0 on; base 0 for any other rune.
var letters = func() *[lettersLast - lettersFirst + 1]letter {
	var t [lettersLast - lettersFirst + 1]letter
	// Each row: the vowel, then its forms with huyền, sắc, hỏi, ngã, nặng.
	rows := []string{
		"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
		"oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
	}
	set := func(r rune, l letter) {
		for _, c := range []rune{r, unicode.ToUpper(r)} {
			if c >= lettersFirst && c <= lettersLast {
				t[c-lettersFirst] = l
			}
		}
	}
	for _, row := range rows {
		rs := []rune(row)
		base := byte(vi.Fold(string(rs[0]))[0])
		for i, r := range rs {
			set(r, letter{base: base, tone: " FSRXJ"[i], plain: rs[0]})
		}
	}
	for _, r := range []rune{'đ', 'ð'} {
		set(r, letter{base: 'd', tone: ' ', plain: 'đ'})
	}
	return &t
}()

// lookupLetter returns the description of r, ok false when r is neither an
// ASCII letter nor a precomposed Vietnamese letter.
func lookupLetter(r rune) (letter, bool) {
	switch {
	case 'a' <= r && r <= 'z':
		return letter{base: byte(r), tone: ' ', plain: r}, true
	case 'A' <= r && r <= 'Z':
		return letter{base: byte(r) + 'a' - 'A', tone: ' ', plain: r + 'a' - 'A'}, true
	case r >= lettersFirst && r <= lettersLast:
		l := letters[r-lettersFirst]
		return l, l.base != 0
	}
	return letter{}, false
}

// appendSlug appends the slug of a name (as vi.Slug writes it) to b: the
// letters without diacritics in lower case, the digits, apostrophes
// dropped, any other run of characters one hyphen. Names in units.txt are
// NFC and Vietnamese; a test checks the result against vi.Slug for all of
// them.
func appendSlug(b []byte, name string) []byte {
	start := len(b)
	sep := false
	for _, r := range name {
		if l, ok := lookupLetter(r); ok {
			if sep && len(b) > start {
				b = append(b, '-')
			}
			sep = false
			b = append(b, l.base)
			continue
		}
		switch {
		case '0' <= r && r <= '9':
			if sep && len(b) > start {
				b = append(b, '-')
			}
			sep = false
			b = append(b, byte(r))
		case r == '\'' || r == '’':
		default:
			if r >= utf8.RuneSelf && unicode.IsLetter(r) {
				// Not Vietnamese: leave it to the slug library.
				return append(b[:start], vi.Slug(name)...)
			}
			sep = true
		}
	}
	return b
}

// appendFoldKey appends the fold key of a name of units.txt (NFC,
// Vietnamese) to b: what keys gives for its words, without cutting it into
// words first. A test checks the two agree on every name.
func appendFoldKey(b []byte, name string) []byte {
	run := -1 // where the current run of digits starts in b, -1 outside one
	for _, r := range name {
		if '0' <= r && r <= '9' {
			if run < 0 {
				run = len(b)
			}
			if len(b) == run+1 && b[run] == '0' {
				b[run] = byte(r) // a leading zero
				continue
			}
			b = append(b, byte(r))
			continue
		}
		run = -1
		if l, ok := lookupLetter(r); ok {
			b = append(b, l.base)
		} else if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			b = append(b, vi.Fold(string(r))...)
		}
	}
	return b
}

// word is one word of a name as written: a run of letters, or of digits.
type word struct {
	text       string // as written (NFC)
	start, end int    // its place in the text it was cut from
	fold       string // folded: lower-case ASCII letters, or digits without leading zeros
	tone       string // tone key
	// marked: the word was written with some diacritic.
	marked bool
}

// splitWords cuts s (NFC) into words: runs of letters and runs of digits,
// anything else (spaces, dots, hyphens) separating them; apostrophes
// inside a word are dropped ("H'Leo" is one word). "P1" and "Q.10" give
// two words each.
func splitWords(s string) []word {
	var out []word
	var fold, tone strings.Builder
	start, kind := -1, 0 // kind 1 letters, 2 digits
	marked := false
	var toneMark byte = ' '
	flush := func(end int) {
		if start < 0 {
			return
		}
		f := fold.String()
		if kind == 2 {
			f = strings.TrimLeft(f, "0")
			if f == "" {
				f = "0"
			}
		}
		if toneMark != ' ' {
			tone.WriteByte(toneMark)
		}
		t := tone.String()
		if kind == 2 {
			t = f
		}
		out = append(out, word{text: s[start:end], start: start, end: end, fold: f, tone: t, marked: marked})
		fold.Reset()
		tone.Reset()
		start, kind, marked, toneMark = -1, 0, false, ' '
	}
	for i, r := range s {
		if r == '\'' || r == '’' {
			if kind == 1 {
				continue
			}
		}
		if '0' <= r && r <= '9' {
			if kind != 2 {
				flush(i)
				start, kind = i, 2
			}
			fold.WriteRune(r)
			continue
		}
		l, ok := lookupLetter(r)
		if !ok && r >= utf8.RuneSelf && unicode.IsLetter(r) {
			// Another script or a letter outside Vietnamese: fold it as
			// vi.Fold does, keep it in the tone key as it is.
			f := vi.Fold(string(r))
			l = letter{tone: ' ', plain: unicode.ToLower(r)}
			ok = true
			if kind != 1 {
				flush(i)
				start, kind = i, 1
			}
			fold.WriteString(f)
			tone.WriteRune(l.plain)
			marked = true
			continue
		}
		if !ok {
			flush(i)
			continue
		}
		if kind != 1 {
			flush(i)
			start, kind = i, 1
		}
		fold.WriteByte(l.base)
		tone.WriteRune(l.plain)
		if r >= utf8.RuneSelf {
			marked = true
		}
		if l.tone != ' ' && toneMark == ' ' {
			toneMark = l.tone
		}
	}
	flush(len(s))
	return out
}

// keys returns the fold key and the tone key of a run of words, and whether
// any of them was written with diacritics.
func keys(ws []word) (fold, tone string, marked bool) {
	var f, t strings.Builder
	for _, w := range ws {
		f.WriteString(w.fold)
		t.WriteString(w.tone)
		marked = marked || w.marked
	}
	return f.String(), t.String(), marked
}

// foldKey returns the fold key of a name.
func foldKey(name string) string {
	f, _, _ := keys(splitWords(name))
	return f
}

// toneKey returns the tone key of a name.
func toneKey(name string) string {
	_, t, _ := keys(splitWords(name))
	return t
}

// typeWord is a word (or a few) that may precede a name, with the types
// it allows.
type typeWord struct {
	words []word // as the lists write it, or an abbreviation
	abbr  bool   // an abbreviation, such as "tp", has no diacritics to check
	types []Type
}

// typeWords, longest first.
var typeWords = func() []typeWord {
	list := []struct {
		text  string
		types []Type
	}{
		{"thành phố trực thuộc trung ương", []Type{CentralCity}},
		{"thành phố", []Type{City, CentralCity}},
		{"thị xã", []Type{Town}},
		{"thị trấn", []Type{Township}},
		{"đặc khu", []Type{SpecialZone}},
		{"tỉnh", []Type{Province, CentralCity}},
		{"huyện", []Type{District}},
		{"quận", []Type{UrbanDistrict}},
		{"phường", []Type{Ward}},
		{"xã", []Type{Commune}},
		{"tp", []Type{City, CentralCity}},
		{"tx", []Type{Town}},
		{"tt", []Type{Township}},
		{"h", []Type{District}},
		{"q", []Type{UrbanDistrict}},
		{"p", []Type{Ward}},
		{"x", []Type{Commune}},
	}
	out := make([]typeWord, len(list))
	for i, l := range list {
		ws := splitWords(l.text)
		out[i] = typeWord{words: ws, abbr: !ws[0].marked, types: l.types}
	}
	return out
}()

// reading is one way to read a name: the types its type word allows (nil:
// any) and the words of the name itself.
type reading struct {
	types []Type
	words []word
	// name is the name as written, without the type word.
	name string
}

// readings returns the ways to read s (NFC): first with its leading type
// word taken off, when it has one, then as a name of any type. "Quan Hóa"
// is read as quận "Hóa" and as the name "Quan Hóa"; "xã Yên Nguyên" as xã
// "Yên Nguyên" and as the name "xã Yên Nguyên" (which matches nothing).
func readings(s string) []reading {
	ws := splitWords(s)
	var out []reading
	for _, tw := range typeWords {
		if len(ws) <= len(tw.words) {
			continue
		}
		ok := true
		for i, w := range tw.words {
			// A type word written with diacritics must be spelt right:
			// "Xà Phìn" is a name, not xã "Phìn".
			if ws[i].fold != w.fold || ws[i].marked && !tw.abbr && ws[i].tone != w.tone {
				ok = false
				break
			}
		}
		if ok {
			rest := ws[len(tw.words):]
			out = append(out, reading{types: tw.types, words: rest, name: s[rest[0].start:rest[len(rest)-1].end]})
			break
		}
	}
	return append(out, reading{words: ws, name: strings.TrimSpace(s)})
}

// provinceAliases maps the fold keys of other names of provinces, as
// addresses write them, to the fold key of the name in the lists.
var provinceAliases = map[string]string{
	"thuathienhue": "hue", // the name until 31/12/2024
	"hcm":          "hochiminh",
	"tphcm":        "hochiminh",
	"saigon":       "hochiminh",
	"brvt":         "bariavungtau",
	"daclac":       "daklak",
	"daclak":       "daklak",
	"daklac":       "daklak",
	"dacnong":      "daknong",
}

// Title returns the unit's type word and name, as running text writes it:
// "xã Yên Nguyên", "thành phố Hồ Chí Minh", "quận 1"; in English "Yên
// Nguyên commune", "Hồ Chí Minh city", "District 1".
func (u *Unit) Title(lang string) string { return Title(u.Type, u.Name, lang) }

// Title returns a name with the short word of its type, as running text
// writes it (see Unit.Title): the one wording of unit names, for messages
// and pages alike. The country, and a type without a word, are named
// alone.
func Title(t Type, name, lang string) string {
	w := TypeWord(t, lang)
	switch {
	case t == Country || w == "":
		return name
	case lang != "en":
		return w + " " + name
	case isNumber(name):
		return strings.ToUpper(w[:1]) + w[1:] + " " + name
	}
	return name + " " + w
}

// TypeWord returns the short word for a type, as it precedes a name:
// "xã", "thành phố" (also for a centrally governed city, never the
// classification); in English "commune", "city". "" for an unknown type.
func TypeWord(t Type, lang string) string { return shortWords[t].Text(lang) }

// shortWords are the short type words, in both languages.
var shortWords = map[Type]diag.Msg{
	Country:       {Vi: "quốc gia", En: "country"},
	Province:      {Vi: "tỉnh", En: "province"},
	CentralCity:   {Vi: "thành phố", En: "city"},
	City:          {Vi: "thành phố", En: "city"},
	Town:          {Vi: "thị xã", En: "town"},
	District:      {Vi: "huyện", En: "district"},
	UrbanDistrict: {Vi: "quận", En: "district"},
	Ward:          {Vi: "phường", En: "ward"},
	Commune:       {Vi: "xã", En: "commune"},
	Township:      {Vi: "thị trấn", En: "township"},
	SpecialZone:   {Vi: "đặc khu", En: "special zone"},
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// FullName returns the unit's title followed by those of the units above
// it, the country left out: "xã Yên Nguyên, huyện Chiêm Hóa, tỉnh Tuyên
// Quang".
func (u *Unit) FullName(lang string) string {
	var parts []string
	for a := u; a != nil && a.Type != Country; a = a.Parent {
		parts = append(parts, a.Title(lang))
	}
	if len(parts) == 0 {
		return u.Title(lang)
	}
	return strings.Join(parts, ", ")
}

// SameSpelling reports whether two names are spelt alike: the same letters
// and marks, wherever the tone mark sits ("Hoà", "Hòa"), spaces and
// punctuation aside. It tells a name corrected in a site's units.yaml from
// one written in another style.
func SameSpelling(a, b string) bool { return toneKey(vi.NFC(a)) == toneKey(vi.NFC(b)) }
