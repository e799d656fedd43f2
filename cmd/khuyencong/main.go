// Command khuyencong checks and builds the public showcase site of a
// khuyến công programme from its YAML records and Markdown news.
//
// This file holds the command table and the flags; the work is done by
// package build.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/khuyencong/khuyencong/internal/build"
	"github.com/khuyencong/khuyencong/internal/demo"
	"github.com/khuyencong/khuyencong/internal/diag"
)

// command is one entry of the command table.
type command struct {
	name string
	// summary is the one-line description shown by help, in both
	// languages.
	summary diag.Msg
	// usage is the full help of the command.
	usage diag.Msg
	run   func(args []string, stdout, stderr io.Writer) int
}

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the site has errors
	exitUsage = 2 // the command line is wrong
)

// commands returns the command table, in the order help lists it. (A
// function, not a variable: help, in the table, reads the table.)
func commands() []command {
	return []command{
		{"check", diag.M("kiểm tra dữ liệu và nội dung của trang, in số liệu tìm được", "validate the data and content of a site and print what it found"), checkUsage, runCheck},
		{"build", diag.M("tạo trang web tĩnh vào thư mục public/", "build the static site into public/"), buildUsage, runBuild},
		{"serve", diag.M("xem trước trang trên trình duyệt, tự tải lại khi sửa tệp", "preview the site in a browser, reloading as files are edited"), serveUsage, runServe},
		{"demo", diag.M("tạo một trang mẫu với dữ liệu minh họa (để thử và đo tốc độ)", "write an example site of illustrative data (for trying out and benchmarks)"), demoUsage, runDemo},
		{"new", diag.M("tạo trang mới, hoặc tệp tin bài, cơ sở, sản phẩm, đề án mới", "create a new site, or a new article, establishment, product or project file"), newUsage, runNew},
		{"import", diag.M("nhập cơ sở, sản phẩm, đề án từ bảng tính CSV; tin bài từ Word, trang web", "import establishments, products or projects from a CSV spreadsheet; news from Word or a web page"), importUsage, runImport},
		{"units", diag.M("tìm đơn vị hành chính (trước và từ 01/07/2025) để lấy mã", "look up an administrative unit (before and from 1 July 2025) for its id"), unitsUsage, runUnits},
		{"version", diag.M("in phiên bản của chương trình", "print the program version"), versionUsage, runVersion},
		{"help", diag.M("hướng dẫn sử dụng một lệnh", "show how to use a command"), helpUsage, runHelp},
	}
}

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// memoryLimit is the heap size above which the garbage collector works
// harder rather than let the heap double: a build of 100.000
// establishments (the XL demo site) keeps about 1,1 GB of records and pages
// live and, left to the default, peaks at 2,6 GB; with this limit at 1,45
// GB, for 15 to 35 % more CPU. Smaller sites never reach it. GOMEMLIMIT
// set in the environment takes its place.
const memoryLimit = 1200 << 20

// run dispatches the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printOverview(stderr, langOf(args))
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		printOverview(stdout, langOf(args))
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	lang := langOf(args)
	fmt.Fprintln(stderr, diag.M("không có lệnh %q.", "there is no command %q.", name).Text(lang))
	printOverview(stderr, lang)
	return exitUsage
}

// langOf finds --lang en anywhere on the command line, so that even a
// wrong command line is answered in the language asked for.
func langOf(args []string) string {
	for i, a := range args {
		switch {
		case a == "--lang=en" || a == "-lang=en":
			return "en"
		case (a == "--lang" || a == "-lang") && i+1 < len(args) && args[i+1] == "en":
			return "en"
		}
	}
	return ""
}

func printOverview(w io.Writer, lang string) {
	fmt.Fprintln(w, diag.M(
		"khuyencong: tạo trang web giới thiệu kết quả khuyến công từ dữ liệu YAML và tin bài Markdown.\n\nCách dùng: khuyencong <lệnh> [thư mục] [tùy chọn]\n\nCác lệnh:",
		"khuyencong: build the showcase site of a khuyến công programme from YAML data and Markdown news.\n\nUsage: khuyencong <command> [folder] [options]\n\nCommands:").Text(lang))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary.Text(lang))
	}
	fmt.Fprintln(w, diag.M(
		"\nXem hướng dẫn từng lệnh: khuyencong help <lệnh>   (thêm --lang en để đọc bằng tiếng Anh)",
		"\nHelp on a command: khuyencong help <command>").Text(lang))
}

