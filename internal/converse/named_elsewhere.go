package converse

// An organisation the work entries don't list may still be named in the
// profile's sentences: "Before starting Pied Piper, he worked for Hooli"
// in a summary. "The profile doesn't list a job at Hooli" is true and, said
// alone, misleading; the sentences that name it as a place of work are
// quoted after it. A name only met as part of a product ("4.6 rating on
// Google Play") says nothing about a job, so the word before it must be
// one that puts a person at an organisation ("for", "at", "joined", ...).

// maxNamedElsewhere caps the sentences quoted: the first few say enough.
const maxNamedElsewhere = 2

// atOrganisation holds the words that, just before an organisation's name,
// place someone there: "worked for Hooli", "joined Hooli", "an intern at
// Hooli", "acquired by Hooli", "moved to Hooli".
var atOrganisation = map[string]bool{
	"at": true, "for": true, "with": true, "joined": true, "joining": true, "join": true,
	"by": true, "from": true, "left": true, "leaving": true, "to": true, "into": true,
}

// sentencesNaming returns the profile's sentences (summary, highlights,
// descriptions) whose words include name's words in a row, after one of
// atOrganisation.
func (x *Index) sentencesNaming(name []string) []*snippet {
	if len(name) == 0 {
		return nil
	}
	var out []*snippet
	for k := range x.snippets {
		if namesOrganisation(x.snippets[k].toks, name) {
			out = append(out, &x.snippets[k])
			if len(out) == maxNamedElsewhere {
				break
			}
		}
	}
	return out
}

// namesOrganisation reports whether run occurs in ts, word for word, after
// one of atOrganisation.
func namesOrganisation(ts, run []string) bool {
	for i := 1; i+len(run) <= len(ts); i++ {
		if ts[i] != run[0] || !atOrganisation[ts[i-1]] {
			continue
		}
		j := 1
		for j < len(run) && ts[i+j] == run[j] {
			j++
		}
		if j == len(run) {
			return true
		}
	}
	return false
}

// namedElsewhere quotes the sentences that name an organisation the work
// entries don't list, after the answer has said so.
func (x *Index) namedElsewhere(o *out, name string) []*snippet {
	sns := x.sentencesNaming(tokens(name))
	if len(sns) > 0 {
		x.quoteSentences(o, "It does name "+name+" elsewhere:", sns)
	}
	return sns
}
