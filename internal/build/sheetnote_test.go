package build

import (
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// TestSheetNote: check notes, at data/site.yaml, that print sheets have
// no QR code while the site has no base_url; with one, or with nothing to
// print, it says nothing.
func TestSheetNote(t *testing.T) {
	_, diags := Check("../..", Options{})
	var notes []diag.Diagnostic
	for _, d := range diags {
		if d.Code == "sheet-qr" {
			notes = append(notes, d)
		}
	}
	if len(notes) != 1 || notes[0].Severity != diag.Note || notes[0].Pos.File != "data/site.yaml" ||
		!strings.Contains(notes[0].Msg.Text("vi"), "base_url: https://") || !strings.Contains(notes[0].Msg.Text("en"), "base_url: https://") {
		t.Fatalf("the example site (no base_url): %+v", notes)
	}
	if errs, warns := diags.Counts(); errs+warns != 0 {
		t.Errorf("the note counts as an error or a warning: %d, %d", errs, warns)
	}
	p := &model.Product{ID: "x"}
	if d := sheetNote(&model.Model{Site: model.Site{BaseURL: "https://kc.example/"}, Products: []*model.Product{p}}); len(d) != 0 {
		t.Errorf("with base_url: %v", d)
	}
	if d := sheetNote(&model.Model{}); len(d) != 0 {
		t.Errorf("nothing to print: %v", d)
	}
}