// flags is a flag set that prints nothing by itself: errors are reported
// by parse, in the user's language.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args with fs, allowing flags after the positional
// arguments ("check . --lang en"); everything after "--" is positional.
// It returns the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageError explains a wrong command line in the user's language.
func usageError(stderr io.Writer, cmd string, err error, lang string) int {
	msg := err.Error()
	var m diag.Msg
	switch {
	case errors.Is(err, flag.ErrHelp):
		for _, c := range commands() {
			if c.name == cmd {
				fmt.Fprintln(stderr, c.usage.Text(lang))
			}
		}
		return exitUsage
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		f := strings.TrimPrefix(msg, "flag provided but not defined: ")
		m = diag.M("lệnh %s không có tùy chọn %s", "the %s command has no option %s", cmd, f)
	case invalidValue.MatchString(msg):
		sm := invalidValue.FindStringSubmatch(msg)
		m = diag.M("giá trị %q của tùy chọn -%s không hợp lệ; hãy ghi một trong: %s", "invalid value %q for the option -%s; write one of: %s", sm[1], sm[2], sm[3])
	case strings.HasPrefix(msg, "flag needs an argument: "):
		f := strings.TrimPrefix(msg, "flag needs an argument: ")
		m = diag.M("tùy chọn %s cần một giá trị, ví dụ %s public", "the option %s needs a value, e.g. %s public", f, f)
	default:
		m = diag.M("%s", "%s", msg)
	}
	fmt.Fprintf(stderr, "khuyencong %s: %s\n", cmd, m.Text(lang))
	fmt.Fprintln(stderr, diag.M("Xem: khuyencong help %s", "See: khuyencong help %s", cmd).Text(lang))
	return exitUsage
}

// invalidValue is how package flag reports a value that choice.Set
// refused.
var invalidValue = regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): (.*)$`)

// oneDir returns the site folder from the positional arguments: "." when
// none is given.
func oneDir(pos []string, lang string) (string, error) {
	switch len(pos) {
	case 0:
		return ".", nil
	case 1:
		return pos[0], nil
	}
	return "", errors.New(diag.M("chỉ được ghi một thư mục trang, nhưng có %d: %s", "only one site folder may be given, not %d: %s", len(pos), strings.Join(pos, " ")).Text(lang))
}

// choice is a flag value limited to a few words.
type choice struct {
	value   string
	allowed []string
}

func (c *choice) String() string { return c.value }

func (c *choice) Set(s string) error {
	for _, a := range c.allowed {
		if s == a {
			c.value = s
			return nil
		}
	}
	return errors.New(strings.Join(c.allowed, ", "))
}

var checkUsage = diag.M(`Cách dùng: khuyencong check [THƯ-MỤC] [--lang vi|en] [--format text|json] [--links]

Đọc toàn bộ data/ và content/ của trang trong THƯ-MỤC (mặc định: thư mục hiện tại),
báo mọi lỗi theo dạng "tệp:dòng:cột: lỗi: nội dung", rồi in bảng những gì tìm thấy
và số liệu từng năm (số liệu chi tiết đã nhập bên cạnh số liệu công bố).
Trả về mã 1 khi có lỗi, 0 khi chỉ có cảnh báo.

Tùy chọn:
  --lang en        báo lỗi bằng tiếng Anh
  --format json    in mỗi lỗi thành một dòng JSON (cho trình soạn thảo, CI)
  --links          tạo thử trang vào thư mục tạm và kiểm tra mọi liên kết nội bộ

Ví dụ:
  khuyencong check
  khuyencong check D:\trang-khuyen-cong
  khuyencong check . --links
  khuyencong check --format json`,
	`Usage: khuyencong check [FOLDER] [--lang vi|en] [--format text|json] [--links]

Reads all of data/ and content/ of the site in FOLDER (default: the current folder),
reports every problem as "file:line:col: error: message", then prints what it found
and the figures of each year (detailed records beside reported figures).
Exits with 1 when there are errors, 0 with warnings only.

Options:
  --lang en        messages in English
  --format json    one JSON object per diagnostic (for editors and CI)
  --links          also build into a temporary folder and check every internal link

Examples:
  khuyencong check
  khuyencong check . --lang en
  khuyencong check --format json`)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flags("check")
	lang := &choice{allowed: []string{"vi", "en"}}
	format := &choice{value: "text", allowed: []string{"text", "json"}}
	fs.Var(lang, "lang", "")
	fs.Var(format, "format", "")
	withLinks := fs.Bool("links", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return usageError(stderr, "check", err, langOf(args))
	}
	dir, err := oneDir(pos, lang.value)
	if err != nil {
		return usageError(stderr, "check", err, lang.value)
	}
	m, diags := build.Check(dir, build.Options{Lang: lang.value, Links: *withLinks})
	if format.value == "json" {
		diags.PrintJSON(stdout, lang.value)
		fmt.Fprintln(stderr, diags.Summary(lang.value))
	} else {
		diags.Print(stderr, lang.value)
		fmt.Fprintln(stderr, diags.Summary(lang.value))
		if m != nil {
			fmt.Fprintln(stdout)
			build.PrintCheckReport(stdout, m, diags, lang.value)
		}
	}
	if diags.HasErrors() {
		return exitError
	}
	return exitOK
}

var buildUsage = diag.M(`Cách dùng: khuyencong build [THƯ-MỤC] [-o THƯ-MỤC-XUẤT] [--base-url URL] [--drafts] [--future] [--lang vi|en] [--quiet]

