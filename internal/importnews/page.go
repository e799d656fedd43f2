package importnews

import (
	"bytes"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/legacy"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// fromPage extracts the article of a web page: name is how messages call
// it, data its bytes as served or saved, base the address relative links
// and photos are read against, localDir the folder of a saved page.
func fromPage(name string, data []byte, contentType string, base *url.URL, localDir string, fetch *fetcher) (*article, error) {
	text := decodePage(data, contentType)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fail("không đọc được trang %s: %v", "cannot read the page %s: %v", name, err)
	}
	a := &article{}
	normalizeText(doc)
	convertLegacy(doc, &a.notes)

	canonical := canonicalURL(doc, text)
	if localDir == "" {
		a.sourceURL = base.String()
		if canonical != "" {
			a.sourceURL = canonical
		}
	} else {
		a.sourceURL = canonical
	}
	linkBase := base
	if c, err := url.Parse(canonical); err == nil && canonical != "" {
		linkBase = c
	}
	absolutize(doc, base, linkBase)
	markAlignment(doc)
	lazyImages(doc, base)

	meta := pageMeta(doc)
	a.sourceName = meta.siteName
	if localDir == "" && a.sourceName == "" {
		a.sourceName = hostOf(a.sourceURL)
	}
	a.author = meta.author
	if !meta.date.IsZero() {
		a.date = meta.date
		a.dateFrom = diag.M("ngày đăng ghi trên trang", "the publication date on the page")
	}
	if s := sapo(doc); s != "" {
		a.summary = s
		a.summaryFrom = diag.M("lời dẫn (sapo) của trang", "the page's lead (sapo)")
	}
	strip(doc, &a.notes)

	p := readability.NewParser()
	p.KeepClasses = true
	p.CharThresholds = 200
	art, err := p.ParseAndMutate(doc, linkBase)
	body := elem(atom.Body)
	if err == nil && art.Node != nil {
		body.AppendChild(detach(art.Node))
	} else if n := fallbackBody(doc); n != nil {
		moveChildren(n, body)
	}
	fixAtoms(body)
	if a.title == "" {
		a.title = pickTitle(meta.headings, art.Title(), meta.title)
	}
	if a.author == "" {
		if b := strings.TrimSpace(art.Byline()); b != "" && len([]rune(b)) <= 60 {
			a.author = b
		}
	}
	if a.date.IsZero() {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			a.date = inVietnam(t)
			a.dateFrom = diag.M("ngày đăng ghi trên trang", "the publication date on the page")
		}
	}
	if a.summary == "" && meta.description != "" {
		a.summary = meta.description
		a.summaryFrom = diag.M("mô tả của trang (description)", "the page's description")
	}
	a.body = body
	conventions(a, func(img *html.Node) *photoItem {
		src := attr(img, "src")
		data, why := fetch.photo(src)
		if data == nil {
			a.notes.photos = append(a.notes.photos, diag.Msg{Vi: "bỏ ảnh: " + why.Vi, En: "left out a photo: " + why.En})
			return nil
		}
		return a.notes.checkPhoto(src, src, data)
	})
	return a, nil
}

// fixAtoms sets the atom of the elements the extractor made by name only.
func fixAtoms(n *html.Node) {
	if n.Type == html.ElementNode {
		n.Data = strings.ToLower(n.Data)
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c)
	}
}

func detach(n *html.Node) *html.Node {
	remove(n)
	return n
}

// decodePage returns the page as UTF-8: in the charset its server or its
// <meta> names, or that its bytes show. A page said to be UTF-8 with bytes
// that are not (an old page typed in TCVN3, say) has each such byte read
// as Windows-1252, so that the legacy conversion can read it.
func decodePage(data []byte, contentType string) string {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	dec := charmap.Windows1252
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(dec.DecodeByte(data[0]))
			data = data[1:]
			continue
		}
		b.WriteRune(r)
		data = data[size:]
	}
	return b.String()
}

