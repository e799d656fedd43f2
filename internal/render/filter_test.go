package render

import (
	"encoding/json"
	"strings"
	"testing"
)

// filterJSON reads the data file of the catalogue's filters.
type filterJSON struct {
	F [][]json.RawMessage `json:"f"`
	M [][]string          `json:"m"`
	U []string            `json:"u"`
	R [][]any             `json:"r"`
	P [][]json.RawMessage `json:"p"`
}

// TestFilterData checks the data file of the filters against the facet
// pages: every value counts the products its facet page lists, an
// expired OCOP certificate files a product under no recognition, and the
// catalogue page holds the form, hidden until the script shows it.
func TestFilterData(t *testing.T) {
	m := testModel(plain)
	out := renderTest(t, m, Options{})
	js := string(out[filterFile])
	if !strings.HasPrefix(js, "kcFilter.data(") || !strings.HasSuffix(js, ");\n") {
		t.Fatalf("%s does not register itself: %.60s…", filterFile, js)
	}
	var d filterJSON
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(js, "kcFilter.data("), ");\n")), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.P) != len(m.Products) {
		t.Fatalf("%d products in the data, want %d", len(d.P), len(m.Products))
	}
	var slugs []string
	for fi, f := range d.F {
		var slug string
		var values [][2]string
		json.Unmarshal(f[0], &slug)
		json.Unmarshal(f[1], &values)
		slugs = append(slugs, slug)
		for vi, v := range values {
			n := 0
			for _, p := range d.P {
				var vs [][]int
				json.Unmarshal(p[4], &vs)
				for _, x := range vs[fi] {
					if x == vi {
						n++
					}
				}
			}
			page := string(out["san-pham/"+slug+"/"+v[0]+"/index.html"])
			if !strings.Contains(page, ">"+formatCount(n)+" mục<") {
				t.Errorf("%s=%s: %d products in the data, and the facet page says otherwise", slug, v[0], n)
			}
			if strings.HasPrefix(v[0], "ocop") && slug == "cong-nhan" && n > 0 {
				// The test product's OCOP certificate ended in 2024.
				t.Errorf("an expired OCOP certificate files a product under %s", v[0])
			}
		}
	}
	if strings.Join(slugs, ",") != "nhom,cong-nhan,don-vi,nam" {
		t.Errorf("facets %v", slugs)
	}
	list := string(out["san-pham/index.html"])
	for _, want := range []string{`<form id="kc-filter" class="filter"`, `<script defer src="../static/filter.js"></script>`, `data-data="../san-pham/bo-loc.js"`, `name="nhom" value="che-bien"`} {
		if !strings.Contains(list, want) {
			t.Errorf("the catalogue lacks %s", want)
		}
	}
}

func formatCount(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