Tạo trang web tĩnh của trang trong THƯ-MỤC (mặc định: thư mục hiện tại) vào
THƯ-MỤC/public. Trang được tạo vào một thư mục tạm bên cạnh, kiểm tra liên kết,
rồi mới thay thư mục cũ: nếu có lỗi, bản đã xuất bản trước đó giữ nguyên.
Chương trình không ghi đè thư mục trang, data/, content/, templates/, thư mục
người dùng, hay một thư mục có sẵn tệp mà không phải do nó tạo ra.

Tùy chọn:
  -o THƯ-MỤC       thư mục xuất (mặc định: public trong thư mục trang)
  --base-url URL   địa chỉ đầy đủ nơi đăng trang, thay base_url trong data/site.yaml
  --drafts         đưa cả bài nháp (draft: true) lên trang
  --future         đưa cả bài chưa đến ngày đăng hoặc đã hết hạn
  --lang en        giao diện và thông báo bằng tiếng Anh
  --quiet          chỉ in lỗi và cảnh báo, không in tiến độ và bảng tóm tắt

Ví dụ:
  khuyencong build
  khuyencong build . -o D:\xuat-ban\khuyen-cong
  khuyencong build --base-url https://sct.angiang.gov.vn/khuyen-cong/

Xem trang vừa tạo: mở public/index.html, hoặc chạy python3 -m http.server -d public`,
	`Usage: khuyencong build [FOLDER] [-o OUTPUT] [--base-url URL] [--drafts] [--future] [--lang vi|en] [--quiet]

Builds the static site of the site in FOLDER (default: the current folder) into
FOLDER/public. It builds into a temporary folder beside it, checks the links, and
only then replaces the old folder: on any error the previous output is kept.
It never replaces the site folder, data/, content/, templates/, a home folder,
or a non-empty folder it did not create.

Options:
  -o FOLDER        output folder (default: public inside the site folder)
  --base-url URL   full address where the site is published, instead of base_url
  --drafts         include draft articles
  --future         include articles not yet published or already expired
  --lang en        English interface and messages
  --quiet          print only errors and warnings, no progress or summary

Examples:
  khuyencong build
  khuyencong build . -o /srv/www/khuyen-cong
  khuyencong build --base-url https://sct.angiang.gov.vn/khuyen-cong/`)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flags("build")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	var opts build.BuildOptions
	fs.StringVar(&opts.Output, "o", "", "")
	fs.StringVar(&opts.Output, "output", "", "")
	fs.StringVar(&opts.BaseURL, "base-url", "", "")
	fs.BoolVar(&opts.Drafts, "drafts", false, "")
	fs.BoolVar(&opts.Future, "future", false, "")
	quiet := fs.Bool("quiet", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return usageError(stderr, "build", err, langOf(args))
	}
	dir, err := oneDir(pos, lang.value)
	if err != nil {
		return usageError(stderr, "build", err, lang.value)
	}
	opts.Lang = lang.value
	if f, ok := stderr.(*os.File); ok && !*quiet && build.IsTerminal(f) {
		opts.Progress = stderr
	}
	res, diags := build.Build(dir, opts)
	diags.Print(stderr, lang.value)
	if len(diags) > 0 {
		fmt.Fprintln(stderr, diags.Summary(lang.value))
	}
	if diags.HasErrors() {
		fmt.Fprintln(stderr, diag.M("Chưa xuất bản: thư mục xuất giữ nguyên như trước. Hãy sửa các lỗi trên rồi chạy lại.",
			"Nothing published: the output folder is as it was. Fix the errors above and build again.").Text(lang.value))
		return exitError
	}
	if !*quiet {
		build.PrintBuildSummary(stdout, res, lang.value)
	}
	return exitOK
}

