package converse

// portfolioOfWork reports "portfolio" naming a way of working or of
// managing, not a site of work to look at: "her portfolio career",
// "portfolio roles", "a portfolio manager", "portfolio companies".
func portfolioOfWork(ts []string) bool {
	for i, t := range ts {
		if t == "portfolio" {
			switch at(ts, i+1) {
			case "career", "careers", "roles", "role", "life", "manager", "managers", "management", "companies", "company", "director":
				return true
			}
		}
	}
	return false
}
