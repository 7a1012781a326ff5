package converse

import "strings"

// A work entry whose employer's name is a way of working ("Freelance",
// "Self-employed", "Independent", "Self-employed (Fiverr and Upwork)")
// names no place: "works at Self-employed" reads as a company called so.
// Such a job is told by how it was done instead: "works as a
// self-employed Session Bassist".

// ownAcctWord returns the adjective for an employer's name that is a way
// of working ("self-employed", "freelance", "independent"), after
// setting aside a trailing aside in brackets; "" for any other name.
func ownAcctWord(name string) string {
	base, _ := cutAside(name)
	switch strings.Join(tokens(base), " ") {
	case "freelance", "freelancer", "freelancing":
		return "freelance"
	case "self employed", "self", "selfemployed", "self employment":
		return "self-employed"
	case "independent", "independent contractor", "independent consultant":
		return "independent"
	}
	return ""
}

// cutAside splits "Self-employed (Fiverr and Upwork)" into the name and
// what the brackets hold.
func cutAside(name string) (base, aside string) {
	name = strings.TrimSpace(name)
	if i := strings.IndexByte(name, '('); i > 0 && strings.HasSuffix(name, ")") {
		return strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1 : len(name)-1])
	}
	return name, ""
}

// ownAcctJob renders a job on one's own account from its employer's name
// and title: "self-employed Session Bassist", "freelance Web Developer"
// (a title that already says how, "Freelance Web Developer", as it is),
// with the name's aside: "(Fiverr and Upwork)". "" when name is a place.
func ownAcctJob(name, role string) string {
	word := ownAcctWord(name)
	role = strings.TrimSpace(role)
	if word == "" || role == "" {
		return ""
	}
	s := word + " " + role
	if saysOwnAccount(role) {
		s = role
	}
	if _, aside := cutAside(name); aside != "" {
		s += " (" + aside + ")"
	}
	return s
}

// atEmployer names where a job was done, after a verb: "at Pied Piper",
// or "as a self-employed Session Bassist" for a way of working.
func (it *item) atEmployer() string {
	if it.ownAcct {
		return "as " + article(it.ownAcctRole())
	}
	return "at " + it.label()
}
