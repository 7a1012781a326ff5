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
	// KindLanguage marks an answer neither in English (the language the
	// prompt asks for and the deterministic replies use) nor in the
	// language of the visitor's question (see inVisitorsLanguage).
	KindLanguage = "language"
)

var instructionRE = regexp.MustCompile(`(?i)\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|rules|prompts?|guidelines)\b|\bsystem prompt\b|\byou are now\b|\bnew instructions\b`)

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
	if !inVisitorsLanguage(text, tn.q.Question, tn.q.Facts) {
		out = append(out, Finding{Kind: KindLanguage, Term: text})
	}
	return out
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
