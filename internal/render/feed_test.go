package render

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/model"
)

const hostile = `</script><script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;`

func testArticlePath(a *model.Article) string { return "tin-tuc/" + a.Slug + "/index.html" }

func feedSite() model.Site {
	return model.Site{
		Title:       "Khuyến công An Giang",
		Description: "Kết quả chương trình khuyến công tỉnh An Giang",
		Publisher:   model.Publisher{Name: "Trung tâm Khuyến công An Giang", Website: "https://example.vn/"},
	}
}

func TestFeedGolden(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	news := []*model.Article{
		{
			Slug: "khuyen-cong-an-giang-ho-tro-kep", Title: `Khuyến công An Giang tập trung hỗ trợ "kép"`,
			Date: time.Date(2021, 8, 17, 6, 34, 0, 0, ict), HasDate: true, Author: "Vũ Châu",
			Summary: "Năm 2020, Trung tâm Khuyến công hỗ trợ 19 cơ sở công nghiệp nông thôn.",
			Tags:    []string{"khuyến công", "máy móc thiết bị"},
		},
		{
			Slug: "tin-cu", Title: "Tin cũ & <ngắn>",
			Date: time.Date(2020, 8, 21, 0, 0, 0, 0, ict), HasDate: true,
		},
	}
	for _, base := range []string{"https://congthuong.example.vn/khuyen-cong/", ""} {
		name := "feed-base.xml"
		if base == "" {
			name = "feed-nobase.xml"
		}
		data, err := newsFeed(feedSite(), news, time.Time{}, testArticlePath, testAbs(base), FeedLimit)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, name, data)
		checkAtom(t, data, len(news))
	}
}

func TestFeedLimitAndEmpty(t *testing.T) {
	var news []*model.Article
	for i := range 25 {
		news = append(news, &model.Article{
			Slug: fmt.Sprintf("tin-%02d", i), Title: fmt.Sprintf("Tin %d", i),
			Date: time.Date(2021, 1, 25-i, 8, 0, 0, 0, time.UTC), HasDate: true,
		})
	}
	data, err := newsFeed(feedSite(), news, time.Time{}, testArticlePath, testAbs(""), FeedLimit)
	if err != nil {
		t.Fatal(err)
	}
	f := checkAtom(t, data, FeedLimit)
	if f.Updated != "2021-01-25T08:00:00Z" || f.Entries[FeedLimit-1].Title.Body != "Tin 19" {
		t.Errorf("updated %s, last entry %q", f.Updated, f.Entries[FeedLimit-1].Title.Body)
	}

	now := time.Date(2026, 3, 4, 15, 16, 17, 0, time.UTC)
	data, err = newsFeed(feedSite(), nil, now, testArticlePath, testAbs(""), FeedLimit)
	if err != nil {
		t.Fatal(err)
	}
	f = checkAtom(t, data, 0)
	if f.Updated != "2026-03-04T00:00:00Z" {
		t.Errorf("empty feed updated %s, want the build day", f.Updated)
	}
}

func TestFeedHostile(t *testing.T) {
	site := feedSite()
	site.Title = hostile
	site.Publisher.Name = hostile
	news := []*model.Article{{
		Slug: "x", Title: hostile, Author: hostile, Summary: hostile, Tags: []string{hostile},
		Date: time.Date(2021, 8, 17, 0, 0, 0, 0, time.UTC), HasDate: true,
	}}
	data, err := newsFeed(site, news, time.Time{}, testArticlePath, testAbs("https://example.vn/"), FeedLimit)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "</script", "<img"} {
		if strings.Contains(string(data), bad) {
			t.Errorf("feed holds %q raw:\n%s", bad, data)
		}
	}
	f := checkAtom(t, data, 1)
	e := f.Entries[0]
	if f.Title.Body != hostile || e.Title.Body != hostile || e.Author.Name != hostile ||
		e.Summary.Body != hostile || e.Categories[0].Term != hostile {
		t.Errorf("hostile text did not round-trip: %+v", e)
	}
}

func TestNameUUID(t *testing.T) {
	// Python's uuid.uuid5(uuid.NAMESPACE_URL, "http://www.example.com/").
	if got, want := nameUUID("http://www.example.com/"), "urn:uuid:fcde3c85-2270-590f-9e7c-ee003d65e0e2"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// checkAtom parses an Atom document and checks what every feed must have.
func checkAtom(t *testing.T, data []byte, entries int) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed is not well-formed: %v\n%s", err, data)
	}
	if f.XMLName.Space != atomNS || f.ID == "" || f.Updated == "" || f.Author.Name == "" {
		t.Errorf("feed lacks a namespace, id, updated or author: %+v", f)
	}
	if len(f.Entries) != entries {
		t.Fatalf("feed has %d entries, want %d", len(f.Entries), entries)
	}
	seen := map[string]bool{}
	for _, e := range f.Entries {
		if e.ID == "" || seen[e.ID] || e.Updated == "" || len(e.Links) == 0 {
			t.Errorf("entry %q: id %q (repeated: %v), updated %q", e.Title.Body, e.ID, seen[e.ID], e.Updated)
		}
		seen[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %q: %v", e.Title.Body, err)
		}
	}
	return f
}
