package converse

import "strings"

// ampersandTerms spell out the terms written with "&" that the tokenizer
// would cut in two ("M&A" to "m", "a"): a question is read with them
// spelt out.
var ampersandTerms = strings.NewReplacer("M&A", "mergers and acquisitions", "m&a", "mergers and acquisitions",
	"R&D", "research and development", "r&d", "research and development", "P&L", "profit and loss", "p&l", "profit and loss")

// addAmpersandForm lets a keyword holding such a term ("M&A") be found by
// the question's spelt-out form ("mergers and acquisitions"), which is
// how every question naming it is read.
func (t *techTable) addAmpersandForm(kw, name string) {
	if strings.IndexByte(kw, '&') < 0 {
		return
	}
	long := ampersandTerms.Replace(kw)
	if long == kw {
		return
	}
	lt := tokens(long)
	t.vocab[strings.Join(lt, " ")] = name
	t.maxLen = max(t.maxLen, len(lt))
	if len(lt) > 1 {
		t.first[lt[0]] = true
	}
}
