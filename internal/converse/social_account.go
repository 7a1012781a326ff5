package converse

// namesAccount reports "whats her kaggle", "his github profile": a network
// after a possessive, ending the question or followed by a word for the
// account, asks for the account rather than entries that name the network
// ("her kaggle rank" is about the awards).
func namesAccount(raw []string, i int) bool {
	switch at(raw, i-1) {
	case "her", "his", "their":
	default:
		return false
	}
	switch at(raw, i+1) {
	case "", "account", "profile", "handle", "username", "page", "link", "url":
		return true
	}
	return false
}

// networkMeasure are what a network counts or ranks: "github stars",
// "kaggle rank" ask about a project or an award, not the account.
var networkMeasure = setOf(`stars star forks followers downloads contributions contributors rank ranking
rankings medals medal points score`)

// cueNetworks are the networks the contact cues name.
var cueNetworks = setOf(`linkedin github twitter`)
