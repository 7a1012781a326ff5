package converse

import "strings"

// A hyphenated word inside a keyword of several words ("Snap-on Zeus",
// "Hunter Road-Force") is how a visitor names the tool: joined ("snapon",
// "roadforce") or spaced ("snap on", "road force"). A keyword that is the
// hyphenated word alone ("Pro-Tools") is found already by its compact form.

// addHyphenParts registers each hyphenated word of kw, a keyword of
// several words, by its compact form for name.
func (t *techTable) addHyphenParts(kw, name string) {
	fields := strings.Fields(kw)
	if len(fields) < 2 {
		return
	}
	for _, f := range fields {
		if !strings.Contains(f, "-") {
			continue
		}
		parts := tokens(f)
		if len(parts) < 2 {
			continue
		}
		key := string(compactKey(nil, parts))
		if len(key) < 5 {
			continue // "e-mail", "x-ray" stay words
		}
		if _, taken := t.compact[key]; taken {
			continue
		}
		if _, taken := t.hyphenParts[key]; taken {
			continue
		}
		if t.hyphenParts == nil {
			t.hyphenParts = map[string]string{}
		}
		t.hyphenParts[key] = name
		t.first[parts[0]] = true
	}
}

// hyphenPartAt matches the hyphenated word of a keyword at ts[i], joined
// or spaced over n words. Spaced over several everyday words ("long term"
// of "Long-term care") it counts only with a technology cue.
func (t *techTable) hyphenPartAt(ts []string, i, n int, key []byte) (techHit, bool) {
	if len(t.hyphenParts) == 0 {
		return techHit{}, false
	}
	name, ok := t.hyphenParts[string(key)]
	if !ok {
		return techHit{}, false
	}
	return techHit{name: name, size: n, ambiguous: n > 1}, true
}
