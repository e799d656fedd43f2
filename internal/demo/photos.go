package demo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// Photos as officers attach them: phone-camera JPEGs of 4000×3000 pixels
// and about 3,6 MB, with an EXIF block (camera, date, GPS position) whose
// Orientation is 6 (stored sideways, shown standing) for every other one,
// and now and then a PNG screenshot of a phone screen.
//
// Encoding a 12-megapixel JPEG takes a good part of a second, so a few
// scenes are drawn and encoded once; each photo is one of them with its
// own quantisation tables: a few high-frequency divisors are raised by
// one, chosen by the photo's number, which changes the decoded pixels
// without encoding again. Every photo file is thus a distinct, valid image
// (no two hash or decode alike), written in the time it takes to copy it.
const (
	photoWidth  = 4000
	photoHeight = 3000
	// photoQuality is the JPEG quality of the scenes, as phones save.
	photoQuality = 92
	// scenes is the number of scenes drawn.
	scenes = 4
	// screenshotEvery makes one photo in that many a PNG screenshot.
	screenshotEvery = 25
	shotWidth       = 1080
	shotHeight      = 2340
)

// photoJob is one photo file to write.
type photoJob struct {
	rel string // path under content/
	n   int    // the photo's number, from 0, in the order assigned
}

// photo assigns the next photo to a record and returns its path under
// content/: name without extension, in folder dir.
func (g *gen) photo(dir, name string) string {
	n := len(g.photoJobs)
	ext := ".jpg"
	if n%screenshotEvery == screenshotEvery-1 {
		ext = ".png"
	}
	rel := dir + "/" + name + ext
	g.photoJobs = append(g.photoJobs, photoJob{rel: rel, n: n})
	return rel
}

// writePhotos writes every photo assigned, on all cores.
func (g *gen) writePhotos() {
	if g.err != nil || len(g.photoJobs) == 0 {
		return
	}
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		scenesM sync.Mutex
		made    = map[int][]byte{}
	)
	scene := func(i int) []byte {
		scenesM.Lock()
		defer scenesM.Unlock()
		if b, ok := made[i]; ok {
			return b
		}
		b := encodeScene(i)
		made[i] = b
		return b
	}
	jobs := make(chan photoJob)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				var data []byte
				if j.rel[len(j.rel)-4:] == ".png" {
					data = screenshot(j.n)
				} else {
					data = cameraFile(scene(j.n%scenes), j.n)
				}
				mu.Lock()
				g.writeFile("content/"+j.rel, data)
				mu.Unlock()
			}
		}()
	}
	for _, j := range g.photoJobs {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
}

