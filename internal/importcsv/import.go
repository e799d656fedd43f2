// Package importcsv reads the lists officers keep in spreadsheets
// (establishments, products, projects), saved from Excel as CSV or
// "Unicode Text", and writes one YAML record per row into the site's
// data/ folder.
//
// Whatever Excel wrote is accepted: UTF-8 with or without a byte-order
// mark, UTF-16 with tabs, or Windows-1258; commas, semicolons or tabs;
// quoted cells holding line breaks. Columns are matched by their
// Vietnamese or English titles, with or without diacritics. A row that
// cannot be read is reported at its row number (the header is row 1) with
// the reason and what to write; the other rows are still imported. The
// unit of a row is read from its Xã, Huyện and Tỉnh columns (see unit): on a
// site that names its province, by the built-in gazetteer, as addresses by
// names are read. An
// existing record is never overwritten unless asked to update it; a dry
// run writes nothing and says what would be done.
package importcsv

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Options says how to import.
type Options struct {
	// Update rewrites records that already exist, keeping the fields the
	// spreadsheet does not fill; without it they are skipped.
	Update bool
	// DryRun writes nothing.
	DryRun bool
}

// Item is one record of the spreadsheet and what was done with it.
type Item struct {
	ID string
	// Row is its row number in the spreadsheet (the header is row 1).
	Row int
	// Path is the record's file, relative to the site folder.
	Path string
}

// Result lists what was (or, in a dry run, would be) done, in row order.
type Result struct {
	// Encoding and Separator are what the file was read as.
	Encoding  string
	Separator rune
	Created   []Item
	Updated   []Item
	// Skipped are records that already exist, left as they are.
	Skipped []Item
	// Failed counts the rows not imported because of an error.
	Failed int
}

// maxFileSize bounds the spreadsheet read.
const maxFileSize = 64 << 20

