package importnews

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// client returns the HTTP client of an import: the given one, or one that
// follows at most five redirects, to http and https only.
func client(opts Options) *http.Client {
	if opts.Client != nil {
		return opts.Client
	}
	return &http.Client{
		Timeout: opts.Limits.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s", req.URL.Scheme)
			}
			return nil
		},
	}
}

const userAgent = "khuyencong-import/1 (news importer of a khuyen cong site)"

// get fetches addr, refusing more than limit bytes; accept checks the
// response's media type.
func get(c *http.Client, addr string, limit int64, timeout time.Duration, accept func(mediaType string) bool) (data []byte, contentType string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := c.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("HTTP %s", resp.Status)
	}
	contentType = resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(contentType)
	if accept != nil && !accept(mt) {
		return nil, contentType, errWrongType{mt}
	}
	if resp.ContentLength > limit {
		return nil, contentType, errTooLarge{resp.ContentLength, limit}
	}
	data, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, contentType, err
	}
	if int64(len(data)) > limit {
		return nil, contentType, errTooLarge{-1, limit}
	}
	return data, contentType, nil
}

type errWrongType struct{ mediaType string }

func (e errWrongType) Error() string { return "wrong media type " + e.mediaType }

type errTooLarge struct{ size, limit int64 }

func (e errTooLarge) Error() string { return fmt.Sprintf("larger than %d bytes", e.limit) }

func isHTML(mt string) bool {
	return mt == "" || mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain"
}

// fromURL fetches and imports the article at addr.
func fromURL(addr string, opts Options) (*article, error) {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return nil, fail("địa chỉ %s không hợp lệ; hãy chép nguyên địa chỉ bài viết từ thanh địa chỉ của trình duyệt, bắt đầu bằng https://",
			"%s is not a valid address; copy the whole address of the article from the browser's address bar, starting with https://", addr)
	}
	c := client(opts)
	data, ct, err := get(c, addr, opts.Limits.Page, opts.Limits.Timeout, isHTML)
	if err != nil {
		var wt errWrongType
		var tl errTooLarge
		switch {
		case errors.As(err, &wt):
			return nil, fail("địa chỉ %s không phải một trang web mà là tệp %s; hãy mở bài viết trên trình duyệt và chép địa chỉ của trang bài viết",
				"%s is not a web page but a %s file; open the article in a browser and copy the address of its page", addr, wt.mediaType)
		case errors.As(err, &tl):
			return nil, fail("trang %s quá lớn (hơn %d MB) nên không nhập; hãy lưu trang bằng trình duyệt (Ctrl+S) rồi nhập tệp .html, hoặc chép bài vào Word",
				"the page %s is too large (over %d MB) and is not imported; save it from the browser (Ctrl+S) and import the .html file, or copy the article into Word", addr, tl.limit>>20)
		}
		return nil, fail("không tải được %s: %v; hãy kiểm tra địa chỉ và kết nối mạng, hoặc lưu trang bằng trình duyệt (Ctrl+S) rồi nhập tệp .html",
			"cannot fetch %s: %v; check the address and the connection, or save the page from the browser (Ctrl+S) and import the .html file", addr, err)
	}
	fetch := &fetcher{client: c, limits: opts.Limits, remoteOnly: true, pageHost: u.Hostname()}
	return fromPage(addr, data, ct, u, "", fetch)
}

// fromHTMLFile imports a web page saved from a browser, with the folder of
// its photos beside it ("Trang_files/").
func fromHTMLFile(path string, opts Options) (*article, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fail("không đọc được tệp %s: %v; hãy kiểm tra tên và đường dẫn tệp", "cannot read %s: %v; check the file name and path", path, err)
	}
	if st.Size() > opts.Limits.Page {
		return nil, fail("trang %s quá lớn (%d MB, tối đa %d MB) nên không nhập; hãy lưu lại chỉ phần bài viết, hoặc chép bài vào Word",
			"the page %s is too large (%d MB, at most %d MB) and is not imported; save the article alone, or copy it into Word", path, st.Size()>>20, opts.Limits.Page>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail("không đọc được tệp %s: %v", "cannot read %s: %v", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	base := &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	fetch := &fetcher{client: client(opts), limits: opts.Limits, localDir: filepath.Dir(abs)}
	return fromPage(path, data, "", base, filepath.Dir(abs), fetch)
}

// fetcher gets the photos of a web page: over http(s), from the folder of
// a saved page (never outside it), or from a data: address.
type fetcher struct {
	client     *http.Client
	limits     Limits
	remoteOnly bool   // a page from the web may not read local files
	localDir   string // the saved page's folder
	// pageHost is the host of the article's own address: its photos may
	// be on a private network like the page (an intranet portal). Photos
	// on any other host must be on a public address, so that a page
	// cannot make the importer fetch from the officer's network.
	pageHost string
	lookup   func(ctx context.Context, host string) ([]net.IPAddr, error)
	count    int
}

// publicOnly returns a copy of c that refuses, before connecting and at
// each redirect, any host but the page's own whose address is not public
// (loopback, private, link-local, multicast or unspecified).
func (f *fetcher) publicOnly(c *http.Client) *http.Client {
	cc := *c
	next := c.CheckRedirect
	cc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := f.checkHost(req.Context(), req.URL); err != nil {
			return err
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("too many redirects")
		}
		return nil
	}
	return &cc
}

// errPrivate is a photo's host that resolves to an address that is not
// public.
type errPrivate struct {
	host string
	ip   net.IP
}

func (e errPrivate) Error() string {
	return fmt.Sprintf("%s is at %s, not a public address", e.host, e.ip)
}

// checkHost returns errPrivate when u's host is not the page's and one of
// its addresses is not public.
func (f *fetcher) checkHost(ctx context.Context, u *url.URL) error {
	host := u.Hostname()
	if host == "" || strings.EqualFold(host, f.pageHost) {
		return nil
	}
	lookup := f.lookup
	if lookup == nil {
		lookup = net.DefaultResolver.LookupIPAddr
	}
	var ips []net.IPAddr
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IPAddr{{IP: ip}}
	} else {
		var err error
		if ips, err = lookup(ctx, host); err != nil {
			return err
		}
	}
	for _, a := range ips {
		if ip := a.IP; ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
			ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
			return errPrivate{host, ip}
		}
	}
	return nil
}

