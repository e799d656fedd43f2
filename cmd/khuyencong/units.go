package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/gazetteer"
)

var unitsUsage = diag.M(`Cách dùng: khuyencong units find TÊN [--province TỈNH] [--lang vi|en]

Tìm một đơn vị hành chính trong danh mục có sẵn của chương trình (các đơn vị
đến 30/06/2025 và từ 01/07/2025), rồi in mã (id) để chép vào hồ sơ, tên đầy đủ,
thời gian, mã thống kê, đơn vị ngày nay (với đơn vị cũ) hay các đơn vị hợp thành
(với đơn vị mới), và cách ghi địa chỉ theo tên.

TÊN ghi có dấu hay không dấu, có hay không chữ chỉ loại ("xã Yên Nguyên",
"yen nguyen", "TP Tuyên Quang", "Q.1"); có thể thêm tên đơn vị cấp trên sau dấu
phẩy ("Yên Nguyên, Chiêm Hóa"); cũng có thể là mã (id) hay mã thống kê ("02365").
Khi không có đơn vị nào mang tên đó, lệnh in các tên gần giống và trả về mã 1.

Tùy chọn:
  --province TỈNH  chỉ tìm trong một tỉnh, ghi tên hoặc mã như province: trong
                   data/site.yaml; gồm cả các tỉnh cũ đã hợp nhất vào tỉnh đó
  --lang en        in bằng tiếng Anh

Ví dụ:
  khuyencong units find "yen nguyen"
  khuyencong units find "Mỹ Lâm" --province "Tuyên Quang"
  khuyencong units find "Yên Nguyên, Chiêm Hóa"`,
	`Usage: khuyencong units find NAME [--province PROVINCE] [--lang vi|en]

Looks an administrative unit up in the program's built-in list (the units until
30 June 2025 and from 1 July 2025) and prints its id, to copy into records, its
full name, when it existed, its statistics code, what it is now (for a former
unit) or what it was formed from (for a new one), and how to write the address
by names.

NAME may be written with or without diacritics and type word ("xã Yên Nguyên",
"yen nguyen", "TP Tuyên Quang", "Q.1"), followed by names of the units above it
after commas ("Yên Nguyên, Chiêm Hóa"), or be an id or a statistics code
("02365"). When no unit has that name, it prints similar names and exits with 1.

Options:
  --province PROVINCE  look only in one province, by name or code as province:
                       in data/site.yaml, with the former provinces merged into it
  --lang en            print in English

Examples:
  khuyencong units find "yen nguyen"
  khuyencong units find "Mỹ Lâm" --province "Tuyên Quang"
  khuyencong units find "Yên Nguyên, Chiêm Hóa"`)

func runUnits(args []string, stdout, stderr io.Writer) int {
	fs := flags("units")
	lang := &choice{allowed: []string{"vi", "en"}}
	fs.Var(lang, "lang", "")
	province := fs.String("province", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return usageError(stderr, "units", err, langOf(args))
	}
	if len(pos) < 2 || pos[0] != "find" {
		return usageError(stderr, "units", errors.New(diag.M(
			`hãy ghi "find" và tên cần tìm, ví dụ: khuyencong units find "Yên Nguyên"`,
			`give "find" and the name to look up, e.g. khuyencong units find "Yên Nguyên"`).Text(lang.value)), lang.value)
	}
	// The name may be given unquoted: "units find yen nguyen".
	found := gazetteer.Lookup(strings.Join(pos[1:], " "), *province)
	if p := found.ProvinceProblem; p != nil {
		fmt.Fprint(stderr, "khuyencong units: --province: ")
		gazetteer.WriteProblem(stderr, *p, lang.value)
		return exitUsage
	}
	if !gazetteer.WriteFind(stdout, found, lang.value) {
		return exitError
	}
	return exitOK
}
