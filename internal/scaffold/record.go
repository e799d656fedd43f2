package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// recordKind describes a kind of record NewRecord writes.
type recordKind struct {
	// dir is the folder of the site it is written in, slash-separated.
	dir, ext string
	// template is the name of its template under files/record.
	template string
	// name is what messages call a record of the kind.
	name diag.Msg
}

// Kinds lists the kinds NewRecord accepts, in the order help shows them.
var Kinds = []string{"news", "establishment", "product", "project"}

var recordKinds = map[string]recordKind{
	"news":          {"content/news", ".md", "news.md.tmpl", diag.Msg{Vi: "tin bài", En: "news article"}},
	"establishment": {"data/establishments", ".yaml", "establishment.yaml.tmpl", diag.Msg{Vi: "cơ sở", En: "establishment"}},
	"product":       {"data/products", ".yaml", "product.yaml.tmpl", diag.Msg{Vi: "sản phẩm", En: "product"}},
	"project":       {"data/projects", ".yaml", "project.yaml.tmpl", diag.Msg{Vi: "đề án", En: "project"}},
}

var recordTemplates = template.Must(template.New("").ParseFS(files, "files/record/*.tmpl"))

// recordData is what the record templates are given.
type recordData struct {
	// Title is the title as a YAML scalar, quoted when it needs to be.
	Title string
	ID    string
	// Date is now as YYYY-MM-DD, Month as YYYY-MM, Year as YYYY.
	Date, Month string
	Year        int
	// LegalForm is the legal form the establishment's name starts with.
	LegalForm string
	// Unit is the site's area, which the comment of an establishment's unit
	// names as what to write when the source names no finer unit.
	Unit string
	// Units, Establishments and Programmes list the ids of the site, for the
	// comments that say what may be written.
	Units, Establishments, Programmes string
	// Builtin is true for a site that names its province: an
	// establishment's address is then written by names.
	Builtin bool
}

// maxListed bounds the ids listed in a comment.
const maxListed = 8

// NewRecord writes a new record file of kind (news, establishment, product
// or project) titled title into the site in siteDir, with every field of
// the data contract present and explained, the id (the slug of the title)
// and the date (now) filled in. It returns the path written. It never
// overwrites a file, nor writes a record whose id the collection already
// has.
//
// No value is made up: what the title does not give is left blank, with a
// comment saying what to write, and check reports each required field
// still to fill (a news article's date, an establishment's unit, a
// product's establishment, a project's year and activity) with what to
// write when the source is silent. Optional fields left blank mean what the
// data contract says (a budget not published, a source not known).
func NewRecord(siteDir, kind, title string, now time.Time) (string, error) {
	k, ok := recordKinds[kind]
	if !ok {
		return "", fail("không có loại hồ sơ %q; các loại dùng được: %s",
			"there is no record kind %q; the kinds that can be used: %s", kind, strings.Join(Kinds, ", "))
	}
	title = strings.Join(strings.Fields(vi.NFC(title)), " ")
	if title == "" {
		return "", &Error{Msg: diag.Msg{
			Vi: fmt.Sprintf("chưa ghi tiêu đề; ví dụ: khuyencong new %s \"Tên %s\"", kind, k.name.Vi),
			En: fmt.Sprintf("no title given; for example: khuyencong new %s \"Name of the %s\"", kind, k.name.En),
		}}
	}
	id := vi.Slug(title)
	if id == "" {
		return "", fail("tiêu đề %q không có chữ cái hay chữ số nào để làm mã (id); hãy ghi tiêu đề bằng chữ",
			"title %q has no letter or digit to make an id from; write the title in words", title)
	}
	if _, err := os.Stat(filepath.Join(siteDir, "data", "site.yaml")); err != nil {
		return "", fail("thư mục %s không phải một trang khuyến công (không có data/site.yaml); tạo trang mới bằng: khuyencong new site TÊN-THƯ-MỤC",
			"folder %s is not a khuyến công site (it has no data/site.yaml); create a new site with: khuyencong new site FOLDER", siteDir)
	}
	rel := k.dir + "/" + id + k.ext
	target := filepath.Join(siteDir, filepath.FromSlash(rel))
	if err := notTaken(siteDir, k, kind, id, rel); err != nil {
		return "", err
	}

	site, _ := load.LoadDir(siteDir)
	m, _ := model.Build(site, model.Options{Now: now, Drafts: true, Future: true})
	if err := idTaken(m, k, kind, id); err != nil {
		return "", err
	}
	data := recordData{
		Title: yamlScalar(title),
		ID:    id,
		Date:  now.Format("2006-01-02"),
		Month: now.Format("2006-01"),
		Year:  now.Year(),
	}
	switch kind {
	case "establishment":
		data.LegalForm = legalFormOf(title)
		if m.Site.Area != nil {
			data.Unit = m.Site.Area.ID
		}
		data.Units = listIDs(len(m.Units), func(i int) string { return m.Units[i].ID })
		data.Builtin = m.HasBuiltin()
	case "product":
		data.Establishments = listIDs(len(m.Establishments), func(i int) string { return m.Establishments[i].ID })
	case "project":
		data.Establishments = listIDs(len(m.Establishments), func(i int) string { return m.Establishments[i].ID })
		data.Programmes = listIDs(len(m.Programmes), func(i int) string { return m.Programmes[i].ID })
	}
	var buf bytes.Buffer
	if err := recordTemplates.ExecuteTemplate(&buf, k.template, data); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", fail("không tạo được thư mục %s: %v", "cannot create folder %s: %v", filepath.Dir(target), err)
	}
	if err := writeNew(target, buf.Bytes()); err != nil {
		return "", err
	}
	return target, nil
}

