package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/converse/eval"
	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/stt"
	"github.com/parleyhq/parley/internal/voice/tts"
)

// evalVoice is one synthetic visitor: a local synthesiser and its
// settings, and the server it speaks to ("": the text path's).
type evalVoice struct {
	name  string
	synth tts.Synthesizer
	base  string
}

// pathScore counts the turns of one front end (text or one voice).
type pathScore struct {
	turns, passed  int
	werErrs, words float64 // voice only: word errors and reference words
	failed         int     // voice only: uploads the server rejected (422: no speech heard)
	misses         []string
	elapsed        time.Duration
}

func (p *pathScore) accuracy() float64 {
	if p.turns == 0 {
		return 0
	}
	return float64(p.passed) / float64(p.turns)
}

func (p *pathScore) wer() float64 {
	if p.words == 0 {
		return 0
	}
	return p.werErrs / p.words
}

// voiceEvalReport is the text path and every voice, scored on the same
// server in the same run.
type voiceEvalReport struct {
	text   pathScore
	voices map[string]*pathScore
}

// startEvalServer imports the set's profiles (each under its own name, with
// its owner's privacy choices) and serves them in-process.
func startEvalServer(t *testing.T, set *eval.Set, setDir, recogniser string) (string, func()) {
	t.Helper()
	// "moonshine-raw" is Moonshine without the transcript correction;
	// "moonshine@bias=0" sets PARLEY_STT_BIAS=0 (any PARLEY_STT_* setting).
	name, overrides, _ := strings.Cut(recogniser, "@")
	name, raw := strings.CutSuffix(name, "-raw")
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(t), "PARLEY_RATE_LIMIT": "off", "PARLEY_STT": name,
		"PARLEY_STT_CORRECT": map[bool]string{true: "off", false: "on"}[raw]}
	for _, kv := range strings.FieldsFunc(overrides, func(r rune) bool { return r == '@' }) {
		k, v, _ := strings.Cut(kv, "=")
		env["PARLEY_STT_"+strings.ToUpper(k)] = v
	}
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	env["PARLEY_PUBLIC_URL"] = base
	for _, p := range set.Profiles {
		path := p.Path
		if !filepath.IsAbs(path) {
			path = filepath.Join(setDir, path)
		}
		args := []string{"import", "--slug", p.Name}
		if p.SharePhone {
			args = append(args, "--share-phone")
		}
		if p.ShareAddress {
			args = append(args, "--share-address")
		}
		if _, stderr, err := cli(t, env, "", append(args, path)...); err != nil {
			t.Fatalf("import %s: %v %s", p.Name, err, stderr)
		}
	}
	return base, serveInBackground(t, env)
}

// runVoiceEval asks every thread's turns in order through the text endpoint
// and, spoken by each voice, through the voice endpoint: one session per
// thread and front end, so a misheard turn carries into the thread's next
// turns as it would for a real visitor. Every reply is scored with the text
// evaluation's own checker.
func runVoiceEval(t *testing.T, ctx context.Context, base string, set *eval.Set, threads []eval.Thread, voices []evalVoice) voiceEvalReport {
	t.Helper()
	r := voiceEvalReport{voices: map[string]*pathScore{}}
	for _, v := range voices {
		r.voices[v.name] = &pathScore{}
	}
	score := func(p *pathScore, th eval.Thread, i int, heard string, reply converse.Reply) {
		p.turns++
		probs := set.Check(th.Profile, th.Turns[i].Expect, reply)
		if len(probs) == 0 {
			p.passed++
			return
		}
		p.misses = append(p.misses, fmt.Sprintf("%s / %s #%d: %q heard %q\n    reply: %s\n    %s",
			th.Profile, th.Name, i+1, th.Turns[i].Question, heard, reply.Text, strings.Join(probs, "; ")))
	}
	for _, th := range threads {
		textID := openSession(t, base, th.Profile)
		voiceIDs := map[string]string{}
		for _, v := range voices {
			voiceIDs[v.name] = openSession(t, cmp.Or(v.base, base), th.Profile)
		}
		for i, turn := range th.Turns {
			start := time.Now()
			reply := askText(t, base, textID, turn.Question)
			r.text.elapsed += time.Since(start)
			score(&r.text, th, i, turn.Question, reply)
			for _, v := range voices {
				p := r.voices[v.name]
				pcm, err := v.synth.Synthesize(ctx, turn.Question)
				if err != nil {
					t.Fatalf("%s: speak %q: %v", v.name, turn.Question, err)
				}
				wav, err := audio.WAVBytes(pcm)
				if err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				status, res := askVoice(t, cmp.Or(v.base, base), voiceIDs[v.name], wav)
				p.elapsed += time.Since(start)
				n := float64(len(strings.Fields(stt.Normalize(turn.Question))))
				p.words += n
				if status != http.StatusOK {
					// Nothing heard is a wrong answer and every word lost,
					// not a broken harness; anything else is.
					if status != http.StatusUnprocessableEntity {
						t.Errorf("%s: voice turn %q: status %d", v.name, turn.Question, status)
					}
					p.failed++
					p.werErrs += n
					score(p, th, i, "", converse.Reply{})
					continue
				}
				p.werErrs += stt.WER(turn.Question, res.Transcript) * n
				score(p, th, i, res.Transcript, res.Reply)
			}
		}
	}
	return r
}