// encodeScene draws scene i, a photo of a product on a table by a window,
// with the grain of a phone's sensor, and encodes it as a JPEG without
// metadata.
func encodeScene(i int) []byte {
	rnd := rand.New(rand.NewPCG(uint64(i)+1, 2025))
	img := image.NewYCbCr(image.Rect(0, 0, photoWidth, photoHeight), image.YCbCrSubsampleRatio420)
	// The table's edge, the window's light, the product (an ellipse) and
	// its label, each its own tone.
	edge := photoHeight/2 + rnd.IntN(photoHeight/4)
	cx, cy := photoWidth/3+rnd.IntN(photoWidth/3), photoHeight/3+rnd.IntN(photoHeight/3)
	rx, ry := photoWidth/8+rnd.IntN(photoWidth/8), photoHeight/5+rnd.IntN(photoHeight/6)
	light := 0.6 + 0.4*rnd.Float64()
	wood := 20 + rnd.IntN(40)
	tone := [3]int{60 + rnd.IntN(140), 80 + rnd.IntN(90), 80 + rnd.IntN(90)}
	var noise uint64
	bits := 0
	grain := func() int {
		if bits == 0 {
			noise, bits = rnd.Uint64(), 16
		}
		b := int(noise & 15)
		noise >>= 4
		bits--
		return b - 8
	}
	for y := 0; y < photoHeight; y++ {
		row := img.Y[y*img.YStride:]
		for x := 0; x < photoWidth; x++ {
			var v int
			dx, dy := float64(x-cx)/float64(rx), float64(y-cy)/float64(ry)
			switch {
			case dx*dx+dy*dy < 1:
				v = tone[0] - int(40*dx) - int(25*dy)
				if dy > -0.2 && dy < 0.3 && dx > -0.6 && dx < 0.6 {
					v = 225 - (x/37%3)*40 // the label, with lines of print
				}
			case y > edge:
				v = 110 + int(float64(wood)*math.Sin(float64(x)/53+float64(y)/400+math.Sin(float64(y)/31)))
			default:
				v = int(200*light) - (photoHeight-y)/60 + x/90
			}
			v += grain() + grain()/2
			row[x] = uint8(max(0, min(255, v)))
		}
	}
	cw, ch := (photoWidth+1)/2, (photoHeight+1)/2
	for y := 0; y < ch; y++ {
		cb, cr := img.Cb[y*img.CStride:], img.Cr[y*img.CStride:]
		for x := 0; x < cw; x++ {
			dx, dy := float64(2*x-cx)/float64(rx), float64(2*y-cy)/float64(ry)
			u, v := 128, 128
			switch {
			case dx*dx+dy*dy < 1:
				u, v = tone[1], tone[2]
			case 2*y > edge:
				u, v = 112, 150
			default:
				u, v = 138, 122
			}
			cb[x] = uint8(u + grain()/2)
			cr[x] = uint8(v + grain()/2)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: photoQuality}); err != nil {
		panic(err) // writing to memory does not fail
	}
	return b.Bytes()
}

// cameraFile is photo n made of the encoded scene: its quantisation
// tables changed by n (see above) and an EXIF block inserted after SOI.
func cameraFile(scene []byte, n int) []byte {
	out := make([]byte, 0, len(scene)+512)
	out = append(out, scene[:2]...)
	out = append(out, exifSegment(n)...)
	start := len(out)
	out = append(out, scene[2:]...)
	variant := uint64(n/scenes) + 1
	// Segments up to the first SOS; a DQT segment holds tables of 1+64
	// bytes (8-bit precision), the divisors in zigzag order.
	for i := start; i+4 <= len(out) && out[i] == 0xFF; {
		marker := out[i+1]
		length := int(binary.BigEndian.Uint16(out[i+2:]))
		if marker == 0xDA {
			break
		}
		if marker == 0xDB {
			for t := i + 4; t+65 <= i+2+length; t += 65 {
				table := out[t+1 : t+65]
				// 24 divisors of the highest frequencies per table, one
				// bit of the variant each.
				for k := 0; k < 24; k++ {
					if variant&(1<<k) != 0 && table[40+k] < 255 {
						table[40+k]++
					}
				}
				variant >>= 24
			}
		}
		i += 2 + length
	}
	return out
}

