package vi

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestSortOrder sorts lists given in a shuffled order and expects the
// Vietnamese order exactly.
func TestSortOrder(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"given names", []string{"Anh", "Ánh", "Ăn", "Ân", "Dũng", "Đức", "Ông", "Ơn", "Út", "Ưng"}},
		{"alphabet", []string{"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
			"m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"}},
		{"tones", []string{"a", "à", "ả", "ã", "á", "ạ"}},
		{"tones on modified vowels", []string{"ơ", "ờ", "ở", "ỡ", "ớ", "ợ", "u", "ư", "ừ", "ử", "ữ", "ứ", "ự"}},
		{"letters before tone", []string{"ba", "bà", "bả", "bã", "bá", "bạ", "bác", "bạc", "bách", "băn", "bắn", "bân"}},
		{"syllable by syllable", []string{"ba", "ba ba", "ba xu", "bà", "bà ba", "bà xã", "bác"}},
		{"shorter word first", []string{"An", "An Giang", "An Phú", "Ang", "Anh"}},
		{"case after letters and tone", []string{"an", "An", "AN", "àn", "Àn", "ăn"}},
		{"numbers", []string{"Tổ 1", "Tổ 2", "Tổ 10", "Tổ 010 A", "Tổ 100", "Tổ A"}},
		{"digits before letters", []string{"2", "9", "A", "Ă"}},
		{"punctuation separates only", []string{"Bình-An", "Bình An Tây", "Bình Đức"}},
		{"place names", []string{"An Giang", "Bạc Liêu", "Bến Tre", "Cà Mau", "Cần Thơ", "Châu Đốc", "Đồng Nai",
			"Đồng Tháp", "Hà Nội", "Hải Phòng", "Huế", "Kiên Giang", "Long Xuyên", "Tân Châu", "Tây Ninh",
			"Thoại Sơn", "Tịnh Biên", "Tri Tôn", "Vĩnh Long"}},
		{"people", []string{"Lê Thị Ánh", "Lê Văn An", "Lý Hoàng", "Ngô Quang", "Nguyễn Thị Út", "Nguyễn Văn Ân",
			"Phạm Ngọc", "Trần Đức", "Trương Dũng"}},
		{"establishments by sort name", []string{"Bánh Bò Thốt Nốt", "Dệt thổ cẩm Văn Giáo", "Đường thốt nốt Bảy Núi",
			"Mắm Bà Giáo Khỏe", "Yến Hương VINA"}},
		{"other letters after z, by code point", []string{"zeta", "ß", "ø", "ζ", "中"}},
		{"foreign marks: acute and grave are tones, circumflex makes ô", []string{"cote", "coté", "côte", "creme", "crème"}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		got := slices.Clone(tt.want)
		for range 5 {
			rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
			Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s: Sort gave\n%q\nwant\n%q", tt.name, got, tt.want)
				break
			}
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"Hoà", "Hoà", 0},
		{"Hoà", norm.NFD.String("Hoà"), 0},
		{"Nguyễn", norm.NFD.String("Nguyễn"), 0},
		{"ệ", "e\u0302\u0323", 0}, // marks typed out of canonical order
		{"Đức", "Ðức", 1},         // same weights; the NFC bytes decide
		{"Hoà", "Hòa", -1},        // the tone belongs to the syllable: only the bytes differ
		{"Hòa", "Hoà", 1},
		{"Hòa Bình", "Hoà An", 1},
		{"a", "b", -1},
		{"", "a", -1},
		{"", "", 0},
		{"  An", "An", -1}, // spaces weigh nothing, then the bytes decide
		{"bà ba", "ba xu", 1},
		{"Ăn", "Ánh", 1},
		{"Ân", "Ăn", 1},
		{"Ουρανός", "Ουρανός", 0},
		{"ί", "\u03b9\u0301", 0},
		{"퀄", "\u110f\u116f\u11af", 0},   // a Hangul syllable and its jamo
		{"Kelvin \u212a", "Kelvin K", 0}, // the Kelvin sign is K once normalised
	}
	for _, tt := range tests {
		if got := Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Compare(tt.b, tt.a); got != -tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
		if got := Less(tt.a, tt.b); got != (tt.want < 0) {
			t.Errorf("Less(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestSortFunc(t *testing.T) {
	type rec struct {
		name string
		id   int
	}
	recs := []rec{{"Út", 1}, {"Anh", 2}, {"Ưng", 3}, {"Anh", 4}, {"Ánh", 5}, {"Anh", 6}}
	SortFunc(recs, func(r rec) string { return r.name })
	got := fmt.Sprint(recs)
	want := "[{Anh 2} {Anh 4} {Anh 6} {Ánh 5} {Út 1} {Ưng 3}]"
	if got != want {
		t.Errorf("SortFunc = %s, want %s", got, want)
	}
}

// names returns n made-up Vietnamese names, the same ones every run.
func names(n int) []string {
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middle := []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Xuân", "Hoài"}
	given := []string{"An", "Ân", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hòa", "Hoà",
		"Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Oanh", "Ơn", "Ông", "Phúc", "Quyên",
		"Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Út", "Ưng", "Vy", "Yến"}
	prefix := []string{"", "Công ty TNHH ", "Hợp tác xã ", "Cơ sở ", "HKD "}
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([]string, n)
	for i := range out {
		out[i] = prefix[rng.IntN(len(prefix))] + family[rng.IntN(len(family))] + " " +
			middle[rng.IntN(len(middle))] + " " + given[rng.IntN(len(given))]
	}
	return out
}

// TestSortTotal checks on many names that the order is a total order that
// agrees with Compare, whatever the normalisation form.
func TestSortTotal(t *testing.T) {
	ns := names(2000)
	for i := range ns {
		if i%2 == 1 {
			ns[i] = norm.NFD.String(ns[i])
		}
	}
	Sort(ns)
	for i := 1; i < len(ns); i++ {
		if c := Compare(ns[i-1], ns[i]); c > 0 {
			t.Fatalf("%q sorted before %q but Compare = %d", ns[i-1], ns[i], c)
		}
	}
	if !strings.HasPrefix(NFC(ns[0]), "Bùi") {
		t.Errorf("first name %q, want a Bùi", ns[0])
	}
}

func BenchmarkSort100k(b *testing.B) {
	ns := names(100_000)
	work := make([]string, len(ns))
	b.ReportAllocs()
	for b.Loop() {
		copy(work, ns)
		Sort(work)
	}
}

func BenchmarkSortKey(b *testing.B) {
	ns := names(1000)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range ns {
			SortKey(n)
		}
	}
}
