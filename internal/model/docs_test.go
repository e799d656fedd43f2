package model

import (
	"os"
	"strings"
	"testing"
)

// TestDocsListActivities keeps the officers' guide and the program in
// step: every activity is listed in docs/du-lieu.md with the label the
// program shows.
func TestDocsListActivities(t *testing.T) {
	doc, err := os.ReadFile("../../docs/du-lieu.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range EnumValues(EnumActivity) {
		row := "| `" + v.Key + "` | " + v.Label.Vi + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/du-lieu.md lacks the row %s", row)
		}
	}
}

// TestDocsListFields keeps the officers' guide complete: every key of every
// record kind, nested keys included, and every report metric is named in
// docs/du-lieu.md.
func TestDocsListFields(t *testing.T) {
	doc, err := os.ReadFile("../../docs/du-lieu.md")
	if err != nil {
		t.Fatal(err)
	}
	var walk func(where string, fields []field)
	walk = func(where string, fields []field) {
		for _, f := range fields {
			if f.key != "" && !strings.Contains(string(doc), "`"+f.key+"`") && !strings.Contains(string(doc), f.key+":") {
				t.Errorf("docs/du-lieu.md does not name the field %s of %s", f.key, where)
			}
			walk(where, f.fields)
			if f.elem != nil {
				walk(where, f.elem.fields)
			}
		}
	}
	for name, s := range map[string]schema{"site": siteSchema, "units": unitSchema, "establishments": establishmentSchema,
		"products": productSchema, "recognitions": roundSchema, "projects": projectSchema, "programmes": programmeSchema,
		"reports": reportSchema, "news": newsSchema, "pages": pageSchema} {
		walk(name, s)
	}
	for _, m := range ReportMetrics {
		if !strings.Contains(string(doc), "`"+m+"`") {
			t.Errorf("docs/du-lieu.md does not name the report metric %s", m)
		}
	}
}
