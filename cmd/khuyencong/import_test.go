package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/docx/docxtest"
	"github.com/khuyencong/khuyencong/internal/scaffold"
)

func TestImportNewsUsage(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"import", "news", "bai.docx", "--date", "17/08/2021"},
			"khuyencong import: ngày \"17/08/2021\" không đúng dạng năm-tháng-ngày; ví dụ: --date 2025-03-14\n"},
		{[]string{"import", "news", "bai.docx", "--update", "--lang", "en"},
			"khuyencong import: --update and --dry-run apply to CSV imports only; import news never overwrites an article\n"},
		{[]string{"import", "products", "sp.csv", "--draft"},
			"khuyencong import: --date và --draft chỉ dùng khi nhập tin bài: khuyencong import news ...\n"},
		{[]string{"import", "news"},
			"khuyencong import: cần loại hồ sơ (establishments, products, projects, news) và một tệp"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tc.args, &stdout, &stderr); code != exitUsage {
			t.Errorf("run(%q) = %d, want %d", tc.args, code, exitUsage)
		}
		if !strings.HasPrefix(stderr.String(), tc.stderr) {
			t.Errorf("run(%q) stderr:\n%s\nwant prefix:\n%s", tc.args, stderr.String(), tc.stderr)
		}
	}
}

func TestImportNews(t *testing.T) {
	site := filepath.Join(t.TempDir(), "trang")
	if err := scaffold.NewSite(site); err != nil {
		t.Fatal(err)
	}
	d := docxtest.Doc{Modified: time.Date(2025, 3, 14, 2, 0, 0, 0, time.UTC), Blocks: []any{
		docxtest.Para{Style: "Title", Runs: []docxtest.Run{{Text: "Tập huấn khởi sự doanh nghiệp"}}},
		docxtest.P("Trung tâm Khuyến công tổ chức lớp tập huấn cho 40 học viên."),
	}}
	src := filepath.Join(t.TempDir(), "tap-huan.docx")
	os.WriteFile(src, d.Bytes(), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "news", src, "--site", site, "--date", "2025-03-20", "--draft", "--lang", "en"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("import news = %d: %s", code, stderr.String())
	}
	want := "Imported the article into " + filepath.Join(site, "content", "news", "tap-huan-khoi-su-doanh-nghiep", "index.md") + "\n"
	if !strings.HasPrefix(stdout.String(), want) || !strings.Contains(stdout.String(), "  date:      20 Mar 2025 (from --date)\n") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	md, _ := os.ReadFile(filepath.Join(site, "content", "news", "tap-huan-khoi-su-doanh-nghiep", "index.md"))
	if !strings.Contains(string(md), "date: 2025-03-20\n") || !strings.Contains(string(md), "draft: true\n") {
		t.Errorf("index.md:\n%s", md)
	}
	// Again: refused in the officer's language, exit status 1.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"import", "news", src, "--site", site}, &stdout, &stderr); code != exitError {
		t.Errorf("second import = %d, want 1", code)
	}
	if !strings.HasPrefix(stderr.String(), "khuyencong import: đã có bài content/news/tap-huan-khoi-su-doanh-nghiep nên không ghi đè") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
