package render

// Offline search.
//
// The build writes an index of the public records (products,
// establishments, projects, programmes, recognition rounds, reports of
// figures, units and news)
// under tim-kiem/chi-muc/, and the search page (tim-kiem/index.html) loads it
// with static/search.js. Nothing runs on the server.
//
// Every index file is a JavaScript file that calls a registration function
// of search.js (JSONP style) rather than a JSON document: fetch() of a local
// file is refused by Chromium when the site is opened from disk (file://),
// while a <script> element loads from disk, from any static server and under
// any sub-path alike, since every URL is relative to the search page.
//
//	manifest.js   kcSearch.manifest({v, n, c, s: [[key, file, bytes], …]})
//	s-<key>.js    kcSearch.add(key, {token: [[variant, …], [postings]]})
//	d-<n>.js      kcSearch.docs(n, [[kind, title, url, unit, text], …])
//
// Tokens are the runs of letters, marks and digits of the text, folded with
// vi.Fold (no diacritics, đ as d, lower case). A shard holds the tokens
// that start with its key: the first two letters of the token, split into
// longer keys while a shard is larger than shardBudget, so the first query
// loads a few small shards whatever the size of the site. A token's
// variants are its spellings with diacritics (lower case, tone mark written
// as a digit at the end so that "hoà" and "hòa" are one variant), for ranking
// matches with the exact diacritics first. Its postings are, per document,
// the document number (as the difference from the previous one), the count
// of positions kept, then each position as pos<<6 | field<<4 | variant,
// field 0 for the title, 1 for the key fields and 2 for the summary: adjacent
// positions rank a phrase above scattered syllables.
//
// Documents are kept in chunks of docChunk, loaded only for the results
// shown. Private fields never reach the model; drafts, future and expired
// articles (kept by --drafts and --future for preview) are left out here.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

const (
	// searchDir is the folder of the index files.
	searchDir = "tim-kiem/chi-muc"
	// docChunk is the number of documents per document file.
	docChunk = 32
	// shardBudget is the size in bytes above which a shard is split by a
	// longer prefix.
	shardBudget = 16 * 1024
	// maxPositions is the number of positions kept per token and document.
	maxPositions = 3
	// maxPosition is the last token position indexed in a document.
	maxPosition = 255
	// summaryTokens is the number of summary tokens indexed.
	summaryTokens = 48
	// snippetRunes bounds the text kept for snippets.
	snippetRunes = 240
)

// Search document kinds, as written in the index.
const (
	kindProduct       = "p"
	kindEstablishment = "e"
	kindProject       = "d"
	kindProgramme     = "c"
	kindRound         = "r"
	kindReport        = "b"
	kindUnit          = "u"
	kindNews          = "n"
)

// searchKinds lists the kinds in the order results of equal score are shown,
// with their i18n keys.
var searchKinds = []struct{ Code, Key string }{
	{kindProduct, "search.kind.product"},
	{kindEstablishment, "search.kind.establishment"},
	{kindProject, "search.kind.project"},
	{kindProgramme, "search.kind.programme"},
	{kindRound, "search.kind.round"},
	{kindReport, "search.kind.report"},
	{kindUnit, "search.kind.unit"},
	{kindNews, "search.kind.news"},
}

// SearchDoc is one record of the search index.
type SearchDoc struct {
	Kind  string
	Title string
	// URL is the site-relative path of the record's page.
	URL  string
	Unit string
	// Fields are the key fields (establishment, group, recognitions,
	// sectors, …); Summary is plain text.
	Fields  []string
	Summary string
}

// text is what the results show under the title.
func (d SearchDoc) text() string {
	parts := append([]string(nil), d.Fields...)
	if d.Summary != "" {
		parts = append(parts, d.Summary)
	}
	s := strings.Join(parts, " · ")
	if r := []rune(s); len(r) > snippetRunes {
		s = strings.TrimRight(string(r[:snippetRunes]), " ,;:.·") + "…"
	}
	return s
}

