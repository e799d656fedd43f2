package importnews_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/docx/docxtest"
	"github.com/khuyencong/khuyencong/internal/importnews"
)

// tenPages is a Word document of about ten A4 pages (5,000 words in 50
// paragraphs under 10 headings, a list and a table on each page) with ten
// 1600×1200 photos, each with its caption: a long report of a centre.
func tenPages() []byte {
	sentence := "Trung tâm Khuyến công tỉnh đã phối hợp với các địa phương hỗ trợ cơ sở công nghiệp nông thôn đầu tư máy móc, thiết bị tiên tiến vào sản xuất, nâng cao chất lượng sản phẩm. "
	para := strings.Repeat(sentence, 3) // about 100 words
	d := docxtest.Doc{Modified: time.Date(2025, 3, 14, 2, 0, 0, 0, time.UTC), Blocks: []any{
		docxtest.Para{Style: "Title", Runs: []docxtest.Run{{Text: "Báo cáo kết quả hoạt động khuyến công năm 2024"}}},
		docxtest.Para{Runs: []docxtest.Run{{Text: "Năm 2024, hoạt động khuyến công của tỉnh đạt nhiều kết quả quan trọng.", Bold: true}}},
	}}
	for page := 1; page <= 10; page++ {
		d.Blocks = append(d.Blocks, docxtest.Para{Style: "Heading1", Runs: []docxtest.Run{{Text: fmt.Sprintf("Phần %d", page)}}})
		for i := 0; i < 5; i++ {
			d.Blocks = append(d.Blocks, docxtest.P(para))
		}
		d.Blocks = append(d.Blocks,
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Hỗ trợ máy móc, thiết bị"}}},
			docxtest.Para{Num: 1, Runs: []docxtest.Run{{Text: "Đào tạo nghề, tập huấn"}}},
			docxtest.Table{{"Nội dung", "Kinh phí"}, {"Máy sấy", "450 triệu đồng"}, {"Tập huấn", "80 triệu đồng"}},
			docxtest.Para{Align: "center", Runs: []docxtest.Run{{Image: docxtest.Photo(1600, 1200, uint8(page))}}},
			docxtest.Para{Style: "Caption", Runs: []docxtest.Run{{Text: fmt.Sprintf("Ảnh minh họa phần %d (Ảnh: Minh Anh)", page)}}},
		)
	}
	return d.Bytes()
}

// BenchmarkImportDocx10Pages converts a ten-page Word document with ten
// photos into an article, writing it and its photos.
func BenchmarkImportDocx10Pages(b *testing.B) {
	site := filepath.Join(b.TempDir(), "trang")
	os.MkdirAll(filepath.Join(site, "data"), 0o755)
	os.WriteFile(filepath.Join(site, "data", "site.yaml"), []byte("title: Thử\n"), 0o644)
	src := filepath.Join(b.TempDir(), "bao-cao.docx")
	data := tenPages()
	os.WriteFile(src, data, 0o644)
	b.ReportMetric(float64(len(data))/(1<<20), "MB-docx")
	b.ResetTimer()
	for b.Loop() {
		res, err := importnews.Import(site, src, importnews.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if res.Photos != 10 || res.Tables != 10 {
			b.Fatalf("%d photos, %d tables", res.Photos, res.Tables)
		}
		os.RemoveAll(filepath.Dir(res.Path))
		b.StartTimer()
	}
}
