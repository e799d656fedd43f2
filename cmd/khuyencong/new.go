package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/importcsv"
	"github.com/khuyencong/khuyencong/internal/importnews"
	"github.com/khuyencong/khuyencong/internal/scaffold"
)

var newUsage = diag.M(`Cách dùng: khuyencong new site THƯ-MỤC [--province TỈNH]
       khuyencong new news|establishment|product|project "TIÊU ĐỀ" [--site THƯ-MỤC]

"new site" tạo một trang mới trong THƯ-MỤC (thư mục chưa có hoặc đang trống):
thiết lập chung, danh mục đơn vị hành chính có một tỉnh ví dụ, một hồ sơ ví dụ
của mỗi loại, một tin bài, một trang giới thiệu và tệp README.md hướng dẫn.
Với --province, trang mới là trang của tỉnh đó: dùng danh mục đơn vị hành
chính có sẵn của tỉnh (không có tệp data/units.yaml phải soạn), tên trang và
đơn vị công bố điền theo tên tỉnh. Trang mới qua được "khuyencong check" ngay.

"new news|establishment|product|project" tạo một tệp hồ sơ mới (tin bài, cơ sở,
sản phẩm, đề án) có sẵn mọi trường kèm ghi chú cách điền và mã (id) lấy từ
tiêu đề, rồi in đường dẫn tệp. Không điền sẵn giá trị nào mà tiêu đề không
cho biết: các trường bắt buộc (ngày đăng, địa bàn, cơ sở sản xuất, năm và nội
dung đề án) để trống, và "khuyencong check" báo từng trường còn phải điền.
Không bao giờ ghi đè tệp đã có. Tin bài mới là bản nháp (draft: true) cho đến
khi sửa thành false.

Tùy chọn:
  --province TỈNH  (new site) tỉnh của trang: tên có dấu hay không dấu, hoặc
                   mã thống kê, như province: trong data/site.yaml
  --site THƯ-MỤC   thư mục trang (mặc định: thư mục hiện tại)
  --lang en        thông báo bằng tiếng Anh

Ví dụ:
  khuyencong new site trang-khuyen-cong
  khuyencong new site khuyen-cong-tuyen-quang --province "Tuyên Quang"
  khuyencong new news "Hội chợ hàng công nghiệp nông thôn tiêu biểu 2025"
  khuyencong new establishment "Công ty TNHH Yến Hương VINA"
  khuyencong new product "Tinh dầu chúc" --site D:\trang-khuyen-cong
  khuyencong new project "Hỗ trợ máy sấy nông sản 2025"`,
	`Usage: khuyencong new site FOLDER [--province PROVINCE]
       khuyencong new news|establishment|product|project "TITLE" [--site FOLDER]

"new site" creates a new site in FOLDER (new or empty): settings, a gazetteer
with one example province, one example record of each kind, a news article, an
about page and a README.md for officers. With --province, the new site is that
province's: it uses the province's built-in units (no data/units.yaml to
write), and its title and publisher are filled from the province's name. The
new site passes "khuyencong check".

"new news|establishment|product|project" writes a new record file with every
field present and explained and the id made from the title, and prints its
path. No value the title does not give is filled in: the required fields (the
date, the unit, the maker, the project's year and activity) are left blank,
and "khuyencong check" reports each one still to fill. It never overwrites a
file. A new article is a draft (draft: true) until changed to false.

Options:
  --province PROVINCE  (new site) the site's province: its name, with or
                       without diacritics, or its code, as province: in
                       data/site.yaml
  --site FOLDER        the site folder (default: the current folder)
  --lang en            messages in English

Examples:
  khuyencong new site trang-khuyen-cong
  khuyencong new site khuyen-cong-tuyen-quang --province "Tuyên Quang"
  khuyencong new news "Rural industry fair 2025"
  khuyencong new product "Tinh dầu chúc" --site ../trang-khuyen-cong`)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flags("new")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	site := fs.String("site", ".", "")
	province := fs.String("province", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return usageError(stderr, "new", err, langOf(args))
	}
	if len(pos) != 2 {
		return usageError(stderr, "new", errors.New(diag.M(
			"cần loại hồ sơ và một tiêu đề (hoặc site và một thư mục), ví dụ: khuyencong new news \"Tiêu đề bài viết\"",
			"give a record kind and one title (or site and one folder), e.g. khuyencong new news \"Article title\"").Text(lang.value)), lang.value)
	}
	if *province != "" && pos[0] != "site" {
		return usageError(stderr, "new", errors.New(diag.M(
			"--province chỉ dùng với new site, ví dụ: khuyencong new site khuyen-cong-tuyen-quang --province \"Tuyên Quang\"",
			"--province goes with new site only, e.g. khuyencong new site khuyen-cong-tuyen-quang --province \"Tuyên Quang\"").Text(lang.value)), lang.value)
	}
	if pos[0] == "site" && *province != "" {
		p, err := scaffold.NewProvinceSite(pos[1], *province)
		if err != nil {
			return newError(stderr, "new", err, lang.value)
		}
		fmt.Fprintln(stdout, diag.Msg{
			Vi: fmt.Sprintf("Đã tạo trang mới của %s trong %s, dùng danh mục đơn vị hành chính có sẵn của tỉnh. Đọc %s/README.md để bắt đầu; kiểm tra bằng: khuyencong check %s", p.Title("vi"), pos[1], pos[1], pos[1]),
			En: fmt.Sprintf("Created a new site for %s in %s, with the province's built-in units. Read %s/README.md to begin; check it with: khuyencong check %s", p.Title("en"), pos[1], pos[1], pos[1]),
		}.Text(lang.value))
		return exitOK
	}
	if pos[0] == "site" {
		if err := scaffold.NewSite(pos[1]); err != nil {
			return newError(stderr, "new", err, lang.value)
		}
		fmt.Fprintln(stdout, diag.M(
			"Đã tạo trang mới trong %s. Đọc %s/README.md để bắt đầu; kiểm tra bằng: khuyencong check %s",
			"Created a new site in %s. Read %s/README.md to begin; check it with: khuyencong check %s",
			pos[1], pos[1], pos[1]).Text(lang.value))
		return exitOK
	}
	path, err := scaffold.NewRecord(*site, pos[0], pos[1], time.Now())
	if err != nil {
		return newError(stderr, "new", err, lang.value)
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}