// Import reads the spreadsheet at csvPath and writes its rows as records of
// kind (establishments, products or projects) into the site in siteDir.
// Diagnostics are positioned at csvPath and its row numbers, or at the
// record file for problems writing it.
func Import(siteDir, kind string, csvPath string, opts Options) (Result, diag.List) {
	var res Result
	var diags diag.List
	file := filepath.ToSlash(csvPath)
	at := func(row int) diag.Pos { return diag.Pos{File: file, Line: row} }
	cols, ok := columns[kind]
	if !ok {
		diags.Error(diag.Pos{}, "import-kind", diag.M(
			"không nhập được loại hồ sơ “%s”; các loại dùng được: %s",
			"cannot import records of kind “%s”; the kinds that can be used: %s", kind, strings.Join(Kinds, ", ")))
		return res, diags
	}
	if _, err := os.Stat(filepath.Join(siteDir, "data", "site.yaml")); err != nil {
		diags.Error(diag.Pos{File: filepath.ToSlash(siteDir)}, "not-a-site", diag.M(
			"thư mục này không phải một trang khuyến công (không có data/site.yaml); tạo trang mới bằng: khuyencong new site TÊN-THƯ-MỤC",
			"this folder is not a khuyến công site (it has no data/site.yaml); create a new site with: khuyencong new site FOLDER"))
		return res, diags
	}
	data, err := readFile(csvPath)
	if err != nil {
		diags.Error(diag.Pos{File: file}, "read-error", diag.M("không đọc được tệp: %v", "cannot read the file: %v", err))
		return res, diags
	}
	text, enc, err := Decode(data)
	if err != nil {
		diags.Error(diag.Pos{File: file}, "encoding", diag.M(
			"không đọc được bảng mã của tệp (%v); trong Excel hãy chọn Lưu thành (Save As) > CSV UTF-8",
			"cannot decode the file (%v); in Excel choose Save As > CSV UTF-8", err))
		return res, diags
	}
	sep, skip := Separator(text)
	res.Encoding, res.Separator = enc, sep
	rows, bad, err := Rows(text[skip:], sep)
	if err != nil {
		diags.Error(at(bad), "csv-syntax", diag.M(
			"không đọc được dòng này (%v); các dòng sau nó không được nhập. Kiểm tra dấu ngoặc kép trong ô",
			"cannot read this row (%v); the rows after it are not imported. Check the quotes in the cells", err))
	}
	if len(rows) == 0 {
		diags.Error(at(1), "empty-csv", diag.M(
			"tệp trống: dòng 1 phải là dòng tiêu đề cột, ví dụ %s",
			"the file is empty: row 1 must hold the column titles, for example %s", knownHeaders(kind)))
		return res, diags
	}
	header := rows[0].Cells
	fields, unknown := headerMap(kind, header)
	for i, f := range fields {
		if f.col.kind == vUnit {
			continue // every unit column is read: the finest unit named wins
		}
		for _, g := range fields[:i] {
			if g.col.path == f.col.path {
				diags.Warn(at(1), "second-column", diag.M(
					"cột “%s” ghi cùng trường %s với cột “%s”: chỉ được đọc ở những dòng mà ô của cột “%s” để trống",
					"column “%s” fills the same field %s as column “%s”: it is read only on rows where the cell of column “%s” is blank",
					f.header, f.col.path, g.header, g.header))
				break
			}
		}
	}
	for _, i := range unknown {
		diags.Warn(at(1), "unknown-column", diag.M(
			"cột “%s” không dùng được nên bị bỏ qua; các cột dùng được: %s",
			"column “%s” is not used and is left out; the columns that can be used: %s", header[i], knownHeaders(kind)))
	}
	site, _ := load.LoadDir(siteDir)
	m, _ := model.Build(site, model.Options{Drafts: true, Future: true})
	im := &importer{dir: siteDir, kind: kind, file: file, base: filepath.Base(csvPath), m: m, diags: &diags, fields: fields}
	if !im.checkColumns(cols) {
		res.Failed = len(rows) - 1
		return res, diags
	}
	im.index()
	seen := map[string]int{}
	for _, row := range rows[1:] {
		rec, ok := im.row(row)
		if !ok {
			res.Failed++
			continue
		}
		if first, dup := seen[rec.id]; dup {
			diags.Error(at(row.N), "duplicate-row", diag.M(
				"mã “%s” trùng với dòng %d; mỗi hồ sơ chỉ ghi một dòng, hoặc ghi mã khác trong cột “%s”",
				"id “%s” is the same as on row %d; write each record on one row, or another id in column “%s”", rec.id, first, cols[0].headers[0]))
			res.Failed++
			continue
		}
		seen[rec.id] = row.N
		im.write(&res, rec, row.N, opts)
	}
	if im.defaulted > 0 {
		diags.Warn(at(1), "unit-defaulted", diag.M(
			"%d dòng không ghi đơn vị hành chính: đã ghi đơn vị của cả trang (%s); sửa lại khi biết xã, huyện của cơ sở",
			"%d rows give no administrative unit: the site's own unit (%s) was written; correct it once the commune or district is known",
			im.defaulted, m.Site.Area.ID))
	}
	diags.Sort()
	return res, diags
}

func readFile(p string) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("đây là thư mục, không phải tệp / this is a folder, not a file")
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("tệp lớn hơn %d MB / the file is larger than %d MB", maxFileSize>>20, maxFileSize>>20)
	}
	return os.ReadFile(p)
}

// importer holds the state of one import.
type importer struct {
	// dir is the site folder; file the spreadsheet as given, base its name.
	dir, kind, file, base string
	m                     *model.Model
	diags                 *diag.List
	fields                []mapped
	// establishments and programmes are those rows may name.
	establishments, programmes []named
	// defaulted counts the rows given the site's area as their unit.
	defaulted int
}

// checkColumns reports required fields no column fills. A missing unit
// column is allowed when the site has an area, written instead.
func (im *importer) checkColumns(cols []column) bool {
	ok := true
	for _, c := range cols {
		if !c.required || im.has(c.path) {
			continue
		}
		if c.kind == vUnit && im.m.Site.Area != nil {
			continue
		}
		var alts []string
		for _, h := range c.headers {
			alts = append(alts, "“"+h+"”")
		}
		im.diags.Error(diag.Pos{File: im.file, Line: 1}, "missing-column", diag.M(
			"thiếu cột bắt buộc “%s” (%s); thêm cột này vào dòng tiêu đề với một trong các tên: %s",
			"the required column “%s” (%s) is missing; add it to the header row with one of the titles: %s",
			c.headers[0], c.path, strings.Join(alts, ", ")))
		ok = false
	}
	return ok
}

