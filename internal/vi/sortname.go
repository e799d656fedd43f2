package vi

import (
	"strings"
	"unicode"
)

// legalForms are the legal-form words that open an establishment's name,
// longest first so that "Công ty TNHH MTV" wins over "Công ty TNHH".
var legalForms = func() [][]string {
	forms := []string{
		"Công ty TNHH Một thành viên",
		"Công ty TNHH MTV",
		"Công ty TNHH",
		"Công ty Cổ phần",
		"Công ty CP",
		"Doanh nghiệp tư nhân",
		"DNTN",
		"Hợp tác xã",
		"HTX",
		"Tổ hợp tác",
		"Hộ kinh doanh",
		"HKD",
		"Cơ sở",
	}
	out := make([][]string, len(forms))
	for i, f := range forms {
		out[i] = strings.Fields(strings.ToLower(f))
	}
	// Stable: forms of the same length keep the order above.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// SortName returns an establishment's name without the legal form that
// opens it, the part the name is sorted and looked up by:
// "Công ty TNHH Yến Hương VINA" → "Yến Hương VINA", "HTX Nông nghiệp Tân
// Phú" → "Nông nghiệp Tân Phú".
//
// The forms recognised are "Công ty TNHH MTV" (or "Một thành viên"),
// "Công ty TNHH", "Công ty Cổ phần", "Công ty CP", "Doanh nghiệp tư nhân",
// "DNTN", "Hợp tác xã", "HTX", "Tổ hợp tác", "Hộ kinh doanh", "HKD" and
// "Cơ sở", in any case, each word typed with its diacritics or with none
// ("cong ty tnhh" matches, "Cỏ sở" does not). Punctuation right after the
// form ("HTX. Tân Phú", "Công ty TNHH - Yến Hương") goes with it. A name
// that is nothing but a legal form, or has none, is returned trimmed and
// otherwise unchanged; the result is in NFC.
func SortName(name string) string {
	name = strings.TrimSpace(NFC(name))
	words := wordSpans(name)
	for _, form := range legalForms {
		if len(words) <= len(form) {
			continue
		}
		match := true
		for i, fw := range form {
			if !sameWord(name[words[i][0]:words[i][1]], fw) {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		rest := strings.TrimLeftFunc(name[words[len(form)-1][1]:], func(r rune) bool {
			return unicode.IsSpace(r) || isFormPunct(r)
		})
		if rest != "" {
			return rest
		}
	}
	return name
}

// wordSpans returns the byte spans of the words of s, split at spaces.
func wordSpans(s string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				spans = append(spans, [2]int{start, i})
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	return spans
}

// sameWord reports whether the typed word w is the form word fw (lower
// case, with diacritics): equal ignoring case, or equal once folded when w
// was typed without any diacritic. Punctuation ending w is ignored.
func sameWord(w, fw string) bool {
	w = strings.ToLower(strings.TrimRightFunc(w, isFormPunct))
	if w == fw {
		return true
	}
	f := Fold(w)
	return f == w && f == Fold(fw)
}

func isFormPunct(r rune) bool {
	switch r {
	case '.', ',', ':', ';', '-', '–', '—':
		return true
	}
	return false
}
