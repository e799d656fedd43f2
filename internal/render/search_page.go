package render

import (
	"encoding/json"
	"path"
	"sort"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// SearchPage is the data of the search page.
type SearchPage struct {
	// Index is the folder of the index files, relative to the page.
	Index string
	// Strings are the interface strings search.js needs, as a JSON object.
	Strings string
	// Docs is the number of records indexed.
	Docs int
	// Browse lists the section pages to browse without the script.
	Browse []Crumb
}

// searchPath is the file of the search page.
const searchPath = "tim-kiem/index.html"

// search writes the search index and the search page.
func (r *renderer) search() {
	// The index and the page lie in the folder of the page.
	if !r.opts.wants(path.Dir(searchPath) + "/") {
		return
	}
	var docs []SearchDoc
	if r.docs != nil {
		docs, r.docs = <-r.docs, nil
	} else {
		docs = r.SearchDocs()
	}
	if r.opts.wants(searchDir+"/") && !r.reuseSearch(docs) {
		ix := newSearchIndex(docs)
		files, err := ix.Files()
		if err != nil {
			r.diags.Error(diag.Pos{}, "search", diag.M("không tạo được chỉ mục tìm kiếm: %v", "cannot build the search index: %v", err))
			return
		}
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			r.writeGroup("search", searchDir+"/"+n, files[n])
		}
	}

	t := r.f.i18n
	strs := map[string]string{}
	for _, k := range searchI18nJS {
		strs[k] = t.text("search." + k)
	}
	for _, k := range searchKinds {
		strs["kind."+k.Code] = t.text(k.Key)
	}
	js, _ := json.Marshal(strs)
	var browse []Crumb
	for _, k := range []string{"products", "establishments", "projects", "programmes", "rounds", "units", "news"} {
		browse = append(browse, r.section(k))
	}
	rel, _ := relPath(path.Dir(searchPath), searchDir)
	p := r.newPage("search", searchPath, t.text("search.title"), t.text("search.description"), SearchPage{
		Index:   rel + "/",
		Strings: string(js),
		Docs:    len(docs),
		Browse:  browse,
	})
	r.emit(p)
}

// reuseSearch keeps the index files an IncrementalSink holds when they
// were made from the same documents, and reports whether it did. The
// index is a function of its documents alone.
func (r *renderer) reuseSearch(docs []SearchDoc) bool {
	inc, ok := r.out.(IncrementalSink)
	if !ok {
		return false
	}
	h := r.in.hasher()
	h.str(inputsScheme)
	h.int(int64(len(docs)))
	for _, d := range docs {
		h.str(d.Kind)
		h.str(d.Title)
		h.str(d.URL)
		h.str(d.Unit)
		h.int(int64(len(d.Fields)))
		for _, f := range d.Fields {
			h.str(f)
		}
		h.str(d.Summary)
	}
	r.groups["search"] = h.sum()
	h.release()
	kept, ok := inc.ReuseGroup("search", r.groups["search"])
	if ok {
		r.counted(kept)
	}
	return ok
}

// relPath returns target relative to the folder dir, both site-relative.
func relPath(dir, target string) (string, error) {
	if dir == "." {
		return target, nil
	}
	prefix := dir + "/"
	if len(target) > len(prefix) && target[:len(prefix)] == prefix {
		return target[len(prefix):], nil
	}
	return rootFor(dir+"/x") + target, nil
}

// searchI18nJS are the keys (after "search.") of the strings search.js
// shows.
var searchI18nJS = []string{"count", "none", "more", "loading", "typeMore", "failed", "countMore"}

// searchI18n holds the interface strings of search: Vietnamese, English.
var searchI18n = map[string]diag.Msg{
	"search.title":              {Vi: "Tìm kiếm", En: "Search"},
	"search.description":        {Vi: "Tìm sản phẩm, cơ sở, đề án, bình chọn, địa bàn và tin tức; gõ có dấu hay không dấu đều được.", En: "Find products, establishments, projects, recognition rounds, areas and news, with or without diacritics."},
	"search.label":              {Vi: "Từ khóa", En: "Search for"},
	"search.box":                {Vi: "Tìm trong trang", En: "Search this site"},
	"search.submit":             {Vi: "Tìm", En: "Search"},
	"search.placeholder":        {Vi: "ví dụ: tinh dau chuc", En: "e.g. tinh dau chuc"},
	"search.hint":               {Vi: "Gõ tên sản phẩm, cơ sở, địa phương hay loại sản phẩm; không cần gõ dấu. Kết quả hiện ngay khi gõ.", En: "Type the name of a product, an establishment, a place or a kind of product; diacritics are optional. Results appear as you type."},
	"search.noscript":           {Vi: "Trang tìm kiếm cần JavaScript, mà trình duyệt của bạn đang tắt. Bạn vẫn có thể xem theo danh mục:", En: "The search page needs JavaScript, which your browser has turned off. You can still browse by section:"},
	"search.browse":             {Vi: "Xem theo danh mục", En: "Browse by section"},
	"search.results":            {Vi: "Kết quả tìm kiếm", En: "Search results"},
	"search.count":              {Vi: "Tìm thấy %d kết quả.", En: "%d results found."},
	"search.countMore":          {Vi: "Tìm thấy %d kết quả, đang hiện %d.", En: "%d results found, showing %d."},
	"search.none":               {Vi: "Không tìm thấy kết quả nào. Hãy thử từ khóa ngắn hơn hoặc bỏ bớt từ.", En: "Nothing found. Try a shorter query or fewer words."},
	"search.more":               {Vi: "Xem thêm kết quả", En: "Show more results"},
	"search.loading":            {Vi: "Đang tìm…", En: "Searching…"},
	"search.typeMore":           {Vi: "Gõ thêm chữ để tìm.", En: "Type a little more to search."},
	"search.failed":             {Vi: "Không tải được chỉ mục tìm kiếm.", En: "The search index could not be loaded."},
	"search.kind.product":       {Vi: "Sản phẩm", En: "Product"},
	"search.kind.establishment": {Vi: "Cơ sở", En: "Establishment"},
	"search.kind.project":       {Vi: "Đề án", En: "Project"},
	"search.kind.programme":     {Vi: "Chương trình", En: "Programme"},
	"search.kind.round":         {Vi: "Bình chọn", En: "Recognition round"},
	"search.kind.report":        {Vi: "Số liệu công bố", En: "Reported figures"},
	"search.kind.unit":          {Vi: "Địa bàn", En: "Area"},
	"search.kind.news":          {Vi: "Tin tức", En: "News"},
	"search.records":            {Vi: "Chỉ mục gồm %d mục.", En: "The index holds %d records."},
}