func normalizeText(n *html.Node) {
	if n.Type == html.TextNode {
		n.Data = norm.NFC.String(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		normalizeText(c)
	}
}

// convertLegacy converts the page's text typed in TCVN3 or VNI: inside an
// element whose font (face, style) is a legacy one, or a block whose
// characters read as legacy text.
func convertLegacy(doc *html.Node, n *notes) {
	counts := map[[2]int]int{}
	var walk func(x *html.Node, font legacy.Encoding, upper bool)
	walk = func(x *html.Node, font legacy.Encoding, upper bool) {
		if x.Type == html.ElementNode {
			if f := fontOf(x); f != "" {
				if e, up := legacy.FontEncoding(f); e != legacy.None {
					font, upper = e, up
				}
			}
			if x.DataAtom == atom.Script || x.DataAtom == atom.Style {
				return
			}
			if font == legacy.None && (isBlock(x.Data) || x.DataAtom == atom.Title) && !hasBlockChild(x) && !hasLegacyFont(x) {
				t := textOf(x)
				if enc, _ := legacy.Detect(t); enc != legacy.None {
					convertTexts(x, enc, false)
					counts[[2]int{int(enc), 0}]++
					conv, _ := legacy.Convert(enc, t)
					n.unsure = appendNew(n.unsure, legacy.Unsure(conv)...)
					return
				}
			}
		}
		if x.Type == html.TextNode && font == legacy.None {
			// Beside text in a legacy font: this text alone decides.
			if enc, c := legacy.Detect(x.Data); enc != legacy.None {
				x.Data = c
				counts[[2]int{int(enc), 0}]++
				n.unsure = appendNew(n.unsure, legacy.Unsure(c)...)
			}
		}
		if x.Type == html.TextNode && font != legacy.None {
			var c string
			var bad []string
			if upper {
				c, bad = legacy.ConvertUpper(font, x.Data)
			} else {
				c, bad = legacy.Convert(font, x.Data)
			}
			if legacy.Better(x.Data, c) {
				x.Data = c
				counts[[2]int{int(font), 1}]++
				n.unsure = appendNew(n.unsure, legacy.Unsure(c)...)
				n.bad = appendNew(n.bad, bad...)
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c, font, upper)
		}
	}
	walk(doc, legacy.None, false)
	for _, k := range [][2]int{{int(legacy.TCVN3), 1}, {int(legacy.VNI), 1}, {int(legacy.TCVN3), 0}, {int(legacy.VNI), 0}} {
		if c := counts[k]; c > 0 {
			n.conversion(legacy.Encoding(k[0]), k[1] == 1, c)
		}
	}
}

// hasLegacyFont reports whether an element inside n sets a legacy font.
func hasLegacyFont(n *html.Node) bool {
	found := false
	walkElements(n, func(x *html.Node) bool {
		if e, _ := legacy.FontEncoding(fontOf(x)); e != legacy.None {
			found = true
			return false
		}
		return true
	})
	return found
}

func convertTexts(x *html.Node, enc legacy.Encoding, upper bool) {
	if x.Type == html.TextNode {
		x.Data, _ = legacy.Convert(enc, x.Data)
	}
	for c := x.FirstChild; c != nil; c = c.NextSibling {
		convertTexts(c, enc, upper)
	}
}

var fontFamily = regexp.MustCompile(`(?i)font-family\s*:\s*['"]?([^;'",]+)`)

// fontOf returns the font an element sets: <font face>, or the first
// family of its style.
func fontOf(n *html.Node) string {
	if f := attr(n, "face"); f != "" {
		f, _, _ = strings.Cut(f, ",")
		return strings.Trim(strings.TrimSpace(f), `'"`)
	}
	if m := fontFamily.FindStringSubmatch(attr(n, "style")); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

var savedFrom = regexp.MustCompile(`<!-- saved from url=\(\d+\)(https?://[^\s>]+) -->`)

// canonicalURL is the page's own address: its canonical link, og:url, or
// the address a browser notes when it saves a page.
func canonicalURL(doc *html.Node, text string) string {
	var out string
	walkElements(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical") && isWeb(attr(n, "href")) {
			out = attr(n, "href")
			return false
		}
		return true
	})
	if out == "" {
		out = metaContent(doc, "og:url")
	}
	if out == "" {
		if m := savedFrom.FindStringSubmatch(text[:min(len(text), 4096)]); m != nil {
			out = m[1]
		}
	}
	if !isWeb(out) {
		return ""
	}
	return strings.TrimSpace(out)
}

func isWeb(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// walkElements calls f on every element in document order; f returning
// false stops the walk.
func walkElements(n *html.Node, f func(*html.Node) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !f(c) {
			return false
		}
		if !walkElements(c, f) {
			return false
		}
	}
	return true
}

