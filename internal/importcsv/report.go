package importcsv

import (
	"fmt"
	"io"
	"strings"
)

// Print writes what the import did (or, in a dry run, would do), in lang
// ("vi" or "en"): one line per record created, updated or skipped, then a
// closing count.
func (r Result) Print(w io.Writer, lang string, dryRun bool) error {
	en := lang == "en"
	verbs := [3]string{"tạo mới", "ghi lại (--update)", "bỏ qua vì đã có (thêm --update để ghi lại)"}
	if dryRun {
		verbs = [3]string{"sẽ tạo mới", "sẽ ghi lại (--update)", "sẽ bỏ qua vì đã có (thêm --update để ghi lại)"}
	}
	row := "dòng"
	if en {
		verbs = [3]string{"created", "rewritten (--update)", "skipped, already there (add --update to rewrite)"}
		if dryRun {
			verbs = [3]string{"would create", "would rewrite (--update)", "would skip, already there (add --update to rewrite)"}
		}
		row = "row"
	}
	var b strings.Builder
	for i, items := range [3][]Item{r.Created, r.Updated, r.Skipped} {
		for _, it := range items {
			fmt.Fprintf(&b, "%s %d: %s %s\n", row, it.Row, verbs[i], it.Path)
		}
	}
	switch {
	case en && dryRun:
		fmt.Fprintf(&b, "dry run, nothing written: %d to create, %d to rewrite, %d to skip, %d rows with errors\n", len(r.Created), len(r.Updated), len(r.Skipped), r.Failed)
	case en:
		fmt.Fprintf(&b, "%d created, %d rewritten, %d skipped, %d rows with errors\n", len(r.Created), len(r.Updated), len(r.Skipped), r.Failed)
	case dryRun:
		fmt.Fprintf(&b, "chạy thử, chưa ghi gì: %d sẽ tạo mới, %d sẽ ghi lại, %d sẽ bỏ qua, %d dòng có lỗi\n", len(r.Created), len(r.Updated), len(r.Skipped), r.Failed)
	default:
		fmt.Fprintf(&b, "%d tạo mới, %d ghi lại, %d bỏ qua, %d dòng có lỗi\n", len(r.Created), len(r.Updated), len(r.Skipped), r.Failed)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
