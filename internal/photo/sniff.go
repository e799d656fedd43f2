package photo

import "bytes"

// Format names returned by Sniff and reported in Info and Result.
const (
	JPEG = "jpeg"
	PNG  = "png"
	GIF  = "gif"
	WebP = "webp"
)

// SniffLen is the number of leading bytes Sniff needs to tell every format
// apart.
const SniffLen = 12

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// Sniff names the image format from the first bytes of a file, whatever its
// name says: "jpeg", "png", "gif" or "webp". ok is false for anything else,
// such as a text file renamed to .jpg.
func Sniff(header []byte) (format string, ok bool) {
	switch {
	case len(header) >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF:
		return JPEG, true
	case bytes.HasPrefix(header, pngMagic):
		return PNG, true
	case bytes.HasPrefix(header, []byte("GIF87a")), bytes.HasPrefix(header, []byte("GIF89a")):
		return GIF, true
	case len(header) >= 12 && string(header[0:4]) == "RIFF" && string(header[8:12]) == "WEBP":
		return WebP, true
	}
	return "", false
}

// Ext returns the file extension, with its dot, used for a format.
func Ext(format string) string {
	switch format {
	case JPEG:
		return ".jpg"
	case PNG:
		return ".png"
	case GIF:
		return ".gif"
	case WebP:
		return ".webp"
	}
	return ""
}