// notTaken reports a file already at the record's path, or for news a
// bundle folder of the same slug.
func notTaken(siteDir string, k recordKind, kind, id, rel string) error {
	taken := []string{rel}
	if kind == "news" {
		taken = append(taken, k.dir+"/"+id+"/index.md")
	} else {
		taken = append(taken, k.dir+"/"+id+".yml")
	}
	for _, p := range taken {
		_, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(p)))
		if err == nil {
			return fail("tệp %s đã có nên không ghi đè; hãy chọn một tiêu đề khác (ví dụ thêm năm hoặc địa danh)",
				"file %s already exists and is not overwritten; choose another title (for example add a year or a place)", p)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fail("không đọc được %s: %v", "cannot read %s: %v", p, err)
		}
	}
	return nil
}

// idTaken reports a record of the collection that already has id, written
// in another file (a list of records, or an explicit id).
func idTaken(m *model.Model, k recordKind, kind, id string) error {
	var where string
	switch kind {
	case "news":
		for _, a := range m.News {
			if a.Slug == id {
				where = a.Pos.File
			}
		}
	case "establishment":
		if r := m.EstablishmentByID[id]; r != nil {
			where = r.Pos.File
		}
	case "product":
		if r := m.ProductByID[id]; r != nil {
			where = r.Pos.File
		}
	case "project":
		if r := m.ProjectByID[id]; r != nil {
			where = r.Pos.File
		}
	}
	if where == "" {
		return nil
	}
	return &Error{Msg: diag.Msg{
		Vi: fmt.Sprintf("đã có %s mã %q trong tệp %s; hãy chọn một tiêu đề khác (ví dụ thêm năm hoặc địa danh)", k.name.Vi, id, where),
		En: fmt.Sprintf("file %[3]s already holds the %[1]s with id %[2]q; choose another title (for example add a year or a place)", k.name.En, id, where),
	}}
}

// listIDs joins the first ids of a collection for a comment.
func listIDs(n int, id func(int) string) string {
	var ids []string
	for i := 0; i < n && i < maxListed; i++ {
		ids = append(ids, id(i))
	}
	s := strings.Join(ids, ", ")
	if n > maxListed {
		s += fmt.Sprintf(" (và %d mục khác)", n-maxListed)
	}
	return s
}

// yamlScalar returns s written as a YAML scalar on one line, quoted when
// plain text would be read as something else.
func yamlScalar(s string) string {
	var n yaml.Node
	n.SetString(s)
	if strings.ContainsAny(s, ":#'\"[]{},&*!|>%@`") || s != strings.TrimSpace(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	out, err := yaml.Marshal(&n)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// legalForms maps the folded start of a name to its legal form.
var legalForms = []struct{ prefix, key string }{
	{"cong ty trach nhiem huu han", "cong_ty_tnhh"},
	{"cong ty tnhh", "cong_ty_tnhh"},
	{"cong ty co phan", "cong_ty_cp"},
	{"cong ty cp", "cong_ty_cp"},
	{"doanh nghiep tu nhan", "dntn"},
	{"dntn", "dntn"},
	{"hop tac xa", "htx"},
	{"htx", "htx"},
	{"to hop tac", "to_hop_tac"},
	{"ho kinh doanh", "ho_kinh_doanh"},
	{"co so", "co_so"},
}

// legalFormOf returns the legal form a name starts with, "" when it starts
// with none.
func legalFormOf(name string) string {
	f := vi.Fold(name) + " "
	for _, lf := range legalForms {
		if strings.HasPrefix(f, lf.prefix+" ") {
			return lf.key
		}
	}
	return ""
}