// SearchDocs returns the documents of the index, in index order: products,
// establishments, projects, programmes, rounds, reports, units, then news.
func (r *renderer) SearchDocs() []SearchDoc {
	f := r.f
	var docs []SearchDoc
	add := func(d SearchDoc) { docs = append(docs, d) }
	for _, p := range r.m.Products {
		u, _ := Path(p)
		d := SearchDoc{Kind: kindProduct, Title: p.Name, URL: u, Summary: r.describe(string(p.Description))}
		if e := p.Establishment; e != nil {
			d.Fields = append(d.Fields, e.Name)
			d.Unit = f.searchUnit(e.Address.Unit)
		}
		if p.Group != "" {
			d.Fields = append(d.Fields, f.label(model.EnumGroup, p.Group))
		}
		for _, rc := range p.Recognitions {
			d.Fields = append(d.Fields, f.award(rc))
		}
		add(d)
	}
	for _, e := range r.m.Establishments {
		u, _ := Path(e)
		d := SearchDoc{Kind: kindEstablishment, Title: e.Name, URL: u, Unit: f.searchUnit(e.Address.Unit), Summary: r.describe(string(e.Description))}
		if e.LegalForm != "" {
			d.Fields = append(d.Fields, f.label(model.EnumLegalForm, e.LegalForm))
		}
		d.Fields = append(d.Fields, e.Sectors...)
		for _, p := range e.Products {
			d.Fields = append(d.Fields, p.Name)
		}
		if a := strings.TrimSpace(e.Address.Street + " " + e.Address.Hamlet); a != "" {
			d.Fields = append(d.Fields, a)
		}
		add(d)
	}
	for _, p := range r.m.Projects {
		u, _ := Path(p)
		d := SearchDoc{Kind: kindProject, Title: p.Title, URL: u, Summary: r.describe(string(p.Summary))}
		d.Fields = append(d.Fields, fmt.Sprint(p.Year), f.label(model.EnumFundingSource, p.FundingSource), f.label(model.EnumActivity, p.Activity))
		if p.Programme != nil {
			d.Fields = append(d.Fields, p.Programme.Name)
		}
		for i, b := range p.Beneficiaries {
			if i == 5 {
				break
			}
			if b.Establishment != nil {
				d.Fields = append(d.Fields, b.Establishment.Name)
			}
		}
		var units []string
		for i, un := range p.Units {
			if i == 3 {
				units = append(units, "…")
				break
			}
			units = append(units, f.unitName(un))
		}
		d.Unit = strings.Join(units, "; ")
		add(d)
	}
	for _, p := range r.m.Programmes {
		u, _ := Path(p)
		d := SearchDoc{Kind: kindProgramme, Title: p.Name, URL: u, Summary: r.describe(string(p.Summary))}
		if p.Decision.Number != "" {
			d.Fields = append(d.Fields, p.Decision.Number)
		}
		add(d)
	}
	for _, rd := range r.m.Rounds {
		u, _ := Path(rd)
		d := SearchDoc{Kind: kindRound, Title: f.roundTitle(rd), URL: u}
		if rd.Decision.Number != "" {
			d.Fields = append(d.Fields, rd.Decision.Number)
		}
		d.Summary = rd.Decision.Title
		add(d)
	}
	for _, rs := range r.m.Stats.Reports {
		rp := rs.Report
		u, _ := Path(rp)
		d := SearchDoc{Kind: kindReport, Title: f.reportTitle(rp), URL: u, Unit: f.searchUnit(rp.Unit), Summary: r.describe(string(rp.Notes))}
		if rp.Decision.Number != "" {
			d.Fields = append(d.Fields, rp.Decision.Number)
		}
		add(d)
	}
	for _, un := range r.m.Units {
		u, _ := Path(un)
		d := SearchDoc{Kind: kindUnit, Title: f.unitName(un), URL: u}
		if un.Parent != nil {
			d.Unit = f.searchUnit(un.Parent)
		}
		add(d)
	}
	for _, a := range r.m.News {
		if !published(a, r.m) {
			continue
		}
		u, _ := Path(a)
		sum := a.Summary
		if sum == "" {
			sum = r.describe(string(a.Body))
		}
		d := SearchDoc{Kind: kindNews, Title: a.Title, URL: u, Summary: sum}
		if a.HasDate {
			ds, _ := f.date(a.Date)
			d.Fields = append(d.Fields, ds)
		}
		d.Fields = append(d.Fields, a.Tags...)
		add(d)
	}
	return docs
}

// published reports whether an article is public on the build date: not a
// draft, already published and not expired. The model keeps the others
// only for preview (--drafts, --future).
func published(a *model.Article, m *model.Model) bool {
	if a.Draft {
		return false
	}
	if model.PublishedFrom(a).After(m.Now) {
		return false
	}
	if !a.Expiry.IsZero() && !a.Expiry.After(m.Now) {
		return false
	}
	return true
}

// searchUnit names a unit and the one above it ("xã Tri Tôn, huyện Tri
// Tôn"), leaving out the province the whole site is about.
func (f *funcs) searchUnit(u *model.Unit) string {
	if u == nil {
		return ""
	}
	s := f.unitName(u)
	if p := u.Parent; p != nil && p.Parent != nil {
		s += ", " + f.unitName(p)
	}
	return s
}

