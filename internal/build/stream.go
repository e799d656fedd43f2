package build

import (
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
)

// streamModel runs the load and model stages on the site plan lists a batch
// of files at a time: each batch is decoded as soon as it is read (while
// the next is read) and its YAML trees are let go, so that the trees of
// the whole site are never held at once — at 100.000 establishments and
// 50.000 articles they would take more memory than the model itself. The
// model and the diagnostics are those of load.LoadDir and model.Build.
//
// It also returns the files of the site's own templates/ folder, read
// here once and parsed by the render stage (see themeFiles). The stages
// overlap: it returns the time spent decoding and resolving too, the rest
// being spent reading.
func streamModel(plan *load.Plan, opts model.Options, prog *progress) (*model.Model, map[string][]byte, diag.List, time.Duration) {
	var inModel time.Duration
	decode := func(f func()) {
		t := time.Now()
		f()
		inModel += time.Since(t)
	}
	prog.set("load")
	var diags diag.List
	b := model.NewBuilder(opts, plan.Assets())
	doc, more := plan.Settings()
	diags.Append(more)
	decode(func() { b.Settings(doc) })
	doc = nil
	for _, name := range load.Collections {
		diags.Append(plan.Collection(name, func(docs []*load.Doc) {
			decode(func() { b.Collection(name, docs) })
		}))
	}
	diags.Append(plan.News(func(pages []*load.Page) {
		decode(func() { b.Articles("news", pages) })
	}))
	diags.Append(plan.Pages(func(pages []*load.Page) {
		decode(func() { b.Articles("pages", pages) })
	}))
	tmpl, more := plan.Templates()
	diags.Append(more)

	prog.set("model")
	var m *model.Model
	decode(func() {
		m, more = b.Finish()
		diags.Append(more)
	})
	return m, themeFiles(tmpl), diags, inModel
}

// themeFiles are the files of the site's own templates/ folder as the
// render stage takes them (render.Options.Theme): by slash path relative
// to templates/; nil when the site has none.
func themeFiles(files []load.File) map[string][]byte {
	if len(files) == 0 {
		return nil
	}
	theme := make(map[string][]byte, len(files))
	for _, f := range files {
		theme[f.Path] = f.Data
	}
	return theme
}
