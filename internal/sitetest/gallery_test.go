package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// galleryProduct is the product of the example site given eight photos
// by galleryExample.
const galleryProduct = "san-pham/tinh-dau-chuc-yen-huong/index.html"

var (
	galleryOnce sync.Once
	galleryDir  string
	galleryErr  error
)

// galleryExample builds the example site with eight photos on its product
// (camera-sized JPEGs, 2400×1800 and one standing 1800×2400, with a light
// grain: their copies weigh about what the demo site's phone photos' do,
// some 20 KB at 480 px and 190 KB at 1600) and a base_url, once.
func galleryExample(t *testing.T) string {
	t.Helper()
	galleryOnce.Do(func() {
		src := filepath.Join(tmpRoot, "gallery-site")
		galleryErr = copyTree("../../data", filepath.Join(src, "data"))
		if galleryErr == nil {
			galleryErr = copyTree("../../content", filepath.Join(src, "content"))
		}
		var yaml strings.Builder
		yaml.WriteString("photos:\n")
		for i := 1; i <= 8 && galleryErr == nil; i++ {
			w, h := 2400, 1800
			if i == 3 {
				w, h = 1800, 2400
			}
			name := fmt.Sprintf("anh/san-pham/chuc-%d.jpg", i)
			galleryErr = writeJPEG(filepath.Join(src, "content", filepath.FromSlash(name)), w, h, i)
			fmt.Fprintf(&yaml, "  - file: %s\n    caption: Ảnh thử %d của tinh dầu chúc\n    credit: Yến Hương\n", name, i)
		}
		if galleryErr != nil {
			return
		}
		p := filepath.Join(src, "data", "products", "tinh-dau-chuc-yen-huong.yaml")
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			galleryErr = err
			return
		}
		_, galleryErr = f.WriteString(yaml.String())
		f.Close()
		if galleryErr == nil {
			galleryDir, galleryErr = buildSite(src, "https://khuyencong.example/khuyen-cong/")
		}
	})
	if galleryErr != nil {
		t.Fatal(galleryErr)
	}
	return galleryDir
}

// writeJPEG writes a w×h photo-like JPEG: a gradient of its own hue with
// grain.
func writeJPEG(p string, w, h, seed int) error {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(seed * 2654435761)
	for y := 0; y < h; y++ {
		for i := 0; i < w; i++ {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			n := int(x%13) - 6
			c := func(v int) uint8 { return uint8(min(255, max(0, v+n))) }
			img.Set(i, y, color.RGBA{c(60 + 150*i/w), c(40*seed%200 + 40*y/h), c(200 - 120*y/h), 255})
		}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		return err
	}
	return os.WriteFile(p, b.Bytes(), 0o644)
}

// copyTree copies the files under src into dst.
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// axeSource reads axe-core, or skips the test without it.
func axeSource(t *testing.T) string {
	t.Helper()
	p, err := toolFile("axe-core/axe.min.js")
	need(t, "axe-core", "run `npm ci` in internal/sitetest", err)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeClean fails when axe-core finds a critical or serious violation.
func axeClean(ctx context.Context, axe, state string) error {
	vs, err := runAxe(ctx, axe)
	if err != nil {
		return err
	}
	var errs []string
	for _, v := range vs {
		errs = append(errs, fmt.Sprintf("axe %s (%s) with %s: %s\n\t\t%s", v.ID, v.Impact, state, v.Help, strings.Join(v.Nodes, "\n\t\t")))
	}
	if len(errs) > 0 {
		return fmt.Errorf("\n\t%s", strings.Join(errs, "\n\t"))
	}
	return nil
}

// galleryState is what the page shows of its gallery.
type galleryState struct {
	Open      bool   `json:"open"`
	Focused   string `json:"focused"`
	FocusHref string `json:"focusHref"`
	Src       string `json:"src"`
	Count     string `json:"count"`
	Caption   string `json:"caption"`
	Unsized   int    `json:"unsized"`
}

const readGallery = `(() => {
  const d = document.querySelector("dialog.lightbox");
  const a = document.activeElement;
  const img = d && d.querySelector("img");
  return {
    open: !!(d && d.open),
    focused: a ? a.tagName.toLowerCase() + "." + (a.className || "") : "",
    focusHref: a && a.getAttribute("href") || "",
    src: img && img.getAttribute("src") || "",
    count: d ? d.querySelector(".lightbox-count").textContent : "",
    caption: d ? d.querySelector("figcaption").textContent : "",
    unsized: Array.from(document.querySelectorAll(".gallery img")).filter(i => !(i.getAttribute("width") && i.getAttribute("height")) && getComputedStyle(i).aspectRatio === "auto").length,
  };
})()`

func gallery(ctx context.Context) (galleryState, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[galleryState](readGallery))
}