func (im *importer) has(path string) bool {
	for _, f := range im.fields {
		if f.col.path == path {
			return true
		}
	}
	return false
}

func (im *importer) index() {
	for _, e := range im.m.Establishments {
		im.establishments = append(im.establishments, named{e.ID, e.Name, e.SortName})
	}
	for _, p := range im.m.Programmes {
		im.programmes = append(im.programmes, named{p.ID, p.Name, ""})
	}
}

// record is one row read: its id and its fields in contract order.
type record struct {
	id     string
	fields []kv
	// defaulted is true when the unit is the site's area, no unit given.
	defaulted bool
}

// kv is one field of a record: path and value (string, int64, int, bool
// or []string).
type kv struct {
	path string
	val  any
}

// row reads one row; ok is false when it has an error (reported).
func (im *importer) row(row Row) (record, bool) {
	var rec record
	ok := true
	errorf := func(header string, code diag.Code, msg diag.Msg) {
		im.diags.Error(diag.Pos{File: im.file, Line: row.N}, code, cellMsg(header, msg))
		ok = false
	}
	for _, c := range columns[im.kind] {
		// The cells of the columns mapped to this field, in order.
		var cells []mapped
		for _, f := range im.fields {
			if f.col.path == c.path && f.index < len(row.Cells) && row.Cells[f.index] != "" {
				cells = append(cells, f)
			}
		}
		if c.kind == vUnit {
			if !im.unit(&rec, c, cells, row) {
				ok = false
			}
			continue
		}
		if len(cells) == 0 {
			if c.required {
				errorf(c.headers[0], "missing-value", diag.M("ô này bắt buộc nhưng đang để trống", "this cell is required but blank"))
			}
			continue
		}
		f := cells[0]
		s := row.Cells[f.index]
		if v, good := im.value(c, f.header, s, row.N, errorf); good {
			rec.fields = append(rec.fields, kv{c.path, v})
		}
	}
	if !ok {
		return rec, false
	}
	rec.id = idOf(rec)
	if rec.id == "" {
		im.diags.Error(diag.Pos{File: im.file, Line: row.N}, "no-id", diag.M(
			"không tạo được mã (id) từ tên; ghi tên bằng chữ, hoặc ghi mã trong cột “Mã”",
			"cannot make an id from the name; write the name in words, or an id in column “Mã”"))
		return rec, false
	}
	if !hasPath(rec, "id") {
		rec.fields = append([]kv{{"id", rec.id}}, rec.fields...)
	}
	return rec, true
}

