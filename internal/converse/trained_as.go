package converse

import "strings"

// trainedAs reports "where did she train as an accountant", "where did he
// qualify as a solicitor": the role after "as" is what the training was
// for.
func trainedAs(joined string) bool {
	for _, p := range []string{" train as ", " trained as ", " qualify as ", " qualified as "} {
		if strings.Contains(joined, p) {
			return true
		}
	}
	return false
}

// trainedAsSentences are the sentences of the entries (not the summary,
// which training quotes already) saying where the person trained or
// qualified: "Trained as a chartered accountant in audit" in the summary
// of the firm where it happened.
func (x *Index) trainedAsSentences() []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section == secBasics {
			continue
		}
		low := sn.low
		if trainedAs(low) || strings.Contains(low, " training contract") {
			out = append(out, sn)
			if len(out) == 3 {
				break
			}
		}
	}
	return out
}
