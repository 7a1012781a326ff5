package converse

import "testing"

// TestAmericanSpelling: British spellings read in the American one, and
// words that only look like them left alone.
func TestAmericanSpelling(t *testing.T) {
	for w, want := range map[string]string{
		"licence": "license", "licences": "licenses", "licenced": "licensed", "programme": "program", "programmes": "programs",
		"centre": "center", "centres": "centers", "centred": "centered", "theatre": "theater", "fibre": "fiber",
		"colour": "color", "honours": "honors", "behaviour": "behavior", "neighbourhood": "neighborhood",
		"organisation": "organization", "organised": "organized", "organising": "organizing", "analyse": "analyze", "analysed": "analyzed",
		"travelling": "traveling", "modelled": "modeled", "counsellor": "counselor", "catalogue": "catalog",
		"paediatrics": "pediatrics", "paediatrician": "pediatrician", "judgement": "judgment", "defence": "defense",
		// no spelling to change: American already, or a different word
		"license": "license", "color": "color", "program": "program", "center": "center", "hours": "hours", "scoured": "scoured",
		"filled": "filled", "polled": "polled", "street": "street", "genre": "genre", "advise": "advise", "mourn": "mourn",
		"experience": "experience", "sentence": "sentence", "course": "course", "resource": "resource", "promise": "promise",
	} {
		if got := americanSpelling(w); got != want {
			t.Errorf("americanSpelling(%q) = %q, want %q", w, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = americanSpelling("experience") }); n != 0 {
		t.Errorf("a word no rule changes: %v allocations, want 0", n)
	}
}
