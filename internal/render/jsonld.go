package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/model"
)

// Schema.org descriptions of the pages, for search engines, written as
// JSON-LD in the page head:
//
//	{{range .JSONLD}}<script type="application/ld+json">{{.}}</script>{{end}}
//
// The ld* builders return plain structs; jsonLD turns one into the text
// of the script element. Absolute URLs need the base_url: the builders
// take abs (file of the site to absolute URL, "" without base_url) and
// leave every url field out when it returns "".

const schemaContext = "https://schema.org"

// jsonLD encodes a schema.org object as the content of a
// <script type="application/ld+json"> element. encoding/json writes <, >
// and & as \u003c, \u003e and \u0026 (and U+2028, U+2029 escaped), so no
// data can close the element or open a comment: the text is safe as it
// is, and it is returned as template.JS so that html/template, which
// treats ld+json as script, inserts it unchanged instead of quoting it as
// a string.
func jsonLD(v any) (template.JS, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// LDOrganization is a schema.org Organization or one of its kinds
// (GovernmentOrganization, LocalBusiness).
type LDOrganization struct {
	Context      string          `json:"@context,omitempty"`
	Type         string          `json:"@type"`
	Name         string          `json:"name"`
	URL          string          `json:"url,omitempty"`
	Image        []string        `json:"image,omitempty"`
	Address      *LDAddress      `json:"address,omitempty"`
	Telephone    string          `json:"telephone,omitempty"`
	Email        string          `json:"email,omitempty"`
	SameAs       string          `json:"sameAs,omitempty"`
	FoundingDate string          `json:"foundingDate,omitempty"`
	Parent       *LDOrganization `json:"parentOrganization,omitempty"`
}

// LDAddress is a schema.org PostalAddress.
type LDAddress struct {
	Type     string `json:"@type"`
	Street   string `json:"streetAddress,omitempty"`
	Locality string `json:"addressLocality,omitempty"`
	Region   string `json:"addressRegion,omitempty"`
	Country  string `json:"addressCountry"`
}

// LDProduct is a schema.org Product.
type LDProduct struct {
	Context      string          `json:"@context"`
	Type         string          `json:"@type"`
	Name         string          `json:"name"`
	URL          string          `json:"url,omitempty"`
	Image        []string        `json:"image,omitempty"`
	Manufacturer *LDOrganization `json:"manufacturer,omitempty"`
	Award        []string        `json:"award,omitempty"`
}

// LDPerson is a schema.org Person.
type LDPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// LDArticle is a schema.org NewsArticle.
type LDArticle struct {
	Context       string          `json:"@context"`
	Type          string          `json:"@type"`
	Headline      string          `json:"headline"`
	Description   string          `json:"description,omitempty"`
	URL           string          `json:"url,omitempty"`
	MainEntity    string          `json:"mainEntityOfPage,omitempty"`
	Image         []string        `json:"image,omitempty"`
	DatePublished string          `json:"datePublished,omitempty"`
	Author        any             `json:"author,omitempty"`
	Publisher     *LDOrganization `json:"publisher,omitempty"`
	Keywords      string          `json:"keywords,omitempty"`
	InLanguage    string          `json:"inLanguage,omitempty"`
}

// LDBreadcrumbs is a schema.org BreadcrumbList.
type LDBreadcrumbs struct {
	Context string       `json:"@context"`
	Type    string       `json:"@type"`
	Items   []LDListItem `json:"itemListElement"`
}

// LDListItem is one step of a BreadcrumbList.
type LDListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item,omitempty"`
}

// ldPageURL returns the absolute URL of a record's page, "" without
// base_url.
func ldPageURL(x any, abs func(string) string) string {
	p, err := Path(x)
	if err != nil {
		return ""
	}
	return abs(p)
}

