package converse

import "strings"

// dropStarCounts blanks the platform named in a star count ("600 GitHub
// stars", "about 2,300 GitLab stars"): a project with stars there is not
// one built with it.
func dropStarCounts(text string) string {
	i := strings.Index(text, " stars")
	if i < 0 {
		return text
	}
	var b []byte
	for ; i >= 0; i = indexFrom(text, " stars", i+6) {
		if e := i + 6; e < len(text) && isWordByte(text[e]) {
			continue // "starship"
		}
		w := strings.LastIndexByte(text[:i], ' ') + 1 // the word before "stars"
		if w < 2 || !endsInCount(text[:w-1]) || w == i {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		for k := w; k < i; k++ {
			b[k] = ' '
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// endsInCount reports whether s ends in a number: "600", "about 2,300",
// "1.2k".
func endsInCount(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "k"), "K")
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}
