package numwords_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/numwords"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"what did richard do in twenty seventeen", "what did richard do in 2017"},
		{"two thousand and nine", "2009"},
		{"two thousand nine", "2009"},
		{"since twenty twenty", "since 2020"},
		{"in twenty twenty one", "in 2021"},
		{"nineteen ninety nine", "1999"},
		{"nineteen oh five", "1905"},
		{"nineteen hundred", "1900"},
		{"twenty ten to twenty fourteen", "2010 to 2014"},
		{"five years", "5 years"},
		{"twenty five years", "25 years"},
		{"twenty-five years", "25 years"},
		{"three hundred and six", "306"},
		{"one hundred", "100"},
		{"twelve thousand", "12000"},
		{"which one used go", "which one used go"},
		{"what was his first job", "what was his first job"},
		{"java and python", "java and python"},
		{"two thousand and then some", "2000 and then some"},
		{"what did he do in 2000 and thirteen", "what did he do in 2013"},
		{"in 2000 and ten?", "in 2010?"},
		{"2000 and 13", "2013"},
		{"between 2000 and 2005", "between 2000 and 2005"},
		{"2000 and then", "2000 and then"},
		{"1500 and six", "1500 and 6"},
		{"thirty forty", "30 40"},
		{"e-mail", "e-mail"},
		{"  extra   spaces ", "extra spaces"},
		{"already 2017", "already 2017"},
		{"", ""},
	} {
		if got := numwords.Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// spell says n (2 to 999999) the British way ("three hundred and six").
func spell(n int) string {
	small := strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	tensW := strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
	below100 := func(n int) string {
		if n < 20 {
			return small[n]
		}
		if n%10 == 0 {
			return tensW[n/10]
		}
		return tensW[n/10] + " " + small[n%10]
	}
	below1000 := func(n int) string {
		switch {
		case n < 100:
			return below100(n)
		case n%100 == 0:
			return small[n/100] + " hundred"
		default:
			return small[n/100] + " hundred and " + below100(n%100)
		}
	}
	if n < 1000 {
		return below1000(n)
	}
	s := below1000(n/1000) + " thousand"
	switch r := n % 1000; {
	case r == 0:
	case r < 100:
		s += " and " + below100(r)
	default:
		s += " " + below1000(r)
	}
	return s
}

func TestNormalizeSpelledNumbers(t *testing.T) {
	for n := 2; n < 3000; n++ {
		in := spell(n)
		// Years said as "nineteen ninety" read differently; spelled
		// cardinals of the 1900s and 2000s come out whole either way.
		if got := numwords.Normalize(in); got != strconv.Itoa(n) {
			t.Fatalf("Normalize(%q) = %q, want %d", in, got, n)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"twenty seventeen", "two thousand and nine", "five years", "one", "nineteen oh", "twenty-", "-", "hundred thousand and"} {
		f.Add(s)
	}
	f.Add(spell(123456))
	f.Fuzz(func(t *testing.T, s string) {
		out := numwords.Normalize(s)
		if again := numwords.Normalize(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		if n := len(strings.Fields(out)); n > len(strings.Fields(s))*2 {
			t.Fatalf("%q grew to %d words: %q", s, n, out)
		}
	})
}

func FuzzNormalizeSpelled(f *testing.F) {
	f.Add(uint32(2009))
	f.Add(uint32(999999))
	f.Fuzz(func(t *testing.T, u uint32) {
		n := int(u%999998) + 2
		if got := numwords.Normalize(spell(n)); got != strconv.Itoa(n) {
			t.Fatalf("Normalize(%q) = %q, want %d", spell(n), got, n)
		}
	})
}
