package render

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/khuyencong/khuyencong/internal/model"
)

// descriptions holds what describe and a sheet's excerpt make of every
// Markdown text of the model that pages, sheets and the search index
// describe, made at once on all cores before the pages: otherwise the one
// goroutine that makes the pages made them one by one, most of them twice
// (for the page and for the search index).
type descriptions struct {
	short map[string]string // describe
	lead  map[string]string // excerpt(…, sheetLead)
}

// newDescriptions describes the texts of m.
func newDescriptions(m *model.Model) *descriptions {
	var short, lead []string
	for _, p := range m.Products {
		short = append(short, string(p.Description))
		lead = append(lead, string(p.Description))
	}
	for _, e := range m.Establishments {
		short = append(short, string(e.Description))
		lead = append(lead, string(e.Description))
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
	d := &descriptions{short: make(map[string]string, len(short)), lead: make(map[string]string, len(lead))}
	made := make([]string, len(short)+len(lead))
	onAllCores(len(made), func(i int) {
		if i < len(short) {
			made[i] = describe(short[i])
		} else {
			made[i] = excerpt(lead[i-len(short)], sheetLead)
		}
	})
	for i, s := range short {
		d.short[s] = made[i]
	}
	for i, s := range lead {
		d.lead[s] = made[len(short)+i]
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

// sheetLead is excerpt(md, sheetLead), made beforehand when it was.
func (r *renderer) sheetLead(md string) string {
	if r.descs != nil {
		if s, ok := r.descs.lead[md]; ok {
			return s
		}
	}
	return excerpt(md, sheetLead)
}

// onAllCores calls f(i) for every i below n, on all cores.
func onAllCores(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
