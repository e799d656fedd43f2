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
		row := "| `" + v.Key + "` | " + v.Vi + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/du-lieu.md lacks the row %s", row)
		}
	}
}
