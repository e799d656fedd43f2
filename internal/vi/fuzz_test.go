package vi

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"", "Châu Đốc", "Công ty TNHH Yến Hương VINA", "chau-doc", "a_b-1", "a--b", "-a", "a-", "_", "a_", "HTX. Tân Phú", "Hoà Bình", "e\u0302\u0323",
	"Tổ 010", "ΣΟΦΊΑ", "中文 名字", "Ðức", "a\u0300\u0300", "\u0301a", "  - ; ", "K\u212a", "\xff\xfe",
}

func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	slugRE := regexp.MustCompile(`^([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)?$`)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		nfc, nfd := norm.NFC.String(s), norm.NFD.String(s)
		if a, b := SortKey(nfc), SortKey(nfd); a != b {
			t.Errorf("SortKey differs for NFC %q and NFD %q", nfc, nfd)
		}
		if a, b := Fold(nfc), Fold(nfd); a != b {
			t.Errorf("Fold(NFC %q) = %q, Fold(NFD) = %q", nfc, a, b)
		}
		sl := Slug(s)
		if made := makeSlug(s); sl != made {
			t.Errorf("Slug(%q) = %q, the slug library gives %q", s, sl, made)
		}
		if sl != Slug(nfd) {
			t.Errorf("Slug differs for NFC and NFD of %q", s)
		}
		if !slugRE.MatchString(sl) || strings.Contains(sl, "--") {
			t.Errorf("Slug(%q) = %q, not a clean slug", s, sl)
		}
		sn := SortName(s)
		trimmed := strings.TrimSpace(nfc)
		if !strings.HasSuffix(trimmed, sn) || (trimmed != "" && strings.TrimSpace(sn) == "") {
			t.Errorf("SortName(%q) = %q, not a non-empty tail of the name", s, sn)
		}
	})
}

func FuzzCompare(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		ab, ba := Compare(a, b), Compare(b, a)
		if ab != -ba {
			t.Errorf("Compare(%q, %q) = %d but Compare(%q, %q) = %d", a, b, ab, b, a, ba)
		}
		if (ab == 0) != (norm.NFC.String(a) == norm.NFC.String(b)) {
			t.Errorf("Compare(%q, %q) = %d", a, b, ab)
		}
	})
}

// FuzzMoney reads the prose figure back and checks it is the amount
// rounded to the unit's hundredth.
func FuzzMoney(f *testing.F) {
	for _, n := range []int64{0, 350_000, 999_999, 1_000_000, 999_999_999, 4_455_000_000, 1_200_000_000_000, math.MaxInt64, -4_500_000_000} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		s := Money(n, "", "vi")
		num, unit, ok := strings.Cut(s, " ")
		if !ok {
			t.Fatalf("Money(%d) = %q", n, s)
		}
		size := map[string]float64{"đồng": 1, "triệu đồng": 1e6, "tỷ đồng": 1e9}[unit]
		if size == 0 {
			t.Fatalf("Money(%d) = %q: unknown unit", n, s)
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(num, ".", ""), ",", "."), 64)
		if err != nil {
			t.Fatalf("Money(%d) = %q: %v", n, s, err)
		}
		got, want := v*size, float64(n)
		tol := 0.005*size + math.Abs(want)*1e-15
		if math.Abs(got-want) > tol {
			t.Errorf("Money(%d) = %q, off by %g", n, s, got-want)
		}
		if size == 1e6 && math.Abs(v) >= 1000 || size == 1 && math.Abs(v) >= 1e6 {
			t.Errorf("Money(%d) = %q: should use a larger unit", n, s)
		}
		if strings.HasSuffix(num, "0") && strings.Contains(num, ",") {
			t.Errorf("Money(%d) = %q: trailing zero", n, s)
		}
	})
}

// FuzzParseMoney reads money as people write it: what it accepts writes
// back, in full, to the amount it read.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,2 tỷ", "100.000.000", "90 triệu", "gần 4,5 tỷ đồng", "1 200 000 đ", "12,5 nghìn", "1,2345 tỷ", "0,1 triệu", "9999999999 tỷ", "hơn", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, approx, _, ok := ParseMoney(s)
		if !ok {
			return
		}
		if n < 0 {
			t.Errorf("ParseMoney(%q) = %d, negative", s, n)
		}
		if approx != "" && !IsApprox(approx) {
			t.Errorf("ParseMoney(%q): unknown qualifier %q", s, approx)
		}
		full := strings.TrimSuffix(MoneyFull(n), " đồng")
		if m, _, _, ok := ParseMoney(full); !ok || m != n {
			t.Errorf("ParseMoney(%q) = %d, but its full form %q reads as %d (%v)", s, n, full, m, ok)
		}
	})
}
