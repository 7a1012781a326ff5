package stt

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// Dictionary maps words to one or more pronunciations in CMU (ARPAbet)
// phones, the form pocketsphinx's en-us acoustic model uses.
type Dictionary map[string][]string

// ReadDictionary parses a CMU-format dictionary ("word PH ON ES", variants
// as "word(2) ..."; ";;;" comments).
func ReadDictionary(r io.Reader) (Dictionary, error) {
	d := Dictionary{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		word, phones, ok := dictLine(sc.Text())
		if !ok {
			continue
		}
		d[word] = append(d[word], phones)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	return d, nil
}

// Subset returns the entries for words, and the words it has none for.
func (d Dictionary) Subset(words []string) (Dictionary, []string) {
	out := Dictionary{}
	var missing []string
	for _, w := range words {
		if p, ok := d[w]; ok {
			out[w] = p
		} else {
			missing = append(missing, w)
		}
	}
	return out, missing
}

// Write writes d in CMU format, sorted, variants numbered.
func (d Dictionary) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	words := make([]string, 0, len(d))
	for k := range d {
		words = append(words, k)
	}
	sort.Strings(words)
	for _, k := range words {
		for i, p := range d[k] {
			if i == 0 {
				fmt.Fprintf(bw, "%s %s\n", k, p)
			} else {
				fmt.Fprintf(bw, "%s(%d) %s\n", k, i+1, p)
			}
		}
	}
	return bw.Flush()
}

// espeakToARPAbet maps espeak-ng's en-us phoneme mnemonics (espeak-ng -x) to
// ARPAbet, longest first. Stress marks and syllable marks are dropped.
var espeakToARPAbet = []struct{ from, to string }{
	{"aI@", "AY ER"}, {"aU@", "AW ER"}, {"e@", "EH R"}, {"A@", "AA R"}, {"o@", "AO R"},
	{"O@", "AO R"}, {"U@", "UH R"}, {"i@", "IH R"}, {"3:", "ER"}, {"@L", "AH L"},
	{"aI", "AY"}, {"aU", "AW"}, {"eI", "EY"}, {"oU", "OW"}, {"OI", "OY"}, {"i:", "IY"},
	{"u:", "UW"}, {"A:", "AA"}, {"O:", "AO"}, {"a#", "AH"}, {"dZ", "JH"}, {"tS", "CH"},
	{"3r-", "ER"}, {"r-", ""}, {"I2", "IH"}, {"I#", "IH"}, {"@2", "AH"}, {"@5", "AH"}, {"3", "ER"},
	{"@", "AH"}, {"I", "IH"}, {"E", "EH"}, {"a", "AE"}, {"V", "AH"}, {"0", "AA"},
	{"U", "UH"}, {"i", "IY"}, {"u", "UW"}, {"A", "AA"}, {"O", "AO"}, {"o", "OW"}, {"e", "EH"},
	{"T", "TH"}, {"D", "DH"}, {"S", "SH"}, {"Z", "ZH"}, {"N", "NG"}, {"j", "Y"}, {"h", "HH"},
	{"r", "R"}, {"l", "L"}, {"w", "W"}, {"b", "B"}, {"d", "D"}, {"f", "F"}, {"g", "G"},
	{"k", "K"}, {"m", "M"}, {"n", "N"}, {"p", "P"}, {"s", "S"}, {"t", "T"}, {"v", "V"},
	{"z", "Z"}, {"x", "K"}, {"C", "HH"}, {"?", ""},
}

// ToARPAbet converts one espeak-ng phoneme string to ARPAbet phones.
// Unknown symbols are skipped.
func ToARPAbet(espeak string) string {
	var out []string
	s := espeak
	for len(s) > 0 {
		switch s[0] {
		case '\'', ',', '-', '%', '=', '_', ':', '!', '#', ' ', '2', '5':
			s = s[1:]
			continue
		}
		matched := false
		for _, m := range espeakToARPAbet {
			if strings.HasPrefix(s, m.from) {
				if m.to != "" {
					out = append(out, m.to)
				}
				s = s[len(m.from):]
				matched = true
				break
			}
		}
		if !matched {
			s = s[1:]
		}
	}
	return strings.Join(out, " ")
}

// Pronounce asks espeak-ng (binary, default "espeak-ng") how to say each
// word and returns ARPAbet pronunciations: the fallback for names and
// technologies missing from the CMU dictionary. Errors: apperr.Unavailable
// when espeak-ng is missing.
func Pronounce(ctx context.Context, binary string, words []string) (Dictionary, error) {
	if binary == "" {
		binary = "espeak-ng"
	}
	path, err := exec.LookPath(binary)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "pronouncing new words needs espeak-ng, which is not installed (apt-get install espeak-ng)")
	}
	out := Dictionary{}
	for _, w := range words {
		cmd := exec.CommandContext(ctx, path, "-q", "-x", "-v", "en-us", "--stdin")
		cmd.Stdin = strings.NewReader(w + "\n")
		b, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("espeak-ng phonemes for %q: %w", w, err)
		}
		if p := ToARPAbet(strings.TrimSpace(string(b))); p != "" {
			out[w] = []string{p}
		}
	}
	return out, nil
}

// dictLine reads one line of a CMU-format dictionary: the word, lower-cased
// and without an alternate's "(2)", and its phones; ok is false for blank
// lines, ";;;" comments and lines without phones.
func dictLine(line string) (word, phones string, ok bool) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, ";;;") {
		return "", "", false
	}
	word, phones, ok = strings.Cut(line, " ")
	if !ok {
		return "", "", false
	}
	if i := strings.IndexByte(word, '('); i > 0 {
		word = word[:i]
	}
	return strings.ToLower(word), strings.TrimSpace(phones), true
}
