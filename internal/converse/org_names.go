package converse

// "Did he get money from the Gates Foundation": an organisation named by a
// word and a kind ("foundation", "institute") that the profile never uses.
// Sentences that mention other foundations still answer the rest, but the
// name itself is not in the profile, and the reply says so first.

// orgKinds are the words that close an organisation's name.
var orgKinds = setOf(`foundation foundations institute trust fund council association society agency endowment charity`)

// unnamedOrg returns "the Gates Foundation" when the question names an
// organisation, "the <word> <kind>", whose word the profile never uses;
// otherwise "".
func (x *Index) unnamedOrg(q *query) string {
	for i := 2; i < len(q.ts); i++ {
		if !orgKinds[q.ts[i]] || q.ts[i-2] != "the" {
			continue
		}
		w := q.ts[i-1]
		if len(w) < 3 || !isAlphaWord(w) || commonWords[w] || cueTable[w] != nil || personWords[w] || x.words[stem(w)] {
			continue
		}
		return "the " + capital(w) + " " + capital(q.ts[i])
	}
	return ""
}
