package llm

import (
	"regexp"
	"strings"
)

// Finding kinds of the output checks, beside the grounding check's.
const (
	// KindEcho marks an answer repeating the prompt's own text.
	KindEcho = "echo"
	// KindInstruction marks an answer that gives instructions of the
	// injection kind ("ignore all previous instructions"), even when a
	// fact carried them: the profile text is data, never a message to pass on.
	KindInstruction = "instruction"
	// KindLanguage marks an answer not in English, the language the prompt
	// asks for and the deterministic replies use.
	KindLanguage = "language"
)

var instructionRE = regexp.MustCompile(`(?i)\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|rules|prompts?|guidelines)\b|\bsystem prompt\b|\byou are now\b|\bnew instructions\b`)

// englishWords are function words nearly every English sentence of three or
// more words uses.
var englishWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the is are was were be been has have had do does did not no
		at in on of for to from with by as and or but if than then that this these those it its
		she he they her his their him them who which what when where how there here
		worked works work used uses using studied studies led leads built also since until
		profile mention mentions says doesn't isn't wasn't can could would about any some`) {
		m[w] = true
	}
	return m
}()

// outputFindings are the checks on an answer's shape rather than its names:
// an echoed prompt, passed-on instructions, another language.
func outputFindings(tn *turn, text string) []Finding {
	var out []Finding
	norm := normSpace(text)
	for _, line := range tn.echo {
		if strings.Contains(norm, line) {
			out = append(out, Finding{Kind: KindEcho, Term: line})
			break
		}
	}
	if m := instructionRE.FindString(text); m != "" {
		out = append(out, Finding{Kind: KindInstruction, Term: m})
	}
	if !soundsEnglish(text, tn.q.Facts) {
		out = append(out, Finding{Kind: KindLanguage, Term: text})
	}
	return out
}

// soundsEnglish is false for text of four or more lowercase words (outside
// the facts' own words) none of which is an English function word. Names,
// technologies and words taken from the facts say nothing about the language.
func soundsEnglish(text string, facts []string) bool {
	factWords := make(map[string]bool)
	for _, f := range facts {
		for _, t := range termTokens(f) {
			factWords[t] = true
		}
	}
	n := 0
	for _, w := range strings.FieldsFunc(citationRE.ReplaceAllString(text, " "), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == ';' || r == ':' || r == '!' || r == '?' || r == '\n' || r == '(' || r == ')'
	}) {
		if w == "" || strings.ToLower(w) != w || factWords[w] {
			continue
		}
		if englishWords[w] || englishWords[strings.TrimSuffix(w, "'s")] {
			return true
		}
		if strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
			n++
		}
	}
	return n < 4
}

// visibleText is a reply without the reasoning that reasoning models
// (DeepSeek-R1, Qwen3, QwQ through Ollama or vLLM) put in front of it as
// <think>...</think>: the text after the last closing tag. An opening tag
// without a closing one leaves nothing: the model never got to the answer.
// Some templates open the block in the prompt, so a closing tag alone also
// ends reasoning.
func visibleText(s string) string {
	if i := strings.LastIndex(s, "</think>"); i >= 0 {
		return s[i+len("</think>"):]
	}
	t := strings.TrimLeft(s, " \t\r\n")
	if strings.HasPrefix(t, "<think>") || (t != "" && strings.HasPrefix("<think>", t)) {
		return ""
	}
	return s
}
