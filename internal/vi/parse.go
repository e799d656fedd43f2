package vi

import (
	"math/big"
	"strconv"
	"strings"
)

// multipliers are the words an amount of money may be written with,
// folded.
var multipliers = []struct {
	word string
	n    int64
}{
	{"ty", 1_000_000_000},
	{"trieu", 1_000_000},
	{"nghin", 1_000},
	{"ngan", 1_000},
}

// ParseMoney reads an amount of đồng written as people write it:
// 1200000000, 1.200.000.000, 1,200,000,000 or 1 200 000 000, with or
// without "đồng", "đ" or "VND"; or with a word, "1,2 tỷ", "900 triệu";
// after a qualifier or not ("gần 4,5 tỷ đồng": approx "gan"). scaled is
// true when a word multiplied the number. ok is false for anything else.
func ParseMoney(s string) (amount int64, approx string, scaled bool, ok bool) {
	f := strings.Join(strings.Fields(Fold(s)), " ")
	for _, key := range approxKeys {
		if w := Fold(approxWords[key].Vi) + " "; strings.HasPrefix(f, w) {
			approx, f = key, strings.TrimPrefix(f, w)
			break
		}
	}
	for _, suffix := range []string{"dong", "vnd", "vnđ", "d"} {
		if strings.HasSuffix(f, suffix) {
			f = strings.TrimSpace(strings.TrimSuffix(f, suffix))
			break
		}
	}
	var mult int64 = 1
	for _, m := range multipliers {
		if strings.HasSuffix(f, m.word) {
			mult = m.n
			f = strings.TrimSpace(strings.TrimSuffix(f, m.word))
			break
		}
	}
	if f == "" {
		return 0, "", false, false
	}
	if mult == 1 {
		n, ok := ParseGrouped(f)
		return n, approx, false, ok
	}
	// With a word, one comma or dot followed by other than three digits is
	// a decimal mark ("1,2 tỷ"); otherwise they group thousands.
	digits, frac := f, ""
	if i := strings.LastIndexAny(f, ".,"); i >= 0 && strings.Count(f, f[i:i+1]) == 1 && strings.IndexAny(f[:i], ".,") < 0 && len(f)-i-1 != 3 {
		digits, frac = f[:i], f[i+1:]
	}
	whole, ok := ParseGrouped(digits)
	if !ok || !allDigits(frac) {
		return 0, "", false, false
	}
	x := new(big.Int).Mul(big.NewInt(whole), big.NewInt(mult))
	if frac != "" {
		fr, _ := new(big.Int).SetString(frac, 10)
		scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil)
		part := new(big.Int).Mul(fr, big.NewInt(mult))
		if new(big.Int).Mod(part, scale).Sign() != 0 {
			return 0, "", false, false
		}
		x.Add(x, part.Div(part, scale))
	}
	if !x.IsInt64() {
		return 0, "", false, false
	}
	return x.Int64(), approx, true, true
}

// ParseGrouped reads a whole number whose digits may be grouped by threes
// with dots, commas or spaces: "1.200.000", "1,200", "10 000".
func ParseGrouped(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	sep := strings.IndexAny(s, "., ")
	if sep >= 0 {
		mark := s[sep]
		groups := strings.Split(s, string(mark))
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		s = strings.Join(groups, "")
	}
	if !allDigits(s) || s == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
