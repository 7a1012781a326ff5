package converse

import "strings"

// fieldSpelling writes a study field the visitor asked in lower case
// ("cs", "ai and ml", "french") as a reply should: a known abbreviation
// spelt out ("computer science"), a language capitalised ("French"), any
// other word as asked ("physics", "law"). A reply never echoes "cs".
func fieldSpelling(field []string) string {
	if full, ok := fieldAbbrevs[strings.Join(field, " ")]; ok {
		return full
	}
	out := make([]string, len(field))
	for i, w := range field {
		switch full, ok := fieldAbbrevs[w]; {
		case ok:
			out[i] = full
		case spokenLanguages[w]:
			out[i] = capital(w)
		default:
			out[i] = w
		}
	}
	return strings.Join(out, " ")
}

// fieldAbbrevs are study fields asked by their short forms.
var fieldAbbrevs = map[string]string{
	"cs": "computer science", "comp sci": "computer science", "compsci": "computer science", "cse": "computer science and engineering",
	"ai": "artificial intelligence", "ml": "machine learning", "ee": "electrical engineering", "ece": "electrical and computer engineering",
	"me": "mechanical engineering", "hr": "human resources", "pr": "public relations", "mis": "management information systems",
	"ir": "international relations", "pe": "physical education", "econ": "economics", "psych": "psychology", "chem": "chemistry",
	"bio": "biology", "stats": "statistics", "ux": "UX", "ui": "UI", "hci": "human-computer interaction", "nlp": "natural language processing",
}
