package vi

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		n      int64
		vi, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{999, "999", "999"},
		{1000, "1.000", "1,000"},
		{12345, "12.345", "12,345"},
		{123456, "123.456", "123,456"},
		{1234567, "1.234.567", "1,234,567"},
		{-1500, "-1.500", "-1,500"},
		{-999, "-999", "-999"},
		{math.MaxInt64, "9.223.372.036.854.775.807", "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := Number(tt.n); got != tt.vi {
			t.Errorf("Number(%d) = %q, want %q", tt.n, got, tt.vi)
		}
		if got := NumberIn(tt.n, "en"); got != tt.en {
			t.Errorf("NumberIn(%d, en) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		x      float64
		places int
		vi, en string
	}{
		{1234567.891, 2, "1.234.567,89", "1,234,567.89"},
		{1234567.895, 2, "1.234.567,90", "1,234,567.90"}, // binary value is above the half
		{0, 2, "0,00", "0.00"},
		{4.5, 2, "4,50", "4.50"},
		{4.5, 0, "4", "4"}, // tie to even
		{5.5, 0, "6", "6"},
		{-0.001, 2, "0,00", "0.00"},
		{-1234.5, 1, "-1.234,5", "-1,234.5"},
		{999.999, 2, "1.000,00", "1,000.00"},
		{3, -1, "3", "3"},
		{math.NaN(), 2, "NaN", "NaN"},
		{math.Inf(1), 2, "∞", "∞"},
		{math.Inf(-1), 2, "-∞", "-∞"},
	}
	for _, tt := range tests {
		if got := Decimal(tt.x, tt.places); got != tt.vi {
			t.Errorf("Decimal(%v, %d) = %q, want %q", tt.x, tt.places, got, tt.vi)
		}
		if got := DecimalIn(tt.x, tt.places, "en"); got != tt.en {
			t.Errorf("DecimalIn(%v, %d, en) = %q, want %q", tt.x, tt.places, got, tt.en)
		}
	}
}

func TestDecimalUpTo(t *testing.T) {
	tests := []struct {
		x      float64
		places int
		vi, en string
	}{
		{4.50, 2, "4,5", "4.5"},
		{3.0, 2, "3", "3"},
		{1234.567, 2, "1.234,57", "1,234.57"},
		{0.004, 2, "0", "0"},
		{-0.004, 2, "0", "0"},
		{-2.10, 2, "-2,1", "-2.1"},
		{1e6, 1, "1.000.000", "1,000,000"},
	}
	for _, tt := range tests {
		if got := DecimalUpTo(tt.x, tt.places, "vi"); got != tt.vi {
			t.Errorf("DecimalUpTo(%v, %d, vi) = %q, want %q", tt.x, tt.places, got, tt.vi)
		}
		if got := DecimalUpTo(tt.x, tt.places, "en"); got != tt.en {
			t.Errorf("DecimalUpTo(%v, %d, en) = %q, want %q", tt.x, tt.places, got, tt.en)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		x      float64
		places int
		lang   string
		want   string
	}{
		{12.5, 1, "vi", "12,5%"},
		{12.5, 1, "en", "12.5%"},
		{100, 1, "vi", "100%"},
		{33.333, 1, "", "33,3%"},
	}
	for _, tt := range tests {
		if got := Percent(tt.x, tt.places, tt.lang); got != tt.want {
			t.Errorf("Percent(%v, %d, %q) = %q, want %q", tt.x, tt.places, tt.lang, got, tt.want)
		}
	}
}
