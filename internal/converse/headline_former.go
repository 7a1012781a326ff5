package converse

import "strings"

// formerIn reports a headline that calls its role a past one ("Joiner
// (former air traffic controller)", "ex-teacher", "retired nurse").
func formerIn(label string) bool {
	return hasAnyToken(tokens(strings.ReplaceAll(label, "-", " ")), "former", "formerly", "ex", "retired", "previously", "once")
}
