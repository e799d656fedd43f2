package demo

import (
	"fmt"
	"strings"
	"time"
)

// news writes Markdown articles of about 600 words, each about a few
// records, spread over the years.
func (g *gen) news() {
	start := time.Date(firstYear, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(lastYear, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	for i := 0; i < g.size.Articles; i++ {
		date := start.AddDate(0, 0, (i*days)/max(g.size.Articles, 1))
		p := g.prods[g.rnd.IntN(len(g.prods))]
		e := p.est
		pr := g.projs[g.rnd.IntN(len(g.projs))]
		title, slug := g.uniqueName("news", fmt.Sprintf("%s: %s", headings[g.rnd.IntN(len(headings))], p.Name))
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nauthor: %s\n", title, date.Format("2006-01-02"), g.pick(authors))
		fmt.Fprintf(&b, "summary: %q\n", fmt.Sprintf("Bài viết minh họa về %s của %s.", p.Name, e.Name))
		t1, t2 := g.pick(tags), g.pick(tags)
		if t1 == t2 {
			fmt.Fprintf(&b, "tags: [%q]\n", t1)
		} else {
			fmt.Fprintf(&b, "tags: [%q, %q]\n", t1, t2)
		}
		fmt.Fprintf(&b, "related: [products/%s, establishments/%s, projects/%s]\n", p.ID, e.ID, pr.ID)
		if g.photos && i%photoArticleEvery == 0 {
			fmt.Fprintf(&b, "image:\n  file: %s\n  caption: %q\n", g.photo("anh/tin-tuc", slug), "Ảnh minh họa: "+p.Name)
		}
		b.WriteString("---\n\n")
		fmt.Fprintf(&b, "*Bài viết minh họa.* %s do %s sản xuất. %s\n\n", p.Name, e.Name, g.pick(sentences))
		for s := 0; s < 3; s++ {
			fmt.Fprintf(&b, "## %s\n\n", headings[(i+s)%len(headings)])
			for para := 0; para < 3; para++ {
				for k := 0; k < 4; k++ {
					b.WriteString(g.pick(sentences))
					b.WriteByte(' ')
				}
				b.WriteString("\n\n")
			}
			if s == 1 {
				b.WriteString("Những điểm chính:\n\n")
				for k := 0; k < 3; k++ {
					fmt.Fprintf(&b, "- **%s**: %s\n", headings[(i+k)%len(headings)], g.pick(sentences))
				}
				b.WriteString("\n")
			}
		}
		fmt.Fprintf(&b, "Xem thêm thông tin về chương trình khuyến công tại [cổng thông tin của Sở Công Thương](https://congthuong.example.vn/khuyen-cong) (địa chỉ minh họa).\n")
		g.writeFile(fmt.Sprintf("content/news/%s.md", slug), []byte(b.String()))
	}
}

func (g *gen) pages() {
	g.writeFile("content/pages/gioi-thieu.md", []byte(`---
title: Giới thiệu
menu: 1
---

Trang này là **trang trình diễn** của phần mềm tạo trang khuyến công. `+Notice+`

Các cơ sở, sản phẩm, đề án, vòng bình chọn, báo cáo và bài viết trên trang đều do chương trình tạo ra
để thử tốc độ và giao diện; tên đơn vị hành chính cấp huyện lấy theo danh mục thật của tỉnh An Giang
(trước ngày 01/7/2025), tên xã là tên minh họa.
`))
}
