package render

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/model"
)

// Hostile text: a script, and the breaking out of an attribute into an
// element with a handler.
const (
	hostileScript = `<script>alert(1)</script>`
	hostileImg    = `"><img src=x onerror=alert(1)>`
)

// notText are the string fields of the model that the model only lets
// hold names of files or addresses it has checked, or a language code:
// the other string fields hold whatever an officer typed.
var notText = map[string]string{
	"ID":       "a record's id: lowercase letters, digits and dashes, checked by the model",
	"Slug":     "an article's address: checked by the model",
	"Bundle":   "an article's folder under content/",
	"File":     "a file of content/ (photos) or of the site (positions), checked by the model",
	"Assets":   "the files of content/, listed by the load stage",
	"Language": "vi or en, checked by the model",
	"TagNames": "rebuilt from the articles' tags",
}

// hostileModel is the test model with hostile text appended to every
// string field (every enum key, URL, Markdown and interface string
// included), empty ones too, but those of notText.
func hostileModel(t *testing.T) *model.Model {
	m := testModel(plain)
	hostile := func(s string) string { return s + hostileScript + hostileImg }
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, field string)
	walk = func(v reflect.Value, field string) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem(), field)
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if _, skip := notText[f.Name]; f.IsExported() && !skip {
					walk(v.Field(i), f.Name)
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), field)
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
			for _, k := range keys {
				// Map values cannot be set in place: walk a copy and put it back.
				e := reflect.New(v.Type().Elem()).Elem()
				e.Set(v.MapIndex(k))
				walk(e, field)
				v.SetMapIndex(k, e)
			}
		case reflect.String:
			if !v.CanSet() {
				t.Fatalf("field %s cannot be set", field)
			}
			v.SetString(hostile(v.String()))
		}
	}
	walk(reflect.ValueOf(m), "Model")

	// Tags are keyed by their text.
	m.Tags = map[string][]*model.Article{}
	for _, a := range m.News {
		for _, tag := range a.Tags {
			m.Tags[tag] = append(m.Tags[tag], a)
		}
	}
	m.TagNames = m.TagNames[:0]
	for tag := range m.Tags {
		m.TagNames = append(m.TagNames, tag)
	}
	sort.Strings(m.TagNames)
	m.Site.I18n = map[string]string{"site.home": hostileScript + hostileImg, "section.products": hostileImg}
	return m
}

// TestHostileStrings renders a model whose every field of text holds
// hostile text, and checks that it reaches pages, feeds, the sitemap,
// charts, the search index and the open data JSON only escaped. CSV files
// and robots.txt are plain text, where the text is data: they are left
// out (the open data tests check the CSV cells).
func TestHostileStrings(t *testing.T) {
	m := hostileModel(t)
	out := memSink{}
	if _, diags := Render(m, Options{Assets: plainAssets(m), ShowDrafts: true}, out); diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags)
	}
	escaped := 0
	for _, name := range out.names() {
		if strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, ".txt") {
			continue
		}
		data := string(out[name])
		for _, bad := range []string{"<script>alert", "<img src=x", `"><img`} {
			if i := strings.Index(data, bad); i >= 0 {
				t.Errorf("%s holds %q unescaped: …%s…", name, bad, data[max(0, i-80):min(len(data), i+80)])
			}
		}
		if strings.Contains(data, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			escaped++
		}
	}
	// The text does reach the pages, escaped.
	if escaped < 40 {
		t.Errorf("the hostile text shows, escaped, in only %d files", escaped)
	}
}
