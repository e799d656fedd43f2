package model

import (
	"fmt"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
)

// Builder builds the model from the parts of a site handed to it one at a
// time, as load.Plan reads them: it decodes each part at once and keeps
// nothing of the YAML trees it is given, so that the caller may let them
// go before reading the next part. Build is a Builder handed the whole
// load.Site.
//
// The settings, the collections and the articles may be handed in any
// order, each collection and section in several calls; the files of one
// collection or section must come in path order, as load hands them. The
// model and the diagnostics are then those Build gives for the same files.
type Builder struct {
	b *builder
}

// NewBuilder starts a model. assets are the files of content/ that are no
// article or page (load.Site.Assets), against which photo paths are
// checked.
func NewBuilder(opts Options, assets []string) *Builder {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return &Builder{b: &builder{
		opts:   opts,
		now:    now,
		assets: newAssetIndex(assets),
		m: &Model{
			Now:               now,
			Assets:            assets,
			UnitByID:          map[string]*Unit{},
			EstablishmentByID: map[string]*Establishment{},
			ProductByID:       map[string]*Product{},
			RoundByID:         map[string]*Round{},
			ProjectByID:       map[string]*Project{},
			ProgrammeByID:     map[string]*Programme{},
			ReportByID:        map[string]*Report{},
			Tags:              map[string][]*Article{},
		},
		ids:   map[string]*idIndex{},
		slugs: map[string]map[string]diag.Pos{},
	}}
}

// Settings decodes data/site.yaml; doc is nil when the file is absent,
// which is reported. It is called once.
func (mb *Builder) Settings(doc *load.Doc) {
	mb.b.decodeSite(doc)
}

// Collection decodes files of collection name (one of load.Collections).
func (mb *Builder) Collection(name string, docs []*load.Doc) {
	b := mb.b
	switch name {
	case "units":
		b.decodeUnits(docs)
	case "establishments":
		b.decodeEstablishments(docs)
	case "products":
		b.decodeProducts(docs)
	case "recognitions":
		b.decodeRounds(docs)
	case "programmes":
		b.decodeProgrammes(docs)
	case "projects":
		b.decodeProjects(docs)
	case "reports":
		b.decodeReports(docs)
	default:
		panic(fmt.Sprintf("model: unknown collection %q", name))
	}
}

// Articles decodes the front matter of files of content/news (section
// "news") or content/pages ("pages"). The articles keep their bodies; the
// front matter trees are not kept.
func (mb *Builder) Articles(section string, pages []*load.Page) {
	b := mb.b
	switch section {
	case "news":
		b.m.News = append(b.m.News, b.decodeArticles(pages, section)...)
	case "pages":
		b.m.Pages = append(b.m.Pages, b.decodeArticles(pages, section)...)
	default:
		panic(fmt.Sprintf("model: unknown section %q", section))
	}
}

// Finish resolves the references, builds the back links, drops what is
// not published, sorts and computes the derived figures. It returns the
// model, even when there are errors (holding what could be read), and
// every diagnostic of the parts handed in, sorted. The Builder is not
// used after Finish.
func (mb *Builder) Finish() (*Model, diag.List) {
	b := mb.b
	mb.b = nil
	b.resolve()
	b.sortAll()
	b.link()
	b.m.Assets = b.publicAssets(b.m.Assets)

	computeStats(b.m, &b.diags)
	b.diags.Sort()
	return b.m, b.diags
}
