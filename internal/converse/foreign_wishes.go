package converse

// What a summary written in French, German, Spanish or Portuguese says of
// the work the person wants: looking for a job ("Je recherche un poste",
// "Ich suche eine Stelle", "Busco un rol"), remote work ("télétravail",
// "trabalho remoto", "oder remote") and moving ("no me interesa
// mudarme"). The visitor asks in English; the reply quotes the sentence.

// foreignAvailabilityMarkers are matched in the lower-cased sentence as
// written, accents and all.
var foreignAvailabilityMarkers = []string{
	// French
	"je recherche", "je cherche", "recherche un poste", "recherche une", "à la recherche", "a la recherche", "disponible pour", "ouverte à", "ouvert à",
	// German
	"ich suche", "suche eine", "suche ich", "auf der suche", "offen für", "verfügbar ab",
	// Spanish
	"busco", "estoy buscando", "en búsqueda", "disponible para", "abierta a", "abierto a", "no me interesa",
	// Portuguese
	"procuro", "estou procurando", "em busca", "disponível para", "disponivel para", "aberta a", "aberto a",
}

// foreignRemoteWords are folded tokens that say remote work on their own.
var foreignRemoteWords = setOf(`remoto remota remotos remotas teletravail teletrabajo teletrabalho homeoffice`)

// foreignMoveStems say moving house for work, matched like relocationStems.
var foreignMoveStems = []string{"mudarme", "mudar-me", "mudarse", "mudança", "déménager", "demenager", "mobilité géographique",
	"umziehen", "umzuziehen", "umzug", "trasladarme", "reubicarme"}

// saysForeignRemote reports a sentence that names remote work in another
// language's word.
func saysForeignRemote(s string) bool {
	return hasAnyTokenIn(tokens(s), foreignRemoteWords)
}