// exifSegment is the APP1 block a phone writes: camera, date, orientation
// (6 for odd n) and a GPS position, all of which a build must strip.
func exifSegment(n int) []byte {
	le := binary.LittleEndian
	orientation := uint16(1)
	if n%2 == 1 {
		orientation = 6
	}
	date := fmt.Sprintf("2024:%02d:%02d %02d:%02d:%02d\x00", 1+n%12, 1+n%28, 8+n%10, n%60, (n*7)%60)
	strs := []string{"Demo\x00", "Dien thoai minh hoa\x00", date}
	// IFD0 at 8: Make, Model, Orientation, DateTime, GPS pointer.
	const entries0, entriesGPS = 5, 4
	ifd0Len := 2 + entries0*12 + 4
	gpsAt := 8 + ifd0Len
	gpsLen := 2 + entriesGPS*12 + 4
	dataAt := gpsAt + gpsLen
	var tf, data []byte
	tf = append(tf, 'I', 'I')
	tf = le.AppendUint16(tf, 42)
	tf = le.AppendUint32(tf, 8)
	entry := func(tag, typ uint16, count uint32, value []byte) {
		tf = le.AppendUint16(tf, tag)
		tf = le.AppendUint16(tf, typ)
		tf = le.AppendUint32(tf, count)
		if len(value) <= 4 {
			tf = append(tf, append(value, make([]byte, 4-len(value))...)...)
			return
		}
		tf = le.AppendUint32(tf, uint32(dataAt+len(data)))
		data = append(data, value...)
	}
	tf = le.AppendUint16(tf, entries0)
	entry(0x010F, 2, uint32(len(strs[0])), []byte(strs[0]))
	entry(0x0110, 2, uint32(len(strs[1])), []byte(strs[1]))
	entry(0x0112, 3, 1, le.AppendUint16(nil, orientation))
	entry(0x0132, 2, uint32(len(strs[2])), []byte(strs[2]))
	entry(0x8825, 4, 1, le.AppendUint32(nil, uint32(gpsAt)))
	tf = le.AppendUint32(tf, 0)
	rational := func(vs ...uint32) []byte {
		var b []byte
		for _, v := range vs {
			b = le.AppendUint32(b, v)
			b = le.AppendUint32(b, 1)
		}
		return b
	}
	tf = le.AppendUint16(tf, entriesGPS)
	entry(0x0001, 2, 2, []byte("N\x00"))
	entry(0x0002, 5, 3, rational(10, uint32(20+n%30), uint32(n%60)))
	entry(0x0003, 2, 2, []byte("E\x00"))
	entry(0x0004, 5, 3, rational(105, uint32(n%60), uint32((n*13)%60)))
	tf = le.AppendUint32(tf, 0)
	tf = append(tf, data...)
	payload := append([]byte("Exif\x00\x00"), tf...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	return append(seg, payload...)
}

// screenshot draws photo n as a phone's screenshot: a status bar, a title
// bar, lines of text and a picture, in PNG.
func screenshot(n int) []byte {
	rnd := rand.New(rand.NewPCG(uint64(n)+1, 7))
	img := image.NewNRGBA(image.Rect(0, 0, shotWidth, shotHeight))
	fill := func(r image.Rectangle, c color.NRGBA) {
		r = r.Intersect(img.Rect)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			row := img.Pix[y*img.Stride:]
			for x := r.Min.X; x < r.Max.X; x++ {
				copy(row[4*x:4*x+4], []byte{c.R, c.G, c.B, c.A})
			}
		}
	}
	accent := color.NRGBA{uint8(rnd.IntN(160)), uint8(60 + rnd.IntN(120)), uint8(100 + rnd.IntN(155)), 255}
	fill(img.Rect, color.NRGBA{250, 250, 250, 255})
	fill(image.Rect(0, 0, shotWidth, 90), color.NRGBA{20, 20, 20, 255})
	fill(image.Rect(0, 90, shotWidth, 260), accent)
	y := 320
	for y < shotHeight-120 {
		if rnd.IntN(6) == 0 {
			// A photo in the page: a gradient of the accent colour, with
			// grain.
			h := 300 + rnd.IntN(300)
			seed := rnd.Uint32()
			for py := y; py < y+h && py < shotHeight; py++ {
				for px := 60; px < shotWidth-60; px++ {
					seed = seed*1664525 + 1013904223
					i := py*img.Stride + 4*px
					img.Pix[i] = uint8(int(accent.R) + (px-60)/8 + int(seed>>29))
					img.Pix[i+1] = uint8(int(accent.G) + (py-y)/6 + int(seed>>26&7))
					img.Pix[i+2] = accent.B
					img.Pix[i+3] = 255
				}
			}
			y += h + 40
			continue
		}
		// A line of text: words as dark bars.
		for x := 60; x < shotWidth-60; {
			w := 40 + rnd.IntN(160)
			fill(image.Rect(x, y, min(x+w, shotWidth-60), y+34), color.NRGBA{40, 40, 48, 255})
			x += w + 24
		}
		y += 70
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img); err != nil {
		panic(err) // writing to memory does not fail
	}
	return b.Bytes()
}
