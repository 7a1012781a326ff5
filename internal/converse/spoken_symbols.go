package converse

// Technology names with a symbol are said in words: "c plus plus" for
// C++, "c sharp" for C#, "f sharp" for F#. A typed "C++" passes unchanged.
// A recogniser may spell the letter as the word it sounds like ("see
// sharp", "sea plus plus", "eff sharp").

// spokenSymbols writes "c plus plus" as "c++" and "c sharp" as "c#": a
// letter or a name followed by "plus plus" or "sharp". "plus" alone stays
// a word ("his degree plus two years").
func spokenSymbols(ws []sword) []sword {
	out := ws[:0]
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if l, ok := letterNames[w.core]; ok && i+1 < len(ws) && (ws[i+1].core == "sharp" && (i+2 == len(ws) || glueStop[ws[i+2].core]) || i+2 < len(ws) && ws[i+1].core == "plus" && ws[i+2].core == "plus") {
			w = sword{l + w.tail(), l}
		}
		switch {
		case i+2 < len(ws) && ws[i+1].core == "plus" && ws[i+2].core == "plus" && isAlphaWord(w.core):
			out = append(out, sword{w.core + "++" + ws[i+2].tail(), w.core + "++"})
			i += 2
		case i+1 < len(ws) && ws[i+1].core == "sharp" && len(w.core) == 1 && isAlphaWord(w.core):
			out = append(out, sword{w.core + "#" + ws[i+1].tail(), w.core + "#"})
			i++
		default:
			out = append(out, w)
		}
	}
	return out
}

// letterNames are words a recogniser writes for a letter said alone, read
// as the letter only before "plus plus", or before a "sharp" that ends
// the name ("see sharp or dot net", not "see sharp growth"): "see" is a
// verb anywhere else.
var letterNames = map[string]string{"see": "c", "sea": "c", "cee": "c", "eff": "f", "ef": "f"}
