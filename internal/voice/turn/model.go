package turn

import (
	"strings"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/voice/stt"
)

// templates are question phrasings the engine understands; {p} is the
// person, {e} an employer, {s} a school, {t} a technology.
var templates = []string{
	"who is {p}", "tell me about {p}", "what does {p} do", "what is {p} doing now", "where does {p} work",
	"what is {p}'s current job", "where did {p} work", "where has {p} worked", "what was {p}'s first job",
	"what did {p} do before that", "and before that", "when was that", "tell me more", "what about {t}",
	"does {p} know {t}", "has {p} used {t}", "which jobs used {t}", "what are {p}'s skills",
	"what technologies does {p} know", "where did {p} study", "what did {p} study", "what degree does {p} have",
	"how long was {p} at {e}", "what did {p} do at {e}", "when did {p} work at {e}", "tell me about {e}",
	"what did {p} study at {s}", "when did {p} graduate from {s}", "what projects has {p} built",
	"what awards has {p} won", "does {p} have any certificates", "what has {p} published",
	"what languages does {p} speak", "what are {p}'s hobbies", "how can i contact {p}", "where is {p} based",
	"what did {p} do in twenty twenty", "what has {p} done since twenty twenty", "how many years of experience does {p} have",
	"hello", "thank you", "what can you tell me", "what is {p}'s email",
}

// modelSource is what pocketsphinx is adapted to for one profile.
func modelSource(idx *converse.Index, base stt.Dictionary) stt.ModelSource {
	v := idx.Vocabulary()
	people := []string{"he", "she", "they", "you"}
	if name := strings.ToLower(idx.Name()); name != "" {
		people = append(people, name, strings.Fields(name)[0])
	}
	lower := func(xs []string) []string {
		var out []string
		for _, x := range xs {
			if x = strings.ToLower(strings.TrimSpace(x)); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	slots := map[string][]string{"p": people, "e": lower(v.Employers), "s": lower(v.Schools), "t": lower(v.Technologies)}
	terms := append(append(append(lower(v.Employers), lower(v.Schools)...), lower(v.Technologies)...), lower(v.Names)...)
	return stt.ModelSource{Sentences: stt.Fill(templates, slots), Terms: terms, Base: base}
}
