package converse

import (
	"strings"
)

// Fact renders the profile fact c points at as one plain sentence, for an
// LLM that may only answer from retrieved facts. Private fields the owner
// has not shared render as "" (they are never retrieved). An invalid
// citation renders as "".
func (x *Index) Fact(c Citation) string {
	if !x.Valid(c) {
		return ""
	}
	b := x.r.Basics
	name := x.full
	if name == "" {
		name = "The person"
	}
	switch c.Section {
	case secBasics:
		switch c.Field {
		case "name":
			return "Name: " + b.Name + "."
		case "label":
			return name + "'s title: " + b.Label + "."
		case "summary":
			return "Summary: " + b.Summary
		case "email":
			return "E-mail: " + b.Email + "."
		case "url":
			return "Website: " + b.URL + "."
		case "phone":
			if x.privacy.SharePhone {
				return "Phone: " + b.Phone + "."
			}
			return ""
		case "location":
			parts := []string{b.Location.City, b.Location.Region, b.Location.CountryCode}
			if x.privacy.ShareAddress && b.Location.Address != "" {
				parts = append([]string{b.Location.Address}, parts...)
			}
			return "Location: " + joinNonEmpty(parts) + "."
		case "profiles":
			var ps []string
			for _, p := range b.Profiles {
				ps = append(ps, strings.TrimSpace(p.Network+" "+p.Username+" "+p.URL))
			}
			return "Online profiles: " + joinNonEmpty(ps) + "."
		}
		return name + ": " + b.Label + ". " + b.Summary
	case secSkills:
		s := x.r.Skills[c.Index]
		return "Skill: " + s.Name + levelNote(s.Level) + keywordNote(s.Keywords)
	case secLanguages:
		l := x.r.Languages[c.Index]
		return "Language: " + l.Language + levelNote(l.Fluency) + "."
	case secInterests:
		i := x.r.Interests[c.Index]
		return "Interest: " + i.Name + keywordNote(i.Keywords)
	case secReferences:
		ref := x.r.References[c.Index]
		return "Reference from " + ref.Name + ": " + ref.Reference
	}
	for i := range x.section(c.Section) {
		it := &x.section(c.Section)[i]
		if it.sec == c.Section && it.idx == c.Index {
			return x.itemFact(it)
		}
	}
	return ""
}

// itemFact is a dated entry with its details.
func (x *Index) itemFact(it *item) string {
	var sb strings.Builder
	sb.WriteString(capital(sectionNoun(it.sec)) + ": " + it.describe())
	if w := it.when(); w != "" {
		sb.WriteString(" (" + w + ")")
	}
	if it.loc != "" {
		sb.WriteString(", " + it.loc)
	}
	sb.WriteString(".")
	if len(it.techs) > 0 {
		sb.WriteString(" Technologies: " + strings.Join(it.techs, ", ") + ".")
	}
	for _, d := range x.details(it) {
		sb.WriteString(" " + strings.TrimSpace(d))
	}
	return sb.String()
}

// details are an entry's free-text fields.
func (x *Index) details(it *item) []string {
	switch it.sec {
	case secWork:
		w := x.r.Work[it.idx]
		return append([]string{w.Description, w.Summary}, w.Highlights...)
	case secVolunteer:
		v := x.r.Volunteer[it.idx]
		return append([]string{v.Summary}, v.Highlights...)
	case secEducation:
		e := x.r.Education[it.idx]
		out := []string{}
		if e.Score != "" {
			out = append(out, "Score: "+e.Score+".")
		}
		if len(e.Courses) > 0 {
			out = append(out, "Courses: "+strings.Join(e.Courses, "; ")+".")
		}
		return out
	case secProjects:
		p := x.r.Projects[it.idx]
		return append([]string{p.Description}, p.Highlights...)
	case secAwards:
		return []string{"Awarded by " + x.r.Awards[it.idx].Awarder + ".", x.r.Awards[it.idx].Summary}
	case secCertificates:
		return []string{"Issued by " + x.r.Certificates[it.idx].Issuer + "."}
	case secPublications:
		return []string{"Published by " + x.r.Publications[it.idx].Publisher + ".", x.r.Publications[it.idx].Summary}
	}
	return nil
}

// Vocab is the profile's own vocabulary, for checking that a generated
// answer names nothing the profile lacks.
type Vocab struct {
	Employers    []string
	Schools      []string
	Technologies []string // canonical names
	Names        []string // the person's names, places, networks
	// Subsets of the above and more, by kind, for a recogniser's language
	// model (internal/voice/turn).
	Projects  []string
	Honours   []string // awards, certificates, publications
	Networks  []string
	Languages []string // spoken languages
}

// Vocabulary returns the profile's employers, schools, technologies and names.
func (x *Index) Vocabulary() Vocab {
	var v Vocab
	for _, it := range x.work {
		v.Employers = append(v.Employers, it.title)
	}
	for _, it := range x.volunteer {
		v.Employers = append(v.Employers, it.title)
	}
	for _, it := range x.education {
		v.Schools = append(v.Schools, it.title)
	}
	v.Technologies = append(v.Technologies, x.techOrder...)
	b := x.r.Basics
	v.Names = append(v.Names, strings.Fields(b.Name)...)
	v.Names = append(v.Names, b.Location.City, b.Location.Region, b.Location.CountryCode)
	for _, p := range b.Profiles {
		v.Names = append(v.Names, p.Network)
		v.Networks = append(v.Networks, p.Network)
	}
	for _, it := range x.projects {
		v.Names = append(v.Names, it.title)
		v.Projects = append(v.Projects, it.title)
	}
	for _, it := range append(append(x.awards, x.certificates...), x.publications...) {
		v.Names = append(v.Names, it.title)
		v.Honours = append(v.Honours, it.title)
	}
	for _, l := range x.r.Languages {
		v.Languages = append(v.Languages, l.Language)
	}
	return v
}

// Name is the person's full name, or "" when the profile has none.
func (x *Index) Name() string { return x.full }

func joinNonEmpty(parts []string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

func levelNote(level string) string {
	if level == "" {
		return ""
	}
	return " (" + level + ")"
}

func keywordNote(kw []string) string {
	if len(kw) == 0 {
		return "."
	}
	return ": " + strings.Join(kw, ", ") + "."
}
