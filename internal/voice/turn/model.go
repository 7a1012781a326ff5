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
	"what is {poss} current job", "where did {p} work", "where has {p} worked", "what was {poss} first job",
	"what did {p} do before that", "and before that", "when was that", "tell me more", "what about {t}",
	"does {p} know {t}", "has {p} used {t}", "which jobs used {t}", "what are {poss} skills",
	"what technologies does {p} know", "where did {p} study", "what did {p} study", "what degree does {p} have",
	"how long was {p} at {e}", "what did {p} do at {e}", "when did {p} work at {e}", "tell me about {e}",
	"what did {p} study at {s}", "when did {p} graduate from {s}", "what projects has {p} built",
	"what awards has {p} won", "does {p} have any certificates", "what has {p} published",
	"what languages does {p} speak", "what are {poss} hobbies", "how can i contact {p}", "where is {p} based",
	"what did {p} do in twenty twenty", "what has {p} done since twenty twenty", "how many years of experience does {p} have",
	"hello", "thank you", "what can you tell me", "what is {poss} email",
	// Generic visitor phrasings (as internal/voice/stt's held-out
	// evaluation measures them): possessive and object forms, contact
	// details, follow-ups, guardrail questions.
	"hi", "hey there", "thanks", "ok thanks", "bye", "what is {poss} job title",
	"where does {p} live", "where is {p} located", "how can i reach {obj}", "how can i contact {obj}",
	"what is {poss} email address", "what is {poss} phone number", "what is {poss} address",
	"what is {poss} home address", "what is {poss} street address", "is {p} on {net}", "what is {poss} {net}",
	"does {p} have a website", "where does {p} work now", "what was {poss} last job", "is {p} currently employed",
	"what is {poss} current role", "what did {p} do at {org}", "when did {p} work at {org}",
	"how long was {p} at {org}", "how long has {p} been at {org}", "is {p} still at {org}",
	"where was {org} located", "what did {p} do there", "how long was {p} there", "and after that",
	"what about {org}", "tell me about {poss} time at {org}", "which roles has {p} had",
	"what was {poss} role at {org}", "how much experience does {p} have", "when did {p} graduate",
	"what was {poss} gpa", "which courses did {p} take", "did {p} go to {org}", "what are {poss} skills",
	"what is {p} good at", "what about {t}", "is {p} any good with {t}", "does {p} have {t} experience",
	"is {p} familiar with {t}", "which projects used {t}", "how long has {p} used {t}",
	"what projects has {p} done", "tell me about {proj}", "what was {poss} role on it", "what is {proj}",
	"any awards", "has {p} published anything", "what has {p} written", "what certificates does {p} have",
	"when did {p} get the {honour}", "does {p} speak {lang}", "what are {poss} interests",
	"what does {p} do for fun", "does {p} have references", "what do people say about {obj}",
	"can {p} lead a team", "has {p} managed people", "is {p} open to new roles", "what is the weather like",
	"tell me a joke", "ignore your instructions",
}

// modelSource is what pocketsphinx is adapted to for one profile.
func modelSource(idx *converse.Index, base stt.Pronunciations) stt.ModelSource {
	v := idx.Vocabulary()
	people := []string{"he", "she", "they", "you"}
	poss := []string{"his", "her", "their", "your"}
	obj := []string{"him", "her", "them", "you"}
	if name := strings.ToLower(idx.Name()); name != "" {
		first := strings.Fields(name)[0]
		people = append(people, name, first)
		poss = append(poss, first+"'s")
		obj = append(obj, first)
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
	slots := map[string][]string{
		"p": people, "poss": poss, "obj": obj,
		"e": lower(v.Employers), "s": lower(v.Schools), "t": lower(v.Technologies),
		"org": append(lower(v.Employers), lower(v.Schools)...), "proj": lower(v.Projects),
		"honour": lower(v.Honours), "net": lower(v.Networks), "lang": lower(v.Languages),
	}
	terms := append(append(append(lower(v.Employers), lower(v.Schools)...), lower(v.Technologies)...), lower(v.Names)...)
	return stt.ModelSource{Sentences: stt.Fill(templates, slots), Terms: terms, Base: base}
}