func openSession(t *testing.T, base, profile string) string {
	t.Helper()
	id, _ := postJSON(t, base+"/v1/sessions", fmt.Sprintf(`{"profile": %q}`, profile), http.StatusCreated)["id"].(string)
	if id == "" {
		t.Fatal("session without an id")
	}
	return id
}

func askText(t *testing.T, base, id, question string) converse.Reply {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"text": question})
	resp, err := http.Post(base+"/v1/sessions/"+id+"/messages", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Reply converse.Reply }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("text turn %q: %d %v", question, resp.StatusCode, err)
	}
	return out.Reply
}

// voiceResult is the voice endpoint's reply body.
type voiceResult struct {
	Transcript string         `json:"transcript"`
	Reply      converse.Reply `json:"reply"`
	AudioURL   string         `json:"audio_url"`
}

func askVoice(tb testing.TB, base, id string, wav []byte) (int, voiceResult) {
	tb.Helper()
	resp, err := http.Post(base+"/v1/sessions/"+id+"/voice", "audio/wav", bytes.NewReader(wav))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var out voiceResult
	if resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			tb.Fatalf("voice reply: %v", err)
		}
	}
	return resp.StatusCode, out
}

// evalVoices are espeak-ng's American and British voices and, when it is
// installed, flite's slt: the synthetic visitors of docs/benchmarks-log.md.
func evalVoices(t *testing.T) []evalVoice {
	t.Helper()
	var out []evalVoice
	for _, v := range []struct {
		name, voice string
		wpm         int
	}{{"espeak-ng en-us 175wpm", "en-us", 175}, {"espeak-ng en-gb 150wpm", "en-gb", 150}} {
		s, err := tts.NewEspeak(tts.EspeakOptions{Voice: v.voice, WordsPerMinute: v.wpm})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, evalVoice{name: v.name, synth: s})
	}
	if _, err := exec.LookPath("flite"); err == nil {
		s, err := tts.NewFlite(tts.FliteOptions{Voice: "slt"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, evalVoice{name: "flite slt", synth: s})
	} else {
		t.Log("flite is not installed: espeak-ng voices only")
	}
	return out
}

