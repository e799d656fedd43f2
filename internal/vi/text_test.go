package vi

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Châu Đốc", "chau doc"},
		{"Hòa", "hoa"},
		{"Hoà", "hoa"},
		{"HOÀ", "hoa"},
		{"Công ty TNHH Yến Hương VINA", "cong ty tnhh yen huong vina"},
		{"Ưng Ước Ợ Ậ Ệ Ỗ Ữ Ỹ", "ung uoc o a e o u y"},
		{"Ðồng Tháp", "dong thap"}, // eth left by old encodings, read as Đ
		{"Crème brûlée", "creme brulee"},
		{"Phở 24/7, 100%", "pho 24/7, 100%"},
		{"ĂN ĂN", "an an"},
		{"ΣΟΦΊΑ", "σοφια"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Fold(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Châu Đốc", "chau-doc"},
		{"Đề án nhóm", "de-an-nhom"},
		{"Công ty TNHH Yến Hương VINA", "cong-ty-tnhh-yen-huong-vina"},
		{"Tinh dầu chúc Yến Hương", "tinh-dau-chuc-yen-huong"},
		{"Hoà Bình", "hoa-binh"},
		{"Hòa Bình", "hoa-binh"},
		{"Nông & Lâm", "nong-va-lam"},
		{"  Gạo Nàng Nhen (Bảy Núi)  ", "gao-nang-nhen-bay-nui"},
		{"Đề án 2020/01 — KCĐP", "de-an-2020-01-kcdp"},
		{"ỨNG DỤNG MÁY MÓC THIẾT BỊ", "ung-dung-may-moc-thiet-bi"},
		{"Ðức", "duc"},
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Slug(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Slug(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNFC(t *testing.T) {
	nfd := "Ho\u0061\u0300 Bi\u0300nh" // a + combining grave, i + combining grave
	if got, want := NFC(nfd), "Hoà Bình"; got != want {
		t.Errorf("NFC(%q) = %q, want %q", nfd, got, want)
	}
	if got := NFC("Hoà Bình"); got != "Hoà Bình" {
		t.Errorf("NFC changed an NFC text: %q", got)
	}
}

func TestSortName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Công ty TNHH Yến Hương VINA", "Yến Hương VINA"},
		{"Công ty TNHH MTV Yến Hương VINA", "Yến Hương VINA"},
		{"Công ty TNHH Một thành viên Yến Hương", "Yến Hương"},
		{"Công ty Cổ phần Mía đường Tây Ninh", "Mía đường Tây Ninh"},
		{"Công ty CP Mía đường", "Mía đường"},
		{"Doanh nghiệp tư nhân Tấn Phát", "Tấn Phát"},
		{"DNTN Tấn Phát", "Tấn Phát"},
		{"Hợp tác xã Nông nghiệp Tân Phú", "Nông nghiệp Tân Phú"},
		{"HTX Nông nghiệp Tân Phú", "Nông nghiệp Tân Phú"},
		{"HTX. Tân Phú", "Tân Phú"},
		{"Tổ hợp tác Dệt thổ cẩm Văn Giáo", "Dệt thổ cẩm Văn Giáo"},
		{"Hộ kinh doanh Bánh Bò Thốt Nốt", "Bánh Bò Thốt Nốt"},
		{"HKD Bánh Bò", "Bánh Bò"},
		{"Cơ sở Mắm Bà Giáo Khỏe", "Mắm Bà Giáo Khỏe"},
		{"cơ sở mắm Châu Đốc", "mắm Châu Đốc"},
		{"CÔNG TY TNHH YẾN HƯƠNG", "YẾN HƯƠNG"},
		{"cong ty tnhh Yen Huong", "Yen Huong"},
		{"Cong ty co phan Sao Mai", "Sao Mai"},
		{"Công ty TNHH - Yến Hương", "Yến Hương"},
		{"  Hợp   tác  xã   Tân Phú ", "Tân Phú"},
		{"Hợp tác xã", "Hợp tác xã"},               // nothing but the form
		{"HTX -", "HTX -"},                         // nothing after the punctuation
		{"Cỏ sở Mai", "Cỏ sở Mai"},                 // other diacritics: not the form
		{"Hồ Kinh Doanh", "Hồ Kinh Doanh"},         // a family name, not "Hộ"
		{"Cơ sởi Mai", "Cơ sởi Mai"},               // the form must be whole words
		{"HTXTân Phú", "HTXTân Phú"},               //
		{"Yến Hương VINA", "Yến Hương VINA"},       // no form
		{"Công ty Yến Hương", "Công ty Yến Hương"}, // no legal form after "Công ty"
		{"", ""},
	}
	for _, tt := range tests {
		if got := SortName(tt.in); got != tt.want {
			t.Errorf("SortName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := SortName(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("SortName(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
