package model

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/par"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Build turns what package load read into the typed, checked and resolved
// model. It reports every problem of every file at once; the model is
// returned even when there are errors, holding what could be read.
//
// The steps: decode each collection against its schema (decode*.go),
// removing private fields; resolve references and build back links
// (resolve*.go); drop unpublished articles; sort; compute the derived
// figures (computeStats).
func Build(src *load.Site, opts Options) (*Model, diag.List) {
	if src == nil {
		src = &load.Site{}
	}
	b := NewBuilder(opts, src.Assets)
	b.Settings(src.Settings)
	for _, name := range load.Collections {
		b.Collection(name, src.Data[name])
	}
	b.Articles("news", src.News)
	b.Articles("pages", src.Pages)
	return b.Finish()
}

// builder holds the state of one Build.
type builder struct {
	opts   Options
	now    time.Time
	assets *assetIndex
	m      *Model
	diags  diag.List

	// ids indexes every record id per collection, for duplicates,
	// collisions and suggestions.
	ids map[string]*idIndex
	// hiddenFiles are files under content/ named only by private photos,
	// and hiddenDirs the bundles of unpublished articles: left out of
	// Model.Assets unless a published record shows them.
	hiddenFiles []string
	hiddenDirs  []string
	// raw are the references read, resolved once every collection is
	// decoded.
	raw refsOf
	// gz is the built-in gazetteer as the site uses it (builtin.go).
	gz builtinUnits
	// related are the articles' related ids, with the walker that reports
	// on each article, in the order read.
	related []pendingRelated
	// slugs are the articles read per section ("news", "pages"), by slug:
	// for duplicates across the batches of files handed to a Builder.
	slugs map[string]map[string]diag.Pos
}

// idIndex is one collection's ids and where each was defined.
type idIndex struct {
	defs map[string]idDef
	// sorted lists the ids, for suggestions (built on first use).
	sorted []string
}

type idDef struct {
	pos     diag.Pos
	derived bool
}

// kindInfo describes a record kind for messages.
type kindInfo struct {
	collection string
	// name is what messages call a record of the kind.
	name diag.Msg
	// nameKey is the field the id defaults from ("" when none).
	nameKey string
	schema  schema
}

var (
	kindUnit          = kindInfo{"units", diag.Msg{Vi: "đơn vị hành chính", En: "unit"}, "", unitSchema}
	kindEstablishment = kindInfo{"establishments", diag.Msg{Vi: "cơ sở", En: "establishment"}, "name", establishmentSchema}
	kindProduct       = kindInfo{"products", diag.Msg{Vi: "sản phẩm", En: "product"}, "name", productSchema}
	kindRound         = kindInfo{"recognitions", diag.Msg{Vi: "vòng bình chọn", En: "recognition round"}, "", roundSchema}
	kindProject       = kindInfo{"projects", diag.Msg{Vi: "đề án", En: "project"}, "title", projectSchema}
	kindProgramme     = kindInfo{"programmes", diag.Msg{Vi: "chương trình", En: "programme"}, "name", programmeSchema}
	kindReport        = kindInfo{"reports", diag.Msg{Vi: "báo cáo", En: "report"}, "", reportSchema}

	// kinds lists every record kind, for messages about an id of another
	// collection than a field accepts.
	kinds = []kindInfo{kindEstablishment, kindProduct, kindProject, kindRound, kindProgramme, kindUnit, kindReport}
)

// record is one decoded record before it becomes typed.
type record struct {
	w   *walker
	obj *object
	id  string
	pos diag.Pos
}

