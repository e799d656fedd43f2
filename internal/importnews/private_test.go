package importnews

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/docx/docxtest"
)

// TestPhotoOnPrivateAddress: a web page's photos on another host are
// fetched only from public addresses, checked before connecting and at
// each redirect; the page's own host may be internal (an intranet portal).
func TestPhotoOnPrivateAddress(t *testing.T) {
	jpeg := docxtest.JPEG(40, 30, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/anh.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write(jpeg)
	})
	mux.HandleFunc("/chuyen", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://noi-bo.example/anh.jpg", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL, _ := url.Parse(srv.URL)
	port := srvURL.Port()
	// Every name below is served by srv; what the lookup says of it is
	// what the guard judges.
	addrs := map[string]string{"cong-khai.example": "203.0.113.7", "noi-bo.example": "10.1.2.3"}
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srvURL.Host)
	}}}
	lookup := func(_ context.Context, host string) ([]net.IPAddr, error) {
		if a, ok := addrs[host]; ok {
			return []net.IPAddr{{IP: net.ParseIP(a)}}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	tests := []struct {
		page, photo string
		refused     string // the address named in the message, "" when the photo is taken
	}{
		{"cong-khai.example", "http://cong-khai.example:" + port + "/anh.jpg", ""},
		{"noi-bo.example", "http://noi-bo.example:" + port + "/anh.jpg", ""}, // the page's own host
		{"cong-khai.example", "http://noi-bo.example:" + port + "/anh.jpg", "10.1.2.3"},
		{"cong-khai.example", "http://127.0.0.1:" + port + "/anh.jpg", "127.0.0.1"},
		{"cong-khai.example", "http://[::1]:" + port + "/anh.jpg", "::1"},
		{"cong-khai.example", "http://169.254.169.254:" + port + "/anh.jpg", "169.254.169.254"},
		{"cong-khai.example", "http://cong-khai.example:" + port + "/chuyen", "10.1.2.3"}, // redirected inside
		{"", "http://noi-bo.example:" + port + "/anh.jpg", "10.1.2.3"},                    // a saved page has no host of its own
	}
	for _, tc := range tests {
		f := &fetcher{client: client, limits: DefaultLimits, remoteOnly: true, pageHost: tc.page, lookup: lookup}
		data, why := f.photo(tc.photo)
		if tc.refused == "" {
			if why.Vi != "" || len(data) != len(jpeg) {
				t.Errorf("page %s, photo %s: not taken (%s)", tc.page, tc.photo, why.Vi)
			}
			continue
		}
		if data != nil || !strings.Contains(why.Vi, "địa chỉ nội bộ "+tc.refused) || !strings.Contains(why.En, "internal address "+tc.refused) {
			t.Errorf("page %s, photo %s: got %d bytes, message %q, want refused at %s", tc.page, tc.photo, len(data), why.Vi, tc.refused)
		}
	}
}
