package llm

// yearMatch is a year (1900–2099) or decade ("2010s") found in text.
type yearMatch struct {
	text   string
	year   int
	decade bool
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanYears finds whole-word four-digit years from 1900 to 2099, optionally
// followed by "s" for a decade. A scan by hand: the regular expression it
// replaces dominated the grounding check's cost.
func scanYears(s string) []yearMatch {
	var out []yearMatch
	for i := 0; i+4 <= len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isWordByte(s[i-1])) {
			continue
		}
		if !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		century := s[i : i+2]
		if century != "19" && century != "20" {
			i += 3
			continue
		}
		end, decade := i+4, false
		if end < len(s) && s[end] == 's' {
			end, decade = end+1, true
		}
		if end < len(s) && isWordByte(s[end]) {
			i = end - 1
			continue
		}
		y := int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
		out = append(out, yearMatch{text: s[i:end], year: y, decade: decade})
		i = end - 1
	}
	return out
}
