package render

import (
	"html"
	"reflect"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/diag"
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

// TestBodyLinkPositions checks where bodyLinks finds each link of an
// article's body: at the line and column of the file that writes it, under
// the destination the page writes (rewritten in a bundle, escaped), each
// time it is written.
func TestBodyLinkPositions(t *testing.T) {
	f := &funcs{md: newMarkdown(false), assets: map[string]bool{"news/bai/anh.gif": true}}
	a := &model.Article{Bundle: "news/bai", BodyLine: 5, Pos: diag.Pos{File: "content/news/bai/index.md", Line: 1, Col: 1},
		Body: model.Markdown("Đoạn đầu có [một liên kết](../../khong-co/) ở giữa.\n" +
			"\n" +
			"- Mục có ảnh ![Ảnh](anh.gif)\n" +
			"- Mục có [tệp thiếu](<thiếu tệp.pdf>) và [tham khảo][ref]\n" +
			"\n" +
			"| Cột | Liên kết |\n" +
			"| --- | --- |\n" +
			"| Một | [lại](../../khong-co/) |\n" +
			"\n" +
			"[ref]: ../../co-so/\n")}
	at := func(line, col int) diag.Pos { return diag.Pos{File: "content/news/bai/index.md", Line: line, Col: col} }
	want := map[string][]diag.Pos{
		"../../khong-co/":                 {at(5, 13), at(12, 9)},
		"../../news/bai/anh.gif":          {at(7, 14)},
		"thi%E1%BA%BFu%20t%E1%BB%87p.pdf": {at(8, 10)},
		"../../co-so/":                    {at(8, 42)},
	}
	got := f.bodyLinks("../../", a)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
	// Each destination is written so on the page.
	page := html.UnescapeString(string(f.body("../../", a)))
	for dest := range got {
		if !strings.Contains(page, `="`+dest+`"`) {
			t.Errorf("the page does not write %q:\n%s", dest, page)
		}
	}
	// A body without a bracket has no link to look for.
	if got := f.bodyLinks("", &model.Article{Body: "Chỉ có chữ <https://sct.example.vn/>."}); got != nil {
		t.Errorf("links of a body without one: %v", got)
	}
}