// galleryPage starts a browser and serves the example site with eight
// photos on galleryProduct; it returns the browser and the product page's
// address.
func galleryPage(t *testing.T) (context.Context, string) {
	bctx := browser(t)
	root := serve(t, galleryExample(t), "/")
	return bctx, pageURL(root, galleryProduct)
}

// TestGalleryKeyboard uses the gallery of a product with eight photos by
// keyboard alone, at both sizes: Tab reaches the thumbnails, Enter opens
// the photo in a dialog with the focus on its close button, the arrow
// keys go through the photos (around the ends), Escape closes it and the
// focus is back on the thumbnail; axe-core finds nothing serious with
// the dialog open; every image of the gallery has its size.
func TestGalleryKeyboard(t *testing.T) {
	bctx, u := galleryPage(t)
	axe := axeSource(t)
	for _, vp := range viewports {
		v := open(t, bctx, vp, u, false, func(ctx context.Context) error {
			st, err := gallery(ctx)
			if err != nil {
				return err
			}
			if st.Unsized > 0 {
				return fmt.Errorf("%d images of the gallery have neither width and height nor an aspect ratio", st.Unsized)
			}
			// Tab until the third photo's thumbnail has the focus.
			var links []string
			if links, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".gallery a.gallery-link")).map(a => a.getAttribute("href"))`)); err != nil {
				return err
			}
			if len(links) != 8 {
				return fmt.Errorf("the gallery links %d photos, want 8", len(links))
			}
			reached := false
			for i := 0; i < 80 && !reached; i++ {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
					return err
				}
				if st, err = gallery(ctx); err != nil {
					return err
				}
				reached = st.FocusHref == links[2]
			}
			if !reached {
				return fmt.Errorf("Tab never reaches the third photo's thumbnail (focus on %s)", st.Focused)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				return err
			}
			st, err = gallery(ctx)
			if err != nil {
				return err
			}
			if !st.Open || st.Src != links[2] || st.Count != "Ảnh 3/8" || !strings.HasPrefix(st.Focused, "button.lightbox-close") {
				return fmt.Errorf("Enter on the third thumbnail: %+v", st)
			}
			if !strings.Contains(st.Caption, "Ảnh thử 3") {
				return fmt.Errorf("the dialog's caption is %q", st.Caption)
			}
			if err := axeClean(ctx, axe, "the photo dialog open"); err != nil {
				return err
			}
			steps := []struct {
				key   string
				count string
				href  string
			}{{kb.ArrowRight, "Ảnh 4/8", links[3]}, {kb.ArrowLeft, "Ảnh 3/8", links[2]}, {kb.ArrowLeft, "Ảnh 2/8", links[1]}, {kb.ArrowLeft, "Ảnh 1/8", links[0]}, {kb.ArrowLeft, "Ảnh 8/8", links[7]}}
			for _, s := range steps {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(s.key)); err != nil {
					return err
				}
				if st, err = gallery(ctx); err != nil {
					return err
				}
				if st.Count != s.count || st.Src != s.href {
					return fmt.Errorf("after %q: %q showing %s, want %q showing %s", s.key, st.Count, st.Src, s.count, s.href)
				}
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
				return err
			}
			if st, err = gallery(ctx); err != nil {
				return err
			}
			if st.Open || st.FocusHref != links[2] {
				return fmt.Errorf("after Escape: dialog open %v, focus on %s %s", st.Open, st.Focused, st.FocusHref)
			}
			if err := shareOffered(ctx); err != nil {
				return err
			}
			return noHorizontalScroll(ctx)
		})
		for _, p := range v.problems {
			t.Errorf("%s at %s: %s", u, vp.name, p)
		}
	}
}

// shareOffered checks the share buttons of a record page: the system
// share sheet where the browser has one, else "copy link", never both;
// copying says it did, and puts the page's canonical address on the
// clipboard.
func shareOffered(ctx context.Context) error {
	type share struct {
		Native bool   `json:"native"`
		Copy   bool   `json:"copy"`
		Has    bool   `json:"has"`
		URL    string `json:"url"`
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[share](`(() => {
		const b = document.querySelector("[data-share]");
		return {native: !b.querySelector(".share-native").hidden, copy: !b.querySelector(".share-copy").hidden,
			has: !!navigator.share, url: b.getAttribute("data-url") || ""};
	})()`))
	if err != nil {
		return err
	}
	if s.Native == s.Copy || s.Native != s.Has {
		return fmt.Errorf("share buttons: %+v", s)
	}
	if s.Copy {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-share] .share-copy"))); err != nil {
			return err
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("[data-share] .share-status").textContent !== ""`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			return fmt.Errorf("copying the link says nothing: %v", err)
		}
		said, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-share] .share-status").textContent`))
		if err != nil {
			return err
		}
		if said != "Đã chép liên kết." && said != "Không chép được; hãy chép địa chỉ trên thanh địa chỉ." {
			return fmt.Errorf("copying the link says %q", said)
		}
		if s.URL != "https://khuyencong.example/khuyen-cong/san-pham/tinh-dau-chuc-yen-huong/" {
			return fmt.Errorf("the page shares %q", s.URL)
		}
	}
	return nil
}

