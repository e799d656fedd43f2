package photo

import (
	"errors"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Error is a problem with one photo, worded for the officer who attached
// it: what is wrong and what to do, in Vietnamese and English. The caller
// knows where the photo is referenced and reports Msg at that place.
type Error struct {
	Path string    // the file as given to Inspect or Process
	Code diag.Code // stable name of the problem, for diagnostics
	Msg  diag.Msg  // the message, naming the file
	Err  error     // the underlying cause, nil when there is none
}

func (e *Error) Error() string { return e.Msg.Vi }

func (e *Error) Unwrap() error { return e.Err }

// Codes of Error.
const (
	CodeUnreadable diag.Code = "photo-unreadable"
	CodeNotImage   diag.Code = "photo-not-image"
	CodeDamaged    diag.Code = "photo-damaged"
	CodeTooLarge   diag.Code = "photo-too-large"
	CodeCache      diag.Code = "photo-cache"
)

// MaxPixels is the largest photo, in pixels, that Process decodes: a
// 12-megapixel phone photo takes 48 MB once decoded, and a file claiming
// far more is a mistake or a trap.
const MaxPixels = 80_000_000

// errNotImage is the cause of a CodeNotImage Error.
var errNotImage = errors.New("unknown image format")

func unreadable(path string, err error) *Error {
	return &Error{Path: path, Code: CodeUnreadable, Err: err, Msg: diag.M(
		"không đọc được tệp ảnh %s: %v; hãy kiểm tra tệp có trong thư mục content/ và không bị khoá",
		"cannot read the photo %s: %v; check that the file is in the content/ folder and not locked",
		path, err)}
}

func notImage(path string) *Error {
	return &Error{Path: path, Code: CodeNotImage, Err: errNotImage, Msg: diag.M(
		"tệp %s không phải ảnh JPEG, PNG, GIF hay WebP (đuôi tên tệp không quyết định định dạng); hãy lưu lại ảnh dưới dạng JPEG hoặc PNG",
		"%s is not a JPEG, PNG, GIF or WebP image (the file name's extension does not decide the format); save the photo again as JPEG or PNG",
		path)}
}

func damaged(path, format string, err error) *Error {
	return &Error{Path: path, Code: CodeDamaged, Err: err, Msg: diag.M(
		"ảnh %s (%s) bị hỏng hoặc không trọn vẹn: %v; hãy chép lại ảnh từ máy chụp hoặc điện thoại",
		"the photo %s (%s) is damaged or incomplete: %v; copy the photo again from the camera or phone",
		path, format, err)}
}

func tooLarge(path string, w, h int) *Error {
	return &Error{Path: path, Code: CodeTooLarge, Msg: diag.M(
		"ảnh %s quá lớn (%d×%d điểm ảnh, tối đa %d triệu điểm ảnh); hãy thu nhỏ ảnh trước khi đưa lên",
		"the photo %s is too large (%d×%d pixels, at most %d megapixels); make it smaller before adding it",
		path, w, h, MaxPixels/1_000_000)}
}

func cacheFailed(path, dir string, err error) *Error {
	return &Error{Path: path, Code: CodeCache, Err: err, Msg: diag.M(
		"không ghi được ảnh %s vào thư mục đệm %s: %v; hãy kiểm tra quyền ghi và chỗ trống trên đĩa",
		"cannot store the photo %s in the cache folder %s: %v; check write permission and free disk space",
		path, dir, err)}
}
