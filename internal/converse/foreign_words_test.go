package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLanguagesWrittenInOtherLanguages: a résumé written in German or
// Spanish names its languages and their levels in its own words
// ("Englisch — fließend", "Inglés — Avanzado"); the visitor asks in
// English, and the reply gives the English name and level beside them.
func TestLanguagesWrittenInOtherLanguages(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Languages = []profile.Language{
		{Language: "Deutsch", Fluency: "Muttersprache"},
		{Language: "Englisch", Fluency: "fließend"},
		{Language: "Französisch", Fluency: "Grundkenntnisse"},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does he speak german", []string{"Yes", "German (Deutsch)", "Muttersprache (native)"}, []string{"doesn't"}},
		{"is he fluent in english", []string{"Yes", "English (Englisch)", "fluent"}, []string{"doesn't", "Not fluently"}},
		{"is he fluent in french", []string{"Not fluently", "French (Französisch)", "basic"}, nil},
		{"what is his native language", []string{"German (Deutsch)"}, []string{"French", "doesn't give any language as native"}},
		{"what languages does he speak", []string{"German (Deutsch)", "English (Englisch)", "French (Französisch)"}, nil},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
	es := mustIndex(t, "backendes")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does she speak english", []string{"Yes", "English (Inglés)", "advanced", "C1"}, []string{"doesn't"}},
		{"is spanish her native language", []string{"Spanish (Español)", "native"}, []string{"doesn't"}},
		{"does she speak french", []string{"doesn't mention"}, nil},
	} {
		checkText(t, c.q, ask(es, c.q)[0].Text, c.want, c.not)
	}
}

// TestSlashJoinedKeywords: a keyword that joins two names with a slash
// ("C/C++", "CAN/CAN FD", "TCP/IP") lists each of them; one that is a
// single name with a slash in it ("A/B testing", "I/O") stays whole.
func TestSlashJoinedKeywords(t *testing.T) {
	fw := mustIndex(t, "firmware")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does he know c++", []string{"Yes, C++", "C/C++"}, []string{"doesn't"}},
		{"c plus plus experience?", []string{"Yes, C++", "C/C++"}, []string{"Sorry"}},
		{"does he know c", []string{"Yes, C", "C/C++"}, []string{"doesn't"}},
	} {
		checkText(t, c.q, ask(fw, c.q)[0].Text, c.want, c.not)
	}
	r := mustLoad(t, "sample")
	r.Skills[0].Keywords = append(r.Skills[0].Keywords, "TCP/IP", "A/B testing", "I/O")
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "tcp", ask(x, "does he know tcp")[0].Text, []string{"Yes", "TCP/IP"}, []string{"doesn't"})
	checkText(t, "ab", ask(x, "does he do a/b testing")[0].Text, []string{"A/B testing"}, []string{"doesn't"})
}

// TestTechnologyKindNouns: "CAN bus", "LIN bus", "the MQTT protocol" ask
// for CAN, LIN and MQTT; the word after names no other product. "can" the
// verb is no CAN.
func TestTechnologyKindNouns(t *testing.T) {
	fw := mustIndex(t, "firmware")
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"Does he have experience with CAN bus?", []string{"Yes, CAN", "CAN/CAN FD"}, []string{"doesn't"}},
		{"lin bus?", []string{"Yes, LIN"}, []string{"doesn't"}},
		{"can he use an oscilloscope", []string{"Oscilloscopes"}, []string{"CAN appears", "doesn't"}},
		{"can he speak german", []string{"German"}, []string{"CAN"}},
	} {
		checkText(t, c.q, ask(fw, c.q)[0].Text, c.want, c.not)
	}
	r := mustLoad(t, "sample")
	r.Skills[0].Keywords = append(r.Skills[0].Keywords, "MQTT")
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "mqtt", ask(x, "does he know the mqtt protocol")[0].Text, []string{"Yes, MQTT"}, []string{"doesn't"})
}

