package converse

import (
	"strings"

	"github.com/parleyhq/parley/internal/profile"
)

// Real-world résumés carry the markup of the page they were written for:
// "<span style='...'>React JS</span>", "&amp;", "**Go**", "[my blog](https://...)",
// skill groups named "Front End Tech:". Replies are plain text, so Compile
// reads the profile without that markup (the stored document keeps it).

// tidyResume returns r with markup taken out of its free text. Slices that
// change are copied: r's own are the caller's.
func tidyResume(r profile.Resume) profile.Resume {
	plain(&r.Basics.Label)
	plain(&r.Basics.Summary)
	r.Work = tidyEach(r.Work, func(w *profile.Work) bool {
		return anyOf(plain(&w.Position), plain(&w.Summary), plain(&w.Description), plainList(&w.Highlights))
	})
	r.Volunteer = tidyEach(r.Volunteer, func(v *profile.Volunteer) bool {
		return anyOf(plain(&v.Summary), plainList(&v.Highlights))
	})
	r.Projects = tidyEach(r.Projects, func(p *profile.Project) bool {
		return anyOf(plain(&p.Description), plainList(&p.Highlights))
	})
	r.Awards = tidyEach(r.Awards, func(a *profile.Award) bool { return plain(&a.Summary) })
	r.Publications = tidyEach(r.Publications, func(p *profile.Publication) bool { return plain(&p.Summary) })
	r.References = tidyEach(r.References, func(f *profile.Reference) bool { return plain(&f.Reference) })
	r.Skills = tidyEach(r.Skills, func(s *profile.Skill) bool {
		// "Front End Tech:" is a heading's colon, not part of the name
		name := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s.Name), ":"))
		changed := name != s.Name
		s.Name = name
		return anyOf(changed, commaLists(&s.Keywords))
	})
	return r
}

// anyOf reports whether any is true; unlike ||, every argument is
// evaluated first, so every field is tidied.
func anyOf(bs ...bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// plain sets *s to its plain text and reports whether that changed it.
func plain(s *string) bool {
	p := plainText(*s)
	changed := p != *s
	*s = p
	return changed
}

// plainList is plain over a list, copied only when something changes.
func plainList(ss *[]string) bool {
	p := plainTexts(*ss)
	changed := len(p) > 0 && len(*ss) > 0 && &p[0] != &(*ss)[0]
	*ss = p
	return changed
}

// tidyEach applies fix to a copy of each element and returns a copy of s
// holding the changed ones, or s itself when fix changed nothing.
func tidyEach[T any](s []T, fix func(*T) bool) []T {
	var out []T
	for i := range s {
		e := s[i]
		if !fix(&e) {
			continue
		}
		if out == nil {
			out = append([]T(nil), s...)
		}
		out[i] = e
	}
	if out == nil {
		return s
	}
	return out
}

// plainTexts is plainText over a list, copied only when something changes.
func plainTexts(ss []string) []string {
	var out []string
	for i, s := range ss {
		if p := plainText(s); p != s {
			if out == nil {
				out = append([]string(nil), ss...)
			}
			out[i] = p
		}
	}
	if out == nil {
		return ss
	}
	return out
}

// entities are the HTML character references résumés use.
var entities = strings.NewReplacer("&amp;", "&", "&nbsp;", " ", "&lt;", "<", "&gt;", ">",
	"&quot;", `"`, "&#39;", "'", "&apos;", "'", "&#8217;", "’", "&#8220;", "“", "&#8221;", "”", "&mdash;", "—", "&ndash;", "–")

// plainText drops HTML tags, character references, Markdown emphasis
// ("**Go**") and link syntax ("[blog](https://...)" as "blog") from s.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&*]") {
		return s
	}
	if strings.Contains(s, "<") {
		s = dropTags(s)
	}
	if strings.Contains(s, "&") {
		s = entities.Replace(s)
	}
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "*") {
		s = dropEmphasis(s)
	}
	if strings.Contains(s, "](") {
		s = dropLinkTargets(s)
	}
	return s
}

