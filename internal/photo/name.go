package photo

import (
	"path"
	"strconv"
	"strings"
)

// VariantName names the file of a variant beside its source:
// VariantName("news/bai/anh.jpg", 960, ".jpg") is "news/bai/anh-960w.jpg".
// contentRelPath is slash-separated; the source's extension, whatever its
// case, is replaced by ext (with or without its dot).
func VariantName(contentRelPath string, width int, ext string) string {
	if ext != "" && !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	dir, file := path.Split(contentRelPath)
	stem := strings.TrimSuffix(file, path.Ext(file))
	if stem == "" {
		stem = file
	}
	return dir + stem + "-" + strconv.Itoa(width) + "w" + ext
}
