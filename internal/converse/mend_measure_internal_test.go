package converse

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// TestMeasureMends counts the words of a word list (MEND_WORDS) that the
// fuzzy matchers would read as another word in a question, over every
// profile of eval/testdata. A measurement, not a check: it runs only when
// MEND_WORDS names a file.
func TestMeasureMends(t *testing.T) {
	path := os.Getenv("MEND_WORDS")
	if path == "" {
		t.Skip("MEND_WORDS not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	re := regexp.MustCompile(`^[a-z]{4,}$`)
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := sc.Text(); re.MatchString(w) {
			words = append(words, w)
		}
	}
	files, _ := filepath.Glob(filepath.Join("eval", "testdata", "*.resume.json"))
	hits := map[string]map[string]string{"cue": {}, "tech": {}, "swap4": {}, "kind": {}, "name": {}, "alias": {}}
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := profile.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		x := Compile(doc.Resume, profile.Privacy{}, time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC))
		for _, w := range words {
			ts := []string{w}
			if len(w) >= 5 {
				if out := x.fixCueTypos(ts); out[0] != w {
					hits["cue"][w] = out[0]
				}
				if _, ok := profile.Technologies().Canonical(w); !ok {
					if name, ok := profile.Technologies().Match(w); ok {
						hits["alias"][w] = name
					}
				}
			}
			if h := x.techs.matchAt(ts, 0, true); h.fuzzy {
				if len(w) == 4 {
					hits["swap4"][w] = h.name
				} else {
					hits["tech"][w] = h.name
				}
			}
			if s := singular(w); s != w && len(s) >= 6 && x.projectKinds != nil && !x.projectKinds[s] {
				if ks := x.scoreProjectKinds(&query{ts: ts}); len(ks) > 0 {
					hits["kind"][w] = s
				}
			}
			if len(w) >= 6 && !commonWords[w] {
				for _, e := range x.entities {
					for _, k := range e.keys {
						if k != "" && w[0] == k[0] && w != k && singular(w) != singular(k) && nameMatch(w, k) {
							hits["name"][w] = k + " (" + filepath.Base(fn) + ")"
						}
					}
				}
			}
		}
	}
	for _, kind := range []string{"cue", "alias", "tech", "swap4", "kind", "name"} {
		var ex []string
		for w, v := range hits[kind] {
			ex = append(ex, w+"->"+v)
		}
		sort.Strings(ex)
		t.Logf("%s: %d of %d words; %s", kind, len(ex), len(words), strings.Join(ex, ", "))
	}
}

// nameMatch is the name matcher measured: nameTypo, or before it the
// fuzzyName test with its guards (MEND_BASE=1).
func nameMatch(w, k string) bool {
	if os.Getenv("MEND_BASE") != "" {
		return len(w) >= 6 && !commonWords[w] && fuzzyName(w, k)
	}
	return nameTypo(w, k)
}
