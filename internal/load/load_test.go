package load

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// billionLaughs is the classic alias bomb: nine levels of nine aliases,
// a few hundred bytes that stand for hundreds of millions of values.
const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// longSpecs is a mapping of 20 keys, m00 to m19, on lines 2 to 21.
var longSpecs = func() string {
	var b strings.Builder
	for i := range 20 {
		fmt.Fprintf(&b, "  m%02d: %d\n", i, i)
	}
	return b.String()
}()

func printed(t *testing.T, fsys fstest.MapFS, lang string) string {
	t.Helper()
	_, l := Load(fsys)
	var b bytes.Buffer
	if err := l.Print(&b, lang); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLoadDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		src   string
		want  string
		files fstest.MapFS // instead of path and src
	}{
		{
			name: "tab indentation",
			path: "data/products/tinh-dau.yaml",
			src:  "name: Tinh dầu chúc\nspecs:\n\tvolume: 10 ml\n",
			want: "data/products/tinh-dau.yaml:3:1: lỗi: dòng này thụt lề bằng phím Tab, YAML không cho phép Tab: hãy xóa Tab và thụt lề bằng dấu cách (2 dấu cách mỗi cấp), thẳng cột với các dòng cùng cấp\n",
		},
		{
			name: "tab after a key",
			path: "data/products/tinh-dau.yaml",
			src:  "name: Tinh dầu chúc\n\tgroup: che_bien\n",
			want: "data/products/tinh-dau.yaml:2:1: lỗi: dòng này thụt lề bằng phím Tab, YAML không cho phép Tab: hãy xóa Tab và thụt lề bằng dấu cách (2 dấu cách mỗi cấp), thẳng cột với các dòng cùng cấp\n",
		},
		{
			name: "key indented under a value",
			path: "data/establishments/yen-huong.yaml",
			src:  "name: Công ty TNHH Yến Hương VINA\n  legal_form: cong_ty_tnhh\n",
			want: "data/establishments/yen-huong.yaml:2:3: lỗi: dấu hai chấm “:” ở chỗ không được phép: dòng này thụt lề sai so với dòng trên (các khóa cùng cấp phải thẳng cột), hoặc giá trị có chứa “: ” thì phải đặt trong ngoặc kép, ví dụ: title: \"Đề án nhóm: máy tách màu\"\n",
		},
		{
			name: "colon in a plain value",
			path: "data/projects/may-tach-mau.yaml",
			src:  "year: 2020\ntitle: Đề án nhóm: máy tách màu gạo\n",
			want: "data/projects/may-tach-mau.yaml:2:18: lỗi: dấu hai chấm “:” ở chỗ không được phép: dòng này thụt lề sai so với dòng trên (các khóa cùng cấp phải thẳng cột), hoặc giá trị có chứa “: ” thì phải đặt trong ngoặc kép, ví dụ: title: \"Đề án nhóm: máy tách màu\"\n",
		},
		{
			name: "key out of line with its level",
			path: "data/establishments/yen-huong.yaml",
			src:  "name: Yến Hương\naddress:\n  hamlet: Vĩnh Thạnh\n unit: huyen-tri-ton\n",
			want: "data/establishments/yen-huong.yaml:4:2: lỗi: thụt lề sai: dòng này không thẳng cột với các dòng cùng cấp ở trên, hoặc trộn dòng “khóa: giá trị” với dòng “- ” ở cùng một cấp (hoặc một dấu ngoặc kép ở dòng trên chưa được đóng); hãy thụt lề bằng dấu cách cho thẳng cột\n",
		},
		{
			name: "unclosed quote",
			path: "data/products/tinh-dau.yaml",
			src:  "name: Tinh dầu chúc\ndescription: \"Tinh dầu từ lá chúc\nestablishment: yen-huong-vina\n",
			want: "data/products/tinh-dau.yaml:2:14: lỗi: dấu ngoặc \" mở ở đây nhưng không được đóng: hãy thêm \" ở cuối giá trị, ví dụ: name: \"Công ty TNHH Yến Hương VINA\"\n",
		},
		{
			name: "unclosed bracket",
			path: "data/establishments/yen-huong.yaml",
			src:  "name: Yến Hương\nsectors: [chế biến, tinh dầu\nfounded: 2015\n",
			want: "data/establishments/yen-huong.yaml:2:10: lỗi: ngoặc [ mở ở đây chưa được đóng bằng ], hoặc thiếu dấu phẩy giữa các phần tử: ví dụ sectors: [chế biến, thủ công]\n",
		},
		{
			name: "duplicate key",
			path: "data/products/tinh-dau.yaml",
			src:  "name: Tinh dầu chúc\ngroup: che_bien\nname: Tinh dầu\n",
			want: "data/products/tinh-dau.yaml:3:1: lỗi: khóa “name” được viết hai lần trong cùng một bản ghi (lần đầu ở dòng 1): hãy xóa hoặc gộp một trong hai dòng\n" +
				"data/products/tinh-dau.yaml:1:1: ghi chú: khóa “name” được viết lần đầu ở đây\n",
		},
		{
			name: "duplicate key in a long mapping",
			path: "data/products/tinh-dau.yaml",
			src:  "specs:\n" + longSpecs + "  m03: 1\n",
			want: "data/products/tinh-dau.yaml:22:3: lỗi: khóa “m03” được viết hai lần trong cùng một bản ghi (lần đầu ở dòng 5): hãy xóa hoặc gộp một trong hai dòng\n" +
				"data/products/tinh-dau.yaml:5:3: ghi chú: khóa “m03” được viết lần đầu ở đây\n",
		},
		{
			name: "control character",
			path: "data/products/tinh-dau.yaml",
			src:  "name: Tinh dầu chúc\ndescription: Tinh dầu\vtừ lá chúc\n",
			want: "data/products/tinh-dau.yaml:2:22: lỗi: tệp có một ký tự điều khiển không in được (U+000B), thường do sao chép từ Word, Excel hoặc PDF: hãy xóa ký tự đó (gõ lại chữ ở chỗ này)\n",
		},
		{
			name: "unknown alias",
			path: "data/products/tinh-dau.yaml",
			src:  "name: Tinh dầu chúc\nestablishment: *yen-huong\n",
			want: "data/products/tinh-dau.yaml:2:16: lỗi: “*yen-huong” dùng lại một giá trị có tên “&yen-huong” nhưng chưa có giá trị nào mang tên đó ở phía trên; hãy thêm “&yen-huong” vào giá trị cần dùng lại, hoặc viết thẳng giá trị; nếu dấu * là một phần của văn bản thì đặt giá trị trong ngoặc kép\n",
		},
		{
			name: "not UTF-8",
			path: "data/units.yaml",
			src:  "- id: huyen-chau-phu\n  name: Ch\xe2u Ph\xfa\n",
			want: "data/units.yaml:2:11: lỗi: tệp không được lưu bằng bảng mã UTF-8 (byte 0xE2 không hợp lệ); hãy mở tệp và lưu lại với bảng mã UTF-8, ví dụ trong Notepad: File → Save As → Encoding: UTF-8\n",
		},
		{
			name: "not UTF-8 after a BOM and CRLF",
			path: "data/units.yaml",
			src:  "\xEF\xBB\xBF- id: an-giang\r\n  name: An Giang\r\n- id: x\r\n  name: \xC4\x90\xff\r\n",
			want: "data/units.yaml:4:10: lỗi: tệp không được lưu bằng bảng mã UTF-8 (byte 0xFF không hợp lệ); hãy mở tệp và lưu lại với bảng mã UTF-8, ví dụ trong Notepad: File → Save As → Encoding: UTF-8\n",
		},
		{
			name: "bare scalar",
			path: "data/products/tinh-dau.yaml",
			src:  "Tinh dầu chúc Yến Hương\n",
			want: "data/products/tinh-dau.yaml:1:1: lỗi: tệp phải chứa một bản ghi (các dòng “khóa: giá trị”, ví dụ: name: Tên cơ sở) hoặc một danh sách bản ghi (mỗi bản ghi bắt đầu bằng “- ”), không phải một giá trị đơn lẻ\n",
		},
		{
			name: "empty file",
			path: "data/products/tinh-dau.yaml",
			src:  "",
			want: "data/products/tinh-dau.yaml: cảnh báo: tệp trống: không có bản ghi nào; hãy thêm các dòng “khóa: giá trị” hoặc xóa tệp\n",
		},
		{
			name: "comments only",
			path: "data/products/tinh-dau.yaml",
			src:  "# sẽ bổ sung sau\n\n",
			want: "data/products/tinh-dau.yaml: cảnh báo: tệp trống: không có bản ghi nào; hãy thêm các dòng “khóa: giá trị” hoặc xóa tệp\n",
		},
		{
			name: "alias bomb",
			path: "data/products/lol.yaml",
			src:  billionLaughs,
			want: "data/products/lol.yaml:2:8: lỗi: các bí danh (*tên) trong tệp này khi mở ra thành 490.329.064 giá trị, vượt giới hạn (chỉ được thêm 100.000): tệp bị bỏ qua; hãy viết thẳng các giá trị thay cho bí danh\n",
		},
		{
			name: "alias inside its own value",
			path: "data/products/vong.yaml",
			src:  "name: a\nspecs: &s\n  self: *s\n",
			want: "data/products/vong.yaml:3:9: lỗi: “*s” nằm bên trong chính giá trị “&s” mà nó dùng lại, nên giá trị không bao giờ kết thúc: hãy viết thẳng giá trị thay cho “*s”\n",
		},
		{
			name: "nested too deeply",
			path: "data/products/sau.yaml",
			src:  "a: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n",
			want: "data/products/sau.yaml:1:67: lỗi: dữ liệu lồng nhau quá sâu (hơn 64 cấp): hãy kiểm tra thụt lề và các dấu ngoặc [ ] { }\n",
		},
		{
			name: "two documents",
			path: "data/projects/de-an.yaml",
			src:  "title: Đề án nhóm\nyear: 2020\n---\ntitle: Đề án điểm\n",
			want: "data/projects/de-an.yaml:3:1: lỗi: dòng “---” bắt đầu tài liệu YAML thứ hai; mỗi tệp chỉ chứa một bản ghi hoặc một danh sách bản ghi: hãy xóa dòng này (và viết các bản ghi thành danh sách, mỗi bản ghi bắt đầu bằng “- ”) hoặc tách phần sau thành tệp khác\n",
		},
		{
			name: "final document marker alone",
			path: "data/projects/de-an.yaml",
			src:  "---\ntitle: Đề án nhóm\n---\n",
			want: "",
		},
		{
			name: "too large",
			path: "data/establishments.yaml",
			src:  "- name: x\n" + strings.Repeat("#", MaxFileSize-9),
			want: "data/establishments.yaml: lỗi: tệp quá lớn (16,0 MiB, tối đa 16 MiB); hãy chia các bản ghi thành nhiều tệp nhỏ trong thư mục data/<bộ dữ liệu>/, ví dụ mỗi bản ghi một tệp\n",
		},
		{
			name: "front matter never closes",
			path: "content/news/khuyen-cong-2020.md",
			src:  "---\ntitle: Khuyến công An Giang\ndate: 2021-08-17\n\nNăm 2020, ...\n",
			want: "content/news/khuyen-cong-2020.md:1:1: lỗi: phần đầu (front matter) mở bằng dòng “---” nhưng không có dòng “---” đóng lại: hãy thêm một dòng chỉ gồm “---” ngay sau dòng cuối của phần đầu (sau title:, date: …), trước nội dung bài\n",
		},
		{
			name: "syntax error in front matter at its file line",
			path: "content/pages/gioi-thieu/index.md",
			src:  "---\ntitle: Giới thiệu\n\tmenu: 1\n---\nNội dung\n",
			want: "content/pages/gioi-thieu/index.md:3:1: lỗi: dòng này thụt lề bằng phím Tab, YAML không cho phép Tab: hãy xóa Tab và thụt lề bằng dấu cách (2 dấu cách mỗi cấp), thẳng cột với các dòng cùng cấp\n",
		},
		{
			name: "front matter as a list",
			path: "content/news/a.md",
			src:  "---\n- title: A\n---\n",
			want: "content/news/a.md:2:1: lỗi: phần đầu (front matter) giữa hai dòng “---” phải gồm các dòng “khóa: giá trị”, không phải một danh sách, ví dụ: title: Tiêu đề bài viết\n",
		},
		{
			name: "front matter as a scalar",
			path: "content/news/a.md",
			src:  "---\nKhuyến công\n---\n",
			want: "content/news/a.md:2:1: lỗi: phần đầu (front matter) giữa hai dòng “---” phải gồm các dòng “khóa: giá trị”, ví dụ: title: Tiêu đề bài viết\n",
		},
		{
			name: "front matter below blank lines",
			path: "content/news/a.md",
			src:  "\n\n---\ntitle: A\n---\nBody\n",
			want: "content/news/a.md:3:1: cảnh báo: dòng “---” mở phần đầu (front matter) phải là dòng đầu tiên của tệp: hãy xóa 2 dòng trống phía trên, nếu không phần đầu bị coi là nội dung bài\n",
		},
		{
			name: "unknown data folder",
			files: fstest.MapFS{
				"data/product/tinh-dau.yaml": {Data: []byte("name: a\n")},
				"data/product/gao.yaml":      {Data: []byte("name: b\n")},
			},
			want: "data/product/: cảnh báo: thư mục này không thuộc bộ dữ liệu nào nên bị bỏ qua; có phải ý bạn là data/products/? Các bộ dữ liệu: units, establishments, products, recognitions, projects, programmes, reports\n",
		},
		{
			name: "unknown data file",
			path: "data/projcts.yml",
			src:  "- title: a\n",
			want: "data/projcts.yml: cảnh báo: tệp này không thuộc bộ dữ liệu nào nên bị bỏ qua; có phải ý bạn là data/projects.yml? Các bộ dữ liệu: units, establishments, products, recognitions, projects, programmes, reports\n",
		},
		{
			name: "data file unlike any collection",
			path: "data/bang-gia.yaml",
			src:  "- a: 1\n",
			want: "data/bang-gia.yaml: cảnh báo: tệp này không thuộc bộ dữ liệu nào nên bị bỏ qua. Các bộ dữ liệu: units, establishments, products, recognitions, projects, programmes, reports (mỗi bộ là data/<tên>/ hoặc data/<tên>.yaml), và data/site.yaml\n",
		},
		{
			name: "not a YAML file in a collection",
			path: "data/products/bang-gia.xlsx",
			src:  "PK",
			want: "data/products/bang-gia.xlsx: cảnh báo: tệp này không phải tệp YAML nên bị bỏ qua: tệp dữ liệu phải có đuôi .yaml hoặc .yml\n",
		},
		{
			name: "two settings files",
			files: fstest.MapFS{
				"data/site.yaml": {Data: []byte("title: A\n")},
				"data/site.yml":  {Data: []byte("title: B\n")},
			},
			want: "data/site.yml: lỗi: có hai tệp cài đặt trang, data/site.yaml và data/site.yml: hãy giữ một tệp và xóa tệp kia\n",
		},
		{
			name: "Markdown outside news and pages",
			path: "content/gioi-thieu.md",
			src:  "---\ntitle: Giới thiệu\n---\n",
			want: "content/gioi-thieu.md: cảnh báo: tệp Markdown này nằm ngoài content/news/ và content/pages/ nên không thành bài viết hay trang, chỉ được sao chép nguyên trạng: hãy chuyển nó vào content/news/ (bài viết) hoặc content/pages/ (trang)\n",
		},
		{
			name: "no data folder",
			files: fstest.MapFS{
				"content/news/a.md": {Data: []byte("---\ntitle: A\n---\n")},
			},
			want: "cảnh báo: không có thư mục data/: đây có phải thư mục của trang không? Thư mục trang chứa data/site.yaml, data/<bộ dữ liệu>/ và content/\n",
		},
		{
			name: "BOM and CRLF accepted silently",
			path: "data/site.yaml",
			src:  "\xEF\xBB\xBFtitle: Khuyến công An Giang\r\nlanguage: vi\r\n",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := tt.files
			if fsys == nil {
				fsys = fstest.MapFS{tt.path: {Data: []byte(tt.src)}}
			}
			if _, ok := fsys["data/site.yaml"]; !ok && tt.name != "no data folder" {
				fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte("title: Khuyến công\n")}
			}
			if got := printed(t, fsys, "vi"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestEnglishKeepsParserText checks that the English message keeps the
// parser's own words, for those who search for them.
func TestEnglishKeepsParserText(t *testing.T) {
	fsys := fstest.MapFS{
		"data/site.yaml":       {Data: []byte("title: A\n")},
		"data/products/a.yaml": {Data: []byte("name: a\n\tgroup: khac\n")},
	}
	want := "data/products/a.yaml:2:1: error: YAML syntax error (found a tab character that violates indentation): this line is indented with a Tab, which YAML does not allow: delete the Tab and indent with spaces (2 per level), in line with the lines of the same level\n"
	if got := printed(t, fsys, "en"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestBOMAndCRLFKeepLines(t *testing.T) {
	fsys := fstest.MapFS{
		"data/site.yaml":                 {Data: []byte("\xEF\xBB\xBFtitle: Khuyến công\r\n\r\ndescription: Kết quả\r\n")},
		"content/news/bai-viet/index.md": {Data: []byte("\xEF\xBB\xBF---\r\ntitle: Bài viết\r\ndate: 2021-08-17\r\n---\r\nDòng một\r\nDòng hai\r\n")},
	}
	s, l := Load(fsys)
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	root := s.Settings.Root
	if k := root.Content[2]; k.Value != "description" || k.Line != 3 || k.Column != 1 {
		t.Errorf("description key at %d:%d (%q), want 3:1", k.Line, k.Column, k.Value)
	}
	if v := root.Content[3].Value; v != "Kết quả" {
		t.Errorf("description = %q", v)
	}
	p := s.News[0]
	if p.Slug != "bai-viet" || !p.Bundle || p.BodyLine != 5 || p.Body != "Dòng một\nDòng hai\n" {
		t.Errorf("page = %+v", p)
	}
	if k := p.Front.Content[2]; k.Value != "date" || k.Line != 3 {
		t.Errorf("date key at line %d (%q), want 3", k.Line, k.Value)
	}
}
