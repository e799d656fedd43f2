package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/par"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// pendingRelated is an article's `related` list, resolved with the other
// references.
type pendingRelated struct {
	a   *Article
	w   *walker
	ids []ref
	// published is false for an article left out of the model: its
	// references are still checked but it gets no back links.
	published bool
}

// decodeArticles reads the front matter of content/news (section "news")
// or content/pages ("pages") and returns the published articles. It may
// be called several times for a section, with its files in path order.
func (b *builder) decodeArticles(pages []*load.Page, section string) []*Article {
	sch, vin, enn := newsSchema, "bài viết", "article"
	if section == "pages" {
		sch, vin, enn = pageSchema, "trang", "page"
	}
	seen := b.slugs[section]
	if seen == nil {
		seen = map[string]diag.Pos{}
		b.slugs[section] = seen
	}
	// The front matter of each file is read against the schema on all
	// cores; the rest, which depends on the files before, in file order
	// (see records).
	type read struct {
		a     *Article
		w     *walker
		o     *object
		diags diag.List
	}
	reads := make([]read, len(pages))
	par.Each(len(pages), func(i int) {
		p, r := pages[i], &reads[i]
		slug := vi.Slug(p.Slug)
		r.w = &walker{diags: &r.diags, file: p.Path, assets: b.assets,
			rec: diag.Msg{Vi: fmt.Sprintf("%s %q", vin, slug), En: fmt.Sprintf("%s %q", enn, slug)}}
		r.a = &Article{Slug: slug, Body: Markdown(p.Body), BodyLine: p.BodyLine, Pos: diag.Pos{File: p.Path, Line: 1}}
		if p.Bundle {
			r.a.Bundle = strings.TrimSuffix(strings.TrimPrefix(p.Path, "content/"), "/index.md")
			r.w.bundle = r.a.Bundle
		}
		if p.Front != nil {
			r.o = r.w.mapping(p.Front, sch, "")
		}
	})
	var out []*Article
	for i, p := range pages {
		r := reads[i]
		a, w, slug, pos := r.a, r.w, r.a.Slug, r.a.Pos
		w.diags = &b.diags
		if p.Front == nil {
			w.fail(nil, "missing-field", "", missingFront(section))
			continue
		}
		b.diags.Append(r.diags)
		o := r.o
		if o == nil {
			continue
		}
		a.Title, a.Author, a.Summary = o.str("title"), o.str("author"), o.str("summary")
		if v, ok := o.get("date"); ok {
			a.Date, a.HasDate = v.t, true
		}
		if s := o.sub("source"); s != nil {
			a.Source = Link{Name: s.str("name"), URL: s.str("url")}
		}
		if im := o.sub("image"); im != nil {
			ph := w.photoAt(im)
			a.Image = &ph
		}
		tagSeen := map[string]bool{}
		for _, t := range o.strings("tags") {
			if !tagSeen[t] {
				tagSeen[t] = true
				a.Tags = append(a.Tags, t)
			}
		}
		a.Draft = o.boolean("draft")
		if v, ok := o.get("publish_date"); ok {
			a.Publish = v.t
		}
		if v, ok := o.get("expiry_date"); ok {
			a.Expiry = v.t
		}
		a.Menu = int(min(o.integer("menu"), 1<<31-1))
		if first, dup := seen[slug]; dup {
			b.diags.Error(pos, "url-collision", diag.Msg{
				Vi: fmt.Sprintf("%s: trùng địa chỉ trang %q với %s; hãy đổi tên một trong hai tệp", w.rec.Vi, slug, first.File),
				En: fmt.Sprintf("%s: the page address %q collides with %s; rename one of the two files", w.rec.En, slug, first.File),
			}, diag.Related{Pos: first, Msg: diag.M("định nghĩa lần đầu ở đây", "first defined here")})
			continue
		}
		seen[slug] = pos
		published := b.published(a)
		if ids := o.items("related"); len(ids) > 0 {
			b.related = append(b.related, pendingRelated{a: a, w: w, ids: refsOfList(w, ids), published: published})
		}
		if published {
			out = append(out, a)
		} else if a.Bundle != "" {
			b.hiddenDirs = append(b.hiddenDirs, a.Bundle)
		}
	}
	return out
}

func missingFront(section string) diag.Msg {
	if section == "pages" {
		return diag.M(
			"thiếu phần đầu (front matter); mở đầu tệp bằng ba dòng: “---”, “title: Giới thiệu”, “---”",
			"the front matter is missing; start the file with three lines: “---”, “title: About”, “---”")
	}
	return diag.M(
		"thiếu phần đầu (front matter) với title và date; mở đầu tệp bằng bốn dòng: “---”, “title: Tên bài viết”, “date: 2021-08-17”, “---”",
		"the front matter with title and date is missing; start the file with four lines: “---”, “title: Article title”, “date: 2021-08-17”, “---”")
}

// published says whether an article belongs in the model: not a draft
// (unless Drafts), not to be published later and not expired (unless
// Future, which keeps both). An article is published from its
// publish_date, or from its date when it has none.
func (b *builder) published(a *Article) bool {
	if a.Draft && !b.opts.Drafts {
		return false
	}
	if b.opts.Future {
		return true
	}
	if PublishedFrom(a).After(b.now) {
		return false
	}
	if !a.Expiry.IsZero() && a.Expiry.Before(b.now) {
		return false
	}
	return true
}

