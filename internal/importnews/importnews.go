// Package importnews turns a news article written elsewhere into an
// article of the site: a Word document (.docx), a web page saved from a
// browser (.html), or the address of an article on a newspaper or portal.
// It writes content/news/<slug>/index.md with the article's photos beside
// it, and never overwrites an existing article.
//
// What it keeps: the title, date, author, source and lead paragraph (the
// sapo, which Vietnamese news sets in bold) as front matter; headings,
// paragraphs, bold and italic, lists, links, tables and quotes as
// Markdown; photos with their captions (the italic or centred line under a
// photo) and credits ("Ảnh: …"), checked by their bytes. What it drops, it
// says: from a web page everything that is not the article (menus, ads,
// related links, comments) and anything that runs (scripts, styles,
// frames, event handlers); from a document review comments, charts,
// embedded objects (its footnotes and endnotes become a numbered list at
// the end). Text typed in the legacy TCVN3 and VNI fonts is
// converted to Unicode, and the words that may need a second look are
// listed.
package importnews

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/docx"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Options are the choices of one import.
type Options struct {
	// Date, when set, is the article's date; else the page's publication
	// date, else the document's.
	Date time.Time
	// Draft marks the article draft: true.
	Draft bool
	// Client fetches web pages and photos; nil uses one with the time
	// limits of Limits.
	Client *http.Client
	// Limits bound what is downloaded; zero fields take DefaultLimits'.
	Limits Limits
}

// Limits bound the downloads of an import.
type Limits struct {
	Page    int64         // largest web page, bytes
	Photo   int64         // largest photo, bytes
	Photos  int           // most photos taken from one article
	Timeout time.Duration // for the page, and for each photo
}

// DefaultLimits suit news articles.
var DefaultLimits = Limits{Page: 5 << 20, Photo: 15 << 20, Photos: 60, Timeout: 30 * time.Second}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.Page > 0 {
		d.Page = l.Page
	}
	if l.Photo > 0 {
		d.Photo = l.Photo
	}
	if l.Photos > 0 {
		d.Photos = l.Photos
	}
	if l.Timeout > 0 {
		d.Timeout = l.Timeout
	}
	return d
}

// Error is a source that cannot be imported, in both languages: which
// file or address, what is wrong, what to do.
type Error struct {
	Msg diag.Msg
}

func (e *Error) Error() string { return e.Msg.Vi }

// Text returns the message in lang ("vi" or "en").
func (e *Error) Text(lang string) string { return e.Msg.Text(lang) }

func fail(vi, en string, args ...any) *Error { return &Error{Msg: diag.M(vi, en, args...)} }

// article is what a source yields before it is written.
type article struct {
	title, author, summary string
	summaryFrom            diag.Msg
	date                   time.Time
	dateFrom               diag.Msg
	sourceName, sourceURL  string
	// body holds the article's blocks; figures are <figure> elements
	// whose <img> carries the photo's key in data-photo.
	body *html.Node
	// photos are the photos by key, in the order they appear.
	photos []*photoItem
	notes  notes
}

// photoItem is a photo of the article.
type photoItem struct {
	key             string
	data            []byte
	format          string
	file            string // name written beside index.md
	caption, credit string
	alt             string
	// captionLines are the caption's lines as typed, credit included,
	// for the body.
	captionLines []string
}

// Import imports source (a .docx or .html file, or an http(s) address)
// into the site in siteDir and returns what it wrote.
func Import(siteDir, source string, opts Options) (*Result, error) {
	if _, err := os.Stat(filepath.Join(siteDir, "data", "site.yaml")); err != nil {
		return nil, fail("thư mục %s không phải một trang khuyến công (không có data/site.yaml); ghi thư mục trang sau --site, ví dụ: khuyencong import news bai.docx --site D:\\trang-khuyen-cong",
			"folder %s is not a khuyến công site (it has no data/site.yaml); give the site folder with --site, e.g. khuyencong import news article.docx --site ../site", siteDir)
	}
	opts.Limits = opts.Limits.withDefaults()
	var (
		a   *article
		err error
	)
	lower := strings.ToLower(source)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		a, err = fromURL(source, opts)
	case strings.HasSuffix(lower, ".docx"):
		a, err = fromDocx(source)
	case strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"):
		a, err = fromHTMLFile(source, opts)
	case strings.HasSuffix(lower, ".doc"):
		return nil, fail("tệp %s là tài liệu Word cũ (.doc); hãy mở bằng Word, chọn Lưu thành (Save As) kiểu “Word Document (*.docx)” rồi nhập tệp .docx",
			"%s is an old Word document (.doc); open it in Word, use Save As “Word Document (*.docx)” and import the .docx", source)
	default:
		return nil, fail("không nhập được %s: hãy ghi một tệp .docx, một trang web đã lưu (.html) hoặc địa chỉ bài viết bắt đầu bằng https://",
			"cannot import %s: give a .docx file, a saved web page (.html) or the address of an article starting with https://", source)
	}
	if err != nil {
		return nil, err
	}
	if !opts.Date.IsZero() {
		a.date = opts.Date
		a.dateFrom = diag.M("theo --date", "from --date")
	}
	if a.date.IsZero() {
		a.date = time.Now()
		a.dateFrom = diag.M("không tìm thấy ngày trong bài nên lấy ngày hôm nay; hãy sửa trường date", "no date found in the article, so today's; correct the date field")
	}
	if strings.TrimSpace(a.title) == "" {
		return nil, fail("không tìm thấy tiêu đề trong %s; hãy đặt tiêu đề bằng kiểu Title hoặc Heading 1 ở đầu tài liệu rồi nhập lại",
			"no title found in %s; give the document a title in the Title or Heading 1 style and import it again", source)
	}
	return write(siteDir, source, a, opts)
}

