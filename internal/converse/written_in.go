package converse

// writtenIn reports an everyday word that names a technology ("go") right
// after a verb of writing code: "does she write go", "has he written go",
// "does she program in go". Writing a language is asking about it, as
// "know" and "use" are.
func writtenIn(ts []string, i int) bool {
	p := at(ts, i-1)
	if p == "in" {
		p = at(ts, i-2)
	}
	return codeWritingVerbs[p]
}

// codeWritingVerbs are the forms of "write" and "program".
var codeWritingVerbs = setOf(`write writes wrote written writing program programs programmed programming`)
