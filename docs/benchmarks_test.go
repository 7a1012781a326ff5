package docs

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// slug is GitHub's anchor for a heading: lower case, letters, marks,
// digits, '-' and '_' kept, each space a '-', everything else dropped.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headings returns the anchors of a Markdown file's headings (outside code
// fences; a repeated anchor gets -1, -2, ... as on GitHub) and its level-2
// headings.
func headings(t *testing.T, name string) (anchors map[string]bool, h2 []string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	anchors = map[string]bool{}
	seen := map[string]int{}
	fence := false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "```") {
			fence = !fence
			continue
		}
		level := len(line) - len(strings.TrimLeft(line, "#"))
		if fence || level == 0 || level > 6 || !strings.HasPrefix(line[level:], " ") {
			continue
		}
		a := slug(line[level+1:])
		if n, ok := seen[a]; ok {
			seen[a] = n + 1
			a += "-" + strconv.Itoa(n+1)
		} else {
			seen[a] = 0
		}
		anchors[a] = true
		if level == 2 {
			h2 = append(h2, line[3:])
		}
	}
	return anchors, h2
}

// TestBenchmarkLinksReachTheLog: every figure on the current-state page
// links to the log section it comes from; a heading renamed or a link
// mistyped would leave a reader at the top of a 9,000-line file.
func TestBenchmarkLinksReachTheLog(t *testing.T) {
	page, err := os.ReadFile("benchmarks.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), "\n"); n > 250 {
		t.Errorf("benchmarks.md has %d lines; it is the short page (details belong in benchmarks-log.md)", n)
	}
	logAnchors, _ := headings(t, "benchmarks-log.md")
	pageAnchors, _ := headings(t, "benchmarks.md")
	links := regexp.MustCompile(`\]\((benchmarks-log\.md)?#([^)]+)\)`).FindAllStringSubmatch(string(page), -1)
	if len(links) < 20 {
		t.Fatalf("found %d section links in benchmarks.md; has its layout changed?", len(links))
	}
	for _, l := range links {
		in := pageAnchors
		if l[1] != "" {
			in = logAnchors
		}
		if !in[l[2]] {
			t.Errorf("benchmarks.md links to %s#%s, which has no such heading", l[1], l[2])
		}
	}
}

// TestBenchmarkLogOneSectionPerIssue: new measurements are appended under
// their issue's level-2 heading, so the log keeps exactly these.
func TestBenchmarkLogOneSectionPerIssue(t *testing.T) {
	_, h2 := headings(t, "benchmarks-log.md")
	want := []string{
		"Profiles: import and read (issue: foundation)",
		"Conversation (issue: conversation engine)",
		"Identity (issue: identity and access)",
		"dbcopy vs pgloader (issue: dbcopy)",
		"Gateway (issue: API gateway)",
		"Caching (issue: caching layer)",
		"Voice: answer accuracy and latency (issue #5, helper h-vmeasure, 2026-11-29)",
	}
	if !slices.Equal(h2, want) {
		t.Errorf("level-2 headings of benchmarks-log.md:\n%s\nwant one per issue:\n%s", strings.Join(h2, "\n"), strings.Join(want, "\n"))
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Full turns (lead, 2026-12-01 04:29–04:35Z, load average 1.3–3.3)", "full-turns-lead-2026-12-01-04290435z-load-average-1333"},
		{"Sakila (16 tables, 47,273 rows), A, B, C × 3", "sakila-16-tables-47273-rows-a-b-c--3"},
		{"h-eng33: unseen résumés, a recruiter's `screening`", "h-eng33-unseen-résumés-a-recruiters-screening"},
	} {
		if got := slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