func metaContent(doc *html.Node, keys ...string) string {
	out := ""
	walkElements(doc, func(n *html.Node) bool {
		if n.DataAtom != atom.Meta {
			return true
		}
		for _, k := range keys {
			if strings.EqualFold(attr(n, "property"), k) || strings.EqualFold(attr(n, "name"), k) || strings.EqualFold(attr(n, "itemprop"), k) {
				if v := strings.TrimSpace(attr(n, "content")); v != "" {
					out = v
					return false
				}
			}
		}
		return true
	})
	return out
}

// absolutize resolves the addresses of photos against base and of links
// against linkBase (the page's own address when known).
func absolutize(doc *html.Node, base, linkBase *url.URL) {
	walkElements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.A:
			resolveAttr(n, "href", linkBase)
		case atom.Img:
			for _, k := range []string{"src", "data-src", "data-original", "data-lazy-src", "data-srcset", "srcset"} {
				if k == "srcset" || k == "data-srcset" {
					continue
				}
				resolveAttr(n, k, base)
			}
		}
		return true
	})
}

func resolveAttr(n *html.Node, key string, base *url.URL) {
	v := strings.TrimSpace(attr(n, key))
	if v == "" || strings.HasPrefix(v, "#") || strings.HasPrefix(strings.ToLower(v), "data:") {
		return
	}
	u, err := url.Parse(v)
	if err != nil || base == nil {
		return
	}
	if u.Scheme == "" && base.Scheme == "file" && key == "href" {
		return // a link of a saved page without its address: not kept
	}
	setAttr(n, key, base.ResolveReference(u).String())
}

// markAlignment keeps, as a class, the centring or right alignment that
// the extraction would remove with the style attributes.
func markAlignment(doc *html.Node) {
	walkElements(doc, func(n *html.Node) bool {
		al := strings.ToLower(attr(n, "align"))
		st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
		switch {
		case al == "center" || strings.Contains(st, "text-align:center") || n.DataAtom == atom.Center:
			setAttr(n, "class", strings.TrimSpace(attr(n, "class")+" "+alignCenterClass))
		case al == "right" || strings.Contains(st, "text-align:right"):
			setAttr(n, "class", strings.TrimSpace(attr(n, "class")+" "+alignRightClass))
		}
		return true
	})
}

// lazyImages gives each <img> the address of its photo where the page
// loads it late (data-src and the like) or offers sizes (srcset: the
// largest).
func lazyImages(doc *html.Node, base *url.URL) {
	walkElements(doc, func(n *html.Node) bool {
		if n.DataAtom != atom.Img {
			return true
		}
		for _, k := range []string{"data-src", "data-original", "data-lazy-src"} {
			if v := attr(n, k); v != "" && !strings.HasPrefix(v, "data:") {
				setAttr(n, "src", v)
				break
			}
		}
		src := attr(n, "src")
		if src == "" || strings.HasPrefix(src, "data:image/gif") || strings.HasPrefix(src, "data:image/svg") {
			if best := largestSrcset(attr(n, "data-srcset") + "," + attr(n, "srcset")); best != "" {
				if u, err := url.Parse(best); err == nil {
					setAttr(n, "src", base.ResolveReference(u).String())
				}
			}
		}
		return true
	})
}

