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
