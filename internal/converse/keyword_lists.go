package converse

import "strings"

// Keywords people write as one string holding a list: "Sass, Less",
// "Python, Pygame", "JS Frameworks: Node.js, Fastify, Express". Each part
// is a technology of its own; the whole string stays one too, as written.

// keywordParts returns the parts of a keyword that lists several, or nil.
// A "Label:" before the list is dropped; commas inside brackets do not
// split ("PHP MVC (Custom, Cake, etc)").
func keywordParts(kw string) []string {
	if i := strings.IndexByte(kw, ':'); i > 0 && !strings.Contains(kw[:i], "(") {
		kw = kw[i+1:]
	}
	var parts []string
	depth, start := 0, 0
	for i := 0; i <= len(kw); i++ {
		if i < len(kw) {
			switch kw[i] {
			case '(', '[':
				depth++
				continue
			case ')', ']':
				depth--
				continue
			case ',', ';':
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		if p := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(kw[start:i]), ".")); p != "" {
			parts = append(parts, p)
		}
		start = i + 1
	}
	if len(parts) < 2 {
		return slashParts(kw)
	}
	return parts
}

// withParts returns kws followed by the parts of those that list several.
func withParts(kws []string) []string {
	out := kws
	for _, k := range kws {
		if ps := keywordParts(k); ps != nil {
			if len(out) == len(kws) {
				out = append([]string(nil), kws...)
			}
			out = append(out, ps...)
		}
	}
	return out
}

// namedTechs returns up to n of the profile's technologies to name in a
// reply, in the profile's order. A keyword that lists several ("Gulp.js,
// Grunt.js") is left out: its parts are named on their own, and naming
// both would say each twice.
func (x *Index) namedTechs(n int) []string {
	out := make([]string, 0, n)
	for _, t := range x.techOrder {
		if len(out) == n {
			break
		}
		if keywordParts(t) == nil {
			out = append(out, t)
		}
	}
	return out
}

// slashParts returns the two names a keyword joins with one slash, or nil:
// "C/C++" is C and C++, "CAN/CAN FD" is CAN and CAN FD, "TCP/UDP" is TCP and
// UDP. A side of one letter names something only when the other side
// starts with it ("C/C++"): "A/B testing", "I/O" and "S/4HANA" are one
// name each.
func slashParts(kw string) []string {
	i := strings.IndexByte(kw, '/')
	if i <= 0 || strings.IndexByte(kw[i+1:], '/') >= 0 || strings.Contains(kw, "://") {
		return nil
	}
	a, b := strings.TrimSpace(kw[:i]), strings.TrimSpace(kw[i+1:])
	ta, tb := tokens(a), tokens(b)
	if len(ta) != 1 || len(tb) == 0 || !isAlphaWord(strings.TrimRight(ta[0], "+#")) {
		return nil
	}
	if len(ta[0]) < 2 && !strings.HasPrefix(tb[0], ta[0]) || len(tb[0]) < 2 && tb[0] != ta[0] {
		return nil
	}
	return []string{a, b}
}
