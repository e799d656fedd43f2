package render

import (
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/model"
)

func TestBodyLinksToBundleFiles(t *testing.T) {
	f := &funcs{md: newMarkdown(false), assets: map[string]bool{
		"news/bai/anh.gif":       true,
		"news/bai/tai lieu.pdf":  true,
		"news/bai/hinh/so-1.gif": true,
	}}
	a := &model.Article{Bundle: "news/bai", Body: model.Markdown(
		"![Ảnh](anh.gif) [Tài liệu](tai%20lieu.pdf#trang-2) ![Hình](hinh/so-1.gif) " +
			"[Thiếu](khong-co.pdf) [Ngoài](https://sct.example.vn/a.png) [Neo](#muc) [Gốc](/tin-tuc/)")}
	got := string(f.body("../../", a))
	want := `<p><img src="../../news/bai/anh.gif" alt="Ảnh"> <a href="../../news/bai/tai%20lieu.pdf#trang-2">Tài liệu</a> ` +
		`<img src="../../news/bai/hinh/so-1.gif" alt="Hình"> <a href="khong-co.pdf">Thiếu</a> ` +
		`<a href="https://sct.example.vn/a.png">Ngoài</a> <a href="#muc">Neo</a> <a href="/tin-tuc/">Gốc</a></p>`
	if strings.TrimSpace(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// An article that is a plain file keeps its links as written.
	plainArticle := &model.Article{Body: "![Ảnh](anh.gif)"}
	if got := string(f.body("../../", plainArticle)); !strings.Contains(got, `src="anh.gif"`) {
		t.Errorf("plain article: %s", got)
	}
}