func largestSrcset(s string) string {
	best, bestW := "", -1.0
	for _, part := range strings.Split(s, ",") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		w := 1.0
		if len(f) > 1 {
			if x, err := strconv.ParseFloat(strings.TrimRight(f[1], "wx"), 64); err == nil {
				w = x
			}
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	return best
}

// meta is what a page says of its article outside the text.
type meta struct {
	title, siteName, author, description string
	date                                 time.Time
	// headings are the texts of the page's <h1> elements, in order.
	headings []string
}

var dmy = regexp.MustCompile(`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b`)

func pageMeta(doc *html.Node) meta {
	m := meta{
		title:       metaContent(doc, "og:title", "twitter:title"),
		siteName:    metaContent(doc, "og:site_name", "application-name"),
		author:      metaContent(doc, "author", "article:author", "dc.creator"),
		description: metaContent(doc, "description", "og:description"),
	}
	if strings.HasPrefix(m.author, "http") || len([]rune(m.author)) > 60 {
		m.author = ""
	}
	for _, k := range []string{"article:published_time", "datePublished", "pubdate", "publishdate", "dc.date.issued", "date"} {
		if v := metaContent(doc, k); v != "" {
			if t, ok := parseDate(v); ok {
				m.date = t
				break
			}
		}
	}
	walkElements(doc, func(n *html.Node) bool {
		switch {
		case n.DataAtom == atom.H1:
			if t := textOf(n); t != "" {
				m.headings = append(m.headings, t)
			}
		case m.date.IsZero() && n.DataAtom == atom.Time:
			if t, ok := parseDate(attr(n, "datetime")); ok {
				m.date = t
			} else if t, ok := parseDate(textOf(n)); ok {
				m.date = t
			}
		case m.date.IsZero() && dateish(n):
			if t, ok := parseDate(textOf(n)); ok {
				m.date = t
			}
		}
		return true
	})
	return m
}

// dateish reports whether an element's class or id says it holds a date.
func dateish(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"date", "time", "publish", "ngay", "posted"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// parseDate reads an ISO date-time (in its own offset, taken in Vietnam's
// time) or a Vietnamese day/month/year.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			if layout == time.RFC3339 {
				return inVietnam(t), true
			}
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	if m := dmy.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && y >= 1990 && y < 2200 {
			return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

func inVietnam(t time.Time) time.Time {
	t = t.In(vietnam)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// sapoClasses name the element of a Vietnamese news page that holds the
// lead paragraph.
var sapoClasses = []string{"sapo", "chapeau", "lead", "summary", "description", "excerpt", "tomtat", "tom-tat"}

// sapo takes the lead paragraph out of the page and returns its text.
func sapo(doc *html.Node) string {
	var found *html.Node
	walkElements(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Head || n.DataAtom == atom.Meta {
			return true
		}
		toks := tokens(n)
		for _, t := range toks {
			for _, c := range sapoClasses {
				if t == c || strings.Contains(t, "sapo") || strings.HasSuffix(t, "-"+c) || strings.HasPrefix(t, c+"-") {
					if s := textOf(n); len(s) >= 30 && len(s) < 1200 && len(findAll(n, atom.P)) <= 2 {
						found = n
						return false
					}
				}
			}
		}
		return true
	})
	if found == nil {
		return ""
	}
	s := textOf(found)
	remove(found)
	return s
}

// tokens are the words of an element's class and id, lower case.
func tokens(n *html.Node) []string {
	return strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id")))
}

// pickTitle chooses the article's title: the page's <h1> that its
// metadata names, else its only <h1>, else the extractor's title.
func pickTitle(headings []string, extracted, ogTitle string) string {
	for _, want := range []string{ogTitle, extracted} {
		for _, h := range headings {
			if want != "" && vi.Fold(h) == vi.Fold(want) {
				return h
			}
		}
	}
	for _, want := range []string{ogTitle, extracted} {
		for _, h := range headings {
			if want != "" && len(h) > 15 && strings.Contains(vi.Fold(want), vi.Fold(h)) {
				return h
			}
		}
	}
	if len(headings) == 1 {
		return headings[0]
	}
	if ogTitle != "" {
		return ogTitle
	}
	return extracted
}

// noise groups the parts of a page that are not the article.
type noise struct {
	vi, en, enPlural string
	tags             []atom.Atom
	words            []string // class or id words (substrings of them)
	exact            []string // whole class or id words
}

var noises = []noise{
	{"đoạn mã (script)", "script", "scripts", []atom.Atom{atom.Script, atom.Noscript, atom.Template}, nil, nil},
	{"định dạng (style)", "style sheet", "style sheets", []atom.Atom{atom.Style, atom.Link}, nil, nil},
	{"khung nhúng (iframe, video, đối tượng)", "embedded frame (iframe, video, object)", "embedded frames (iframe, video, object)",
		[]atom.Atom{atom.Iframe, atom.Frame, atom.Frameset, atom.Object, atom.Embed, atom.Applet, atom.Video, atom.Audio, atom.Canvas, atom.Svg, atom.Math}, nil, nil},
	{"biểu mẫu, nút bấm", "form or button", "forms or buttons", []atom.Atom{atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Dialog}, nil, nil},
	{"menu, đầu trang, chân trang", "menu, header or footer", "menus, headers or footers", []atom.Atom{atom.Nav, atom.Header, atom.Footer, atom.Aside},
		[]string{"menu", "navbar", "breadcrumb", "sidebar", "footer", "topbar"}, []string{"nav", "header"}},
	{"tin liên quan, xem thêm", "related links", "related links", nil,
		[]string{"related", "relate", "lienquan", "lien-quan", "tinkhac", "tin-khac", "xemthem", "xem-them", "morenews", "more-news", "readmore", "read-more", "othernews", "other-news", "same-cate"}, nil},
	{"bình luận", "comments", "comments", nil, []string{"comment", "binhluan", "binh-luan", "disqus"}, nil},
	{"quảng cáo", "advertisement", "advertisements", nil, []string{"advert", "quangcao", "quang-cao", "banner", "sponsor", "adsbygoogle"}, []string{"ads", "ad", "adv", "qc"}},
	{"nút chia sẻ, in bài, mạng xã hội", "share or print buttons", "share or print buttons", nil, []string{"share", "social", "sharing", "like-box", "fb-like"}, []string{"print", "btn-print"}},
	{"từ khóa của trang", "tag list", "tag lists", nil, []string{"tags", "keyword", "tukhoa", "tu-khoa"}, []string{"tag"}},
	// A dateline is found by dateline(), not by its class alone.
	{"dòng ngày giờ đăng (ngày đã ghi vào date)", "dateline (its date is in date)", "datelines (the date is in date)", nil, nil, nil},
}

// datelineNoise is the index in noises of the dateline.
var datelineNoise = len(noises) - 1

// dateline reports whether an element is the page's dateline ("Thứ Bảy,
// 05/10/2024 08:30"): a <time> element, or one whose class or id says it
// holds a date, with little text besides a date. Its date is read into the
// front matter, so the line would only repeat it in the body.
func dateline(n *html.Node) bool {
	if n.DataAtom != atom.Time && !dateish(n) {
		return false
	}
	text := strings.TrimSpace(textOf(n))
	if text == "" || len([]rune(text)) > 60 {
		return false
	}
	if n.DataAtom == atom.Time {
		return true
	}
	_, ok := parseDate(text)
	return ok
}

// strip removes from the page what is not the article and anything that
// runs (scripts, event handlers), counting each kind.
func strip(doc *html.Node, n *notes) {
	total := len(textOf(doc))
	counts := make([]int, len(noises))
	handlers := 0
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.CommentNode {
				x.RemoveChild(c)
				c = next
				continue
			}
			if c.Type != html.ElementNode {
				c = next
				continue
			}
			kept := c.Attr[:0]
			for _, at := range c.Attr {
				if strings.HasPrefix(strings.ToLower(at.Key), "on") {
					handlers++
					continue
				}
				kept = append(kept, at)
			}
			c.Attr = kept
			if k := noiseKind(c, total); k >= 0 {
				counts[k]++
				x.RemoveChild(c)
				c = next
				continue
			}
			walk(c)
			c = next
		}
	}
	walk(doc)
	for i, k := range noises {
		n.dropCount(counts[i], k.vi, k.en, k.enPlural)
	}
	n.dropCount(handlers, "thuộc tính sự kiện (onclick…)", "event handler attribute (onclick…)", "event handler attributes (onclick…)")
}