// TestGalleryWithoutScript opens the product page with JavaScript off: a
// thumbnail is a link to the photo's largest copy, which loads.
func TestGalleryWithoutScript(t *testing.T) {
	bctx, u := galleryPage(t)
	v := open(t, bctx, viewports[0], u, false, func(ctx context.Context) error {
		if err := chromedp.Do(ctx, emulateNoScript(), chromedp.Reload(), chromedp.WaitReady("body")); err != nil {
			return err
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".share button:not([hidden])").length`))
		if err != nil {
			return err
		}
		if shown != 0 {
			return fmt.Errorf("without a script %d share buttons show, which would do nothing", shown)
		}
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelectorAll(".gallery-thumbs a")[1].href`))
		if err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".gallery-thumbs li:nth-child(2) a")), chromedp.Sleep(300*time.Millisecond)); err != nil {
			return err
		}
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + (document.images[0] ? document.images[0].naturalWidth : 0)`))
		if err != nil {
			return err
		}
		if !strings.HasPrefix(loc, href+" ") || strings.HasSuffix(loc, " 0") || !strings.Contains(href, "-1600w.jpg") {
			return fmt.Errorf("without a script the thumbnail (%s) leads to %s", href, loc)
		}
		return nil
	})
	for _, p := range v.problems {
		if strings.Contains(p, "/favicon.ico") {
			continue // asked for by the browser for the photo shown alone
		}
		t.Errorf("%s: %s", u, p)
	}
}

// emulateNoScript turns JavaScript off for the page.
func emulateNoScript() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// TestShareSheet opens a product page in a browser that has a system share
// sheet (navigator.share, stood in for by the test before the page loads,
// as headless Chromium has none): the share button shows instead of "copy
// link", and pressing it hands the sheet the product's name and canonical
// address.
func TestShareSheet(t *testing.T) {
	bctx, u := galleryPage(t)
	const standIn = `Object.defineProperty(navigator, "share", {configurable: true, value: function (d) {
		window.__shared = {title: d.title, url: d.url}; return Promise.resolve(); }});`
	type shared struct {
		Native bool   `json:"native"`
		Copy   bool   `json:"copy"`
		Title  string `json:"title"`
		URL    string `json:"url"`
	}
	v := open(t, bctx, viewports[0], u, false, func(ctx context.Context) error {
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: standIn})
			return err
		}), chromedp.Reload(), chromedp.WaitReady("body"))
		if err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-share] .share-native"))); err != nil {
			return fmt.Errorf("the share button cannot be pressed: %v", err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[shared](`(() => {
			const b = document.querySelector("[data-share]"), s = window.__shared || {};
			return {native: !b.querySelector(".share-native").hidden, copy: !b.querySelector(".share-copy").hidden,
				title: s.title || "", url: s.url || ""};
		})()`))
		if err != nil {
			return err
		}
		if !s.Native || s.Copy {
			return fmt.Errorf("with a share sheet: share button shown %v, copy link shown %v", s.Native, s.Copy)
		}
		if s.URL != "https://khuyencong.example/khuyen-cong/san-pham/tinh-dau-chuc-yen-huong/" || !strings.Contains(s.Title, "Tinh dầu") {
			return fmt.Errorf("the share sheet is given %q at %q", s.Title, s.URL)
		}
		return nil
	})
	for _, p := range v.problems {
		t.Errorf("%s: %s", u, p)
	}
}