// value reads one cell.
func (im *importer) value(c column, header, s string, row int, errorf func(string, diag.Code, diag.Msg)) (any, bool) {
	switch c.kind {
	case vText:
		return strings.Join(strings.Fields(s), " "), true
	case vMarkdown:
		return s, true
	case vID:
		id := vi.Slug(s)
		if id == "" {
			errorf(header, "bad-id", diag.M("mã “%s” không có chữ cái hay chữ số nào", "id “%s” has no letter or digit", s))
			return nil, false
		}
		if id != s {
			im.diags.Warn(diag.Pos{File: im.file, Line: row}, "id-changed", cellMsg(header, diag.M(
				"mã “%s” được ghi thành “%s” (chữ thường không dấu, nối bằng gạch ngang)",
				"id “%s” is written as “%s” (lower case without diacritics, joined by hyphens)", s, id)))
		}
		return id, true
	case vEnum:
		if k, ok := enumKey(c.enum, s); ok {
			return k, true
		}
		errorf(header, "unknown-value", diag.M(
			"không hiểu “%s”; ghi một trong: %s (hoặc để trống)",
			"“%s” is not understood; write one of: %s (or leave it blank)", s, enumChoices(c.enum)))
	case vYear:
		if y, ok := parseYear(s); ok {
			return y, true
		}
		errorf(header, "bad-year", diag.M("“%s” không phải một năm; ghi năm bằng 4 chữ số, ví dụ 2020", "“%s” is not a year; write four digits, for example 2020", s))
	case vCount:
		if n, ok := grouped(s); ok {
			return n, true
		}
		errorf(header, "bad-number", diag.M("“%s” không phải một số nguyên; ghi số, ví dụ 12", "“%s” is not a whole number; write digits, for example 12", s))
	case vMoney:
		n, note, ok := parseMoney(s)
		if !ok {
			errorf(header, "bad-money", diag.M(
				"“%s” không phải một số tiền; ghi số đồng, ví dụ 1200000000 hoặc 1.200.000.000",
				"“%s” is not an amount; write the number of đồng, for example 1200000000 or 1.200.000.000", s))
			return nil, false
		}
		if note != "" {
			im.diags.Warn(diag.Pos{File: im.file, Line: row}, "money-converted", cellMsg(header, diag.M(
				"“%s” được đổi thành %d đồng; kiểm tra lại số này", "“%s” was converted to %d đồng; check the figure", s, n)))
		}
		return n, true
	case vBool:
		if b, ok := parseBool(s); ok {
			return b, true
		}
		errorf(header, "bad-bool", diag.M("không hiểu “%s”; ghi “có” hoặc “không”", "“%s” is not understood; write “có” (yes) or “không” (no)", s))
	case vList:
		return splitList(s), true
	case vEstab:
		return im.ref(im.establishments, header, s, errorf, diag.M("cơ sở", "establishment"), "data/establishments/")
	case vProgramme:
		return im.ref(im.programmes, header, s, errorf, diag.M("chương trình", "programme"), "data/programmes/")
	}
	return nil, false
}

func (im *importer) ref(list []named, header, s string, errorf func(string, diag.Code, diag.Msg), what diag.Msg, dir string) (any, bool) {
	found := findNamed(list, s)
	switch len(found) {
	case 1:
		return found[0].id, true
	case 0:
		errorf(header, "unknown-reference", diag.M(
			"không có %s “%s” trong %s; ghi mã (id) hoặc tên đầy đủ của một %s đã có (nhập %s trước)",
			"there is no %s “%s” in %s; write the id or full name of an existing %s (import the %s first)",
			what.Vi, s, dir, what.Vi, what.Vi))
	default:
		errorf(header, "ambiguous-reference", diag.M(
			"có %d %s tên “%s”: %s; ghi mã (id)", "%d records (%s) are named “%s”: %s; write the id",
			len(found), what.Vi, s, namedIDs(found)))
	}
	return nil, false
}

// narrow keeps, of several units of the same name, those within a unit
// already named by another column of the row.
func narrow(found, named []*model.Unit) []*model.Unit {
	if len(found) < 2 || len(named) == 0 {
		return found
	}
	var out []*model.Unit
	for _, u := range found {
		for _, p := range named {
			if under(u, p) || under(p, u) {
				out = append(out, u)
				break
			}
		}
	}
	if len(out) == 0 {
		return found
	}
	return out
}

// finest returns the unit lying within the others named, or the first.
func finest(units []*model.Unit) *model.Unit {
	var best *model.Unit
	for _, u := range units {
		if best == nil || under(u, best) {
			best = u
		}
	}
	return best
}

func without(fields []kv, path string) []kv {
	var out []kv
	for _, f := range fields {
		if f.path != path {
			out = append(out, f)
		}
	}
	return out
}

func hasPath(rec record, path string) bool {
	for _, f := range rec.fields {
		if f.path == path {
			return true
		}
	}
	return false
}

// idOf returns the record's id: its id cell, else the slug of its name or
// title.
func idOf(rec record) string {
	for _, key := range []string{"id", "name", "title"} {
		for _, f := range rec.fields {
			if f.path == key {
				if s, _ := f.val.(string); s != "" {
					return vi.Slug(s)
				}
			}
		}
	}
	return ""
}