// noiseKind returns the kind of noise an element is, -1 for none. An
// element holding most of the page's text is never noise, whatever its
// class.
func noiseKind(n *html.Node, total int) int {
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Head || n.DataAtom == atom.Title {
		return -1
	}
	if n.DataAtom == atom.Img || n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption {
		return -1
	}
	if dateline(n) {
		return datelineNoise
	}
	hidden := strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none")
	for i, k := range noises {
		for _, t := range k.tags {
			if n.DataAtom == t {
				if (t == atom.Header || t == atom.Aside || t == atom.Footer) && big(n, total) {
					return -1
				}
				return i
			}
		}
	}
	if n.DataAtom == atom.Meta && n.Parent != nil && n.Parent.DataAtom != atom.Head {
		return 0
	}
	toks := tokens(n)
	for i, k := range noises {
		for _, t := range toks {
			match := false
			for _, w := range k.words {
				if strings.Contains(t, w) {
					match = true
				}
			}
			for _, w := range k.exact {
				if t == w || strings.HasPrefix(t, w+"-") || strings.HasSuffix(t, "-"+w) {
					match = true
				}
			}
			if match && !big(n, total) {
				return i
			}
		}
	}
	if hidden && !big(n, total) {
		return 0
	}
	return -1
}

// big reports whether n holds more than half the page's text: the article
// itself, whatever its class says.
func big(n *html.Node, total int) bool {
	return total > 0 && len(textOf(n))*2 > total
}

// fallbackBody is where the article is when the extractor finds none:
// the page's <article>, or its <body>.
func fallbackBody(doc *html.Node) *html.Node {
	var art, body *html.Node
	walkElements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Article:
			if art == nil {
				art = n
			}
		case atom.Body:
			body = n
		}
		return true
	})
	if art != nil {
		return art
	}
	return body
}
