package stt_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/stt"
	"github.com/parleyhq/parley/internal/voice/tts"
	"github.com/parleyhq/parley/internal/voice/vad"
)

// The public question set and its profiles, shared with the text evaluation.
const evalDir = "../../converse/eval/testdata"

type evalSet struct {
	Profiles []struct{ Name, Path string } `yaml:"profiles"`
	Threads  []struct {
		Profile string `yaml:"profile"`
		Turns   []struct {
			Question string `yaml:"question"`
		} `yaml:"turns"`
	} `yaml:"threads"`
}

var digits = regexp.MustCompile(`[0-9]`)

// TestEvalWER speaks the public question set with the local synthesisers and
// measures the word error rate of Moonshine tiny beside pocketsphinx's with
// its generic model and with models adapted to each profile. Slow (~20 min; ~8 without the generic
// model, PARLEY_STT_EVAL_SKIP_GENERIC=1; PARLEY_STT_EVAL_MODELS=REGEXP
// keeps only the models it matches): runs only with PARLEY_STT_EVAL=1. Figures go to docs/adr/0005-offline-speech-recognition.md.
func TestEvalWER(t *testing.T) {
	if os.Getenv("PARLEY_STT_EVAL") != "1" {
		t.Skip("set PARLEY_STT_EVAL=1 to run the speech recognition evaluation")
	}
	ctx := context.Background()
	var set evalSet
	b, err := os.ReadFile(filepath.Join(evalDir, "public.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, p := range set.Profiles {
		paths[p.Name] = p.Path
	}
	questions := map[string][]string{} // profile file -> questions
	skipped := 0
	for _, th := range set.Threads {
		for _, turn := range th.Turns {
			// Spoken numbers ("two thousand thirteen") need a spoken-form
			// normaliser before they can be scored; left out for now.
			if digits.MatchString(turn.Question) {
				skipped++
				continue
			}
			questions[paths[th.Profile]] = append(questions[paths[th.Profile]], turn.Question)
		}
	}
	base, err := os.Open(stt.DefaultSphinxDict)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := stt.ReadDictionary(base)
	base.Close()
	if err != nil {
		t.Fatal(err)
	}
	generic, err := stt.NewSphinx(stt.SphinxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// PARLEY_STT_EVAL_MODELS keeps only the models whose name it matches.
	only, err := regexp.Compile(os.Getenv("PARLEY_STT_EVAL_MODELS"))
	if err != nil {
		t.Fatal(err)
	}
	// Moonshine needs no profile model: one recogniser for every profile.
	moonshine, err := stt.NewMoonshine(stt.MoonshineOptions{Dir: moonshineDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer moonshine.Close()
	voices := evalVoices(t)
	type result struct {
		errs, words float64
		times       []time.Duration
	}
	results := map[string]*result{}
	var order []string
	add := func(name string, ref, hyp string, d time.Duration) {
		r := results[name]
		if r == nil {
			r = &result{}
			results[name] = r
			order = append(order, name)
		}
		n := float64(len(strings.Fields(stt.Normalize(ref))))
		r.errs += stt.WER(ref, hyp) * n
		r.words += n
		r.times = append(r.times, d)
	}
	files := make([]string, 0, len(questions))
	for f := range questions {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		qs := questions[file]
		terms, slots := profileTerms(t, filepath.Join(evalDir, file))
		heldOut := stt.Fill(evalTemplates, slots)
		var others []string // the other profiles' questions: phrasings seen elsewhere
		for f, oq := range questions {
			if f != file {
				others = append(others, oq...)
			}
		}
		models := map[string]stt.Transcriber{"moonshine tiny (no profile adaptation)": moonshine}
		if os.Getenv("PARLEY_STT_EVAL_SKIP_GENERIC") != "1" {
			models["generic en-us LM"] = generic
		}
		for name, sentences := range map[string][]string{
			"adapted, held out (templates + terms)":                          heldOut,
			"adapted, cross-profile (+ other profiles' questions, held out)": append(append([]string(nil), heldOut...), others...),
			"adapted, closed (+ the test questions too)":                     append(append([]string(nil), heldOut...), qs...),
		} {
			m, err := stt.BuildModel(ctx, t.TempDir(), stt.ModelSource{Sentences: sentences, Terms: terms, Base: dict})
			if err != nil {
				t.Fatal(err)
			}
			models[name] = generic.WithModel(m)
			t.Logf("%s %s: %d sentences, %d espeak-ng pronunciations, %d dropped", file, name, len(sentences), len(m.Guessed), len(m.Dropped))
		}
		for name := range models {
			if !only.MatchString(name) {
				delete(models, name)
			}
		}
		for vname, voice := range voices {
			for _, q := range qs {
				pcm := speak(t, ctx, voice, q)
				for mname, rec := range models {
					start := time.Now()
					tr, err := rec.Transcribe(ctx, pcm)
					d := time.Since(start)
					if err != nil {
						t.Fatal(err)
					}
					add(mname+" | "+vname, q, tr.Text, d)
					add(mname+" | all voices", q, tr.Text, d)
				}
			}
		}
	}
	sort.Strings(order)
	t.Logf("questions: %d spoken per voice (%d with digits left out), voices %d", len(results[order[0]].times)/len(voices), skipped, len(voices))
	for _, name := range order {
		r := results[name]
		sort.Slice(r.times, func(i, j int) bool { return r.times[i] < r.times[j] })
		t.Logf("%-70s WER %.3f (%.0f/%.0f words)  median %v p95 %v per utterance", name, r.errs/r.words, r.errs, r.words,
			r.times[len(r.times)/2].Round(time.Millisecond), r.times[len(r.times)*95/100].Round(time.Millisecond))
	}
}

func evalVoices(t *testing.T) map[string]tts.Synthesizer {
	out := map[string]tts.Synthesizer{}
	for _, v := range []struct {
		name  string
		voice string
		wpm   int
	}{{"espeak-ng en-us 175wpm", "en-us", 175}, {"espeak-ng en-gb 150wpm", "en-gb", 150}} {
		s, err := tts.NewEspeak(tts.EspeakOptions{Voice: v.voice, WordsPerMinute: v.wpm})
		if err != nil {
			t.Fatal(err)
		}
		out[v.name] = s
	}
	if _, err := exec.LookPath("flite"); err == nil {
		s, err := tts.NewFlite(tts.FliteOptions{Voice: "slt"})
		if err != nil {
			t.Fatal(err)
		}
		out["flite slt"] = s
	}
	return out
}

// speak synthesises q and prepares it as the voice endpoint would: 16 kHz
// mono, silence trimmed.
func speak(t *testing.T, ctx context.Context, s tts.Synthesizer, q string) audio.PCM {
	t.Helper()
	pcm, err := s.Synthesize(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	pcm = pcm.ForSpeech()
	pad := make([]int16, audio.SpeechRate/2)
	pcm.Samples = append(append(append([]int16(nil), pad...), pcm.Samples...), pad...)
	trimmed, _, err := vad.Trim(pcm, vad.Config{}, 200*time.Millisecond)
	if err != nil {
		t.Fatalf("vad on %q: %v", q, err)
	}
	return trimmed
}

// profileTerms pulls the words a visitor may say about a profile out of its
// JSON Resume: names, employers, schools, skills, projects and so on.
func profileTerms(t *testing.T, path string) ([]string, map[string][]string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Basics struct {
			Name     string
			Location struct{ City, Region string }
			Profiles []struct{ Network string }
		}
		Work      []struct{ Name, Position, Location string }
		Volunteer []struct{ Organization, Position string }
		Education []struct{ Institution, Area, StudyType string }
		Skills    []struct {
			Name     string
			Keywords []string
		}
		Projects []struct {
			Name            string
			Keywords, Roles []string
		}
		Awards       []struct{ Title, Awarder string }
		Certificates []struct{ Name, Issuer string }
		Publications []struct{ Name, Publisher string }
		Languages    []struct{ Language string }
		Interests    []struct {
			Name     string
			Keywords []string
		}
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	first := strings.Fields(r.Basics.Name)
	slots := map[string][]string{
		"p":    {r.Basics.Name, "he", "she", "they"},
		"poss": {"his", "her", "their"},
		"obj":  {"him", "her", "them"},
	}
	if len(first) > 0 {
		slots["p"] = append(slots["p"], first[0])
		slots["poss"] = append(slots["poss"], first[0]+"'s")
		slots["obj"] = append(slots["obj"], first[0])
	}
	add := func(slot string, vs ...string) {
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" && !digits.MatchString(v) {
				slots[slot] = append(slots[slot], v)
			}
		}
	}
	for _, p := range r.Basics.Profiles {
		add("net", p.Network)
	}
	add("org", r.Basics.Location.City)
	for _, w := range r.Work {
		add("org", w.Name, w.Location)
		add("role", w.Position)
	}
	for _, v := range r.Volunteer {
		add("org", v.Organization)
	}
	for _, e := range r.Education {
		add("org", e.Institution)
		add("tech", e.Area)
	}
	for _, s := range r.Skills {
		add("tech", s.Name)
		add("tech", s.Keywords...)
	}
	for _, p := range r.Projects {
		add("proj", p.Name)
		add("tech", p.Keywords...)
	}
	for _, c := range r.Certificates {
		add("cert", c.Name)
		add("org", c.Issuer)
	}
	for _, l := range r.Languages {
		add("lang", l.Language)
	}
	var terms []string
	for _, vs := range slots {
		terms = append(terms, vs...)
	}
	for _, a := range r.Awards {
		terms = append(terms, a.Title, a.Awarder)
	}
	for _, p := range r.Publications {
		terms = append(terms, p.Name, p.Publisher)
	}
	for _, i := range r.Interests {
		terms = append(terms, i.Name)
		terms = append(terms, i.Keywords...)
	}
	return terms, slots
}
