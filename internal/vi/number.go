package vi

import (
	"math"
	"strconv"
	"strings"
)

// Number writes n with a dot between groups of three digits, the
// Vietnamese way: 1234567 → "1.234.567", -1500 → "-1.500".
func Number(n int64) string { return NumberIn(n, "vi") }

// NumberIn writes n in the given language: "1.234.567" in Vietnamese,
// "1,234,567" in English.
func NumberIn(n int64, lang string) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u // also right for math.MinInt64
	}
	s := group(strconv.FormatUint(u, 10), thousandsSep(lang))
	if neg {
		return "-" + s
	}
	return s
}

// Decimal writes x with exactly places digits after the decimal comma and
// dots between groups of three: Decimal(1234567.891, 2) → "1.234.567,89".
// Rounding is strconv.FormatFloat's: to the nearest of the exact binary
// value, ties to even. A result that rounds to zero carries no sign.
func Decimal(x float64, places int) string { return DecimalIn(x, places, "vi") }

// DecimalIn is Decimal in the given language ("1,234,567.89" in English).
func DecimalIn(x float64, places int, lang string) string {
	return decimal(x, places, false, lang)
}

// DecimalUpTo writes x with at most places digits after the decimal
// separator, dropping trailing zeros (and the separator when nothing is
// left): DecimalUpTo(4.50, 2, "vi") → "4,5", DecimalUpTo(3.0, 2, "vi") → "3".
func DecimalUpTo(x float64, places int, lang string) string {
	return decimal(x, places, true, lang)
}

// Percent writes x per cent with at most places decimals, trailing zeros
// dropped: Percent(12.5, 1, "vi") → "12,5%", in English "12.5%".
func Percent(x float64, places int, lang string) string {
	return DecimalUpTo(x, places, lang) + "%"
}

func decimal(x float64, places int, trim bool, lang string) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	}
	if places < 0 {
		places = 0
	}
	s := strconv.FormatFloat(x, 'f', places, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if trim {
		frac = strings.TrimRight(frac, "0")
	}
	if neg && strings.Trim(intPart+frac, "0") == "" {
		neg = false // -0,00 reads as 0,00
	}
	out := group(intPart, thousandsSep(lang))
	if frac != "" {
		out += decimalSep(lang) + frac
	}
	if neg {
		return "-" + out
	}
	return out
}

func thousandsSep(lang string) string {
	if isEN(lang) {
		return ","
	}
	return "."
}

func decimalSep(lang string) string {
	if isEN(lang) {
		return "."
	}
	return ","
}

// group inserts sep between groups of three in a string of ASCII digits.
func group(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*len(sep))
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteString(sep)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
