package render

import "sync/atomic"

// Progress counts the pages of a Render as they are written, against the
// number Render expects to write, for a progress line shown while a large
// site builds. Its methods may be called from any goroutine; a nil
// *Progress counts nothing.
type Progress struct {
	total, done atomic.Int64
}

// Pages returns the pages written so far and the pages expected in all.
func (p *Progress) Pages() (done, total int) {
	if p == nil {
		return 0, 0
	}
	d, t := p.done.Load(), p.total.Load()
	return int(d), int(max(d, t))
}

// expect sets the number of pages Render expects to write.
func (p *Progress) expect(n int) {
	if p != nil {
		p.total.Store(int64(n))
	}
}

// wrote counts one page written.
func (p *Progress) wrote() {
	if p != nil {
		p.done.Add(1)
	}
}

// expectedPages returns about how many pages Render writes for m: the
// record pages and the pages of every list. It only sets the scale of a
// progress line.
func (r *renderer) expectedPages() int {
	m := r.m
	per := m.Site.Paginate
	if per <= 0 {
		per = 20
	}
	n := 2 // home, 404
	n += pageCount(len(m.Products), ListPaginate) + len(m.Products)
	n += pageCount(len(m.Establishments), ListPaginate) + len(m.Establishments)
	n += pageCount(len(m.Projects), ListPaginate) + len(m.Projects)
	n += 1 + len(m.Programmes) + 1 + len(m.Rounds) + 1
	for _, u := range m.Units {
		n += pageCount(max(len(u.Establishments), len(u.Products)), ListPaginate)
	}
	n += 1 + len(m.Stats.Years)
	n += pageCount(len(m.News), per) + len(m.News) + 1
	for _, name := range m.TagNames {
		n += pageCount(len(m.Tags[name]), ListPaginate)
	}
	return n + len(m.Pages)
}