// write writes one record, or says what it would do.
func (im *importer) write(res *Result, rec record, row int, opts Options) {
	rel := "data/" + im.kind + "/" + rec.id + ".yaml"
	item := Item{ID: rec.id, Row: row, Path: rel}
	at := diag.Pos{File: im.file, Line: row}
	existing := im.existing(rec.id)
	if existing != "" && existing != rel && existing != strings.TrimSuffix(rel, ".yaml")+".yml" {
		if opts.Update {
			im.diags.Error(at, "update-elsewhere", diag.M(
				"mã “%s” đã có trong tệp %s, là tệp ghi nhiều hồ sơ nên không được ghi lại; sửa trực tiếp tệp đó",
				"id “%s” already exists in file %s, which holds several records and is not rewritten; edit that file", rec.id, existing))
			res.Failed++
			return
		}
		res.Skipped = append(res.Skipped, Item{ID: rec.id, Row: row, Path: existing})
		return
	}
	if existing != "" {
		item.Path = existing
	}
	full := filepath.Join(im.dir, filepath.FromSlash(item.Path))
	_, statErr := os.Stat(full)
	exists := statErr == nil
	switch {
	case exists && !opts.Update:
		res.Skipped = append(res.Skipped, item)
		return
	case exists:
		res.Updated = append(res.Updated, item)
		if rec.defaulted {
			// The unit was not given: keep the one recorded.
			rec.fields = without(rec.fields, "address.unit")
		}
	default:
		res.Created = append(res.Created, item)
		if rec.defaulted {
			im.defaulted++
		}
	}
	if opts.DryRun {
		return
	}
	var old []byte
	if exists {
		var err error
		if old, err = os.ReadFile(full); err != nil {
			im.diags.Error(diag.Pos{File: item.Path}, "read-error", diag.M("không đọc được tệp: %v", "cannot read the file: %v", err))
			return
		}
	}
	out, err := encode(rec, im.base, row, old)
	if err == nil {
		err = writeFile(full, out)
	}
	if err != nil {
		im.diags.Error(diag.Pos{File: item.Path}, "write-error", diag.M("không ghi được tệp: %v", "cannot write the file: %v", err))
	}
}

// existing returns the file holding a record of the collection with id,
// "" when there is none.
func (im *importer) existing(id string) string {
	switch im.kind {
	case "establishments":
		if r := im.m.EstablishmentByID[id]; r != nil {
			return r.Pos.File
		}
	case "products":
		if r := im.m.ProductByID[id]; r != nil {
			return r.Pos.File
		}
	case "projects":
		if r := im.m.ProjectByID[id]; r != nil {
			return r.Pos.File
		}
	}
	return ""
}

func writeFile(full string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(full), ".import-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), full)
}

// encode writes a record as YAML with a header comment naming the row it
// came from. With old, the existing file, the record's fields replace
// those of the same name and the others are kept.
func encode(rec record, base string, row int, old []byte) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	comment := fmt.Sprintf("Nhập từ %s dòng %d", base, row)
	if old != nil {
		var doc yaml.Node
		if err := yaml.Unmarshal(old, &doc); err != nil {
			return nil, err
		}
		if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
			root = doc.Content[0]
		}
		comment = fmt.Sprintf("Cập nhật từ %s dòng %d", base, row)
	}
	for _, f := range rec.fields {
		set(root, strings.Split(f.path, "."), node(f.val))
	}
	root.HeadComment = comment
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// set puts value at path in mapping m, replacing the value there.
func set(m *yaml.Node, path []string, value *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != path[0] {
			continue
		}
		if len(path) == 1 {
			m.Content[i+1] = value
			return
		}
		if m.Content[i+1].Kind != yaml.MappingNode {
			m.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode}
		}
		set(m.Content[i+1], path[1:], value)
		return
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: path[0]}
	if len(path) == 1 {
		m.Content = append(m.Content, key, value)
		return
	}
	sub := &yaml.Node{Kind: yaml.MappingNode}
	m.Content = append(m.Content, key, sub)
	set(sub, path[1:], value)
}

func node(v any) *yaml.Node {
	n := &yaml.Node{}
	switch v := v.(type) {
	case string:
		n.SetString(v)
		if strings.Contains(v, "\n") && !strings.HasSuffix(v, "\n") {
			n.Value = v + "\n"
		}
	case []string:
		n.Kind = yaml.SequenceNode
		for _, s := range v {
			n.Content = append(n.Content, node(s))
		}
	default:
		if err := n.Encode(v); err != nil {
			n.SetString(fmt.Sprint(v))
		}
	}
	return n
}
