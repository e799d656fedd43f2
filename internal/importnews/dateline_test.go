package importnews

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDateline: the line of a page that only says when it was published
// goes into the front matter's date, not into the body; a paragraph that
// merely mentions a date stays.
func TestDateline(t *testing.T) {
	page := `<html><head><title>Hội chợ</title></head><body><article>
<h1>Hội chợ hàng công nghiệp nông thôn tiêu biểu 2024</h1>
<div class="date">Thứ Bảy, 05/10/2024 08:30</div>
<p class="sapo">Ngày 5/10, Trung tâm Khuyến công khai mạc hội chợ với 120 gian hàng của 80 cơ sở trong và ngoài tỉnh.</p>
<p>Hội chợ diễn ra đến hết ngày 09/10/2024 tại quảng trường trung tâm, giới thiệu sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh và cấp khu vực của nhiều địa phương.</p>
<p class="post-time"><time datetime="2024-10-05T08:30:00+07:00">08:30 05/10/2024</time></p>
</article></body></html>`
	base, _ := url.Parse("https://example.vn/tin/hoi-cho.html")
	fetch := &fetcher{client: &http.Client{Transport: noNetwork{}}, limits: DefaultLimits, remoteOnly: true}
	a, err := fromPage("hoi-cho.html", []byte(page), "text/html", base, "", fetch)
	if err != nil {
		t.Fatal(err)
	}
	out, res := render("hoi-cho.html", a, Options{})
	if !strings.Contains(out, "\ndate: 2024-10-05\n") {
		t.Errorf("the date is not in the front matter:\n%s", out)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(out, "---\n"), "\n---\n")
	if strings.Contains(body, "Thứ Bảy") || strings.Contains(body, "08:30") {
		t.Errorf("a dateline is left in the body:\n%s", body)
	}
	if !strings.Contains(body, "đến hết ngày 09/10/2024") {
		t.Errorf("a paragraph mentioning a date was dropped:\n%s", body)
	}
	found := false
	for _, m := range res.Notes.dropped {
		if strings.Contains(m.Vi, "2 dòng ngày giờ đăng") {
			found = true
		}
	}
	if !found {
		t.Errorf("the two datelines are not listed as left out: %v", res.Notes.dropped)
	}
}
