// Package vi formats numbers, money and dates the way Vietnamese public
// documents write them, and holds the text helpers every stage needs for
// Vietnamese names: normalisation (NFC), folding for search (Fold), URL
// slugs (Slug), dictionary order (SortKey, Compare, Sort) and the name of an
// establishment without its legal form (SortName).
//
// Every name table (weekdays, months, qualifiers, units) is the package's
// own: nothing depends on the machine's locale. Functions that have an
// English form take a lang argument; "en" selects English and any other
// value, "" included, selects Vietnamese.
//
// The package imports nothing of the project but diag, whose Msg is the
// shape of its words in both languages.
package vi

// isEN reports whether lang selects the English forms.
func isEN(lang string) bool { return lang == "en" }
