package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

// units find prints what an officer copies ids from; its output is
// compared with testdata/units/NAME.txt (go test -update rewrites them).
func TestUnitsFind(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"yen-nguyen", []string{"units", "find", "yen nguyen"}, exitOK},
		{"yen-nguyen-en", []string{"units", "find", "yen", "nguyen", "--lang", "en"}, exitOK},
		{"my-lam-tuyen-quang", []string{"units", "find", "Mỹ Lâm", "--province", "Tuyên Quang"}, exitOK},
		{"phu-thanh-91", []string{"units", "--province", "91", "find", "Phú Thạnh"}, exitOK},
		{"con-dao", []string{"units", "find", "Côn Đảo"}, exitOK},
		{"ha-giang", []string{"units", "find", "tỉnh Hà Giang"}, exitOK},
		{"similar", []string{"units", "find", "Yen Nguyn", "--province", "Tuyen Quang"}, exitError},
		{"unknown", []string{"units", "find", "Xyzw"}, exitError},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code || stderr.Len() > 0 {
			t.Errorf("%s: exit %d, want %d; stderr:\n%s", tc.name, code, tc.code, stderr.String())
		}
		golden.CheckString(t, "units/"+tc.name+".txt", stdout.String())
	}
}

func TestUnitsUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"units"}, exitUsage, "", "khuyencong units: hãy ghi \"find\" và tên cần tìm, ví dụ: khuyencong units find \"Yên Nguyên\"\nXem: khuyencong help units\n"},
		{[]string{"units", "find", "--lang", "en"}, exitUsage, "", "khuyencong units: give \"find\" and the name to look up, e.g. khuyencong units find \"Yên Nguyên\"\nSee: khuyencong help units\n"},
		{[]string{"units", "find", "Yên Nguyên", "--province", "Tuyen Quan"}, exitUsage, "",
			"khuyencong units: --province: không có tỉnh, thành phố nào tên \"Tuyen Quan\"\n  tên gần giống: tỉnh Tuyên Quang — unit: tuyen-quang-2025\n  tên gần giống: tỉnh Tuyên Quang (trước 01/07/2025) — unit: tuyen-quang\n"},
		{[]string{"units", "find", "x", "--tinh", "08"}, exitUsage, "", "khuyencong units: lệnh units không có tùy chọn -tinh\n"},
		{[]string{"units", "--help"}, exitUsage, "", "Cách dùng: khuyencong units find TÊN"},
		{[]string{"help", "units", "--lang", "en"}, exitOK, "Usage: khuyencong units find NAME", ""},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tc.args, code, tc.code, stderr.String())
		}
		if !strings.HasPrefix(stdout.String(), tc.stdout) || (tc.stdout == "" && stdout.Len() > 0) {
			t.Errorf("run(%q) stdout:\n%s\nwant prefix:\n%s", tc.args, stdout.String(), tc.stdout)
		}
		if !strings.HasPrefix(stderr.String(), tc.stderr) || (tc.stderr == "" && stderr.Len() > 0) {
			t.Errorf("run(%q) stderr:\n%s\nwant prefix:\n%s", tc.args, stderr.String(), tc.stderr)
		}
	}
}
