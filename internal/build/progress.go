package build

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/render"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// progressDelay is how long a build runs before it shows its progress: a
// quick build prints nothing but its summary.
const progressDelay = 500 * time.Millisecond

// progressTick is how often the progress line is rewritten.
const progressTick = 200 * time.Millisecond

// progress keeps one line of w up to date with the stage running and, while
// pages are rendered, how many are written out of how many. It is for a
// terminal: the line is rewritten in place and cleared at the end.
type progress struct {
	w      io.Writer
	lang   string
	stage  atomic.Value // string: the stage running
	pages  *render.Progress
	photos *asset.Progress
	stop   chan struct{}
	wg     sync.WaitGroup
	shown  bool
}

// startProgress starts showing progress on w; it returns nil (which shows
// nothing) when w is nil.
func startProgress(w io.Writer, lang string) *progress {
	if w == nil {
		return nil
	}
	p := &progress{w: w, lang: lang, pages: &render.Progress{}, photos: &asset.Progress{}, stop: make(chan struct{})}
	p.stage.Store("")
	p.wg.Add(1)
	go p.run()
	return p
}

// set records the stage now running.
func (p *progress) set(stage string) {
	if p != nil {
		p.stage.Store(stage)
	}
}

// photoProgress is the photo counter to hand to the photo stage.
func (p *progress) photoProgress() *asset.Progress {
	if p == nil {
		return nil
	}
	return p.photos
}

// renderProgress is the page counter to hand to the render stage.
func (p *progress) renderProgress() *render.Progress {
	if p == nil {
		return nil
	}
	return p.pages
}

func (p *progress) run() {
	defer p.wg.Done()
	delay := time.NewTimer(progressDelay)
	defer delay.Stop()
	select {
	case <-p.stop:
		return
	case <-delay.C:
	}
	tick := time.NewTicker(progressTick)
	defer tick.Stop()
	for {
		p.draw()
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

// draw rewrites the line.
func (p *progress) draw() {
	stage, _ := p.stage.Load().(string)
	name := stageNames[stage].Text(p.lang)
	line := name + "…"
	switch stage {
	case "render":
		done, total := p.pages.Pages()
		line = fmt.Sprintf("%s: %s / %s %s", name, vi.NumberIn(int64(done), p.lang), vi.NumberIn(int64(total), p.lang), text(p.lang, "trang", "pages"))
	case "photos":
		done, total := p.photos.Photos()
		line = fmt.Sprintf("%s: %s / %s %s", name, vi.NumberIn(int64(done), p.lang), vi.NumberIn(int64(total), p.lang), text(p.lang, "ảnh", "photos"))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.shown = true
}

// end stops the line and clears it.
func (p *progress) end() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// IsTerminal reports whether f is a terminal, where a progress line can
// be rewritten in place.
func IsTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