// slugOf is the article's folder name: the title's slug, cut at a word
// boundary so that paths stay short on Windows.
func slugOf(title string) string {
	s := vi.Slug(title)
	const max = 80
	if len(s) > max {
		s = s[:max]
		if i := strings.LastIndexByte(s, '-'); i > 20 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	return s
}

// claim creates the article's folder, refusing when the article exists
// (as a folder or as content/news/<slug>.md).
func claim(siteDir, slug string) (dir, rel string, err error) {
	rel = "content/news/" + slug + "/index.md"
	for _, p := range []string{"content/news/" + slug + ".md", "content/news/" + slug} {
		if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(p))); err == nil {
			return "", "", fail("đã có bài %s nên không ghi đè; hãy đổi tên hoặc xoá bài cũ, hoặc sửa tiêu đề trong tài liệu rồi nhập lại",
				"the article %s already exists and is not overwritten; rename or remove the old one, or change the title and import again", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", "", fail("không đọc được %s: %v", "cannot read %s: %v", p, err)
		}
	}
	dir = filepath.Join(siteDir, "content", "news", slug)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", "", fail("không tạo được thư mục %s: %v", "cannot create folder %s: %v", filepath.Dir(dir), err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", "", fail("đã có thư mục content/news/%s nên không ghi đè; hãy đổi tên hoặc xoá thư mục cũ",
				"the folder content/news/%s already exists and is not overwritten; rename or remove it", slug)
		}
		return "", "", fail("không tạo được thư mục %s: %v", "cannot create folder %s: %v", dir, err)
	}
	return dir, rel, nil
}

// write writes the article into its new folder; on any failure the folder
// is removed again, so that nothing half-written stays.
func write(siteDir, source string, a *article, opts Options) (res *Result, err error) {
	slug := slugOf(a.title)
	if slug == "" {
		return nil, fail("tiêu đề %q không có chữ cái hay chữ số nào để đặt tên thư mục bài; hãy sửa tiêu đề", "the title %q has no letter or digit to name the article's folder; change the title", a.title)
	}
	md, res := render(source, a, opts)
	dir, rel, err := claim(siteDir, slug)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	for _, p := range a.photos {
		if p.file == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, p.file), p.data, 0o644); err != nil {
			return nil, fail("không ghi được ảnh %s: %v", "cannot write the photo %s: %v", filepath.Join(dir, p.file), err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "index.md"), []byte(md), 0o644); err != nil {
		return nil, fail("không ghi được %s: %v", "cannot write %s: %v", rel, err)
	}
	res.Path = filepath.Join(siteDir, filepath.FromSlash(rel))
	res.Rel = rel
	return res, nil
}

// fromDocx reads a Word document.
func fromDocx(path string) (*article, error) {
	doc, err := docx.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a := &article{body: doc.Body}
	a.notes.docx(doc)
	conventions(a, func(img *html.Node) *photoItem {
		key := attr(img, "src")
		return a.notes.checkPhoto(key, path+": "+key, doc.Media[key])
	})
	// The notes go last, after the author's line has been taken.
	if len(doc.Notes) > 0 {
		a.body.AppendChild(elem(atom.Hr))
		ol := elem(atom.Ol)
		for _, li := range doc.Notes {
			ol.AppendChild(li)
		}
		a.body.AppendChild(ol)
	}
	if a.title == "" && !placeholderTitle.MatchString(doc.Title) {
		a.title = doc.Title
	}
	if a.title == "" {
		for _, b := range topBlocks(a.body) {
			if isHeading(b) && textOf(b) != "" {
				a.title = textOf(b)
				break
			}
		}
	}
	if a.title == "" {
		a.title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	switch {
	case !doc.Modified.IsZero():
		a.date = localDate(doc.Modified)
		a.dateFrom = diag.M("theo ngày lưu tài liệu Word lần cuối; sửa trường date nếu bài đăng ngày khác", "from when the Word document was last saved; correct the date field if the article is dated otherwise")
	case !doc.Created.IsZero():
		a.date = localDate(doc.Created)
		a.dateFrom = diag.M("theo ngày tạo tài liệu Word; sửa trường date nếu bài đăng ngày khác", "from when the Word document was created; correct the date field if the article is dated otherwise")
	default:
		if st, err := os.Stat(path); err == nil {
			a.date = st.ModTime()
			a.dateFrom = diag.M("theo ngày sửa tệp; sửa trường date nếu bài đăng ngày khác", "from the file's modification date; correct the date field if the article is dated otherwise")
		}
	}
	return a, nil
}

// placeholderTitle matches the titles Word gives a document by itself.
var placeholderTitle = regexp.MustCompile(`(?i)^(\s*|microsoft word - .*|(tài liệu|văn bản|document)\s*\d*)$`)

// vietnam is the time zone of the dates Word stores in UTC.
var vietnam = time.FixedZone("ICT", 7*3600)

func localDate(t time.Time) time.Time {
	t = t.In(vietnam)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// textOf returns the text of n, spaces collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.Data == "br" {
				b.WriteString(" ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && isBlock(n.Data) {
			b.WriteString(" ")
		}
	}
	walk(n)
	// Only ordinary spaces and line ends collapse: a non-breaking space
	// stays as typed.
	return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
	}), " ")
}

func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
		"blockquote", "figure", "figcaption", "section", "article", "header", "footer", "dl", "dt", "dd", "pre":
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func remove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// count writes "1 ảnh" / "2 photos".
func count(n int, vi, en, enPlural string) diag.Msg {
	if n == 1 {
		return diag.M("%d "+vi, "%d "+en, n)
	}
	return diag.M("%d "+vi, "%d "+enPlural, n)
}
