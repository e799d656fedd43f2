package model

import (
	"slices"
	"strings"
)

// maxSuggestions bounds the ids a message suggests.
const maxSuggestions = 3

// suggestIDs returns up to three ids of candidates (sorted) to suggest for
// an id that none has: the nearest by edit distance first (see nearest),
// then the ids that contain what was typed ("yen-huong" →
// "yen-huong-vina"), then those that what was typed contains
// ("tinh-dau-chuc-yen-huong-10ml" → "tinh-dau-chuc-yen-huong"), shorter
// ones first. Parts shorter than four letters are not matched.
func suggestIDs(id string, candidates []string) []string {
	var out []string
	add := func(c string) {
		if len(out) < maxSuggestions && c != id && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if s := nearest(id, candidates, maxKeyDistance(id)); s != "" {
		add(s)
	}
	if len(id) < 4 {
		return out
	}
	var containing, contained []string
	for _, c := range candidates {
		switch {
		case c == id:
		case strings.Contains(c, id):
			containing = append(containing, c)
		case len(c) >= 4 && strings.Contains(id, c):
			contained = append(contained, c)
		}
	}
	byLength := func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	}
	slices.SortFunc(containing, byLength)
	slices.SortFunc(contained, func(a, b string) int { return byLength(b, a) })
	for _, c := range append(containing, contained...) {
		add(c)
	}
	return out
}

// nearest returns the candidate closest to s by edit distance (optimal
// string alignment: insertions, deletions, substitutions and swaps of two
// neighbouring letters), if it is within max; "" otherwise. Ties go to the
// candidate that comes first, so the result is deterministic for a
// deterministic list.
func nearest(s string, candidates []string, max int) string {
	best, bestD := "", max+1
	rs := []rune(s)
	for _, c := range candidates {
		if c == s {
			continue
		}
		rc := []rune(c)
		if d := len(rc) - len(rs); d > max || -d > max {
			continue
		}
		if d := distance(rs, rc, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" {
		return best
	}
	return nearestPart(rs, candidates, max)
}

// nearestPart is the second try of nearest, for a word typed short or
// long: a candidate that begins with s at a word boundary ("yen-huong" for
// "yen-huong-vina"), that s begins with ("tinh-dau-chuc-yen" for
// "tinh-dau-chuc"), or whose first words are within max edits of s
// ("fundng" for "funding_source"). The shortest such candidate wins, then
// the first.
func nearestPart(s []rune, candidates []string, max int) string {
	if len(s) < 3 {
		return ""
	}
	best, bestLen := "", 0
	consider := func(c string) {
		if n := len(c); best == "" || n < bestLen {
			best, bestLen = c, n
		}
	}
	str := string(s)
	for _, c := range candidates {
		if c == str {
			continue
		}
		if len(c) > len(str) && c[:len(str)] == str && isWordBreak(c[len(str)]) {
			consider(c)
			continue
		}
		if len(str) > len(c) && str[:len(c)] == c && isWordBreak(str[len(c)]) && len(c) >= 3 {
			consider(c)
			continue
		}
		rc := []rune(c)
		for i, r := range rc {
			if i > 0 && isWordBreak(byte(r)) && r < 0x80 {
				if distance(s, rc[:i], max+1) <= max {
					consider(c)
				}
				break
			}
		}
	}
	return best
}

func isWordBreak(b byte) bool { return b == '-' || b == '_' || b == '/' }

// maxKeyDistance is how far a misspelt key or id may be from the one
// suggested: one edit for short words, up to three for long ones.
func maxKeyDistance(s string) int {
	n := len([]rune(s))
	switch {
	case n <= 4:
		return 1
	case n <= 12:
		return 2
	}
	return 3
}

// distance is the optimal string alignment distance between a and b. It
// stops early and returns limit once every path costs at least limit.
func distance(a, b []rune, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