var demoUsage = diag.M(`Cách dùng: khuyencong demo [--size S|M|L|XL] [--photos=false] -o THƯ-MỤC

Tạo vào THƯ-MỤC (chưa có hoặc trống) một trang đầy đủ với dữ liệu minh họa, luôn
giống hệt nhau với cùng một cỡ. Mọi trang của nó đều ghi rõ đó là dữ liệu minh họa,
không phải số liệu thật.

Cỡ: S (100 cơ sở), M (2.000), L (10.000), XL (100.000); mặc định S.

Trang mẫu có ảnh như ảnh chụp bằng điện thoại (JPEG 4000×3000 điểm ảnh, khoảng
3,6 MB, một nửa chụp dọc, vài ảnh chụp màn hình PNG) cho mọi sản phẩm, một số cơ sở
và bài viết: cỡ S khoảng 130 MB, cỡ M khoảng 2,3 GB. Cỡ L và XL mặc định không có
ảnh (sẽ cần hàng chục GB); thêm --photos để vẫn tạo.

Tùy chọn:
  --photos=false   không tạo ảnh (trang mẫu như các phiên bản trước)
  --photos         tạo ảnh cả ở cỡ L và XL

Ví dụ:
  khuyencong demo -o /tmp/trang-mau
  khuyencong build /tmp/trang-mau`,
	`Usage: khuyencong demo [--size S|M|L|XL] [--photos=false] -o FOLDER

Writes into FOLDER (new or empty) a complete site of illustrative data, always the
same for the same size. Every page of it says the data is illustrative.

Sizes: S (100 establishments), M (2,000), L (10,000), XL (100,000); default S.

The site has photos like a phone takes (4000×3000 JPEG of about 3.6 MB, half of
them upright by their EXIF orientation, a few PNG screenshots) for every product,
some establishments and some articles: about 130 MB at size S, 2.3 GB at M. Sizes
L and XL have none unless asked (they would take tens of GB): add --photos.

Options:
  --photos=false   no photos (the example site as in earlier versions)
  --photos         photos at sizes L and XL too

Example:
  khuyencong demo -o /tmp/example-site
  khuyencong build /tmp/example-site`)

func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := flags("demo")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	var names []string
	for _, s := range demo.Sizes {
		names = append(names, s.Name)
	}
	size := &choice{value: "S", allowed: names}
	fs.Var(size, "size", "")
	var out string
	fs.StringVar(&out, "o", "", "")
	fs.StringVar(&out, "output", "", "")
	photos := fs.Bool("photos", true, "")
	pos, err := parse(fs, args)
	asked := false
	fs.Visit(func(f *flag.Flag) { asked = asked || f.Name == "photos" })
	if !asked {
		// L and XL with photos would take tens of GB: only when asked.
		*photos = size.value == "S" || size.value == "M"
	}
	if err == nil && (len(pos) > 0 || out == "") {
		err = errors.New(diag.M("hãy ghi thư mục sẽ tạo trang mẫu bằng -o, ví dụ: khuyencong demo -o /tmp/trang-mau",
			"give the folder to write the example site into with -o, e.g. khuyencong demo -o /tmp/example-site").Text(langOf(args)))
	}
	if err != nil {
		return usageError(stderr, "demo", err, langOf(args))
	}
	sz, _ := demo.SizeByName(size.value)
	if err := demo.Write(out, sz, demo.Options{Photos: *photos}); err != nil {
		fmt.Fprintf(stderr, "khuyencong demo: %v\n", err)
		return exitError
	}
	fmt.Fprintln(stdout, diag.M("Đã tạo trang mẫu cỡ %s trong %s. Xem thử: khuyencong build %s",
		"Wrote an example site of size %s into %s. Try: khuyencong build %s", sz.Name, out, out).Text(lang.value))
	return exitOK
}

var versionUsage = diag.M("Cách dùng: khuyencong version\n\nIn phiên bản của chương trình và của Go đã dịch nó.",
	"Usage: khuyencong version\n\nPrints the program version and the Go version that built it.")

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flags("version")
	fs.String("lang", "", "")
	pos, err := parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("%s", diag.M("lệnh version không nhận tham số %q", "the version command takes no argument %q", pos[0]).Text(langOf(args)))
	}
	if err != nil {
		return usageError(stderr, "version", err, langOf(args))
	}
	fmt.Fprintln(stdout, version())
	return exitOK
}

// version describes the binary from its build information: the module
// version (or "(devel)"), the commit when known, and the Go version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "khuyencong (unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+"
			}
		}
	}
	out := "khuyencong " + v
	if rev != "" {
		out += " " + rev[:min(12, len(rev))] + modified
	}
	return out + " " + info.GoVersion
}

var helpUsage = diag.M("Cách dùng: khuyencong help [LỆNH] [--lang en]\n\nVí dụ:\n  khuyencong help build",
	"Usage: khuyencong help [COMMAND] [--lang en]\n\nExample:\n  khuyencong help build")

func runHelp(args []string, stdout, stderr io.Writer) int {
	fs := flags("help")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	pos, err := parse(fs, args)
	if err != nil {
		return usageError(stderr, "help", err, langOf(args))
	}
	if len(pos) == 0 {
		printOverview(stdout, lang.value)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == pos[0] {
			fmt.Fprintln(stdout, c.usage.Text(lang.value))
			return exitOK
		}
	}
	fmt.Fprintln(stderr, diag.M("không có lệnh %q.", "there is no command %q.", pos[0]).Text(lang.value))
	printOverview(stderr, lang.value)
	return exitUsage
}
