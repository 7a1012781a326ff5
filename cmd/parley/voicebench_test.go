package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/tts"
)

// latencyQuestions take espeak-ng en-us at 175 wpm 2.6 to 3.4 s each (mean
// 3.0 s) and get mostly different replies, so the server's reply-audio cache
// rarely answers for the synthesiser (the benchmark reports how often).
var latencyQuestions = []string{
	"could you tell me where richard worked and what he did",
	"what did richard study at the university of oklahoma",
	"which programming languages does richard know well",
	"tell me about the awards that richard has won so far",
	"has richard published any articles about compression",
	"what kind of volunteer work has richard done before",
	"which languages does richard speak and how well",
	"what are richard's hobbies outside of his work",
	"what do other people say about working with richard",
	"tell me about the miss direction project and his role",
	"how long did richard work at pied piper as its boss",
	"where is richard based and how can i contact him",
	"does richard have any experience with kubernetes",
	"which courses did richard take while at university",
	"what was richard's grade point average at school",
	"is richard currently employed or looking for a role",
	"what skills does richard have in video compression",
	"does richard know javascript and where did he use it",
	"when did richard graduate and what was his degree",
	"what was pied piper and where was the company located",
	"can you summarise richard's career for me please",
	"is richard any good at building web sites with html",
	"which projects has richard worked on in his career",
	"what did richard do at pied piper in twenty thirteen",
	"does richard speak spanish or any other languages",
}