// PublishedFrom is when an article is published: its publish_date, else
// its date (zero for a page without either).
func PublishedFrom(a *Article) time.Time {
	if !a.Publish.IsZero() {
		return a.Publish
	}
	if a.HasDate {
		return a.Date
	}
	return time.Time{}
}

// relatedCollections are the collections an article's related ids may
// name, in the order they are searched.
var relatedCollections = []kindInfo{kindEstablishment, kindProduct, kindProject, kindRound, kindProgramme, kindUnit, kindReport}

// relatedNames lists what related accepts, for messages: "cơ sở, sản
// phẩm, … hoặc báo cáo".
func relatedNames() diag.Msg {
	vis := make([]string, len(relatedCollections))
	ens := make([]string, len(relatedCollections))
	for i, k := range relatedCollections {
		vis[i], ens[i] = k.name.Vi, k.name.En
	}
	n := len(vis)
	return diag.Msg{
		Vi: strings.Join(vis[:n-1], ", ") + " hoặc " + vis[n-1],
		En: strings.Join(ens[:n-1], ", ") + " or " + ens[n-1],
	}
}

// resolveRelated resolves one related id, written "id" or
// "collection/id".
func (b *builder) resolveRelated(w *walker, v ref, path string) (Ref, bool) {
	id := v.id
	if coll, rest, ok := strings.Cut(id, "/"); ok {
		for _, k := range relatedCollections {
			if k.collection == coll {
				r, ok := b.refIn(k, rest)
				if !ok {
					b.dangling(w, v, path, k, rest)
				}
				return r, ok
			}
		}
		names := make([]string, len(relatedCollections))
		for i, k := range relatedCollections {
			names[i] = k.collection
		}
		w.failAt(v.pos, "dangling-ref", path, diag.Msg{
			Vi: fmt.Sprintf("không có nhóm dữ liệu %q; ghi một trong: %s (ví dụ products/%s)", coll, strings.Join(names, ", "), rest),
			En: fmt.Sprintf("there is no collection %q; write one of: %s (e.g. products/%s)", coll, strings.Join(names, ", "), rest),
		})
		return Ref{}, false
	}
	if id == countryID && b.m.UnitByID[countryID] == nil && b.elsewhere(id, []kindInfo{kindUnit}).Vi == "" {
		b.country()
	}
	var found []kindInfo
	for _, k := range relatedCollections {
		if _, ok := b.index(k.collection).defs[id]; ok || k.collection == kindUnit.collection && b.builtinID(id) != nil {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		names := relatedNames()
		msg := diag.Msg{
			Vi: fmt.Sprintf("không có %s nào có id %q", names.Vi, id),
			En: fmt.Sprintf("no %s has the id %q", names.En, id),
		}
		if other := b.elsewhere(id, relatedCollections); other.Vi != "" {
			msg = diag.Msg{
				Vi: fmt.Sprintf("%q là id của %s; trường này nhận %s", id, other.Vi, names.Vi),
				En: fmt.Sprintf("%q is the id of %s; this field takes the id of %s", id, other.En, names.En),
			}
		}
		var all []string
		for _, k := range relatedCollections {
			all = append(all, b.sortedIDs(k.collection)...)
		}
		sort.Strings(all)
		ids := suggestIDs(id, slices.Compact(all))
		if len(ids) == 0 && b.gz.site != nil {
			ids = b.unitSuggestions(id)
		}
		w.failAt(v.pos, "dangling-ref", path, withSuggestions(msg, ids))
		return Ref{}, false
	case 1:
		return b.refIn(found[0], id)
	}
	forms := make([]string, len(found))
	for i, k := range found {
		forms[i] = k.collection + "/" + id
	}
	w.failAt(v.pos, "ambiguous-ref", path, diag.Msg{
		Vi: fmt.Sprintf("id %q có ở nhiều nhóm dữ liệu; hãy ghi rõ một trong: %s", id, strings.Join(forms, ", ")),
		En: fmt.Sprintf("the id %q exists in several collections; write one of: %s", id, strings.Join(forms, ", ")),
	})
	return Ref{}, false
}

// refIn returns the record of collection k with the given id. A missing
// id with an explicit collection is reported by the caller.
func (b *builder) refIn(k kindInfo, id string) (Ref, bool) {
	var r Ref
	switch k.collection {
	case "establishments":
		r.Establishment = b.m.EstablishmentByID[id]
		return r, r.Establishment != nil
	case "products":
		r.Product = b.m.ProductByID[id]
		return r, r.Product != nil
	case "projects":
		r.Project = b.m.ProjectByID[id]
		return r, r.Project != nil
	case "recognitions":
		r.Round = b.m.RoundByID[id]
		return r, r.Round != nil
	case "programmes":
		r.Programme = b.m.ProgrammeByID[id]
		return r, r.Programme != nil
	case "units":
		r.Unit = b.unitByID(id)
		return r, r.Unit != nil
	case "reports":
		r.Report = b.m.ReportByID[id]
		return r, r.Report != nil
	}
	return r, false
}
