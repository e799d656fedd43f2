package vi

import (
	"math"
	"testing"
)

func TestMoney(t *testing.T) {
	tests := []struct {
		amount int64
		approx string
		vi, en string
	}{
		{4_500_000_000, "", "4,5 tỷ đồng", "VND 4.5 billion"},
		{1_200_000_000, "", "1,2 tỷ đồng", "VND 1.2 billion"},
		{4_450_000_000, "", "4,45 tỷ đồng", "VND 4.45 billion"},
		{900_000_000, "", "900 triệu đồng", "VND 900 million"},
		{1_500_000, "", "1,5 triệu đồng", "VND 1.5 million"},
		{350_000, "", "350.000 đồng", "VND 350,000"},
		{0, "", "0 đồng", "VND 0"},
		{4_500_000_000, "gan", "gần 4,5 tỷ đồng", "nearly VND 4.5 billion"},
		{4_500_000_000, "khoang", "khoảng 4,5 tỷ đồng", "about VND 4.5 billion"},
		{4_500_000_000, "hon", "hơn 4,5 tỷ đồng", "more than VND 4.5 billion"},
		{4_500_000_000, "tren", "trên 4,5 tỷ đồng", "over VND 4.5 billion"},
		{900_000_000, "duoi", "dưới 900 triệu đồng", "under VND 900 million"},
		{4_500_000_000, "unknown", "4,5 tỷ đồng", "VND 4.5 billion"},
		// Rounding half away from zero, on whole đồng.
		{4_455_000_000, "", "4,46 tỷ đồng", "VND 4.46 billion"},
		{4_454_999_999, "", "4,45 tỷ đồng", "VND 4.45 billion"},
		{4_005_000_000, "", "4,01 tỷ đồng", "VND 4.01 billion"},
		{4_004_999_999, "", "4 tỷ đồng", "VND 4 billion"},
		{1_050_000_000, "", "1,05 tỷ đồng", "VND 1.05 billion"},
		{1_000_000_000, "", "1 tỷ đồng", "VND 1 billion"},
		{1_234_567, "", "1,23 triệu đồng", "VND 1.23 million"},
		{1_000_000, "", "1 triệu đồng", "VND 1 million"},
		{999_999, "", "999.999 đồng", "VND 999,999"},
		// A figure of triệu that rounds to 1.000 triệu is written in tỷ.
		{999_999_999, "", "1 tỷ đồng", "VND 1 billion"},
		{999_995_000, "", "1 tỷ đồng", "VND 1 billion"},
		{999_994_999, "", "999,99 triệu đồng", "VND 999.99 million"},
		// No unit above tỷ in Vietnamese; trillion in English.
		{1_000_000_000_000, "", "1.000 tỷ đồng", "VND 1 trillion"},
		{1_200_000_000_000, "", "1.200 tỷ đồng", "VND 1.2 trillion"},
		{1_234_560_000_000, "", "1.234,56 tỷ đồng", "VND 1.23 trillion"},
		{999_999_000_000, "", "1.000 tỷ đồng", "VND 1 trillion"},
		{math.MaxInt64, "", "9.223.372.036,85 tỷ đồng", "VND 9,223,372.04 trillion"},
		// Negative amounts keep their sign after the qualifier.
		{-4_500_000_000, "", "-4,5 tỷ đồng", "-VND 4.5 billion"},
		{-350_000, "khoang", "khoảng -350.000 đồng", "about -VND 350,000"},
		{math.MinInt64, "", "-9.223.372.036,85 tỷ đồng", "-VND 9,223,372.04 trillion"},
	}
	for _, tt := range tests {
		if got := Money(tt.amount, tt.approx, "vi"); got != tt.vi {
			t.Errorf("Money(%d, %q, vi) = %q, want %q", tt.amount, tt.approx, got, tt.vi)
		}
		if got := Money(tt.amount, tt.approx, "en"); got != tt.en {
			t.Errorf("Money(%d, %q, en) = %q, want %q", tt.amount, tt.approx, got, tt.en)
		}
	}
}

func TestMoneyFull(t *testing.T) {
	tests := []struct {
		amount int64
		vi, en string
	}{
		{4_500_000_000, "4.500.000.000 đồng", "VND 4,500,000,000"},
		{0, "0 đồng", "VND 0"},
		{-12_000, "-12.000 đồng", "-VND 12,000"},
	}
	for _, tt := range tests {
		if got := MoneyFull(tt.amount); got != tt.vi {
			t.Errorf("MoneyFull(%d) = %q, want %q", tt.amount, got, tt.vi)
		}
		if got := MoneyFullIn(tt.amount, "en"); got != tt.en {
			t.Errorf("MoneyFullIn(%d, en) = %q, want %q", tt.amount, got, tt.en)
		}
	}
}

func TestApproxAndCount(t *testing.T) {
	tests := []struct {
		key            string
		vi, en         string
		countVI, count string
	}{
		{"", "", "", "10.000", "10,000"},
		{"gan", "gần", "nearly", "gần 10.000", "nearly 10,000"},
		{"khoang", "khoảng", "about", "khoảng 10.000", "about 10,000"},
		{"hon", "hơn", "more than", "hơn 10.000", "more than 10,000"},
		{"tren", "trên", "over", "trên 10.000", "over 10,000"},
		{"duoi", "dưới", "under", "dưới 10.000", "under 10,000"},
		{"Gan", "", "", "10.000", "10,000"},
	}
	for _, tt := range tests {
		if got := Approx(tt.key, "vi"); got != tt.vi {
			t.Errorf("Approx(%q, vi) = %q, want %q", tt.key, got, tt.vi)
		}
		if got := Approx(tt.key, "en"); got != tt.en {
			t.Errorf("Approx(%q, en) = %q, want %q", tt.key, got, tt.en)
		}
		if got := Count(10000, tt.key, "vi"); got != tt.countVI {
			t.Errorf("Count(10000, %q, vi) = %q, want %q", tt.key, got, tt.countVI)
		}
		if got := Count(10000, tt.key, "en"); got != tt.count {
			t.Errorf("Count(10000, %q, en) = %q, want %q", tt.key, got, tt.count)
		}
		if IsApprox(tt.key) != (tt.vi != "") {
			t.Errorf("IsApprox(%q) = %v", tt.key, IsApprox(tt.key))
		}
	}
	keys := ApproxKeys()
	want := []string{"gan", "khoang", "hon", "tren", "duoi"}
	if len(keys) != len(want) {
		t.Fatalf("ApproxKeys() = %q, want %q", keys, want)
	}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("ApproxKeys() = %q, want %q", keys, want)
		}
	}
	keys[0] = "changed"
	if ApproxKeys()[0] != "gan" {
		t.Error("ApproxKeys returns the package's own slice")
	}
}
