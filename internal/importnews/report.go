package importnews

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Result is what an import wrote.
type Result struct {
	// Path is the article's index.md as a path on disk, Rel the same
	// relative to the site folder (content/news/<slug>/index.md).
	Path, Rel             string
	Title                 string
	Date                  time.Time
	DateFrom              diag.Msg
	Author                string
	SourceName, SourceURL string
	Summary               bool
	SummaryFrom           diag.Msg
	Words, Photos, Tables int
	Notes                 notes
}

// Print writes the summary of the import in lang ("vi" or "en"): the path,
// what the article holds, and what was converted, left out or needs a
// second look.
func (r *Result) Print(w io.Writer, lang string) {
	en := lang == "en"
	t := func(vi, en_ string, args ...any) string { return diag.M(vi, en_, args...).Text(lang) }
	var b strings.Builder
	fmt.Fprintln(&b, t("Đã nhập bài vào %s", "Imported the article into %s", r.Path))
	fmt.Fprintln(&b, t("  tiêu đề:   %s", "  title:     %s", r.Title))
	fmt.Fprintln(&b, t("  ngày:      %s (%s)", "  date:      %s (%s)", vi.DateIn(r.Date, lang), r.DateFrom.Text(lang)))
	if r.Author != "" {
		fmt.Fprintln(&b, t("  tác giả:   %s", "  author:    %s", r.Author))
	} else {
		fmt.Fprintln(&b, t("  tác giả:   chưa tìm thấy — ghi vào trường author nếu biết", "  author:    not found — fill in the author field if known"))
	}
	if r.SourceName != "" || r.SourceURL != "" {
		fmt.Fprintln(&b, t("  nguồn:     %s", "  source:    %s", strings.TrimSpace(r.SourceName+" "+r.SourceURL)))
	}
	if r.Summary {
		fmt.Fprintln(&b, t("  tóm tắt:   %s", "  summary:   %s", r.SummaryFrom.Text(lang)))
	} else {
		fmt.Fprintln(&b, t("  tóm tắt:   chưa có lời dẫn in đậm — ghi vào trường summary", "  summary:   no bold lead found — fill in the summary field"))
	}
	words := vi.NumberIn(int64(r.Words), lang)
	if en {
		fmt.Fprintf(&b, "  content:   %s words, %s, %s\n", words, count(r.Photos, "", "photo", "photos").En, count(r.Tables, "", "table", "tables").En)
	} else {
		fmt.Fprintf(&b, "  nội dung:  %s chữ, %d ảnh, %d bảng\n", words, r.Photos, r.Tables)
	}
	if r.Photos > 0 {
		fmt.Fprintln(&b, t("             ảnh thứ nhất là ảnh đại diện (trường image), các ảnh khác ở trong bài",
			"             the first photo is the article's image (the image field), the others are in the text"))
	}
	n := r.Notes
	if n.footnotes > 0 {
		c := count(n.footnotes, "chú thích cuối trang", "footnote", "footnotes")
		fmt.Fprintln(&b, t("             %s của Word ở cuối bài, đánh số 1, 2… và đánh dấu [1], [2]… trong bài",
			"             %s of Word at the end of the article, numbered 1, 2… and marked [1], [2]… in the text", c.Text(lang)))
	}
	for _, m := range n.converted {
		fmt.Fprintln(&b, t("  chuyển mã: %s", "  converted: %s", m.Text(lang)))
	}
	if len(n.unsure) > 0 {
		fmt.Fprintln(&b, t("  đọc lại:   những chữ sau chuyển từ mã cũ chưa chắc đúng: %s", "  check:     these words converted from a legacy encoding may be wrong: %s", unsureWords(n.unsure, 20)))
	}
	if len(n.bad) > 0 {
		fmt.Fprintln(&b, t("  đọc lại:   ký tự không chuyển được, giữ nguyên: %s", "  check:     characters that could not be converted, kept as they are: %s", strings.Join(n.bad, " ")))
	}
	for _, m := range n.photos {
		fmt.Fprintln(&b, t("  ảnh:       %s", "  photo:     %s", m.Text(lang)))
	}
	if n.icons > 0 {
		fmt.Fprintln(&b, t("  ảnh:       bỏ %d hình nhỏ dưới %d điểm ảnh (biểu tượng, nút)", "  photo:     left out %d images smaller than %d pixels (icons, buttons)", n.icons, minPhoto))
	}
	for _, m := range n.dropped {
		fmt.Fprintln(&b, t("  đã bỏ:     %s", "  left out:  %s", m.Text(lang)))
	}
	fmt.Fprintln(&b, t("Đọc lại bài, ghi từ khóa (tags) và hồ sơ liên quan (related), rồi kiểm tra: khuyencong check; xem thử: khuyencong serve",
		"Read the article again, fill in tags and related records, then check it: khuyencong check; preview: khuyencong serve"))
	io.WriteString(w, b.String())
}
