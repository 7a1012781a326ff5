package converse

import "strings"

// Spoken languages as résumés written in other languages list them: the
// language's name and its level in that résumé's own words ("Inglés —
// Avanzado", "Deutsch — Muttersprache"), while the visitor asks in English
// ("does she speak english", "is he a native german speaker").

// languageEnglish maps a language's name in Spanish, Portuguese, French,
// German, Italian or Dutch, folded as tokens fold it ("Inglés" → "ingles"),
// to its English name.
var languageEnglish = map[string]string{
	// Spanish
	"espanol": "Spanish", "castellano": "Spanish", "ingles": "English", "frances": "French", "aleman": "German",
	"italiano": "Italian", "portugues": "Portuguese", "chino": "Chinese", "japones": "Japanese", "ruso": "Russian",
	"catalan": "Catalan", "arabe": "Arabic", "holandes": "Dutch", "neerlandes": "Dutch", "polaco": "Polish",
	// Portuguese
	"espanhol": "Spanish", "alemao": "German", "portugues brasileiro": "Portuguese",
	// French
	"anglais": "English", "espagnol": "Spanish", "allemand": "German", "italien": "Italian", "portugais": "Portuguese",
	"francais": "French", "neerlandais": "Dutch", "russe": "Russian", "chinois": "Chinese", "japonais": "Japanese",
	// German
	"deutsch": "German", "englisch": "English", "franzosisch": "French", "spanisch": "Spanish",
	"italienisch": "Italian", "portugiesisch": "Portuguese", "niederlandisch": "Dutch", "russisch": "Russian",
	"polnisch": "Polish", "tschechisch": "Czech", "turkisch": "Turkish", "chinesisch": "Chinese",
	"japanisch": "Japanese", "arabisch": "Arabic",
	// Italian
	"inglese": "English", "francese": "French", "tedesco": "German", "spagnolo": "Spanish", "portoghese": "Portuguese",
	// Dutch
	"engels": "English", "duits": "German", "frans": "French", "spaans": "Spanish", "nederlands": "Dutch",
}

// englishLanguage is the English name of a listed language written in
// another language ("Inglés": "English"), or "" when it is not one.
func englishLanguage(name string) string {
	return languageEnglish[normName(name)]
}

// spokenName is a listed language as a reply names it: the English name
// first when the profile writes it in another language ("English
// (Inglés)"), else as written.
func spokenName(name string) string {
	if e := englishLanguage(name); e != "" && !strings.EqualFold(e, strings.TrimSpace(name)) {
		return e + " (" + strings.TrimSpace(name) + ")"
	}
	return name
}

// levelEnglish maps a word of a language level in Spanish, Portuguese,
// French, German, Italian or Dutch (folded) to its English level.
var levelEnglish = map[string]string{
	// Spanish and Portuguese
	"nativo": "native", "nativa": "native", "materna": "native", "avanzado": "advanced", "avanzada": "advanced",
	"intermedio": "intermediate", "intermedia": "intermediate", "basico": "basic", "basica": "basic",
	"fluido": "fluent", "fluida": "fluent", "bilingue": "bilingual", "fluente": "fluent", "avancado": "advanced",
	"intermediario": "intermediate", "elemental": "elementary", "principiante": "beginner",
	// French
	"maternelle": "native", "courant": "fluent", "courante": "fluent", "notions": "basic", "debutant": "beginner",
	"avance": "advanced", "intermediaire": "intermediate", "scolaire": "basic",
	// German
	"muttersprache": "native", "muttersprachlich": "native", "fliessend": "fluent", "verhandlungssicher": "business fluent",
	"grundkenntnisse": "basic", "sehr": "very", "gut": "good",
	// Italian
	"madrelingua": "native", "ottimo": "very good", "buono": "good", "scolastico": "basic",
	// Dutch
	"moedertaal": "native", "vloeiend": "fluent", "goed": "good",
}

// levelGloss says in English what a level written in another language
// means ("Muttersprache": "native"; "C1 (verhandlungssicher)": "business
// fluent"), or "" when no word of it is foreign.
func levelGloss(f string) string {
	var ws []string
	for _, t := range tokens(f) {
		if e, ok := levelEnglish[t]; ok && (e != "very" || len(ws) == 0) {
			ws = append(ws, e)
		}
	}
	if len(ws) == 0 || len(ws) == 1 && ws[0] == "very" {
		return ""
	}
	return strings.Join(ws, " ")
}

// levelText is a level with its English gloss added, for reading how
// fluent it is: "Nativo" reads as native, "Grundkenntnisse" as basic.
func levelText(f string) string {
	if g := levelGloss(f); g != "" {
		return f + " " + g
	}
	return f
}
