package links

import (
	"reflect"
	"testing"
)

var resolvePages = []string{"index.html", "404.html", "co-so/x/index.html", "san-pham/a/b/index.html", "sitemap.xml", "static/site.css"}

var resolveRefs = []string{
	"", "#top", "?q=1", "../", "../../", "../../../", "../../../../", "../san-pham/", "../../san-pham/x/index.html",
	"static/site.css", "./static/site.css", "../static/../static/site.css", "..", "../..", "a//b", "a/./b", "a/../b",
	"tin-tuc/", "tin-tuc", "x.jpg", "../x y.jpg", "../%C4%91.jpg", "/", "/khuyen-cong/", "https://vi.example/khuyen-cong/a/",
	"mailto:a@b", "..//x", ".../x", "a/b/", "A_B-c.1/", "../.x", "../../a?b", "../a#b",
}

// TestResolveFast checks that the short way gives what resolve gives.
func TestResolveFast(t *testing.T) {
	for _, baseURL := range []string{"", "https://vi.example/khuyen-cong/"} {
		b, err := parseBase(baseURL)
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range resolvePages {
			for _, ref := range resolveRefs {
				wt, wi := b.resolve(page, ref)
				gt, gi := b.resolveFast(page, ref)
				if gt != wt || gi != wi {
					t.Errorf("base %q, page %q, link %q: resolveFast = %q, %v; resolve = %q, %v", baseURL, page, ref, gt, gi, wt, wi)
				}
			}
		}
	}
}

func FuzzResolveFast(f *testing.F) {
	for _, page := range resolvePages {
		for _, ref := range resolveRefs {
			f.Add(page, ref)
		}
	}
	b, _ := parseBase("https://vi.example/khuyen-cong/")
	f.Fuzz(func(t *testing.T, page, ref string) {
		wt, wi := b.resolve(page, ref)
		gt, gi := b.resolveFast(page, ref)
		if gt != wt || gi != wi {
			t.Errorf("page %q, link %q: resolveFast = %q, %v; resolve = %q, %v", page, ref, gt, gi, wt, wi)
		}
	})
}

func TestScan(t *testing.T) {
	s, err := NewScanner("https://vi.example/kc/")
	if err != nil {
		t.Fatal(err)
	}
	page := []byte(`<!DOCTYPE html>
<a href="../../">home</a><a href="../../san-pham/">sp</a>
<a href="../../">again</a><img src="../../../x.jpg" srcset="a.jpg 1x, ../../b.jpg 2x">
<a href="mailto:a@b">m</a><a href="https://vi.example/kc/lien-he/">c</a>`)
	got := s.Scan("co-so/x/index.html", page)
	var targets []string
	for _, id := range got.Targets {
		targets = append(targets, s.Name(id))
	}
	if want := []string{"index.html", "san-pham/index.html", "co-so/x/a.jpg", "b.jpg", "lien-he/index.html"}; !reflect.DeepEqual(targets, want) {
		t.Errorf("Scan targets %v, want %v", targets, want)
	}
	if again := s.Scan("co-so/y/index.html", page); again.Targets[0] != got.Targets[0] {
		t.Errorf("a target has two numbers")
	}
	if wantOut := []Broken{{Page: "co-so/x/index.html", Line: 3, Link: "../../../x.jpg"}}; got.Links != 7 || !reflect.DeepEqual(got.Outside, wantOut) {
		t.Errorf("Scan: %d links, outside %+v", got.Links, got.Outside)
	}
	have := map[string]bool{"index.html": true, "b.jpg": true, "lien-he/index.html": true}
	broken := s.Broken("co-so/x/index.html", page, func(n string) bool { return have[n] })
	wantBroken := []Broken{
		{Page: "co-so/x/index.html", Line: 2, Link: "../../san-pham/", Target: "san-pham/index.html"},
		{Page: "co-so/x/index.html", Line: 3, Link: "a.jpg", Target: "co-so/x/a.jpg"},
	}
	if !reflect.DeepEqual(broken, wantBroken) {
		t.Errorf("Broken:\n got %+v\nwant %+v", broken, wantBroken)
	}
	if bad := s.Scan("sitemap.xml", []byte("<urlset><url><loc>x")).Bad; bad == nil || bad.Page != "sitemap.xml" {
		t.Errorf("Scan of a broken sitemap: Bad = %+v", bad)
	}
	for name, want := range map[string]bool{"a/index.html": true, "s.XML": true, "x.css": true, "a.js": false, "b.jpg": false} {
		if Checked(name) != want {
			t.Errorf("Checked(%q) = %v", name, !want)
		}
	}
}
