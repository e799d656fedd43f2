package load

import (
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// The batch sizes of a new Plan. The parsed trees of a batch take ten to
// twenty times the size of its text: at 4 MiB, a batch of data files
// holds about 10.000 records and its trees some 60 MB.
const (
	DefaultBatchBytes = 4 << 20
	DefaultBatchPages = 512
)

// Plan is a site folder whose files have been listed but not yet read. It
// hands the site on a part at a time — the settings, each collection, the
// news, the pages — in batches of files, so that the caller can decode a
// batch and let its YAML trees go before the next is parsed: reading a
// large site this way holds only a batch or two of trees at once, where
// Load holds every tree of the site.
//
// A Plan and Load see the same files and report the same problems: the
// diagnostics of PlanDir and of every method of the Plan, put together and
// sorted, are those of LoadDir.
type Plan struct {
	// Dir is the site folder as given.
	Dir string
	// BatchBytes bounds the size of the data files of one batch (a file
	// larger than that is a batch of its own); BatchPages bounds the
	// number of Markdown files of one batch.
	BatchBytes int64
	BatchPages int
	// Cache, when not nil, keeps the parsed files between runs (see
	// DiskCache); the caller closes it once the plan is read.
	Cache *DiskCache

	fsys fs.FS

	settings  *job
	data      map[string][]*job
	news      []*job
	pages     []*job
	templates []*job
	assets    []string
}

// PlanDir lists the files of the site in folder dir; see Plan. A missing
// folder is reported as LoadDir reports it, and gives an empty plan.
func PlanDir(dir string) (*Plan, diag.List) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &Plan{Dir: dir, BatchBytes: DefaultBatchBytes, BatchPages: DefaultBatchPages, data: map[string][]*job{}}, noSite(dir)
	}
	p, l := PlanFS(os.DirFS(dir))
	p.Dir = dir
	return p, l
}

// PlanFS lists the files of the site held by fsys; see Plan.
func PlanFS(fsys fs.FS) (*Plan, diag.List) {
	var l diag.List
	var jobs []*job
	s := &Site{}
	jobs = scanData(fsys, jobs, &l)
	jobs = scanContent(fsys, jobs, s, &l)
	jobs = scanTemplates(fsys, jobs, &l)
	p := &Plan{BatchBytes: DefaultBatchBytes, BatchPages: DefaultBatchPages,
		fsys: fsys, data: map[string][]*job{}, assets: s.Assets}
	slices.Sort(p.assets)
	for _, j := range jobs {
		switch j.kind {
		case kindSettings:
			p.settings = j
		case kindData:
			p.data[j.coll] = append(p.data[j.coll], j)
		case kindNews:
			p.news = append(p.news, j)
		case kindPage:
			p.pages = append(p.pages, j)
		case kindTemplate:
			p.templates = append(p.templates, j)
		}
	}
	byPath := func(a, b *job) int { return strings.Compare(a.path, b.path) }
	for _, js := range p.data {
		slices.SortFunc(js, byPath)
	}
	slices.SortFunc(p.news, byPath)
	slices.SortFunc(p.pages, byPath)
	slices.SortFunc(p.templates, byPath)
	return p, l
}

// Assets are the files of content/ that are no article or page, as
// Site.Assets.
func (p *Plan) Assets() []string { return p.assets }

// Settings reads data/site.yaml; the document is nil when it is absent or
// cannot be read.
func (p *Plan) Settings() (*Doc, diag.List) {
	if p.settings == nil {
		return nil, nil
	}
	j := p.settings
	p.run([]*job{j})
	doc, l := j.doc, j.diags
	j.doc, j.diags = nil, nil
	return doc, l
}

// Collection reads the files of collection name (see Collections) and
// calls each with them in batches, in path order, as Site.Data would hold
// them. A file that cannot be read is reported and left out. The next
// batch is read while each runs; once each returns, the plan keeps
// nothing of its batch.
func (p *Plan) Collection(name string, each func(docs []*Doc)) diag.List {
	jobs := p.data[name]
	sizes := make([]int64, len(jobs))
	for i, j := range jobs {
		if st, err := fs.Stat(p.fsys, j.path); err == nil {
			sizes[i] = st.Size()
		}
	}
	var batches [][]*job
	var size int64
	for i, j := range jobs {
		if n := len(batches); n == 0 || size+sizes[i] > p.BatchBytes {
			batches = append(batches, nil)
			size = 0
		}
		batches[len(batches)-1] = append(batches[len(batches)-1], j)
		size += sizes[i]
	}
	return p.stream(batches, func(js []*job) {
		var docs []*Doc
		for _, j := range js {
			if j.doc != nil {
				docs = append(docs, j.doc)
			}
		}
		if len(docs) > 0 {
			each(docs)
		}
	})
}

// News reads content/news and calls each with its articles in batches, in
// path order, as Site.News would hold them.
func (p *Plan) News(each func(pages []*Page)) diag.List {
	return p.streamPages(p.news, each)
}

// Pages reads content/pages and calls each with its pages in batches, in
// path order, as Site.Pages would hold them.
func (p *Plan) Pages(each func(pages []*Page)) diag.List {
	return p.streamPages(p.pages, each)
}

func (p *Plan) streamPages(jobs []*job, each func([]*Page)) diag.List {
	return p.stream(slices.Collect(slices.Chunk(jobs, max(p.BatchPages, 1))), func(js []*job) {
		var pages []*Page
		for _, j := range js {
			if j.page != nil {
				pages = append(pages, j.page)
			}
		}
		if len(pages) > 0 {
			each(pages)
		}
	})
}

// Templates reads the site's own templates/ folder, as Site.Templates.
func (p *Plan) Templates() ([]File, diag.List) {
	p.run(p.templates)
	var out []File
	var l diag.List
	for _, j := range p.templates {
		l.Append(j.diags)
		if j.file != nil {
			out = append(out, *j.file)
		}
		j.file, j.diags = nil, nil
	}
	return out, l
}

// stream reads the batches one after the other, reading batch i+1 while
// use runs on batch i, and returns the diagnostics of every file.
func (p *Plan) stream(batches [][]*job, use func([]*job)) diag.List {
	var l diag.List
	if len(batches) == 0 {
		return l
	}
	start := func(js []*job) chan struct{} {
		done := make(chan struct{})
		go func() {
			p.run(js)
			close(done)
		}()
		return done
	}
	next := start(batches[0])
	for i, js := range batches {
		<-next
		if i+1 < len(batches) {
			next = start(batches[i+1])
		}
		use(js)
		for _, j := range js {
			l.Append(j.diags)
			j.doc, j.page, j.diags = nil, nil, nil
		}
	}
	return l
}

func (p *Plan) run(jobs []*job) {
	if p.fsys == nil {
		return
	}
	if p.Cache == nil {
		runJobs(p.fsys, jobs, nil)
		return
	}
	forEachJob(jobs, func(j *job) {
		if j.kind == kindTemplate {
			j.do(p.fsys)
		} else {
			p.Cache.do(j, p.fsys)
		}
	})
	p.Cache.keep(jobs)
}
