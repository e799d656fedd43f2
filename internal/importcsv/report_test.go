package importcsv

import (
	"strings"
	"testing"
)

func TestPrint(t *testing.T) {
	r := Result{
		Created: []Item{{ID: "a", Row: 2, Path: "data/products/a.yaml"}},
		Updated: []Item{{ID: "b", Row: 3, Path: "data/products/b.yaml"}},
		Skipped: []Item{{ID: "c", Row: 5, Path: "data/products/ds.yaml"}},
		Failed:  1,
	}
	tests := []struct {
		lang string
		dry  bool
		want string
	}{
		{"vi", false, "dòng 2: tạo mới data/products/a.yaml\ndòng 3: ghi lại (--update) data/products/b.yaml\ndòng 5: bỏ qua vì đã có (thêm --update để ghi lại) data/products/ds.yaml\n1 tạo mới, 1 ghi lại, 1 bỏ qua, 1 dòng có lỗi\n"},
		{"vi", true, "dòng 2: sẽ tạo mới data/products/a.yaml\ndòng 3: sẽ ghi lại (--update) data/products/b.yaml\ndòng 5: sẽ bỏ qua vì đã có (thêm --update để ghi lại) data/products/ds.yaml\nchạy thử, chưa ghi gì: 1 sẽ tạo mới, 1 sẽ ghi lại, 1 sẽ bỏ qua, 1 dòng có lỗi\n"},
		{"en", false, "row 2: created data/products/a.yaml\nrow 3: rewritten (--update) data/products/b.yaml\nrow 5: skipped, already there (add --update to rewrite) data/products/ds.yaml\n1 created, 1 rewritten, 1 skipped, 1 rows with errors\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := r.Print(&b, tt.lang, tt.dry); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("Print(%s, %v):\n%s\nwant:\n%s", tt.lang, tt.dry, b.String(), tt.want)
		}
	}
}
