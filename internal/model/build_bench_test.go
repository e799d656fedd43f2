package model

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/load"
)

// largeSite returns a site of n establishments, each with a product, and
// n/4 projects with two beneficiaries each, parsed as package load would.
func largeSite(tb testing.TB, n int) *load.Site {
	tb.Helper()
	parse := func(path, text string) *load.Doc {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
			tb.Fatal(err)
		}
		return &load.Doc{Path: path, Root: doc.Content[0]}
	}
	src := &load.Site{Data: map[string][]*load.Doc{}}
	src.Settings = parse("data/site.yaml", "title: Thử\narea: tinh\n")
	var units strings.Builder
	units.WriteString("- {id: tinh, name: Tỉnh, type: tinh}\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&units, "- {id: xa-%d, name: Xã %d, type: xa, parent: tinh}\n", i, i)
	}
	src.Data["units"] = []*load.Doc{parse("data/units.yaml", units.String())}
	const perFile = 1000
	for f := 0; f*perFile < n; f++ {
		var est, prod, proj strings.Builder
		for i := f * perFile; i < min(n, (f+1)*perFile); i++ {
			fmt.Fprintf(&est, "- name: Hộ kinh doanh Nguyễn Văn %d\n  legal_form: ho_kinh_doanh\n  address: {unit: xa-%d, street: Ấp %d}\n  sectors: [mây tre đan]\n", i, i%50, i)
			fmt.Fprintf(&prod, "- name: Sản phẩm %d\n  establishment: ho-kinh-doanh-nguyen-van-%d\n  group: tcmn\n", i, i)
			if i%4 == 0 {
				fmt.Fprintf(&proj, "- title: Đề án %d\n  year: %d\n  funding_source: kcdp\n  activity: dao_tao_nghe\n  budget: %d\n  beneficiaries:\n    - establishment: ho-kinh-doanh-nguyen-van-%d\n    - establishment: ho-kinh-doanh-nguyen-van-%d\n",
					i, 2015+i%10, 1000000*(i+1), i, i+1)
			}
		}
		src.Data["establishments"] = append(src.Data["establishments"], parse(fmt.Sprintf("data/establishments/%03d.yaml", f), est.String()))
		src.Data["products"] = append(src.Data["products"], parse(fmt.Sprintf("data/products/%03d.yaml", f), prod.String()))
		src.Data["projects"] = append(src.Data["projects"], parse(fmt.Sprintf("data/projects/%03d.yaml", f), proj.String()))
	}
	return src
}

func BenchmarkBuild100k(b *testing.B) {
	src := largeSite(b, 100000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, diags := Build(src, Options{Now: testNow})
		if len(diags) != 0 || len(m.Establishments) != 100000 {
			b.Fatalf("%d establishments, diagnostics: %v", len(m.Establishments), diags[:min(3, len(diags))])
		}
	}
}