// searchTokens splits text into words: runs of letters, marks and digits,
// in NFC.
func searchTokens(s string) []string {
	return strings.FieldsFunc(norm.NFC.String(s), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsMark(c)
	})
}

// toneDigit numbers the five Vietnamese tone marks (sắc 1, huyền 2, hỏi
// 3, ngã 4, nặng 5); 0 for any other rune.
func toneDigit(m rune) byte {
	switch m {
	case '\u0301':
		return '1'
	case '\u0300':
		return '2'
	case '\u0309':
		return '3'
	case '\u0303':
		return '4'
	case '\u0323':
		return '5'
	}
	return 0
}

// searchVariant returns a word as written, lower case, with its tone mark
// taken off and written as a digit at the end ("hòa" and "hoà" both give
// "hoa2", "dầu" gives "dâu2"), so that the two tone placements are one
// variant; search.js computes the same for a query.
func searchVariant(w string) string {
	var b, tones strings.Builder
	for _, c := range norm.NFD.String(w) {
		if d := toneDigit(c); d != 0 {
			tones.WriteByte(d)
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return norm.NFC.String(b.String()) + tones.String()
}

// searchToken is one folded token of the index.
type searchToken struct {
	variants []string
	// flat holds the postings as they are written: per document, the
	// document number as the difference from the previous one, the count
	// of positions kept, then each position. Kept flat, in 32 bits, since
	// a large site has tens of millions of postings.
	flat    []int32
	lastDoc int
	countAt int // index in flat of the current document's count
	size    int // estimated bytes in its shard
}

// SearchIndex is the index built from the documents.
type SearchIndex struct {
	Docs   []SearchDoc
	tokens map[string]*searchToken
	// words holds, for each word as written, its token and its variant:
	// a site writes the same few thousand words again and again.
	words map[string]searchWord
}

// searchWord is a word of the documents as the index files it.
type searchWord struct {
	token   *searchToken
	variant string
}

// newSearchIndex tokenises every document.
func newSearchIndex(docs []SearchDoc) *SearchIndex {
	ix := &SearchIndex{Docs: docs, tokens: map[string]*searchToken{}, words: map[string]searchWord{}}
	for id, d := range docs {
		pos := 0
		addText := func(field int, s string, limit int) {
			n := 0
			for _, w := range searchTokens(s) {
				if pos > maxPosition || (limit > 0 && n >= limit) {
					break
				}
				ix.addToken(id, w, pos, field)
				pos++
				n++
			}
			pos++ // a gap: no phrase across values
		}
		addText(0, d.Title, 0)
		for _, v := range d.Fields {
			addText(1, v, 0)
		}
		addText(1, d.Unit, 0)
		addText(2, d.Summary, summaryTokens)
	}
	return ix
}

func (ix *SearchIndex) addToken(doc int, w string, pos, field int) {
	word, ok := ix.words[w]
	if !ok {
		key := vi.Fold(w)
		word.token = ix.tokens[key]
		if word.token == nil {
			word.token = &searchToken{}
			ix.tokens[key] = word.token
		}
		word.variant = searchVariant(w)
		ix.words[w] = word
	}
	t, v := word.token, word.variant
	idx := -1
	for i, x := range t.variants {
		if x == v {
			idx = i
			break
		}
	}
	if idx < 0 {
		idx = len(t.variants)
		if idx > 15 {
			idx = 15 // more spellings than a word has: kept, not told apart
		} else {
			t.variants = append(t.variants, v)
		}
	}
	if len(t.flat) == 0 || t.lastDoc != doc {
		t.flat = append(t.flat, int32(doc-t.lastDoc), 0)
		t.countAt = len(t.flat) - 1
		t.lastDoc = doc
	}
	if t.flat[t.countAt] < maxPositions {
		t.flat = append(t.flat, int32(pos<<6|field<<4|idx))
		t.flat[t.countAt]++
	}
}

// Tokens returns the folded tokens of the index, sorted.
func (ix *SearchIndex) Tokens() []string {
	out := make([]string, 0, len(ix.tokens))
	for k := range ix.tokens {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// appendJSON appends a token's entry as JSON: [[variants], [postings]].
func (t *searchToken) appendJSON(b []byte) []byte {
	b = append(b, '[')
	if t.variants == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, v := range t.variants {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, v)
		}
		b = append(b, ']')
	}
	b = append(b, ",["...)
	for i, n := range t.flat {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, "]]"...)
}

// appendJSONString appends s as encoding/json writes a string: quoted as
// it is when it holds nothing json.Marshal would escape (control
// characters, quotes, backslashes, <, > and &, U+2028 and U+2029, bytes
// that are not UTF-8), else as json.Marshal writes it.
func appendJSONString(b []byte, s string) []byte {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' &&
			!(c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9))
	}
	if !plain {
		js, _ := json.Marshal(s)
		return append(b, js...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// shards partitions the tokens by prefix: two letters, longer while a
// shard is over the budget. It returns the shard keys, sorted, and the
// tokens of each.
func (ix *SearchIndex) shards() ([]string, map[string][]string) {
	var scratch []byte
	for _, t := range ix.tokens {
		scratch = t.appendJSON(scratch[:0])
		t.size = len(scratch) + 8
	}
	out := map[string][]string{}
	var split func(prefix string, toks []string)
	split = func(prefix string, toks []string) {
		size := 0
		for _, k := range toks {
			size += ix.tokens[k].size + len(k)
		}
		if size <= shardBudget {
			out[prefix] = append(out[prefix], toks...)
			return
		}
		n := len([]rune(prefix))
		groups := map[string][]string{}
		var keys []string
		for _, k := range toks {
			r := []rune(k)
			if len(r) <= n {
				out[prefix] = append(out[prefix], k)
				continue
			}
			g := string(r[:n+1])
			if _, ok := groups[g]; !ok {
				keys = append(keys, g)
			}
			groups[g] = append(groups[g], k)
		}
		for _, g := range keys {
			split(g, groups[g])
		}
	}
	top := map[string][]string{}
	var tops []string
	for _, k := range ix.Tokens() {
		r := []rune(k)
		p := k
		if len(r) > 2 {
			p = string(r[:2])
		}
		if _, ok := top[p]; !ok {
			tops = append(tops, p)
		}
		top[p] = append(top[p], k)
	}
	for _, p := range tops {
		split(p, top[p])
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, out
}

// shardFile names the file of a shard: the key itself when it is plain
// ASCII letters and digits, its hexadecimal bytes otherwise.
func shardFile(key string) string {
	plain := key != ""
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return "s-" + key + ".js"
	}
	return fmt.Sprintf("s-x%x.js", key)
}

// jsCall writes `kcSearch.fn(args…);` with each argument as JSON.
func jsCall(fn string, args ...any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("kcSearch.")
	b.WriteString(fn)
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteByte(',')
		}
		js, err := json.Marshal(a)
		if err != nil {
			return nil, err
		}
		b.Write(js)
	}
	b.WriteString(");\n")
	return b.Bytes(), nil
}

// Files returns the index files by name (relative to the index folder).
// They are written as jsCall writes them with encoding/json (see
// appendJSONString), without its reflection: a large site has hundreds
// of thousands of tokens.
func (ix *SearchIndex) Files() (map[string][]byte, error) {
	files := map[string][]byte{}
	keys, toks := ix.shards()
	var manifest [][]any
	for _, k := range keys {
		names := append([]string(nil), toks[k]...)
		sort.Strings(names)
		data := []byte("kcSearch.add(")
		data = appendJSONString(data, k)
		data = append(data, ",{"...)
		for i, name := range names {
			if i > 0 {
				data = append(data, ',')
			}
			data = appendJSONString(data, name)
			data = append(data, ':')
			data = ix.tokens[name].appendJSON(data)
		}
		data = append(data, "});\n"...)
		name := shardFile(k)
		files[name] = data
		manifest = append(manifest, []any{k, name, len(data)})
	}
	for c := 0; c*docChunk < len(ix.Docs); c++ {
		data := []byte("kcSearch.docs(")
		data = strconv.AppendInt(data, int64(c), 10)
		data = append(data, ",["...)
		for i, d := range ix.Docs[c*docChunk : min((c+1)*docChunk, len(ix.Docs))] {
			if i > 0 {
				data = append(data, ',')
			}
			for j, f := range []string{d.Kind, d.Title, d.URL, d.Unit, d.text()} {
				if j == 0 {
					data = append(data, '[')
				} else {
					data = append(data, ',')
				}
				data = appendJSONString(data, f)
			}
			data = append(data, ']')
		}
		data = append(data, "]);\n"...)
		files[fmt.Sprintf("d-%d.js", c)] = data
	}
	data, err := jsCall("manifest", map[string]any{"v": 1, "n": len(ix.Docs), "c": docChunk, "s": manifest})
	if err != nil {
		return nil, err
	}
	files["manifest.js"] = data
	return files, nil
}