// BenchmarkTurnLatency measures one server, in-process, from the end of the
// upload (the request body written) to the reply JSON decoded: a voice turn
// with a ~3 s utterance, the text turn with the same question and /healthz
// as peers. Each request opens its own session (not timed). Run with
// -benchtime=25x or more: p50 and p95 are over the requests of the run.
// PARLEY_STT picks the recogniser (default moonshine; pick runs both); PARLEY_STT_BIAS,
// PARLEY_STT_BIAS_PHRASINGS (0 turns the bias off) and PARLEY_STT_BEAM
// (1: greedy decoding) pass through.
//
//	go test -run '^$' -bench TurnLatency -benchtime 25x ./cmd/parley/
func BenchmarkTurnLatency(b *testing.B) {
	testenv.Tool(b, "espeak-ng", "apt-get install espeak-ng")
	testenv.Tool(b, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	ctx := context.Background()
	env := map[string]string{"PARLEY_DATA_DIR": b.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(b), "PARLEY_RATE_LIMIT": "off",
		"PARLEY_STT": cmp.Or(os.Getenv("PARLEY_STT"), "moonshine")}
	if env["PARLEY_STT"] == "moonshine" || env["PARLEY_STT"] == "pick" {
		moonshineFiles(b)
	}
	// The bias's and the beam's costs are measured by setting their
	// variables (bias 0: off; beam 1: greedy).
	for _, k := range []string{"PARLEY_STT_BIAS", "PARLEY_STT_BIAS_PHRASINGS", "PARLEY_STT_BEAM"} {
		if v, ok := os.LookupEnv(k); ok {
			env[k] = v
		}
	}
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	env["PARLEY_PUBLIC_URL"] = base
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	if err := run(ctx, []string{"import", "--slug", "hendriks", sample}, getenv, nil, &out, &errb); err != nil {
		b.Fatalf("import: %v %s", err, errb.String())
	}
	stop := serveInBackground(b, env)
	defer stop()

	espeak, err := tts.NewEspeak(tts.EspeakOptions{})
	if err != nil {
		b.Fatal(err)
	}
	wavs := make([][]byte, len(latencyQuestions))
	var total time.Duration
	for i, q := range latencyQuestions {
		pcm, err := espeak.Synthesize(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		total += pcm.Duration()
		if wavs[i], err = audio.WAVBytes(pcm); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d utterances, mean %v of audio", len(wavs), (total / time.Duration(len(wavs))).Round(10*time.Millisecond))
	// The first voice turn on a profile builds its language model; a
	// visitor meets that once per profile version, not per turn.
	if status, _ := askVoice(b, base, benchSession(b, base), wavs[0]); status != http.StatusOK {
		b.Fatalf("warm-up voice turn: %d", status)
	}

	next := 0 // shared by every run so that utterances repeat as late as possible
	replies := map[string]bool{}
	voice := func(id string) (*http.Request, func([]byte)) {
		i := next % len(wavs)
		next++
		req, _ := http.NewRequest(http.MethodPost, base+"/v1/sessions/"+id+"/voice", bytes.NewReader(wavs[i]))
		req.Header.Set("Content-Type", "audio/wav")
		return req, func(body []byte) {
			var r voiceResult
			if err := json.Unmarshal(body, &r); err != nil || r.Reply.Text == "" {
				b.Fatalf("voice reply %q: %v", body, err)
			}
			replies[r.Reply.Text] = true
		}
	}
	text := func(id string) (*http.Request, func([]byte)) {
		q, _ := json.Marshal(map[string]string{"text": latencyQuestions[next%len(latencyQuestions)]})
		next++
		req, _ := http.NewRequest(http.MethodPost, base+"/v1/sessions/"+id+"/messages", bytes.NewReader(q))
		req.Header.Set("Content-Type", "application/json")
		return req, func([]byte) {}
	}
	healthz := func(string) (*http.Request, func([]byte)) {
		req, _ := http.NewRequest(http.MethodGet, base+"/healthz", nil)
		return req, func([]byte) {}
	}
	for _, c := range []struct {
		name string
		req  func(id string) (*http.Request, func([]byte))
	}{{"voice", voice}, {"text", text}, {"healthz", healthz}} {
		b.Run(c.name, func(b *testing.B) {
			var times []time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				req, check := c.req(benchSession(b, base))
				b.StartTimer()
				d, body := timeAfterUpload(b, req)
				times = append(times, d)
				check(body)
			}
			b.ReportMetric(float64(percentile(times, .5).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(times, .95).Microseconds())/1000, "p95-ms")
		})
		if c.name == "voice" {
			b.Logf("voice: %d distinct replies over %d turns (the rest hit the reply-audio cache)", len(replies), next)
			logStages(b, base)
		}
		next = 0
	}
}

func benchSession(b *testing.B, base string) string {
	b.Helper()
	resp, err := http.Post(base+"/v1/sessions", "application/json", strings.NewReader(`{"profile": "hendriks"}`))
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var s struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil || resp.StatusCode != http.StatusCreated {
		b.Fatalf("open session: %d %v", resp.StatusCode, err)
	}
	return s.ID
}

// timeAfterUpload sends req and returns the time from the request fully
// written to the response body fully read, and the body.
func timeAfterUpload(b *testing.B, req *http.Request) (time.Duration, []byte) {
	b.Helper()
	var wrote time.Time
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { wrote = time.Now() },
	}))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(wrote)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("%s %s: %d %v %s", req.Method, req.URL.Path, resp.StatusCode, err, body)
	}
	return d, body
}

// logStages prints the server's mean time per voice stage, from its own
// parley_voice_stage_seconds histogram (warm-up included).
func logStages(b *testing.B, base string) {
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		b.Logf("metrics: %v", err)
		return
	}
	defer resp.Body.Close()
	sums, counts := map[string]float64{}, map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		name, rest, ok := strings.Cut(line, "{stage=\"")
		if !ok || !strings.HasPrefix(name, "parley_voice_stage_seconds_") {
			continue
		}
		stage, val, _ := strings.Cut(rest, "\"} ")
		v, _ := strconv.ParseFloat(val, 64)
		switch name {
		case "parley_voice_stage_seconds_sum":
			sums[stage] = v
		case "parley_voice_stage_seconds_count":
			counts[stage] = v
		}
	}
	var parts []string
	for _, s := range []string{"decode", "vad", "stt", "turn", "tts", "store"} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %.1f ms", s, 1000*sums[s]/counts[s]))
		}
	}
	b.Logf("server stage means over %.0f voice turns: %s", counts["stt"], strings.Join(parts, ", "))
}