// dropTags removes "<tag ...>" and "</tag>"; a "<" not followed by a letter
// or "/" ("<5 ms", "a < b") is text.
func dropTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			break
		}
		c := s[i+1]
		j := strings.IndexByte(s[i:], '>')
		isTag := (c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && j > 0
		if !isTag {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		if tag := strings.ToLower(s[i+1 : i+j]); strings.HasPrefix(tag, "br") || strings.HasPrefix(tag, "li") || tag == "/p" {
			b.WriteByte('\n') // a line break says the line ended
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// dropLinkTargets turns "[text](url)" into "text".
func dropLinkTargets(s string) string {
	var b strings.Builder
	for {
		mid := strings.Index(s, "](")
		open := strings.LastIndexByte(s[:max(mid, 0)], '[')
		end := strings.IndexByte(s[max(mid, 0):], ')')
		if mid < 0 || open < 0 || end < 0 {
			break
		}
		b.WriteString(s[:open])
		b.WriteString(s[open+1 : mid])
		s = s[mid+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// doubled reports whether s holds "..", "::" or ".;": one look for each
// full stop and colon, where three searches of s cost more on a reply.
func doubled(s string) bool {
	for _, c := range [2]byte{'.', ':'} {
		for i := 0; ; {
			k := strings.IndexByte(s[i:], c)
			if k < 0 || i+k+1 >= len(s) {
				break
			}
			i += k + 1
			if n := s[i]; n == c || c == '.' && n == ';' {
				return true
			}
		}
	}
	return false
}

// polish tidies what joining the profile's own words can double: a name
// ending in a full stop at the end of a sentence ("L.P.."), a heading's
// colon before the list's ("Tools:: Git"), a keyword's full stop before a
// separator ("PyQt5.;"). It returns s itself when there is nothing to do.
func polish(s string) string {
	if !doubled(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i+1 < len(s) {
			n := s[i+1]
			ellipsis := c == '.' && n == '.' && (i+2 < len(s) && s[i+2] == '.' || i > 0 && s[i-1] == '.')
			if (c == '.' && n == '.' && !ellipsis) || (c == ':' && n == ':') || (c == '.' && n == ';') {
				continue // keep the second one
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// dropEmphasis removes Markdown's single-asterisk emphasis ("the first
// *automated* suite"): an asterisk opening a word and one closing a later
// word. A lone one ("*nix", "5 * 3", "Tier-1*") is text.
func dropEmphasis(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '*')
		if i < 0 || i+1 >= len(s) || s[i+1] == ' ' || i > 0 && !emphasisBefore(s[i-1]) {
			break
		}
		j := strings.IndexByte(s[i+1:], '*')
		if j <= 0 || s[i+j] == ' ' || i+j+2 < len(s) && !emphasisAfter(s[i+j+2]) {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(s[i+1 : i+1+j])
		s = s[i+j+2:]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

func emphasisBefore(c byte) bool { return c == ' ' || c == '(' || c == '\n' || c == '"' }

func emphasisAfter(c byte) bool { return strings.IndexByte(" .,;:!?)\n\"", c) >= 0 }

// commaLists writes a keyword holding a list with semicolons ("AWS;
// Terraform; Kubernetes") with commas, as a skill group's keywords are
// joined with commas and its groups with semicolons: the list would
// otherwise read as three groups. Copied only when something changes.
func commaLists(kws *[]string) bool {
	var out []string
	for i, k := range *kws {
		if !strings.Contains(k, ";") || strings.ContainsAny(k, "()[]") {
			continue
		}
		var parts []string
		for _, p := range strings.Split(k, ";") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		if out == nil {
			out = append([]string(nil), *kws...)
		}
		out[i] = strings.Join(parts, ", ")
	}
	if out == nil {
		return false
	}
	*kws = out
	return true
}