// photo returns the bytes of the photo at src, or nil and why not.
func (f *fetcher) photo(src string) ([]byte, diag.Msg) {
	if f.count >= f.limits.Photos {
		return nil, diag.M("bài có hơn %d ảnh; các ảnh sau không được lấy", "the article has more than %d photos; the rest are not taken", f.limits.Photos)
	}
	f.count++
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil {
		return nil, diag.M("địa chỉ ảnh %q không hợp lệ", "the photo address %q is not valid", src)
	}
	switch u.Scheme {
	case "http", "https":
		ctx, cancel := context.WithTimeout(context.Background(), f.limits.Timeout)
		err := f.checkHost(ctx, u)
		cancel()
		var data []byte
		if err == nil {
			data, _, err = get(f.publicOnly(f.client), u.String(), f.limits.Photo, f.limits.Timeout, func(mt string) bool { return true })
		}
		var tl errTooLarge
		var pe errPrivate
		switch {
		case errors.As(err, &pe):
			return nil, diag.M("ảnh %s không được lấy: máy %s ở địa chỉ nội bộ %s, không phải địa chỉ công khai; nếu đúng là ảnh của bài, hãy tải ảnh về rồi thêm vào bài bằng tay",
				"the photo %s is not taken: %s is at the internal address %s, not a public one; if it is the article's photo, download it and add it to the article by hand", u, pe.host, pe.ip)
		case errors.As(err, &tl):
			return nil, diag.M("ảnh %s lớn hơn %d MB", "the photo %s is larger than %d MB", u, f.limits.Photo>>20)
		case err != nil:
			return nil, diag.M("không tải được ảnh %s: %v", "cannot fetch the photo %s: %v", u, err)
		}
		return data, diag.Msg{}
	case "data":
		return dataURL(u.String(), f.limits.Photo)
	case "file", "":
		if f.remoteOnly || f.localDir == "" {
			return nil, diag.M("ảnh %q không phải địa chỉ web", "the photo %q is not a web address", src)
		}
		p := filepath.FromSlash(u.Path)
		if u.Scheme == "" {
			p = filepath.Join(f.localDir, filepath.FromSlash(u.Path))
		}
		rel, err := filepath.Rel(f.localDir, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, diag.M("ảnh %s nằm ngoài thư mục của trang đã lưu", "the photo %s is outside the saved page's folder", p)
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, diag.M("không có tệp ảnh %s (hãy lưu trang kiểu “Webpage, Complete” để có thư mục ảnh)", "the photo file %s is missing (save the page as “Webpage, Complete” to keep its photos)", p)
		}
		if st.Size() > f.limits.Photo {
			return nil, diag.M("ảnh %s lớn hơn %d MB", "the photo %s is larger than %d MB", p, f.limits.Photo>>20)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, diag.M("không đọc được ảnh %s: %v", "cannot read the photo %s: %v", p, err)
		}
		return data, diag.Msg{}
	}
	return nil, diag.M("ảnh %q có kiểu địa chỉ không dùng được", "the photo %q has an address of a kind that cannot be used", src)
}

// dataURL decodes a base64 data: address.
func dataURL(s string, limit int64) ([]byte, diag.Msg) {
	_, payload, ok := strings.Cut(s, ",")
	if !ok || !strings.Contains(strings.ToLower(s[:len(s)-len(payload)]), ";base64") {
		return nil, diag.M("ảnh nhúng trong trang không đọc được", "a photo embedded in the page cannot be read")
	}
	if int64(len(payload))*3/4 > limit {
		return nil, diag.M("ảnh nhúng trong trang lớn hơn %d MB", "a photo embedded in the page is larger than %d MB", limit>>20)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return nil, diag.M("ảnh nhúng trong trang không đọc được", "a photo embedded in the page cannot be read")
	}
	return data, diag.Msg{}
}
