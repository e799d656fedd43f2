package render

import (
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// rasterQR draws the QR code SVG made by qrSVG into an image, scale
// pixels a module, reading its path as qrSVG writes it: one
// "Mx yhNv1h-Nz" rectangle per run of dark modules.
func rasterQR(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	vb := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`).FindStringSubmatch(svg)
	if vb == nil {
		t.Fatalf("no viewBox in %.80s…", svg)
	}
	side, _ := strconv.Atoi(vb[1])
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	d := regexp.MustCompile(`<path fill="#000" d="([^"]*)"`).FindStringSubmatch(svg)
	if d == nil {
		t.Fatalf("no path in %.80s…", svg)
	}
	runs := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllStringSubmatch(d[1], -1)
	if strings.Count(d[1], "M") != len(runs) {
		t.Fatalf("path has %d moves, %d of them runs", strings.Count(d[1], "M"), len(runs))
	}
	for _, r := range runs {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		n, _ := strconv.Atoi(r[3])
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+n)*scale; px++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	return img
}

// decodeQR reads the text of a QR code image with an independent decoder.
func decodeQR(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

// TestQRDecodes draws the QR codes of addresses short and long, with
// Vietnamese paths escaped as abs writes them, and reads them back.
func TestQRDecodes(t *testing.T) {
	for _, u := range []string{
		"https://kc.example/",
		"https://khuyencong.example/khuyen-cong/san-pham/tinh-dau-chuc-yen-huong/",
		"https://sct.angiang.gov.vn/khuyen-cong/co-so/cong-ty-tnhh-yen-huong-vina-chi-nhanh-tri-ton-so-2/",
		"https://kc.example/binh-chon/%C4%91/",
	} {
		svg, err := qrSVG(u, "QR")
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeQR(rasterQR(t, string(svg), 4))
		if err != nil {
			t.Errorf("%s: decoding: %v", u, err)
			continue
		}
		if got != u {
			t.Errorf("decoded %q, want %q", got, u)
		}
	}
}

// TestSheetQR renders the test site: every print sheet carries the QR
// code of its record's page, which decodes to the page's canonical
// address; without base_url no sheet has one.
func TestSheetQR(t *testing.T) {
	m := testModel(plain)
	out := memSink{}
	if _, diags := Render(m, Options{Assets: plainAssets(m)}, out); diags.HasErrors() {
		t.Fatal(diags)
	}
	svgRe := regexp.MustCompile(`(?s)<svg class="qr".*?</svg>`)
	want := map[string][]string{
		"san-pham/tinh-dau-chuc-yen-huong/in/index.html": {"https://khuyencong.example/khuyen-cong/san-pham/tinh-dau-chuc-yen-huong/"},
		"san-pham/banh-bo-thot-not/in/index.html":        {"https://khuyencong.example/khuyen-cong/san-pham/banh-bo-thot-not/"},
		"co-so/yen-huong-vina/in/index.html":             {"https://khuyencong.example/khuyen-cong/co-so/yen-huong-vina/"},
		"co-so/hkd-ut-an/in/index.html":                  {"https://khuyencong.example/khuyen-cong/co-so/hkd-ut-an/"},
		"binh-chon/cnnt-khu-vuc-nam-2020/in/index.html":  {"https://khuyencong.example/khuyen-cong/san-pham/tinh-dau-chuc-yen-huong/"},
		"binh-chon/ocop-tinh-2021/in/index.html":         {"https://khuyencong.example/khuyen-cong/san-pham/tinh-dau-chuc-yen-huong/"},
	}
	for file, urls := range want {
		page := string(out[file])
		if page == "" {
			t.Errorf("%s not written", file)
			continue
		}
		svgs := svgRe.FindAllString(page, -1)
		var got []string
		for _, s := range svgs {
			text, err := decodeQR(rasterQR(t, s, 3))
			if err != nil {
				t.Errorf("%s: decoding a QR code: %v", file, err)
				continue
			}
			got = append(got, text)
		}
		if fmt.Sprint(got) != fmt.Sprint(urls) {
			t.Errorf("%s: QR codes decode to %q, want %q", file, got, urls)
		}
		for _, u := range urls {
			if !strings.Contains(page, `<span class="print-url">`+u+`</span>`) {
				t.Errorf("%s does not write the address %s under its code", file, u)
			}
		}
	}

	m.Site.BaseURL = ""
	out = memSink{}
	if _, diags := Render(m, Options{Assets: plainAssets(m)}, out); diags.HasErrors() {
		t.Fatal(diags)
	}
	for file := range want {
		if strings.Contains(string(out[file]), `class="qr"`) {
			t.Errorf("%s has a QR code without base_url", file)
		}
		if !strings.Contains(string(out[file]), `class="print-sheet"`) {
			t.Errorf("%s has no sheet without base_url", file)
		}
	}
}
