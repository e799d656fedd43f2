package render

import (
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/par"
)

// descriptions holds what describe makes of every Markdown text of the
// model that pages and the search index describe, made at once on all
// cores before the pages: otherwise the one goroutine that makes the pages
// made them one by one, most of them twice (for the page and for the
// search index). A sheet's longer excerpt, made once, is not kept.
type descriptions struct {
	short map[string]string
}

// newDescriptions describes the texts of m.
func newDescriptions(m *model.Model) *descriptions {
	var short []string
	for _, p := range m.Products {
		short = append(short, string(p.Description))
	}
	for _, e := range m.Establishments {
		short = append(short, string(e.Description))
	}
	for _, p := range m.Projects {
		short = append(short, string(p.Summary))
	}
	for _, p := range m.Programmes {
		short = append(short, string(p.Summary))
	}
	for _, rs := range m.Stats.Reports {
		short = append(short, string(rs.Report.Notes))
	}
	for _, list := range [][]*model.Article{m.News, m.Pages} {
		for _, a := range list {
			if a.Summary == "" {
				short = append(short, string(a.Body))
			}
		}
	}
	d := &descriptions{short: make(map[string]string, len(short))}
	made := make([]string, len(short))
	par.Each(len(made), func(i int) { made[i] = describe(short[i]) })
	for i, s := range short {
		d.short[s] = made[i]
	}
	return d
}

// describe is describe(md), made beforehand when it was.
func (r *renderer) describe(md string) string {
	if r.descs != nil {
		if s, ok := r.descs.short[md]; ok {
			return s
		}
	}
	return describe(md)
}
