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
