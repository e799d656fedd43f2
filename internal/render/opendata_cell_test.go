package render

import (
	"strings"
	"testing"
)

func TestCellTextNeverAFormula(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{"Gạo Nàng Nhen", "Gạo Nàng Nhen"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+84 296 3", "'+84 296 3"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"", ""},
		{int64(-5), "-5"},
		{1200000000, "1200000000"},
		{nil, ""},
	} {
		if got := cellText(c.in); got != c.want {
			t.Errorf("cellText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOpenDataReconciled(t *testing.T) {
	out := renderTest(t, testModel(plain), Options{})
	got := string(out["du-lieu/so-lieu-cong-bo.csv"])
	if !strings.HasPrefix(got, "\uFEFFnam,chi_tieu,ten_chi_tieu,cong_bo,uoc_luong,chi_tiet,chenh_lech,bao_cao,dia_ban,tu_nam,den_nam,ly_do,thieu\r\n") {
		t.Fatalf("so-lieu-cong-bo.csv header:\n%q", got)
	}
	for _, row := range []string{
		"2020,establishments_supported,Số cơ sở được hỗ trợ,35,,3,32,2020,,2020,2020,,\r\n",
		"2020,funding_total,Tổng kinh phí khuyến công,4500000000,gan,1200000000,3300000000,2020,,2020,2020,,\r\n",
		// No figure from the records: computed and difference stay empty,
		// the reason says why.
		"2020,fairs,\"Hội chợ, triển lãm tham gia\",3,,,,2020,,2020,2020,not-held,\r\n",
	} {
		if !strings.Contains(got, row) {
			t.Errorf("so-lieu-cong-bo.csv lacks %q:\n%s", row, got)
		}
	}
}