func newError(stderr io.Writer, cmd string, err error, lang string) int {
	msg := err.Error()
	var te interface{ Text(lang string) string }
	if errors.As(err, &te) {
		msg = te.Text(lang)
	}
	fmt.Fprintf(stderr, "khuyencong %s: %s\n", cmd, msg)
	return exitError
}

// importUsage lists the columns of each kind as the import's warnings do
// (importcsv.ColumnList), so that the two never differ.
var importUsage = diag.Msg{Vi: `Cách dùng: khuyencong import establishments|products|projects TỆP.csv [--site THƯ-MỤC] [--update] [--dry-run]
       khuyencong import news NGUỒN [--date NĂM-THÁNG-NGÀY] [--draft] [--site THƯ-MỤC]

"import establishments|products|projects" đọc bảng tính lưu từ Excel (CSV UTF-8,
CSV thường, hoặc "Unicode Text") và ghi mỗi dòng thành một hồ sơ trong
data/establishments/, data/products/ hoặc data/projects/. Dòng 1 là tiêu đề cột,
bằng tiếng Việt (có dấu hay không dấu) hoặc tiếng Anh. Các cột dùng được:
` + importColumns("vi") + `
Dòng nào không đọc được thì báo "TỆP.csv:DÒNG: lỗi: ..." kèm cách sửa; các dòng
khác vẫn được nhập. Hồ sơ đã có không bị ghi đè, trừ khi thêm --update.

"import news" nhập một tin bài viết sẵn ở nơi khác. NGUỒN là một tài liệu Word
(.docx), một trang web đã lưu bằng trình duyệt (.html), hoặc địa chỉ bài viết
(https://...). Bài được ghi vào content/news/<tên-bài>/index.md, ảnh đặt bên
cạnh; tiêu đề, ngày, tác giả, nguồn, lời dẫn (sapo) và ảnh đầu tiên vào phần
đầu bài. Chữ gõ bằng bảng mã cũ TCVN3 (.VnTime) hay VNI được chuyển sang
Unicode. Của trang web chỉ lấy phần bài viết: bỏ menu, quảng cáo, tin liên
quan, bình luận, mã chạy. Không bao giờ ghi đè bài đã có. Cuối cùng in đường
dẫn bài và những gì đã lấy, đã chuyển, đã bỏ.

Tùy chọn:
  --site THƯ-MỤC   thư mục trang (mặc định: thư mục hiện tại)
  --dry-run        (CSV) chỉ cho xem những gì sẽ tạo, ghi lại, bỏ qua; không ghi gì
  --update         (CSV) ghi lại hồ sơ đã có (giữ các trường bảng tính không có)
  --date NGÀY      (tin bài) ngày đăng, ví dụ 2025-03-14; mặc định lấy ngày
                   trên trang web, hoặc ngày lưu tài liệu Word
  --draft          (tin bài) ghi là bản nháp (draft: true)
  --lang en        thông báo bằng tiếng Anh

Ví dụ:
  khuyencong import establishments danh-sach-co-so.csv --dry-run
  khuyencong import establishments danh-sach-co-so.csv
  khuyencong import products san-pham.csv --site D:\trang-khuyen-cong
  khuyencong import projects de-an-2025.csv --update
  khuyencong import news "D:\Tin bai\Hoi cho 2025.docx" --draft
  khuyencong import news https://congthuong.angiang.gov.vn/tin-tuc/bai-viet.html
  khuyencong import news bai-da-luu.html --date 2021-08-17`,
	En: `Usage: khuyencong import establishments|products|projects FILE.csv [--site FOLDER] [--update] [--dry-run]
       khuyencong import news SOURCE [--date YYYY-MM-DD] [--draft] [--site FOLDER]

"import establishments|products|projects" reads a spreadsheet saved from Excel
(CSV UTF-8, plain CSV or "Unicode Text") and writes each row as a record in
data/establishments/, data/products/ or data/projects/. Row 1 holds the column
titles, in Vietnamese (with or without diacritics) or English (name,
legal_form, unit, phone, ...). The columns:
` + importColumns("en") + `
A row that cannot be read is reported as "FILE.csv:ROW: error: ..." with how to
fix it; the other rows are still imported. Existing records are never
overwritten without --update.

"import news" imports a news article written elsewhere. SOURCE is a Word
document (.docx), a web page saved from a browser (.html), or the address of an
article (https://...). It writes content/news/<slug>/index.md with the photos
beside it; title, date, author, source, lead (sapo) and first photo go into the
front matter. Text typed in the legacy TCVN3 (.VnTime) or VNI encodings is
converted to Unicode. Of a web page only the article is kept: no menus, ads,
related links, comments or scripts. An existing article is never overwritten.
It prints the article's path and what was kept, converted and left out.

Options:
  --site FOLDER    the site folder (default: the current folder)
  --dry-run        (CSV) only show what would be created, rewritten or skipped
  --update         (CSV) rewrite existing records (keeping fields the sheet lacks)
  --date DATE      (news) the article's date, e.g. 2025-03-14; by default the
                   date on the web page, or when the Word document was saved
  --draft          (news) write the article as a draft (draft: true)
  --lang en        messages in English

Examples:
  khuyencong import establishments establishments.csv --dry-run
  khuyencong import products products.csv --site ../trang-khuyen-cong
  khuyencong import news article.docx --draft
  khuyencong import news https://example.gov.vn/news/article.html`}

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flags("import")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	site := fs.String("site", ".", "")
	update := fs.Bool("update", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	date := fs.String("date", "", "")
	draft := fs.Bool("draft", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return usageError(stderr, "import", err, langOf(args))
	}
	if len(pos) != 2 {
		return usageError(stderr, "import", errors.New(diag.M(
			"cần loại hồ sơ (%s, news) và một tệp, ví dụ: khuyencong import establishments danh-sach.csv hoặc khuyencong import news bai-viet.docx",
			"give a record kind (%s, news) and one file, e.g. khuyencong import establishments list.csv or khuyencong import news article.docx",
			strings.Join(importcsv.Kinds, ", ")).Text(lang.value)), lang.value)
	}
	if pos[0] == "news" {
		if *update || *dryRun {
			return usageError(stderr, "import", errors.New(diag.M(
				"--update và --dry-run chỉ dùng khi nhập bảng tính CSV; import news không bao giờ ghi đè bài đã có",
				"--update and --dry-run apply to CSV imports only; import news never overwrites an article").Text(lang.value)), lang.value)
		}
		opts := importnews.Options{Draft: *draft}
		if *date != "" {
			d, err := time.Parse("2006-01-02", *date)
			if err != nil {
				return usageError(stderr, "import", errors.New(diag.M(
					"ngày %q không đúng dạng năm-tháng-ngày; ví dụ: --date 2025-03-14",
					"the date %q is not year-month-day; e.g. --date 2025-03-14", *date).Text(lang.value)), lang.value)
			}
			opts.Date = d
		}
		res, err := importnews.Import(*site, pos[1], opts)
		if err != nil {
			return newError(stderr, "import", err, lang.value)
		}
		res.Print(stdout, lang.value)
		return exitOK
	}
	if *date != "" || *draft {
		return usageError(stderr, "import", errors.New(diag.M(
			"--date và --draft chỉ dùng khi nhập tin bài: khuyencong import news ...",
			"--date and --draft apply to news imports only: khuyencong import news ...").Text(lang.value)), lang.value)
	}
	res, diags := importcsv.Import(*site, pos[0], pos[1], importcsv.Options{Update: *update, DryRun: *dryRun})
	diags.Print(stderr, lang.value)
	res.Print(stdout, lang.value, *dryRun)
	fmt.Fprintln(stderr, diags.Summary(lang.value))
	if diags.HasErrors() {
		return exitError
	}
	return exitOK
}

// importColumns lists the columns of each kind of import, one kind a
// paragraph, wrapped for a terminal.
func importColumns(lang string) string {
	names := map[string]diag.Msg{
		"establishments": {Vi: "cơ sở", En: "establishments"},
		"products":       {Vi: "sản phẩm", En: "products"},
		"projects":       {Vi: "đề án", En: "projects"},
	}
	label := func(kind string) string { return names[kind].Text(lang) + ":" }
	pad := 0
	for _, kind := range importcsv.Kinds {
		pad = max(pad, len([]rune(label(kind)))+1)
	}
	indent := strings.Repeat(" ", 2+pad)
	var b strings.Builder
	for _, kind := range importcsv.Kinds {
		l := label(kind)
		line := "  " + l + strings.Repeat(" ", pad-len([]rune(l)))
		cols := importcsv.ColumnList(kind)
		for i, c := range cols {
			word := c
			if i < len(cols)-1 {
				word += ","
			}
			switch {
			case i == 0:
			case len([]rune(line))+1+len([]rune(word)) > 80:
				b.WriteString(line + "\n")
				line = indent
			default:
				line += " "
			}
			line += word
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