// TestTitlesWrittenInOtherLanguages: titles and highlights in Spanish or
// German ("Desarrollador Backend Senior", "Softwareentwickler", "Ayudante
// de cátedra", "Lidero un equipo de 6") answer "is he a senior
// developer", "did he teach" and "has he led a team" asked in English.
func TestTitlesWrittenInOtherLanguages(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Work[0].Position = "Desarrollador Backend Senior"
	r.Work[0].Highlights = append(r.Work[0].Highlights, "Lidero un equipo de 6 personas")
	r.Work = append(r.Work, profile.Work{Name: "Universidad de Chile", Position: "Ayudante de cátedra", StartDate: "2010-03", EndDate: "2012-12"})
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"is he a senior developer", []string{"was a Desarrollador Backend Senior"}, []string{"No title", "doesn't"}},
		{"is he a backend engineer", []string{"was a Desarrollador Backend Senior"}, []string{"doesn't"}},
		{"did he teach", []string{"Ayudante de cátedra"}, []string{"doesn't"}},
		{"has he led a team", []string{"Lidero un equipo de 6 personas"}, nil},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
	r.Work[0].Position = "Softwareentwickler"
	de := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "de", ask(de, "was he a developer")[0].Text, []string{"Softwareentwickler"}, []string{"doesn't"})
}

// TestDiplomFH: a Diplom of a university of applied sciences ("(FH)")
// stands at a bachelor's level, a university Diplom at a master's.
func TestDiplomFH(t *testing.T) {
	for _, c := range []struct {
		studyType string
		want, not []string
	}{
		{"Diplom-Ingenieur (FH)", []string{"doesn't list a master's degree", "Diplom-Ingenieur (FH)"}, []string{"Yes"}},
		{"Dipl.-Ing. (FH)", []string{"doesn't list a master's degree"}, []string{"Yes"}},
		{"Diplom-Ingenieur", []string{"Yes", "Diplom-Ingenieur"}, []string{"doesn't"}},
		{"Dipl.-Ing.", []string{"Yes", "Dipl.-Ing."}, []string{"doesn't"}},
	} {
		r := mustLoad(t, "sample")
		r.Education = r.Education[:1]
		r.Education[0].StudyType = c.studyType
		x := converse.Compile(r, profile.Privacy{}, today)
		checkText(t, c.studyType, ask(x, "does he have a master's degree")[0].Text, c.want, c.not)
	}
}

// TestNoRelocationSaid: "No relocation" in the summary answers "would he
// relocate"; a relocation managed for others says nothing of him.
func TestNoRelocationSaid(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Basics.Summary = "Programmer in San Francisco. Open to remote roles in the US; no relocation."
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "no relocation", ask(x, "would he relocate to new york")[0].Text, []string{"no relocation"}, []string{"doesn't mention"})
	r.Basics.Summary = "Programmer in San Francisco. Managed the relocation of the office in 2014."
	y := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "office relocation", ask(y, "would he relocate to new york")[0].Text, []string{"doesn't mention"}, []string{"Managed the relocation"})
}

// TestSkillGroupOfSeveralParts: a skill group named for several things
// ("Microcontrollers & Debugging", "Cameras and Lenses") answers "what
// microcontrollers has he used" with that group, not every skill.
func TestSkillGroupOfSeveralParts(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Skills = append(r.Skills,
		profile.Skill{Name: "Microcontrollers & Debugging", Keywords: []string{"STM32", "nRF52", "JTAG"}},
		profile.Skill{Name: "Cameras and Lenses", Keywords: []string{"Leica M6", "Canon EOS R5"}})
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "mcu", ask(x, "what microcontrollers has he used")[0].Text, []string{"Microcontrollers & Debugging", "STM32", "nRF52"}, []string{"HTML", "Leica"})
	checkText(t, "cameras", ask(x, "which cameras does he use")[0].Text, []string{"Leica M6", "Canon EOS R5"}, []string{"HTML", "STM32"})
}

// TestLanguageNamedAlikeInEnglish: a language whose name in the résumé's
// own language is the English one ("Catalan") is not glossed twice.
func TestLanguageNamedAlikeInEnglish(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Languages = []profile.Language{{Language: "Catalán", Fluency: "Nativo"}, {Language: "Catalan", Fluency: "Native"}}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "catalan", ask(x, "what languages does he speak")[0].Text, []string{"Catalan (Catalán)", "Catalan (Native)"}, []string{"Catalan (Catalan)"})
}
