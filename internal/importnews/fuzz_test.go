package importnews

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// noNetwork answers every request with an error: a fuzzed page's photos
// are never fetched.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) { return nil, errors.New("offline") }

// FuzzPage extracts the article of any page and writes it: no panic, and
// the Markdown never holds raw HTML, whatever the page.
func FuzzPage(f *testing.F) {
	for _, s := range []string{
		`<html><head><title>Tiêu đề</title></head><body><article><h1>Tiêu đề</h1><p class="sapo">Lời dẫn đủ dài để làm tóm tắt của bài viết.</p><p>Nội dung <b>đậm</b> <a href="javascript:x()">x</a></p><script>alert(1)</script></article></body></html>`,
		`<p>Trung t©m KhuyÕn c«ng</p><figure><img src="a.jpg"><figcaption>Ảnh: A</figcaption></figure><table><tr><td><p>a</p><p>b</p></td></tr></table>`,
		`<div onclick="x"><p style="text-align:right"><strong>Vũ Châu</strong></p><font face=".VnTimeH">héi chî</font></div>`,
		`<ul><li>a<ol><li>b</li></ol></li></ul><ol start="9"><li>c</li></ol><pre><code>&lt;b&gt;</code></pre><p>&lt;script&gt;</p>`,
		"\xff\xfe<p>\x00</p>",
	} {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	f.Fuzz(func(t *testing.T, page string) {
		base, _ := url.Parse("https://example.vn/tin/bai.html")
		fetch := &fetcher{client: &http.Client{Transport: noNetwork{}}, limits: DefaultLimits, remoteOnly: true}
		a, err := fromPage("fuzz.html", []byte(page), "text/html", base, "", fetch)
		if err != nil {
			return
		}
		if a.title == "" {
			a.title = "x"
		}
		out, _ := render("fuzz.html", a, Options{})
		_, body, ok := strings.Cut(strings.TrimPrefix(out, "---\n"), "\n---\n")
		if !ok {
			t.Fatalf("no front matter in\n%s", out)
		}
		src := []byte(body)
		ast.Walk(md.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && (n.Kind() == ast.KindHTMLBlock || n.Kind() == ast.KindRawHTML) {
				t.Fatalf("raw HTML %q in\n%s", n.Text(src), body)
			}
			return ast.WalkContinue, nil
		})
	})
}
