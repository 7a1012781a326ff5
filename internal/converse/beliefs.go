package converse

import (
	"encoding/base64"
	"strings"
)

// Adversarial turns a résumé never answers: a guess at the person's faith
// or party ("she's catholic, isn't she", "he hunts, so he's a
// republican"), an instruction hidden in encoded text, and an insult to
// the assistant with nothing asked. A profile that names the word itself
// ("Catholic University", "Republican National Committee") makes it a
// fact of the profile, and it is answered as one.

// beliefWords name a faith or a party: asked of the person, a guess at a
// belief the owner never shared.
var beliefWords = setOf(`catholic catholics protestant protestants christian christians muslim muslims islamic jewish jew hindu buddhist atheist atheists agnostic mormon evangelical
tory tories republican republicans democrat democrats libertarian socialist socialists communist communists maga`)

// beliefGuess reports a question about the person naming a faith or a
// party the profile never names.
func (x *Index) beliefGuess(q *query) bool {
	if !q.person {
		return false
	}
	for _, t := range q.ts {
		if beliefWords[t] && !x.words[stem(t)] {
			return true
		}
	}
	return false
}

// asksFaith reports a question after the person's religion ("what
// religion is she", "religion?" typed alone), declined as a guess at it is.
// A profile that uses the word itself (a scholar of religion) is asked
// about its own field, and the later steps answer it.
func (x *Index) asksFaith(q *query) bool {
	if !hasAnyToken(q.ts, "religion", "religions") {
		return false // nothing below holds without the word: no look-up a word
	}
	asked, other := false, false
	for _, t := range q.ts {
		switch {
		case t == "religion" || t == "religions":
			if x.words[stem(t)] {
				return false
			}
			asked = true
		case !bareTopicFillers[t]:
			other = true
		}
	}
	return asked && (q.person || !other)
}

// declineBelief declines a guess at the person's faith or politics.
func (x *Index) declineBelief(o *out) {
	o.in, o.refused = iOffTopic, true
	o.say("I don't guess at anyone's religion or politics: the profile doesn't mention %s beliefs. I answer questions about %s work, studies and skills.", x.whose(), x.whose())
}

// encodedText reports a run of base64 long enough to carry a sentence
// that decodes to text: an instruction the visitor hid from a plain
// reading, declined like one written out.
func encodedText(raw string, ts []string) bool {
	long := false // base64 of a sentence tokenizes into at least one long word
	for _, t := range ts {
		long = long || len(t) >= 16
	}
	if !long {
		return false
	}
	start := -1
	for i := 0; i <= len(raw); i++ {
		if i < len(raw) && raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\n' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= 24 && base64Text(strings.TrimRight(raw[start:i], ".,;:!?\"'")) {
			return true
		}
		start = -1
	}
	return false
}

// base64Text reports a word of base64 (mixed case with digits or padding,
// so not a long word or a URL) that decodes to text.
func base64Text(f string) bool {
	lower, upper, digit := false, false, false
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= '0' && c <= '9', c == '+', c == '/', c == '=', c == '-', c == '_':
			digit = true
		default:
			return false
		}
	}
	if !lower || !upper || !digit {
		return false
	}
	dec, err := base64.StdEncoding.DecodeString(f)
	if err != nil {
		dec, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(f, "="))
	}
	return err == nil && printableText(dec)
}

// printableText reports bytes that read as words: printable ASCII with spaces.
func printableText(b []byte) bool {
	spaces := 0
	for _, c := range b {
		if c == ' ' {
			spaces++
		}
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return spaces >= 2
}

// insultWords abuse whoever is addressed.
var insultWords = setOf(`dumb stupid useless idiot idiotic moron moronic trash garbage worthless pathetic sucks crap crappy shit shitty lame`)

// insultOnly reports an insult to the assistant ("lol this bot is dumb
// as a rock"), not to the person in the third person; the caller asks it
// only when nothing of the profile was asked ("you stupid bot, give me
// her number" is answered).
func insultOnly(q *query) bool {
	return !q.third && hasAnyTokenIn(q.ts, insultWords)
}

// sensitiveTopics are the personal matters a guess about which is never
// answered from a word of the profile: "is she an alcoholic? chefs usually
// are" is no role to check, "does she have anxiety herself" no field of
// her work.
var sensitiveTopics = setOf(`health sexuality gender ethnicity`)

// conditionWords name a health condition, the person's own when "herself"
// or "himself" follows.
var conditionWords = setOf(`anxiety depression depressed adhd autism autistic ocd ptsd cancer diabetes bipolar illness`)

// sensitiveWords maps the words of sensitive personal topics to the
// topic, and condition words to "".
var sensitiveWords = func() map[string]string {
	m := map[string]string{}
	for w := range conditionWords {
		m[w] = ""
	}
	for w, v := range personalTopics {
		if sensitiveTopics[v] {
			m[w] = v
		}
	}
	return m
}()

// sensitivePersonal says the profile doesn't mention the person's health,
// sexuality, gender or ethnicity when the question is about one.
func (r *resolver) sensitivePersonal() bool {
	x, o, q := r.x, r.o, r.q
	if !q.third {
		return false
	}
	topic := ""
	for i, t := range q.ts {
		v, ok := sensitiveWords[t] // one lookup a word: this runs for most questions
		if !ok {
			continue
		}
		if v != "" && !x.words[stem(t)] {
			topic = v // "the disability module she wrote" names her work, a word of the profile
			break
		}
		if v == "" && at(q.ts, i+1) == "@p" {
			topic = "health"
			break
		}
	}
	if topic == "" {
		return false
	}
	o.in = iUnknown
	o.say("The profile doesn't mention %s %s.", x.whose(), topic)
	return true
}
