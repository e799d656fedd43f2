package render

import (
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/model"
)

// TestHomeParts checks the order of the home page's parts (standout
// products, news, the year's figures) and that each is left out when the
// site has nothing for it: no product recognised in force (an expired
// OCOP certificate is not), no news, no figures.
func TestHomeParts(t *testing.T) {
	m := testModel(plain)
	home := string(renderTest(t, m, Options{})["index.html"])
	at := func(s string) int { return strings.Index(home, s) }
	if !(at(`id="tieu-bieu"`) >= 0 && at(`id="tieu-bieu"`) < at(`id="tin-moi"`) && at(`id="tin-moi"`) < at(`id="so-lieu-nam"`)) {
		t.Errorf("the home page's parts are not standout, news, figures in that order")
	}

	m = testModel(plain)
	m.News = nil
	m.Stats = model.Stats{}
	for _, p := range m.Products {
		// Only the OCOP certificate that ended in 2024 is left.
		var kept []*model.Recognition
		for _, rc := range p.Recognitions {
			if rc.Round.Scheme == "ocop" {
				kept = append(kept, rc)
			}
		}
		p.Recognitions = kept
	}
	home = string(renderTest(t, m, Options{})["index.html"])
	for _, part := range []string{`id="tieu-bieu"`, `id="tin-moi"`, `id="so-lieu-nam"`, `class="band"`} {
		if strings.Contains(home, part) {
			t.Errorf("the home page shows %s with nothing for it", part)
		}
	}
	if !strings.Contains(home, `id="uu-tien"`) {
		t.Errorf("the programme priorities are gone too")
	}
}
