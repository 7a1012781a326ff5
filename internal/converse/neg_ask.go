package converse

// A yes/no question opened with a negated auxiliary ("doesn't she know
// Go?", "isn't he at Acme anymore?", "hasn't she worked with Kafka?",
// "didn't he study in Berlin?") asks what the positive question asks: the
// visitor expects a yes and wants it checked. The profile answers it the
// same way, so it is read as "does she know Go", "is he at Acme still".
// A negation closing a statement ("she takes medicaid, doesn't she?") is
// no opening and stays for claimAsked.

// negatedAux maps an auxiliary with its "n't" cut off by the tokenizer
// ("doesn't" is "doesn"), or typed without the apostrophe, to the positive.
var negatedAux = map[string]string{
	"doesn": "does", "doesnt": "does", "isn": "is", "isnt": "is", "didn": "did", "didnt": "did",
	"hasn": "has", "hasnt": "has", "haven": "have", "havent": "have", "wasn": "was", "wasnt": "was",
	"aren": "are", "arent": "are", "weren": "were", "werent": "were", "don": "do", "dont": "do",
	"wouldn": "would", "wouldnt": "would", "couldn": "could", "couldnt": "could", "hadn": "had", "hadnt": "had",
}

// negOpeners may come before the auxiliary: "wait, isn't she ...".
var negOpeners = setOf(`so but wait and oh hmm um really`)

// negSubjects are the words that follow the auxiliary of a question about
// someone; a name is the person too.
var negSubjects = setOf(`she he they you`)

// askedPositive rewrites, in place, a question opened with a negated
// auxiliary and its subject as the positive question, and returns it: the
// auxiliary loses its negation, a "not" after the subject ("does she not
// know Go") is dropped, and "anymore" becomes "still". Anything else is
// returned as it is.
func (x *Index) askedPositive(ts []string) []string {
	i := 0
	if negOpeners[at(ts, 0)] {
		i = 1
	}
	if yesNoQuestion(ts[i:]) {
		// "does he work at Ubisoft anymore" asks what "still" asks, and
		// "anymore" is no part of the employer's name.
		for j := i + 2; j < len(ts); j++ {
			if ts[j] == "anymore" {
				ts[j] = "still"
			}
		}
	}
	aux := at(ts, i)
	pos, ok := negatedAux[aux]
	if !ok {
		if !positiveAux[aux] || at(ts, i+2) != "not" {
			return ts // the common case: no auxiliary opens the question
		}
		pos = aux // "does she not know go"
	}
	subj := at(ts, i+1)
	if !negSubjects[subj] && !x.nameToks[subj] {
		return ts // "don't know", "isn't it": no question about someone
	}
	ts[i] = pos
	if at(ts, i+2) == "not" {
		ts = append(ts[:i+2], ts[i+3:]...)
	}
	for j := i + 2; j < len(ts); j++ {
		if ts[j] == "anymore" {
			ts[j] = "still"
		}
	}
	return ts
}

// positiveAux are the auxiliaries whose "not" after the subject is dropped.
var positiveAux = setOf(`does is did has was are do have`)