// TestVoiceEval is `make eval-voice`: the public question set through the
// voice endpoint, scored like the text evaluation, beside the text endpoint
// on the same server. Slow: runs only with PARLEY_VOICE_EVAL=1;
// PARLEY_VOICE_EVAL_THREADS=N asks only the first N threads,
// PARLEY_VOICE_EVAL_SET picks another set (default the public one),
// PARLEY_VOICE_EVAL_STT the recognisers compared side by side, each on its
// own server (default "moonshine,pocketsphinx"; "moonshine-raw" is
// Moonshine without the transcript correction, PARLEY_STT_CORRECT=off;
// "moonshine@bias=0@correct=off" sets PARLEY_STT_BIAS and PARLEY_STT_CORRECT).
func TestVoiceEval(t *testing.T) {
	if os.Getenv("PARLEY_VOICE_EVAL") != "1" {
		t.Skip("set PARLEY_VOICE_EVAL=1 to run the voice answer-accuracy evaluation")
	}
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	recognisers := strings.Split(cmp.Or(os.Getenv("PARLEY_VOICE_EVAL_STT"), "moonshine,pocketsphinx"), ",")
	if slices.ContainsFunc(recognisers, func(r string) bool { return strings.HasPrefix(r, "moonshine") || strings.HasPrefix(r, "pick") }) {
		moonshineFiles(t)
	}
	path := os.Getenv("PARLEY_VOICE_EVAL_SET")
	if path == "" {
		path = "../../internal/converse/eval/testdata/public.yaml"
	}
	set, err := eval.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	threads := set.Threads
	if s := os.Getenv("PARLEY_VOICE_EVAL_THREADS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("PARLEY_VOICE_EVAL_THREADS=%q: want a positive count", s)
		}
		threads = threads[:min(n, len(threads))]
	}
	var base string
	var voices []evalVoice
	for _, rec := range recognisers {
		b, stop := startEvalServer(t, set, filepath.Dir(path), rec)
		defer stop()
		base = cmp.Or(base, b)
		for _, v := range evalVoices(t) {
			voices = append(voices, evalVoice{name: rec + " | " + v.name, synth: v.synth, base: b})
		}
	}
	start := time.Now()
	r := runVoiceEval(t, context.Background(), base, set, threads, voices)

	// The engine alone with the set's pinned "today", for reference: the
	// server answers with the real date, so open-ended roles can differ.
	sub := *set
	sub.Threads = threads
	now, _, err := set.Today()
	if err != nil {
		t.Fatal(err)
	}
	engine := eval.Run(&sub, now)

	t.Logf("set %s: %d threads, %d turns, %d voices, %v", path, len(threads), r.text.turns, len(voices), time.Since(start).Round(time.Second))
	for _, v := range voices {
		p := r.voices[v.name]
		for _, m := range p.misses {
			t.Logf("MISS %s: %s", v.name, m)
		}
	}
	for _, m := range r.text.misses {
		t.Logf("MISS text: %s", m)
	}
	t.Logf("%-24s accuracy %5.1f%% (%d/%d)", "engine (pinned today)", 100*engine.Accuracy, engine.Passed, engine.Turns)
	t.Logf("%-24s accuracy %5.1f%% (%d/%d)  mean %v per turn", "text endpoint", 100*r.text.accuracy(), r.text.passed, r.text.turns,
		(r.text.elapsed / time.Duration(max(r.text.turns, 1))).Round(time.Millisecond))
	all := map[string]*pathScore{}
	for _, v := range voices {
		p := r.voices[v.name]
		rec, _, _ := strings.Cut(v.name, " | ")
		if all[rec] == nil {
			all[rec] = &pathScore{}
		}
		a := all[rec]
		t.Logf("%-24s accuracy %5.1f%% (%d/%d, %+.1f points vs text)  WER %.3f (%.0f/%.0f words, %d unheard)  mean %v per turn",
			v.name, 100*p.accuracy(), p.passed, p.turns, 100*(p.accuracy()-r.text.accuracy()), p.wer(), p.werErrs, p.words, p.failed,
			(p.elapsed / time.Duration(max(p.turns, 1))).Round(time.Millisecond))
		a.turns, a.passed, a.werErrs, a.words, a.elapsed = a.turns+p.turns, a.passed+p.passed, a.werErrs+p.werErrs, a.words+p.words, a.elapsed+p.elapsed
	}
	for _, rec := range recognisers {
		a := all[rec]
		t.Logf("%-24s accuracy %5.1f%% (%d/%d, %+.1f points vs text)  WER %.3f  mean %v per turn", rec+" | all voices", 100*a.accuracy(), a.passed, a.turns,
			100*(a.accuracy()-r.text.accuracy()), a.wer(), (a.elapsed / time.Duration(max(a.turns, 1))).Round(time.Millisecond))
	}
}

// TestVoiceEvalScores proves the harness on four turns: the text path
// passes the three answerable ones and misses the one whose expected fact
// no reply can hold; the voice path is scored by the same rule, so it
// misses that turn too, and its word error rate covers every word asked.
func TestVoiceEvalScores(t *testing.T) {
	testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	dir := t.TempDir()
	abs, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	yaml := fmt.Sprintf(`profiles:
  - {name: hendriks, path: %q}
threads:
  - profile: hendriks
    name: harness
    turns:
      - {question: "where did richard study", expect: {facts: [University of Oklahoma]}}
      - {question: "what is his phone number", expect: {refused: true}}
      - {question: "where is he based", expect: {facts: [Atlantis]}}
      - {question: "what are his skills", expect: {facts: [Web Development]}}
`, abs)
	path := filepath.Join(dir, "set.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := eval.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	base, stop := startEvalServer(t, set, dir, "pocketsphinx")
	defer stop()
	espeak, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := runVoiceEval(t, context.Background(), base, set, set.Threads, []evalVoice{{name: "espeak-ng", synth: espeak}})
	if r.text.turns != 4 || r.text.passed != 3 || len(r.text.misses) != 1 || !strings.Contains(r.text.misses[0], "Atlantis") {
		t.Errorf("text path: %d of %d passed, misses %q; want 3 of 4, missing only Atlantis", r.text.passed, r.text.turns, r.text.misses)
	}
	v := r.voices["espeak-ng"]
	t.Logf("voice: %d of %d passed, WER %.3f, misses %q", v.passed, v.turns, v.wer(), v.misses)
	if v.turns != 4 || v.words != 17 {
		t.Errorf("voice path scored %d turns and %.0f reference words, want 4 and 17", v.turns, v.words)
	}
	if v.passed > 3 || !anyContains(v.misses, "Atlantis") {
		t.Errorf("voice path passed %d and misses %q: the unanswerable turn must be missed", v.passed, v.misses)
	}
	if anyContains(v.misses, "where did richard study") {
		t.Errorf("voice path missed the question TestVoiceTurnEndToEnd answers: %q", v.misses)
	}
}

func anyContains(ss []string, sub string) bool {
	for _, s := range ss {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// percentile of sorted durations, nearest rank.
func percentile(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(float64(len(s))*p+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}
