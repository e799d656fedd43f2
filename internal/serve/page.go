package serve

import (
	"bufio"
	"bytes"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// reloadScript listens to the event stream and reloads the page on a
// reload event, or when it reconnects to a server that says another hello
// (restarted, or rebuilt while the page was cut off). It names the page it
// shows, so that a rebuild renders that page first.
const reloadScript = `(function(){var first=null;function connect(){var es=new EventSource(` +
	`"` + ReloadPath + `?path="+encodeURIComponent(location.pathname));` +
	`es.addEventListener("hello",function(e){if(first===null){first=e.data}else if(e.data!==first){location.reload()}});` +
	`es.addEventListener("reload",function(){location.reload()});` +
	`es.onerror=function(){es.close();setTimeout(connect,1000)}}connect()})();`

// inject puts snippet before the last </body> of an HTML page, or at its
// end when it has none.
func inject(page []byte, snippet []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

// snippet is what serve adds to every page: the reload script, and the
// warnings of the generation in a box at the bottom of the window.
func (s *Server) snippet(g *generation) []byte {
	var b bytes.Buffer
	d := g.allDiags()
	if len(d) > 0 {
		snippetTmpl.Execute(&b, s.view(g, d, false))
	}
	b.WriteString("<script>" + reloadScript + "</script>\n")
	return b.Bytes()
}

var snippetTmpl = template.Must(template.New("warnings").Parse(`<details id="khuyencong-warnings" style="position:fixed;right:.5rem;bottom:.5rem;max-width:min(40rem,95vw);max-height:60vh;overflow:auto;z-index:2147483647;background:#fff8e1;color:#3e2c00;border:1px solid #c79100;border-radius:.3rem;padding:.4rem .7rem;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.25)">
<summary style="cursor:pointer;font-weight:bold">{{.Summary}}</summary>
<ul style="margin:.4rem 0;padding-left:1.2rem">{{range .Items}}
<li><code>{{.Pos}}</code> {{.Msg}}</li>{{end}}
</ul></details>
`))

// errorPage answers every request while the site has errors: the list of
// errors, each with the lines of its file around it.
func (s *Server) errorPage(w http.ResponseWriter, g *generation) {
	var b bytes.Buffer
	if err := errorTmpl.Execute(&b, s.view(g, g.allDiags(), true)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b.WriteString("<script>" + reloadScript + "</script>\n</body>\n</html>\n")
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(b.Bytes())
}

// view is what the error page and the warnings box show.
type view struct {
	Lang, Title, Intro, Summary string
	Items                       []item
}

type item struct {
	Pos      string
	Severity string
	Error    bool
	Msg      string
	Notes    []string
	Excerpt  []excerptLine
}

// excerptLine is one line of a file shown under an error.
type excerptLine struct {
	N    int
	Text string
	Mark bool
	// Caret is the text before the column of the error, blanked, so that
	// a caret under it points at the column.
	Caret string
}

func (s *Server) view(g *generation, d diag.List, errorsOnly bool) view {
	lang := s.opts.Lang
	v := view{
		Lang:    "vi",
		Title:   diag.M("Trang có lỗi", "The site has errors").Text(lang),
		Intro:   diag.M("Hãy sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.", "Fix the errors below and save the file: the page reloads by itself.").Text(lang),
		Summary: d.Summary(lang),
	}
	if lang == "en" {
		v.Lang = "en"
	}
	for _, x := range d {
		if errorsOnly && x.Severity != diag.Error {
			continue
		}
		it := item{Pos: x.Pos.String(), Severity: x.Severity.Label(lang), Error: x.Severity == diag.Error, Msg: x.Msg.Text(lang)}
		for _, n := range x.Notes {
			it.Notes = append(it.Notes, strings.TrimSpace(n.Pos.String()+" "+n.Msg.Text(lang)))
		}
		if errorsOnly {
			it.Excerpt = excerpt(s.opts.Dir, x.Pos, 2)
		}
		v.Items = append(v.Items, it)
	}
	return v
}

// excerpt returns the lines of the site file at pos, around pos.Line,
// nil when the file cannot be read or pos names no line.
func excerpt(dir string, pos diag.Pos, around int) []excerptLine {
	if pos.File == "" || pos.Line <= 0 || !filepath.IsLocal(filepath.FromSlash(pos.File)) {
		return nil
	}
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(pos.File)))
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var out []excerptLine
	for n := 1; sc.Scan() && n <= pos.Line+around; n++ {
		if n < pos.Line-around {
			continue
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		l := excerptLine{N: n, Text: text, Mark: n == pos.Line}
		if l.Mark && pos.Col > 0 {
			r := []rune(text)
			c := min(pos.Col-1, len(r))
			l.Caret = strings.Map(func(r rune) rune {
				if r == '\t' {
					return '\t'
				}
				return ' '
			}, string(r[:c])) + "^"
		}
		out = append(out, l)
	}
	return out
}

var errorTmpl = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{margin:0;padding:1rem;font:16px/1.5 system-ui,sans-serif;background:#fdf3f2;color:#1f1f1f}
main{max-width:60rem;margin:0 auto}
h1{color:#8a1c13;font-size:1.5rem;margin:.5rem 0}
ol{padding-left:1.4rem}
li{margin:0 0 1.2rem}
.pos{font-family:ui-monospace,Consolas,monospace;font-weight:bold;overflow-wrap:anywhere}
.sev{display:inline-block;background:#8a1c13;color:#fff;border-radius:.25rem;padding:0 .4rem;font-size:.85rem;margin-right:.3rem}
.msg{margin:.2rem 0}
.note{color:#444;margin:.1rem 0 .1rem 1rem}
pre{background:#fff;border:1px solid #e0b4b0;border-radius:.3rem;padding:.5rem 0;overflow-x:auto;font:14px/1.45 ui-monospace,Consolas,monospace;margin:.4rem 0}
pre span{display:block;padding:0 .6rem;white-space:pre}
pre .mark{background:#fde2e1;font-weight:bold}
pre .caret{color:#b3261e;font-weight:bold}
</style>
</head>
<body>
<main>
<h1>{{.Title}}: {{.Summary}}</h1>
<p>{{.Intro}}</p>
<ol>{{range .Items}}
<li><div><span class="sev">{{.Severity}}</span><span class="pos">{{.Pos}}</span></div>
<p class="msg">{{.Msg}}</p>{{range .Notes}}
<p class="note">{{.}}</p>{{end}}{{if .Excerpt}}
<pre>{{range .Excerpt}}<span{{if .Mark}} class="mark"{{end}}>{{if .Mark}}&gt;{{else}} {{end}}{{printf "%4d" .N}} | {{.Text}}</span>{{if .Caret}}<span class="caret">      | {{.Caret}}</span>{{end}}{{end}}</pre>{{end}}
</li>{{end}}
</ol>
</main>
`))
