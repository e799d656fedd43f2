package gazetteer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/vi"
)

func TestReadings(t *testing.T) {
	tests := []struct {
		in   string
		want string // each reading: types then the name, "|" between readings
	}{
		{"xã Yên Nguyên", "[xa] Yên Nguyên | [] xã Yên Nguyên"},
		{"Yên Nguyên", "[] Yên Nguyên"},
		{"TP Tuyên Quang", "[thanh_pho thanh_pho_tw] Tuyên Quang | [] TP Tuyên Quang"},
		{"tp. Tuyên Quang", "[thanh_pho thanh_pho_tw] Tuyên Quang | [] tp. Tuyên Quang"},
		{"thành phố Tuyên Quang", "[thanh_pho thanh_pho_tw] Tuyên Quang | [] thành phố Tuyên Quang"},
		{"Thành phố trực thuộc trung ương Cần Thơ", "[thanh_pho_tw] Cần Thơ | [] Thành phố trực thuộc trung ương Cần Thơ"},
		{"H. Chiêm Hóa", "[huyen] Chiêm Hóa | [] H. Chiêm Hóa"},
		{"Q.1", "[quan] 1 | [] Q.1"},
		{"Quận 1", "[quan] 1 | [] Quận 1"},
		{"P1", "[phuong] 1 | [] P1"},
		{"p.10", "[phuong] 10 | [] p.10"},
		{"TT. Vĩnh Lộc", "[thi_tran] Vĩnh Lộc | [] TT. Vĩnh Lộc"},
		{"thị trấn Vĩnh Lộc", "[thi_tran] Vĩnh Lộc | [] thị trấn Vĩnh Lộc"},
		{"Tx Kỳ Anh", "[thi_xa] Kỳ Anh | [] Tx Kỳ Anh"},
		{"đặc khu Côn Đảo", "[dac_khu] Côn Đảo | [] đặc khu Côn Đảo"},
		{"tỉnh Tuyên Quang", "[tinh thanh_pho_tw] Tuyên Quang | [] tỉnh Tuyên Quang"},
		// A name that starts like a type word.
		{"Xà Phìn", "[] Xà Phìn"},
		{"Quan Hóa", "[quan] Hóa | [] Quan Hóa"},
		{"Quán Hóa", "[] Quán Hóa"},
		// A type word alone is a name.
		{"Xã", "[] Xã"},
		{"  ", "[] "},
	}
	for _, tc := range tests {
		var parts []string
		for _, r := range readings(tc.in) {
			parts = append(parts, fmt.Sprintf("%v %s", r.types, r.name))
		}
		if got := strings.Join(parts, " | "); got != tc.want {
			t.Errorf("readings(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct{ in, fold, tone string }{
		{"Hòa Bình", "hoabinh", "hoaFbinhF"},
		{"Hoà Bình", "hoabinh", "hoaFbinhF"},
		{"HOÀ BÌNH", "hoabinh", "hoaFbinhF"},
		{"Hoa Binh", "hoabinh", "hoabinh"},
		{"Bà Rịa - Vũng Tàu", "bariavungtau", "baFriaJvungXtauF"},
		{"Ea H'Leo", "eahleo", "eahleo"},
		{"Đắk Lắk", "daklak", "đăkSlăkS"},
		{"Ðắk Lắk", "daklak", "đăkSlăkS"},
		{"Phường 01", "phuong1", "phươngF1"},
		{"1 Bảo Lộc", "1baoloc", "1baoRlôcJ"},
		{"Thuỷ", "thuy", "thuyR"},
		{"Thủy", "thuy", "thuyR"},
		{"0", "0", "0"},
	}
	for _, tc := range tests {
		f, tone, _ := keys(splitWords(vi.NFC(tc.in)))
		if f != tc.fold || tone != tc.tone {
			t.Errorf("keys(%q) = %q %q, want %q %q", tc.in, f, tone, tc.fold, tc.tone)
		}
		if got := string(appendFoldKey(nil, vi.NFC(tc.in))); got != tc.fold {
			t.Errorf("appendFoldKey(%q) = %q, want %q", tc.in, got, tc.fold)
		}
	}
}

// The fast fold key of the index is the key of the words, and both agree
// with vi.Fold, for every name of the gazetteer.
func TestFoldKeyAgreesWithViFold(t *testing.T) {
	for _, u := range All() {
		fast := string(appendFoldKey(nil, u.Name))
		if w := foldKey(u.Name); fast != w {
			t.Errorf("%q: appendFoldKey %q, words %q", u.Name, fast, w)
		}
		var b strings.Builder
		for _, r := range vi.Fold(u.Name) {
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				b.WriteRune(r)
			}
		}
		if fast != b.String() {
			t.Errorf("%q: appendFoldKey %q, vi.Fold %q", u.Name, fast, b.String())
		}
	}
}

func TestTitles(t *testing.T) {
	tests := []struct{ id, vi, en string }{
		{"viet-nam", "Việt Nam", "Việt Nam"},
		{"ho-chi-minh-2025", "thành phố Hồ Chí Minh", "Hồ Chí Minh city"},
		{"quan-1-ho-chi-minh", "quận 1", "District 1"},
		{"tx-ky-anh-ha-tinh", "thị xã Kỳ Anh", "Kỳ Anh town"},
		{"tt-tri-ton-huyen-tri-ton-an-giang", "thị trấn Tri Tôn", "Tri Tôn township"},
		{"dac-khu-phu-quoc-an-giang-2025", "đặc khu Phú Quốc", "Phú Quốc special zone"},
	}
	for _, tc := range tests {
		u := ByID(tc.id)
		if got := u.Title("vi"); got != tc.vi {
			t.Errorf("%s: %q, want %q", tc.id, got, tc.vi)
		}
		if got := u.Title("en"); got != tc.en {
			t.Errorf("%s: %q, want %q", tc.id, got, tc.en)
		}
	}
}
