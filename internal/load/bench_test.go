package load

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/khuyencong/khuyencong/internal/diag"
)

const benchRecord = `- id: co-so-%d
  name: Cơ sở chế biến số %d
  legal_form: ho_kinh_doanh
  sectors: [chế biến, thực phẩm]
  address:
    hamlet: Ấp Vĩnh Thạnh
    unit: huyen-tri-ton
  description: |
    Cơ sở sản xuất gạo và tinh dầu, được hỗ trợ máy tách màu năm 2020.
`

// BenchmarkLoadFiles loads a site of 10.000 files of one record each.
func BenchmarkLoadFiles(b *testing.B) {
	fsys := fstest.MapFS{"data/site.yaml": {Data: []byte("title: A\n")}}
	for i := range 10_000 {
		fsys[fmt.Sprintf("data/establishments/co-so-%05d.yaml", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, benchRecord, i, i)}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, l := Load(fsys); len(l) != 0 {
			b.Fatal(l)
		}
	}
}

// BenchmarkParseLargeFile parses one file of 20.000 records.
func BenchmarkParseLargeFile(b *testing.B) {
	var sb strings.Builder
	for i := range 20_000 {
		fmt.Fprintf(&sb, benchRecord, i, i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		var l diag.List
		text, _ := decodeText(&l, "x", src)
		if parseYAML(&l, "x", text, false) == nil {
			b.Fatal(l)
		}
	}
}