// ldImages returns the absolute URLs of photos (files under content/,
// copied to the same path in the output), nil without base_url.
func ldImages(photos []model.Photo, abs func(string) string) []string {
	var out []string
	for _, ph := range photos {
		if u := abs(ph.File); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// ldPublisher describes the body that publishes the site as a
// GovernmentOrganization; ok is false when site.yaml names no publisher.
// Its url is the publisher's own website, else the site's home page.
func ldPublisher(site model.Site, abs func(string) string) (LDOrganization, bool) {
	p := site.Publisher
	if p.Name == "" {
		return LDOrganization{}, false
	}
	org := LDOrganization{
		Context:   schemaContext,
		Type:      "GovernmentOrganization",
		Name:      p.Name,
		URL:       p.Website,
		Telephone: p.Phone,
		Email:     p.Email,
	}
	if org.URL == "" {
		org.URL = abs("index.html")
	}
	if p.Address != "" {
		org.Address = &LDAddress{Type: "PostalAddress", Street: p.Address, Country: "VN"}
	}
	if p.Parent != "" {
		org.Parent = &LDOrganization{Type: "GovernmentOrganization", Name: p.Parent}
	}
	return org, true
}

// ldEstablishment describes an establishment as a LocalBusiness: its
// address as recorded (the lowest unit as locality, the province as
// region) and the contact details the model kept, which are only the
// public ones.
func ldEstablishment(e *model.Establishment, abs func(string) string) LDOrganization {
	org := ldMaker(e, abs)
	org.Context = schemaContext
	org.Image = ldImages(e.Photos, abs)
	org.Telephone = e.Contact.Phone
	org.Email = e.Contact.Email
	org.SameAs = e.Contact.Website
	if e.Founded > 0 {
		org.FoundingDate = strconv.Itoa(e.Founded)
	}
	org.Address = ldAddress(e.Address)
	return org
}

// ldMaker is the short form of an establishment, as a manufacturer.
func ldMaker(e *model.Establishment, abs func(string) string) LDOrganization {
	return LDOrganization{Type: "LocalBusiness", Name: e.Name, URL: ldPageURL(e, abs)}
}

// ldAddress writes an address as recorded.
func ldAddress(a model.Address) *LDAddress {
	addr := &LDAddress{Type: "PostalAddress", Country: "VN"}
	var street []string
	for _, s := range []string{a.Street, a.Hamlet} {
		if s != "" {
			street = append(street, s)
		}
	}
	addr.Street = strings.Join(street, ", ")
	if u := a.Unit; u != nil {
		top := u
		for top.Parent != nil {
			top = top.Parent
		}
		addr.Region = top.Name
		if u != top {
			addr.Locality = u.Name
		}
	}
	return addr
}

// ldProduct describes a product with its manufacturer and its awards;
// award writes a recognition as its badge text ("SP CNNT tiêu biểu cấp
// khu vực phía Nam 2020").
func ldProduct(p *model.Product, award func(*model.Recognition) string, abs func(string) string) LDProduct {
	out := LDProduct{
		Context: schemaContext,
		Type:    "Product",
		Name:    p.Name,
		URL:     ldPageURL(p, abs),
		Image:   ldImages(p.Photos, abs),
	}
	if p.Establishment != nil {
		m := ldMaker(p.Establishment, abs)
		out.Manufacturer = &m
	}
	for _, r := range p.Recognitions {
		out.Award = append(out.Award, award(r))
	}
	return out
}

// ldArticle describes a news article. Its author is the Person named in
// the front matter, else the publisher; the publisher is the site's
// (GovernmentOrganization), or the site itself when site.yaml names none.
func ldArticle(a *model.Article, site model.Site, abs func(string) string) LDArticle {
	url := ldPageURL(a, abs)
	out := LDArticle{
		Context:     schemaContext,
		Type:        "NewsArticle",
		Headline:    a.Title,
		Description: a.Summary,
		URL:         url,
		MainEntity:  url,
		Keywords:    strings.Join(a.Tags, ", "),
		InLanguage:  "vi",
	}
	if site.Language == "en" {
		out.InLanguage = "en"
	}
	if a.HasDate {
		out.DatePublished = a.Date.Format(time.RFC3339)
	}
	if a.Image != nil {
		out.Image = ldImages([]model.Photo{*a.Image}, abs)
	}
	pub, ok := ldPublisher(site, abs)
	if !ok {
		pub = LDOrganization{Type: "Organization", Name: site.Title, URL: abs("index.html")}
	}
	pub.Context = ""
	out.Publisher = &pub
	if a.Author != "" {
		out.Author = LDPerson{Type: "Person", Name: a.Author}
	} else {
		out.Author = LDOrganization{Type: pub.Type, Name: pub.Name, URL: pub.URL}
	}
	return out
}

// ldBreadcrumbs describes the breadcrumbs of a page. The last crumb, the
// page itself, has no path; its URL is the page's own (self, a file of
// the site).
func ldBreadcrumbs(crumbs []Crumb, self string, abs func(string) string) LDBreadcrumbs {
	out := LDBreadcrumbs{Context: schemaContext, Type: "BreadcrumbList", Items: []LDListItem{}}
	for i, c := range crumbs {
		p := c.Path
		if p == "" {
			p = self
		}
		out.Items = append(out.Items, LDListItem{Type: "ListItem", Position: i + 1, Name: c.Title, Item: abs(p)})
	}
	return out
}
