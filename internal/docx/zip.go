package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Limits bound what Read takes from a file, so that a damaged or hostile
// document (a "zip bomb": a few kilobytes that unpack to gigabytes) is
// refused instead of filling the memory.
type Limits struct {
	// File is the largest .docx file read, in bytes.
	File int64
	// Entries is the most files the zip may hold.
	Entries int
	// Part is the largest unpacked size of one part (document.xml, a
	// photo), Total of all the parts read.
	Part, Total int64
	// Ratio is the largest unpacked/packed ratio of a part larger than
	// RatioFloor bytes unpacked: Word's XML packs about 10:1, photos 1:1.
	Ratio      int64
	RatioFloor int64
}

// DefaultLimits suit a news article with its photos.
var DefaultLimits = Limits{
	File:       200 << 20,
	Entries:    5000,
	Part:       100 << 20,
	Total:      400 << 20,
	Ratio:      200,
	RatioFloor: 1 << 20,
}

// Error is a document that cannot be read, worded for the officer: which
// file, what is wrong, what to do.
type Error struct {
	Code string
	Msg  diag.Msg
}

func (e *Error) Error() string { return e.Msg.Vi }

// Text returns the message in lang ("vi" or "en").
func (e *Error) Text(lang string) string { return e.Msg.Text(lang) }

// Codes of Error.
const (
	CodeUnreadable = "docx-unreadable"
	CodeNotDocx    = "docx-not-docx"
	CodeTooLarge   = "docx-too-large"
	CodeBomb       = "docx-bomb"
	CodeDamaged    = "docx-damaged"
)

func fail(code, vi, en string, args ...any) *Error {
	return &Error{Code: code, Msg: diag.M(vi, en, args...)}
}

// refuse is fail with what to do about a document Word can save again.
func refuse(code, vi, en string, args ...any) *Error {
	m := diag.M(vi, en, args...)
	m.Vi += "; " + resave
	m.En += "; " + resaveEn
	return &Error{Code: code, Msg: m}
}

const resave = "hãy mở tệp bằng Word, chọn Lưu thành (Save As) kiểu “Word Document (*.docx)” rồi nhập lại tệp mới"
const resaveEn = "open it in Word, use Save As “Word Document (*.docx)” and import the new file"

// archive is a .docx opened with its limits; read counts what has been
// unpacked.
type archive struct {
	name   string
	files  map[string]*zip.File
	limits Limits
	read   int64
}

// openArchive opens the zip of a .docx held in data.
func openArchive(name string, data []byte, lim Limits) (*archive, error) {
	if int64(len(data)) > lim.File {
		return nil, fail(CodeTooLarge, "tệp %s quá lớn (%d MB, tối đa %d MB); hãy nén ảnh trong Word (Định dạng ảnh → Nén ảnh) rồi lưu lại",
			"%s is too large (%d MB, at most %d MB); compress the pictures in Word (Picture Format → Compress Pictures) and save it again",
			name, len(data)>>20, lim.File>>20)
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, refuse(CodeNotDocx, "tệp %s là tài liệu Word cũ (.doc) chứ không phải .docx",
			"%s is an old Word document (.doc), not .docx", name)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse(CodeNotDocx, "tệp %s không phải tài liệu Word .docx (không mở được như tệp nén zip: %v)",
			"%s is not a Word .docx document (it does not open as a zip: %v)", name, err)
	}
	if len(zr.File) > lim.Entries {
		return nil, bomb(name, fmt.Sprintf("%d tệp bên trong (tối đa %d)", len(zr.File), lim.Entries),
			fmt.Sprintf("%d files inside (at most %d)", len(zr.File), lim.Entries))
	}
	a := &archive{name: name, files: make(map[string]*zip.File, len(zr.File)), limits: lim}
	for _, f := range zr.File {
		a.files[strings.TrimPrefix(path.Clean("/"+f.Name), "/")] = f
	}
	if a.files["word/document.xml"] == nil {
		return nil, refuse(CodeNotDocx, "tệp %s không có phần nội dung word/document.xml nên không phải tài liệu Word .docx",
			"%s has no word/document.xml part, so it is not a Word .docx document", name)
	}
	return a, nil
}

func bomb(name, vi, en string) *Error {
	return &Error{Code: CodeBomb, Msg: diag.Msg{
		Vi: fmt.Sprintf("tệp %s bị từ chối: %s, giống một tệp nén độc hại (“bom zip”) hoặc bị hỏng; %s", name, vi, resave),
		En: fmt.Sprintf("%s is refused: %s, like a hostile archive (a “zip bomb”) or a damaged file; %s", name, en, resaveEn),
	}}
}

// has reports whether the part exists.
func (a *archive) has(part string) bool { return a.files[part] != nil }

// readPart unpacks one part within the limits. A missing part is
// (nil, nil).
func (a *archive) readPart(part string) ([]byte, error) {
	f := a.files[part]
	if f == nil {
		return nil, nil
	}
	lim := a.limits
	if f.UncompressedSize64 > uint64(lim.Part) {
		return nil, bomb(a.name, fmt.Sprintf("phần %s giải nén ra %d MB (tối đa %d MB)", part, f.UncompressedSize64>>20, lim.Part>>20),
			fmt.Sprintf("the part %s unpacks to %d MB (at most %d MB)", part, f.UncompressedSize64>>20, lim.Part>>20))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, a.damaged(part, err)
	}
	defer rc.Close()
	// The sizes in the zip's directory may lie: count what comes out.
	max := min(lim.Part, lim.Total-a.read)
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, max+1))
	if err != nil {
		return nil, a.damaged(part, err)
	}
	if n > max {
		return nil, bomb(a.name, fmt.Sprintf("phần %s giải nén ra hơn %d MB", part, max>>20),
			fmt.Sprintf("the part %s unpacks to more than %d MB", part, max>>20))
	}
	if packed := int64(f.CompressedSize64); n > lim.RatioFloor && (packed == 0 || n/max64(packed, 1) > lim.Ratio) {
		return nil, bomb(a.name, fmt.Sprintf("phần %s nén %d lần (%d byte thành %d MB; tài liệu thường chỉ khoảng 10 lần)", part, n/max64(packed, 1), packed, n>>20),
			fmt.Sprintf("the part %s is packed %d times (%d bytes to %d MB; documents are about 10 times)", part, n/max64(packed, 1), packed, n>>20))
	}
	a.read += n
	return buf.Bytes(), nil
}

func (a *archive) damaged(part string, err error) *Error {
	return refuse(CodeDamaged, "tệp %s bị hỏng, không đọc được phần %s (%v)",
		"%s is damaged: the part %s cannot be read (%v)", a.name, part, err)
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// ReadFile reads the .docx at path with DefaultLimits.
func ReadFile(path string) (*Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fail(CodeUnreadable, "không đọc được tệp %s: %v; hãy kiểm tra tên và đường dẫn tệp",
			"cannot read %s: %v; check the file name and path", path, err)
	}
	if st.Size() > DefaultLimits.File {
		return nil, fail(CodeTooLarge, "tệp %s quá lớn (%d MB, tối đa %d MB); hãy nén ảnh trong Word (Định dạng ảnh → Nén ảnh) rồi lưu lại",
			"%s is too large (%d MB, at most %d MB); compress the pictures in Word (Picture Format → Compress Pictures) and save it again",
			path, st.Size()>>20, DefaultLimits.File>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail(CodeUnreadable, "không đọc được tệp %s: %v; hãy đóng tệp trong Word rồi thử lại",
			"cannot read %s: %v; close the file in Word and try again", path, err)
	}
	return Read(path, data, DefaultLimits)
}