// records returns the record mappings of a collection's files: a file holds
// one mapping or a list of them.
//
// The fields of each record are read against the schema on all cores:
// that is most of the work, and each record's is its own. Everything that
// depends on the records before (ids taken, problems in file order) is
// done after, one record at a time in file order, so that the result and
// the problems are those of reading them one after the other.
func (b *builder) records(docs []*load.Doc, k kindInfo, idOf func(n *yaml.Node) (id string, explicit bool)) []record {
	// entry is a record mapping to read, or a problem of the file met
	// before it (node nil).
	type entry struct {
		doc      *load.Doc
		node     *yaml.Node
		problem  diag.Diagnostic
		id       string
		explicit bool
		w        *walker
		obj      *object
		diags    diag.List
	}
	var entries []*entry
	for _, doc := range docs {
		root := doc.Root
		var nodes []*yaml.Node
		switch root.Kind {
		case yaml.MappingNode:
			nodes = []*yaml.Node{root}
		case yaml.SequenceNode:
			for _, item := range root.Content {
				if item.Kind == yaml.MappingNode {
					nodes = append(nodes, item)
				} else {
					entries = append(entries, &entry{problem: diag.Diagnostic{
						Pos: diag.Pos{File: doc.Path, Line: item.Line, Col: item.Column}, Severity: diag.Error, Code: "wrong-type", Msg: diag.Msg{
							Vi: fmt.Sprintf("mỗi mục của danh sách phải là một %s (các dòng “khóa: giá trị”)", k.name.Vi),
							En: fmt.Sprintf("each item of the list must be one %s (“key: value” lines)", k.name.En)}}})
				}
			}
		default:
			entries = append(entries, &entry{problem: diag.Diagnostic{
				Pos: diag.Pos{File: doc.Path, Line: root.Line, Col: root.Column}, Severity: diag.Error, Code: "wrong-type", Msg: diag.Msg{
					Vi: fmt.Sprintf("tệp phải chứa một %s (các dòng “khóa: giá trị”) hoặc một danh sách", k.name.Vi),
					En: fmt.Sprintf("the file must hold one %s (“key: value” lines) or a list of them", k.name.En)}}})
			continue
		}
		for _, n := range nodes {
			entries = append(entries, &entry{doc: doc, node: n})
		}
	}
	par.Each(len(entries), func(i int) {
		e := entries[i]
		if e.node == nil {
			return
		}
		e.id, e.explicit = idOf(e.node)
		e.w = &walker{diags: &e.diags, file: e.doc.Path, assets: b.assets, rec: recLabel(k, e.id)}
		e.obj = e.w.mapping(e.node, k.schema, "")
	})
	var out []record
	for _, e := range entries {
		if e.node == nil {
			b.diags.Add(e.problem)
			continue
		}
		b.diags.Append(e.diags)
		n, id, explicit, w, obj := e.node, e.id, e.explicit, e.w, e.obj
		w.diags = &b.diags
		b.applyPrivate(w, obj, k, explicit)
		if id == "" {
			// Without an id (or a name to make one from, or a
			// report's year) the record cannot be addressed; the
			// missing field has been reported, but for a report's
			// year, which may be written as period instead.
			if k.collection == "reports" && obj != nil && !obj.has("year") && !obj.has("period") && peekNode(n, "year") == nil {
				w.fail(n, "missing-field", "", diag.M(
					"thiếu năm của số liệu: ghi year: 2020 (báo cáo một năm) hoặc period: {from: 2016, to: 2020} (báo cáo nhiều năm); khi nguồn không nêu năm, ghi năm của bài viết đưa tin",
					"the year of the figures is missing: write year: 2020 (one year) or period: {from: 2016, to: 2020} (several years); when the source gives no year, write the year of the article that reports them"))
			}
			continue
		}
		r := record{w: w, obj: obj, id: id, pos: w.pos(n)}
		if k.collection != "reports" {
			if explicit {
				b.checkID(w, obj.at("id"), id)
			}
			idNode := obj.at("id")
			if idNode == nil {
				idNode = peekNode(n, k.nameKey)
			}
			if idNode == nil {
				idNode = n
			}
			if !b.register(k, w, idNode, id, !explicit) {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// recLabel names a record: `cơ sở "yen-huong-vina"`.
func recLabel(k kindInfo, id string) diag.Msg {
	if k.collection == "reports" {
		switch {
		case id == "":
			return diag.Msg{Vi: "báo cáo chưa ghi năm", En: "report without a year"}
		case len(id) == 4 && strings.Trim(id, "0123456789") == "":
			return diag.Msg{Vi: "báo cáo năm " + id, En: "report for " + id}
		}
	}
	if id == "" {
		return diag.Msg{Vi: k.name.Vi + " chưa có tên", En: k.name.En + " without a name"}
	}
	return diag.Msg{Vi: fmt.Sprintf("%s %q", k.name.Vi, id), En: fmt.Sprintf("%s %q", k.name.En, id)}
}

// peekNode returns the value node of key in mapping n, without checks.
func peekNode(n *yaml.Node, key string) *yaml.Node {
	if key == "" || n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for k, v := range pairs(n) {
		if k.Value == key {
			if v.Kind == yaml.ScalarNode && !isNull(v) {
				return v
			}
			return nil
		}
	}
	return nil
}

func peek(n *yaml.Node, key string) string {
	if v := peekNode(n, key); v != nil {
		return v.Value
	}
	return ""
}

// idFromName gives a record's id: the id written, else the slug of its
// name or title.
func idFromName(nameKey string) func(n *yaml.Node) (string, bool) {
	return func(n *yaml.Node) (string, bool) {
		if id := peek(n, "id"); id != "" {
			return id, true
		}
		return vi.Slug(peek(n, nameKey)), false
	}
}

// checkID reports an id written by hand that is not a URL slug.
func (b *builder) checkID(w *walker, n *yaml.Node, id string) {
	if s := vi.Slug(id); s != id {
		w.fail(n, "bad-id", "id", diag.M(
			"id %q chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối (-), ví dụ %q",
			"id %q may hold only lower-case letters without accents, digits and hyphens (-), e.g. %q", id, s))
	}
}

// register records an id, reporting a duplicate (both written by hand) or
// a URL collision (one derived from a name). It returns false for a
// duplicate, which is then left out of the model.
func (b *builder) register(k kindInfo, w *walker, n *yaml.Node, id string, derived bool) bool {
	ix := b.index(k.collection)
	pos := w.pos(n)
	first, dup := ix.defs[id]
	if !dup {
		ix.defs[id] = idDef{pos: pos, derived: derived}
		ix.sorted = nil
		return true
	}
	note := diag.Related{Pos: first.pos, Msg: diag.M("định nghĩa lần đầu ở đây", "first defined here")}
	if derived || first.derived {
		w.fail(n, "url-collision", "", diag.Msg{
			Vi: fmt.Sprintf("trùng địa chỉ trang (id %q) với một %s khác ở %s: hai tên cho cùng một id; hãy ghi id khác nhau cho hai bản ghi, ví dụ id: %s-2", id, k.name.Vi, first.pos, id),
			En: fmt.Sprintf("the page address (id %q) collides with another %s at %s: two names give the same id; write different ids for the two records, e.g. id: %s-2", id, k.name.En, first.pos, id),
		}, note)
		return false
	}
	w.fail(n, "duplicate-id", "", diag.Msg{
		Vi: fmt.Sprintf("id %q đã dùng cho một %s khác ở %s; mỗi id chỉ được dùng một lần", id, k.name.Vi, first.pos),
		En: fmt.Sprintf("id %q is already used by another %s at %s; each id may be used only once", id, k.name.En, first.pos),
	}, note)
	return false
}

func (b *builder) index(collection string) *idIndex {
	ix := b.ids[collection]
	if ix == nil {
		ix = &idIndex{defs: map[string]idDef{}}
		b.ids[collection] = ix
	}
	return ix
}

// sortedIDs returns the ids of a collection in byte order (built on first
// use after a change).
func (b *builder) sortedIDs(collection string) []string {
	ix := b.index(collection)
	if ix.sorted == nil {
		ix.sorted = make([]string, 0, len(ix.defs))
		for k := range ix.defs {
			ix.sorted = append(ix.sorted, k)
		}
		sort.Strings(ix.sorted)
	}
	return ix.sorted
}

// suggestions returns the existing ids of a collection to suggest for id:
// see suggestIDs.
func (b *builder) suggestions(collection, id string) []string {
	return suggestIDs(id, b.sortedIDs(collection))
}

// publicAssets leaves out of the content files those only private photos
// or unpublished articles use.
func (b *builder) publicAssets(assets []string) []string {
	if len(b.hiddenFiles) == 0 && len(b.hiddenDirs) == 0 {
		return assets
	}
	shown := map[string]bool{}
	addPhotos := func(ps []Photo) {
		for _, p := range ps {
			shown[p.File] = true
		}
	}
	for _, e := range b.m.Establishments {
		addPhotos(e.Photos)
	}
	for _, p := range b.m.Products {
		addPhotos(p.Photos)
	}
	for _, list := range [][]*Article{b.m.News, b.m.Pages} {
		for _, a := range list {
			if a.Image != nil {
				shown[a.Image.File] = true
			}
		}
	}
	hidden := map[string]bool{}
	for _, f := range b.hiddenFiles {
		hidden[f] = true
	}
	for _, d := range b.hiddenDirs {
		hidden[d] = true
	}
	out := make([]string, 0, len(assets))
	for _, a := range assets {
		h := false
		for p := a; p != "." && p != "/" && !h; p = path.Dir(p) {
			h = hidden[p]
		}
		if !h || shown[a] {
			out = append(out, a)
		}
	}
	return out
}
