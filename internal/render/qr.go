package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	qr "github.com/piglig/go-qr"
)

// qrQuiet is the light margin around a QR code, in modules, that the
// standard asks for so that readers find the code.
const qrQuiet = 4

// qrMatrix encodes text (a page's address) as a QR code at error
// correction level M, and returns its dark modules, row by row, without
// the quiet zone.
func qrMatrix(text string) ([][]bool, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return nil, err
	}
	n := code.Size()
	rows := make([][]bool, n)
	for y := range rows {
		rows[y] = make([]bool, n)
		for x := range rows[y] {
			rows[y][x] = code.Module(x, y)
		}
	}
	return rows, nil
}

// qrSVG draws the QR code of text as an SVG element: one path of dark
// runs on a white square with the quiet zone, scaled by CSS. label is its
// accessible name. The drawing is the same for the same text, byte for
// byte.
func qrSVG(text, label string) (template.HTML, error) {
	rows, err := qrMatrix(text)
	if err != nil {
		return "", fmt.Errorf("QR code of %q: %w", text, err)
	}
	n := len(rows)
	side := n + 2*qrQuiet
	var d strings.Builder
	for y, row := range rows {
		for x := 0; x < n; {
			if !row[x] {
				x++
				continue
			}
			run := 1
			for x+run < n && row[x+run] {
				run++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+qrQuiet, y+qrQuiet, run, run)
			x += run
		}
	}
	s := strconv.Itoa(side)
	svg := `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + s + ` ` + s + `" width="` + strconv.Itoa(side*4) + `" height="` + strconv.Itoa(side*4) +
		`" role="img" aria-label="` + template.HTMLEscapeString(label) + `" shape-rendering="crispEdges">` +
		`<rect width="` + s + `" height="` + s + `" fill="#fff"/><path fill="#000" d="` + d.String() + `"/></svg>`
	return template.HTML(svg), nil
}
