package vi

import (
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Approx keys: the qualifiers of a rounded published figure (data contract,
// field approx). The empty key means the figure is exact.
var approxKeys = []string{"gan", "khoang", "hon", "tren", "duoi"}

// approxWords are the words of the qualifiers: the one source of these
// labels (the data contract's enum takes them from here).
var approxWords = map[string]diag.Msg{
	"gan":    {Vi: "gần", En: "nearly"},
	"khoang": {Vi: "khoảng", En: "about"},
	"hon":    {Vi: "hơn", En: "more than"},
	"tren":   {Vi: "trên", En: "over"},
	"duoi":   {Vi: "dưới", En: "under"},
}

// ApproxKeys returns the qualifier keys in the data contract's order.
func ApproxKeys() []string { return append([]string(nil), approxKeys...) }

// IsApprox reports whether key is a known qualifier key ("" is not).
func IsApprox(key string) bool { _, ok := approxWords[key]; return ok }

// Approx returns the word written before a rounded figure: "gần",
// "khoảng", "hơn", "trên", "dưới" ("nearly", "about", "more than", "over",
// "under" in English). It returns "" for "" and for an unknown key.
func Approx(key, lang string) string {
	return approxWords[key].Text(lang)
}

// Count writes a count with its qualifier: Count(10000, "khoang", "vi") →
// "khoảng 10.000", in English "about 10,000".
func Count(n int64, approx, lang string) string {
	return qualify(NumberIn(n, lang), approx, lang)
}

// MoneyFull writes an amount of đồng in full, for tables:
// 4500000000 → "4.500.000.000 đồng".
func MoneyFull(amount int64) string { return MoneyFullIn(amount, "vi") }

// MoneyFullIn is MoneyFull in the given language ("VND 4,500,000,000" in
// English).
func MoneyFullIn(amount int64, lang string) string {
	if isEN(lang) {
		if amount < 0 {
			return "-VND " + strings.TrimPrefix(NumberIn(amount, lang), "-")
		}
		return "VND " + NumberIn(amount, lang)
	}
	return NumberIn(amount, lang) + " đồng"
}

// Money writes an amount of đồng for prose, with the qualifier approx
// (see Approx) in front.
//
// The rule: amounts of a billion (1 tỷ) and more are written in tỷ,
// amounts of a million and more in triệu, smaller amounts in full. The
// figure in tỷ or triệu is rounded half away from zero to at most two
// decimals and trailing zeros are dropped: 4500000000 → "4,5 tỷ đồng",
// 4450000000 → "4,45 tỷ đồng", 4455000000 → "4,46 tỷ đồng", 1500000 →
// "1,5 triệu đồng", 350000 → "350.000 đồng". An amount of triệu that rounds
// to 1.000 triệu is written in tỷ: 999999999 → "1 tỷ đồng". There is no
// larger unit: 1200000000000 → "1.200 tỷ đồng". The rounding is done on the
// whole number of đồng, never through floating point.
//
// English follows the same rule with "million", "billion" and, from a
// thousand billion, "trillion": "VND 4.5 billion", "about VND 900 million",
// "VND 1.2 trillion", "VND 350,000".
//
// A negative amount keeps its sign before the figure, after the
// qualifier: "-4,5 tỷ đồng", "khoảng -350.000 đồng", "-VND 4.5 billion".
func Money(amount int64, approx, lang string) string {
	neg := amount < 0
	u := uint64(amount)
	if neg {
		u = -u
	}
	s := moneyAbs(u, lang)
	if neg {
		s = "-" + s
	}
	return qualify(s, approx, lang)
}

const (
	million  = 1_000_000
	billion  = 1_000_000_000
	trillion = 1_000_000_000_000
)

func moneyAbs(u uint64, lang string) string {
	en := isEN(lang)
	switch {
	case en && (u >= trillion || roundsUp(u, billion, trillion)):
		return "VND " + scaled(u, trillion, lang) + " trillion"
	case u >= billion || roundsUp(u, million, billion):
		if en {
			return "VND " + scaled(u, billion, lang) + " billion"
		}
		return scaled(u, billion, lang) + " tỷ đồng"
	case u >= million:
		if en {
			return "VND " + scaled(u, million, lang) + " million"
		}
		return scaled(u, million, lang) + " triệu đồng"
	}
	return MoneyFullIn(int64(u), lang)
}

// hundredths returns u/size rounded half away from zero to hundredths.
func hundredths(u, size uint64) uint64 {
	step := size / 100
	q, r := u/step, u%step
	if r >= step-r { // r*2 >= step without overflow
		q++
	}
	return q
}

// roundsUp reports whether u, written in units of size (at least one
// unit), rounds to 1.000 units: it then belongs to the next unit, next.
func roundsUp(u, size, next uint64) bool {
	return u >= size && u < next && hundredths(u, size) >= 100_000
}

// scaled writes u in units of size with at most two decimals.
func scaled(u, size uint64, lang string) string {
	h := hundredths(u, size)
	s := group(strconv.FormatUint(h/100, 10), thousandsSep(lang))
	frac := h % 100
	switch {
	case frac == 0:
		return s
	case frac%10 == 0:
		return s + decimalSep(lang) + strconv.FormatUint(frac/10, 10)
	case frac < 10:
		return s + decimalSep(lang) + "0" + strconv.FormatUint(frac, 10)
	}
	return s + decimalSep(lang) + strconv.FormatUint(frac, 10)
}

// qualify puts the qualifier word of approx in front of s.
func qualify(s, approx, lang string) string {
	if w := Approx(approx, lang); w != "" {
		return w + " " + s
	}
	return s
}
