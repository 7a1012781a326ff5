package profile_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/profile"
)

func TestTechnologiesData(t *testing.T) {
	techs := profile.Technologies().Techs()
	if len(techs) < 150 {
		t.Errorf("%d technologies, want at least 150", len(techs))
	}
	perCategory := map[string]int{}
	for _, tech := range techs {
		perCategory[tech.Category]++
		// Every name and alias leads back to its entry.
		for _, form := range append([]string{tech.Name}, tech.Aliases...) {
			if got, ok := profile.Technologies().Canonical(form); !ok || got != tech.Name {
				t.Errorf("Canonical(%q) = %q, %v; want %q", form, got, ok, tech.Name)
			}
		}
	}
	for _, c := range []string{"language", "framework", "database", "cloud", "infrastructure", "tool"} {
		if perCategory[c] < 5 {
			t.Errorf("category %s has %d entries", c, perCategory[c])
		}
	}
}

func TestNewTechIndexRejectsBadData(t *testing.T) {
	tests := map[string]string{
		"unknown category": "technologies:\n  - {name: X, category: weird}\n",
		"shared alias":     "technologies:\n  - {name: A1, category: tool, aliases: [same]}\n  - {name: B1, category: tool, aliases: [Same]}\n",
		"stray exact form": "technologies:\n  - {name: Go, category: language, exact: [Golf]}\n",
		"no name":          "technologies:\n  - {category: tool}\n",
		"not yaml":         "technologies: [",
	}
	for name, data := range tests {
		if _, err := profile.NewTechIndex([]byte(data)); err == nil {
			t.Errorf("%s: NewTechIndex accepted %q", name, data)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := map[string]string{
		"k8s": "Kubernetes", "KUBERNETES": "Kubernetes", "golang": "Go", "go": "Go",
		"postgres": "PostgreSQL", "postgresql": "PostgreSQL", "psql": "PostgreSQL",
		"js": "JavaScript", "ts": "TypeScript", "py": "Python", "react.js": "React",
		"reactjs": "React", "node": "Node.js", "nodejs": "Node.js", "Node.JS": "Node.js",
		"aws": "AWS", "Amazon Web Services": "AWS", "gcp": "Google Cloud", "c++": "C++",
		"cpp": "C++", "C#": "C#", "csharp": "C#", ".net": ".NET", "dotnet": ".NET",
		"c": "C", "r": "R", "Objective-C": "Objective-C", "asp.net core": "ASP.NET",
		"scikit-learn": "scikit-learn", " docker ": "Docker", "F#": "F#",
	}
	for in, want := range tests {
		if got, ok := profile.Technologies().Canonical(in); !ok || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "c+", "kubernets", "going", "java script engine", "#", "net"} {
		if got, ok := profile.Technologies().Canonical(in); ok {
			t.Errorf("Canonical(%q) = %q, want no match", in, got)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		in, want string // want "" for no match
	}{
		{"Kubernets", "Kubernetes"}, {"kuberentes", "Kubernetes"}, {"postgress", "PostgreSQL"},
		{"Postgress", "PostgreSQL"}, {"golang", "Go"}, {"k8s", "Kubernetes"},
		{"Javascirpt", "JavaScript"}, {"Typescrpt", "TypeScript"}, {"Terrafrom", "Terraform"},
		{"Elasticsaerch", "Elasticsearch"}, {"Djanog", "Django"}, {"pyhton", "Python"},
		{"Kubernetesss", "Kubernetes"}, {"Kubernetessss", ""}, // two edits, then three
		// Short names are never guessed, nor towards short names.
		{"going", ""}, {"Gp", ""}, {"Jav", ""}, {"Rusty", ""}, {"Goo", ""}, {"Cc", ""},
		// English words one edit from a technology.
		{"reach", ""}, {"ready", ""}, {"scale", ""}, {"grade", ""}, {"nodes", ""},
		{"containers", ""}, {"objective", ""}, {"electronic", ""}, {"expressed", ""},
		{"sprint", ""}, {"swifts", ""}, {"closure", ""},
		// The first letter is taken as typed.
		{"Lubernetes", ""},
	}
	for _, tt := range tests {
		got, ok := profile.Technologies().Match(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Match(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestStopwordsCoverDictionary checks that no word of a common English word
// list is taken for a misspelt technology. The word list is a development
// tool (Debian package wamerican); without it the check cannot run.
func TestStopwordsCoverDictionary(t *testing.T) {
	testenv.File(t, "/usr/share/dict/words", "apt-get install wamerican")
	f, err := os.Open("/usr/share/dict/words")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	idx := profile.Technologies()
	var missing []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(sc.Text())
		if strings.Contains(w, "'") {
			continue
		}
		if _, exact := idx.Canonical(w); exact {
			continue
		}
		if _, ok := idx.Match(w); ok {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		t.Errorf("add these English words to stopwords in technologies.yaml: %s", strings.Join(missing, ", "))
	}
}

type mention struct {
	Name, Text string
	Fuzzy      bool
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []mention
	}{
		{"Built services in Go and Python on k8s.", []mention{
			{"Go", "Go", false}, {"Python", "Python", false}, {"Kubernetes", "k8s", false}}},
		{"Migrated from amazon web services to Google Cloud.", []mention{
			{"AWS", "amazon web services", false}, {"Google Cloud", "Google Cloud", false}}},
		{"C/C++ and C# on .NET Core, some Objective-C", []mention{
			{"C", "C", false}, {"C++", "C++", false}, {"C#", "C#", false},
			{".NET", ".NET Core", false}, {"Objective-C", "Objective-C", false}}},
		{"React Native apps; React.js and node.js backends (Node.js, Express)", []mention{
			{"React Native", "React Native", false}, {"React", "React.js", false},
			{"Node.js", "node.js", false}, {"Node.js", "Node.js", false}, {"Express", "Express", false}}},
		{"Does she know Kubernets or postgress?", []mention{
			{"Kubernetes", "Kubernets", true}, {"PostgreSQL", "postgress", true}}},
		{"Go's type system; Rust, Swift and R for statistics.", []mention{
			{"Go", "Go", false}, {"Rust", "Rust", false}, {"Swift", "Swift", false}, {"R", "R", false}}},
		{"Spring Boot, Spring and PL/SQL; ES6 modules", []mention{
			{"Spring", "Spring Boot", false}, {"Spring", "Spring", false}, {"SQL", "PL/SQL", false},
			{"JavaScript", "ES6", false}}},
		// False positives: English words, verbs, letters, seasons.
		{"I will go to the office. Go ahead and ask! Going swiftly, the rust on the spring.", nil},
		{"R&D manager at a C-level go-to firm; grade C in chemistry.", []mention{{"C", "C", false}}},
		{"In Spring 2019 we reached a ready state at scale with express delivery.", nil},
		{"John C. Smith reacted to the nodes in the containers.", nil},
		{"Objective: to excel at REST and restful sleep", []mention{{"REST", "REST", false}}},
		{"Python/Go, Java/Spring; C++/C and Swift’s optionals", []mention{
			{"Python", "Python", false}, {"Go", "Go", false}, {"Java", "Java", false},
			{"Spring", "Spring", false}, {"C++", "C++", false}, {"C", "C", false}, {"Swift", "Swift", false}}},
		{"Go'ing, Rust'y", nil},
		// Vendors: a metric's platform, a company's bare name as issuer.
		{"A Go tool with 500+ GitHub stars, funded by GitHub Sponsors and 2M npm downloads", []mention{
			{"Go", "Go", false}}},
		{"Oracle Certified Professional: Java SE 11; AWS Certified Developer; Oracle and GitHub", []mention{
			{"Java", "Java SE", false}, {"AWS", "AWS", false}, {"Oracle Database", "Oracle", false},
			{"GitHub", "GitHub", false}}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []mention
			for _, m := range profile.Technologies().Find(tt.text) {
				got = append(got, mention{m.Name, m.Text, m.Fuzzy})
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("offsets [%d,%d) do not frame %q", m.Start, m.End, m.Text)
				}
				if m.Category == "" {
					t.Errorf("%s has no category", m.Name)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindOffsetsWithUnicode(t *testing.T) {
	text := "Zoë écrit du Go et du Rust — très bien, avec Kubernetes."
	ms := profile.Technologies().Find(text)
	if len(ms) != 3 {
		t.Fatalf("Find = %+v", ms)
	}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("%+v: offsets do not frame the text", m)
		}
	}
}
