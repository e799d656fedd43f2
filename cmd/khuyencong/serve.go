package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/serve"
)

var serveUsage = diag.M(`Cách dùng: khuyencong serve [THƯ-MỤC] [--port 1313] [--bind 127.0.0.1] [--lang vi|en]

Xem trước trang trong THƯ-MỤC (mặc định: thư mục hiện tại) trên trình duyệt, trong
khi sửa dữ liệu. Trang được tạo trong bộ nhớ (không ghi gì vào public/), có cả bài
nháp và bài chưa đến ngày đăng, đánh dấu "bản nháp". Mỗi khi lưu một tệp trong
data/, content/ hay templates/, mọi trang đang mở tự tải lại. Khi dữ liệu có lỗi,
trình duyệt hiện danh sách lỗi (tệp, dòng, nội dung và các dòng bị lỗi) và cửa sổ
lệnh in chúng; sửa xong và lưu tệp thì trang trở lại.
Dừng bằng Ctrl+C.

Tùy chọn:
  --port SỐ        cổng (mặc định 1313)
  --bind ĐỊA-CHỈ   địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này xem được);
                   --bind 0.0.0.0 cho máy khác trong mạng xem, hãy cẩn thận
  --lang en        giao diện và thông báo bằng tiếng Anh

Ví dụ:
  khuyencong serve
  khuyencong serve D:\trang-khuyen-cong
  khuyencong serve . --port 8080
  rồi mở http://127.0.0.1:1313/ trên trình duyệt`,
	`Usage: khuyencong serve [FOLDER] [--port 1313] [--bind 127.0.0.1] [--lang vi|en]

Previews the site in FOLDER (default: the current folder) in a browser while its
data is edited. The site is built in memory (nothing is written into public/), with
drafts and future articles, marked "draft". Whenever a file of data/, content/ or
templates/ is saved, every open page reloads. When the data has errors the browser
shows them (file, line, message and the offending lines) and the terminal prints
them; once fixed and saved, the site comes back.
Stop with Ctrl+C.

Options:
  --port N         port (default 1313)
  --bind ADDRESS   address to listen on (default 127.0.0.1: this computer only);
                   --bind 0.0.0.0 lets other computers of the network see it, take care
  --lang en        English interface and messages

Examples:
  khuyencong serve
  khuyencong serve . --port 8080
  then open http://127.0.0.1:1313/ in a browser`)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flags("serve")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	port := fs.Int("port", 1313, "")
	bind := fs.String("bind", "127.0.0.1", "")
	pos, err := parse(fs, args)
	if err == nil && (*port < 0 || *port > 65535) {
		err = errors.New(diag.M("cổng %d không hợp lệ: hãy ghi một số từ 1 đến 65535, ví dụ --port 1313",
			"invalid port %d: write a number from 1 to 65535, e.g. --port 1313", *port).Text(langOf(args)))
	}
	if err != nil {
		return usageError(stderr, "serve", err, langOf(args))
	}
	dir, err := oneDir(pos, lang.value)
	if err != nil {
		return usageError(stderr, "serve", err, lang.value)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintln(stderr, diag.M("khuyencong serve: không tìm thấy thư mục trang %s: hãy kiểm tra đường dẫn, hoặc chạy lệnh trong thư mục chứa data/ và content/",
			"khuyencong serve: site folder %s not found: check the path, or run the command in the folder that holds data/ and content/", dir).Text(lang.value))
		return exitError
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintln(stderr, diag.M("khuyencong serve: không mở được cổng %d (%v): có thể một chương trình khác đang dùng cổng này; hãy thử --port %d",
			"khuyencong serve: cannot listen on port %d (%v): another program may be using it; try --port %d", *port, err, *port+1).Text(lang.value))
		return exitError
	}
	if ip := net.ParseIP(*bind); *bind != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintln(stderr, diag.M("Cảnh báo: trang xem trước mở cho mọi máy truy cập được địa chỉ %s, kể cả bài nháp. Chỉ dùng trong mạng tin cậy.",
			"Warning: the preview, drafts included, is open to every computer that can reach %s. Use it on a trusted network only.", *bind).Text(lang.value))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	s := serve.New(serve.Options{Dir: dir, Lang: lang.value, Log: stderr})
	s.Rebuild()
	go func() {
		if err := s.Watch(ctx); err != nil {
			fmt.Fprintln(stderr, diag.M("khuyencong serve: không theo dõi được thay đổi của tệp (%v): trang sẽ không tự tải lại",
				"khuyencong serve: cannot watch files for changes (%v): pages will not reload by themselves", err).Text(lang.value))
		}
	}()
	host := *bind
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	addr := ln.Addr().(*net.TCPAddr)
	fmt.Fprintln(stdout, diag.M("Đang xem trước tại http://%s/ — sửa và lưu tệp, trang tự tải lại. Dừng bằng Ctrl+C.",
		"Previewing at http://%s/ — edit and save files, pages reload by themselves. Stop with Ctrl+C.",
		net.JoinHostPort(host, strconv.Itoa(addr.Port))).Text(lang.value))
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(shut)
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "khuyencong serve: %v\n", err)
		return exitError
	}
	return exitOK
}
