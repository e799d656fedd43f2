package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
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

// TestOpenDataRowsMatchHeader reads back every open data file: each CSV
// row has a cell for each column of the header, no more, no less; each
// JSON object has the header's keys, in its order; no column is named
// twice; and the page describes the columns of the files.
func TestOpenDataRowsMatchHeader(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		m := testModel(plain)
		m.Site.Language = lang
		out := renderTest(t, m, Options{})
		page := string(out["du-lieu/index.html"])
		sets := 0
		for name, data := range out {
			stem, ok := strings.CutSuffix(name, ".csv")
			if !ok || !strings.HasPrefix(name, "du-lieu/") {
				continue
			}
			sets++
			recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			header := recs[0]
			seen := map[string]bool{}
			for _, h := range header {
				if seen[h] {
					t.Errorf("%s: column %s twice", name, h)
				}
				seen[h] = true
				if !strings.Contains(page, "<code>"+h+"</code>") {
					t.Errorf("%s: the page does not describe column %s", name, h)
				}
			}
			dec := json.NewDecoder(bytes.NewReader(out[stem+".json"]))
			var rows []json.RawMessage
			if err := dec.Decode(&rows); err != nil {
				t.Fatalf("%s.json: %v", stem, err)
			}
			if len(rows) != len(recs)-1 {
				t.Errorf("%s: %d rows in CSV, %d in JSON", stem, len(recs)-1, len(rows))
			}
			for i, row := range rows {
				if keys := jsonKeys(t, row); !slices.Equal(keys, header) {
					t.Errorf("%s.json row %d: keys %v, header %v", stem, i, keys, header)
				}
			}
		}
		if sets != 11 {
			t.Errorf("%d open data files, want 11", sets)
		}
	}
}

// jsonKeys returns the keys of a JSON object in the order written.
func jsonKeys(t *testing.T, obj json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(obj))
	var keys []string
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", obj)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
