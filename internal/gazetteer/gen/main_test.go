package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// The file checked in is what the generator makes of the lists checked in.
func TestUnitsTxtIsGenerated(t *testing.T) {
	got, err := generate(os.DirFS("../source"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../units.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("internal/gazetteer/units.txt is not what the generator makes of internal/gazetteer/source: run go generate ./internal/gazetteer")
	}
}

// small is a tiny, consistent set of lists: one former province of two
// districts merged with nothing into one new province.
var small = map[string]string{
	fileNewProvinces: "ma_tinh\tten\tloai\ttu_tinh_cu\n08\tTuyên Quang\tTỉnh\t08\n",
	fileNewCommunes:  "ma_tinh\tma_xa\tten\tloai\n08\t02365\tYên Nguyên\tXã\n08\t02287\tChiêm Hóa\tXã\n",
	fileOldProvinces: "ma_tinh\tten\tloai\tnay_la_tinh\n08\tTuyên Quang\tTỉnh\t08\n",
	fileOldDistricts: "ma_tinh\tma_huyen\tten\tloai\tnay_la_xa\n08\t073\tChiêm Hóa\tHuyện\t\n08\t074\t Hàm  Yên\tHuyện\t\n",
	fileOldCommunes: "ma_tinh\tma_huyen\tma_xa\tten\tloai\tnay_la\n" +
		"08\t073\t02365\tYên Nguyên\tXã\t02365:full\n" +
		"08\t073\t02368\tHòa Phú\tXã\t02365:partial,02287:partial\n" +
		"08\t073\t02287\tVĩnh Lộc\tThị trấn\t02287:full\n" +
		"08\t074\t02400\tPhù Lưu\tXã\t02287:full\n",
}

func TestGenerateSmall(t *testing.T) {
	got, err := generate(mapFS(small, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := `# Đơn vị hành chính Việt Nam từ 01/07/2025 (A, a) và đến 30/06/2025 (B, b, c).
# Tạo từ source/ bằng: go generate ./internal/gazetteer. Không sửa tay.
A08t	Tuyên Quang
a02287x	Chiêm Hóa
a02365x	Yên Nguyên
B08t	Tuyên Quang	08
b073h	Chiêm Hóa
c02287r	Vĩnh Lộc	02287
c02365x	Yên Nguyên	02365
c02368x	Hòa Phú	02365~,02287~
b074h	Hàm Yên
c02400x	Phù Lưu	02287
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Wrong lists are refused with a message naming the file and line.
func TestGenerateErrors(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string
		want   string
	}{
		{"unknown successor", map[string]string{fileOldCommunes: strings.Replace(small[fileOldCommunes], "02400\tPhù Lưu\tXã\t02287:full", "02400\tPhù Lưu\tXã\t09999:full", 1)},
			`xa-truoc-2025.tsv:5: commune 02400 became part of "09999", which is not in xa-2025.tsv`},
		{"bad link", map[string]string{fileOldCommunes: strings.Replace(small[fileOldCommunes], "02287:full\n08\t074", "02287:whole\n08\t074", 1)},
			`xa-truoc-2025.tsv:4: successor "02287:whole" is not CODE:full or CODE:partial`},
		{"duplicate code", map[string]string{fileNewCommunes: small[fileNewCommunes] + "08\t02365\tYên Lập\tXã\n"},
			`xa-2025.tsv:4: code 02365 is given twice (first at xa-2025.tsv:2)`},
		{"unknown type", map[string]string{fileNewCommunes: strings.Replace(small[fileNewCommunes], "Chiêm Hóa\tXã", "Chiêm Hóa\tThôn", 1)},
			`xa-2025.tsv:3: type "Thôn" is not one of phường, thị trấn, xã, đặc khu`},
		{"orphan commune", map[string]string{fileNewCommunes: small[fileNewCommunes] + "09\t02999\tXa Lạ\tXã\n"},
			`xa-2025.tsv:4: unit 02999 has no parent in the lists`},
		{"new commune from nothing", map[string]string{fileNewCommunes: small[fileNewCommunes] + "08\t02999\tMới\tXã\n"},
			`xa-2025.tsv:4: commune 02999 is formed from no former unit`},
		{"merged province not listed", map[string]string{fileNewProvinces: strings.Replace(small[fileNewProvinces], "\t08\n", "\t02,08\n", 1)},
			`tinh-2025.tsv:2: province 08 is formed from "02", which is not a former province now part of it`},
		{"header", map[string]string{fileOldDistricts: strings.Replace(small[fileOldDistricts], "nay_la_xa", "nay_la", 1)},
			`huyen-truoc-2025.tsv:1: header is ["ma_tinh" "ma_huyen" "ten" "loai" "nay_la"], want ["ma_tinh" "ma_huyen" "ten" "loai" "nay_la_xa"]`},
		{"not NFC", map[string]string{fileNewCommunes: strings.Replace(small[fileNewCommunes], "Yên Nguyên", "Yên Nguye\u0302n", 1)},
			"xa-2025.tsv:2: name \"Yên Nguye\u0302n\" is not NFC"},
		{"fields", map[string]string{fileNewCommunes: small[fileNewCommunes] + "08\t02999\n"},
			`xa-2025.tsv:4: 2 fields, want 4`},
	}
	for _, tc := range tests {
		_, err := generate(mapFS(small, tc.change))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// Two communes beside each other whose names differ only by diacritics
// carry their codes in their ids.
func TestGenerateQualifiesAlikeNames(t *testing.T) {
	got, err := generate(mapFS(small, map[string]string{
		fileOldCommunes: small[fileOldCommunes] + "08\t074\t02401\tPhú Lưu\tXã\t02287:full\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"c02400x!\tPhù Lưu\t02287\n", "c02401x!\tPhú Lưu\t02287\n", "c02365x\tYên Nguyên"} {
		if !strings.Contains(string(got), line) {
			t.Errorf("output lacks %q:\n%s", line, got)
		}
	}
}

func mapFS(base, change map[string]string) fstest.MapFS {
	fs := fstest.MapFS{}
	for name, body := range base {
		if c, ok := change[name]; ok {
			body = c
		}
		fs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fs
}
