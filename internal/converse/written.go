package converse

import "strings"

// writtenQuestions ask for the person's writing with nothing after the
// verb: "what did he write in it" asks about the entry in focus, and
// "what did she write code in" about a language.
var writtenQuestions = map[string]bool{
	" what did @p write ": true, " what has @p written ": true, " what have @p written ": true,
	" what does @p write ": true, " what do @p write ": true, " what else did @p write ": true,
}

// writingAsked reports a bare "what did he write".
func writingAsked(joined string) bool { return writtenQuestions[joined] }

// studyingNowAsked reports "what is she studying", "what does he study",
// "what is she studying now": the present tense asks for the studies
// going on.
func studyingNowAsked(joined string) bool {
	return strings.HasPrefix(joined, " what is @p studying ") || strings.HasPrefix(joined, " what does @p study ") ||
		strings.HasPrefix(joined, " what are @p studying ") || strings.HasPrefix(joined, " what do @p study ")
}
