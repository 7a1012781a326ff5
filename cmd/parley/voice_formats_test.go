package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
)

// postRaw posts body with ctype as its Content-Type, or none when ctype
// is "", and returns the status, the Accept-Post header and the JSON.
func postRaw(t *testing.T, url, ctype string, body []byte) (int, string, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), "POST", url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, resp.Header.Get("Accept-Post"), out
}

// soxConvert has sox rewrite a WAV with the given output options.
func soxConvert(t *testing.T, sox string, in []byte, opts ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "in.wav"), filepath.Join(dir, "out.wav")
	if err := os.WriteFile(src, in, 0o600); err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{"-D", src}, opts...), dst)
	if msg, err := exec.CommandContext(context.Background(), sox, args...).CombinedOutput(); err != nil {
		t.Fatalf("sox %v: %v\n%s", args, err, msg)
	}
	out, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestVoiceTurnWAVFormats asks by voice in the WAV encodings outside
// clients send besides 16-bit PCM: float32 as scipy and browser encoders
// write it (with no Content-Type at all), and sox's 24-bit extensible and
// 8 kHz µ-law (telephony) files under WAV's other labels. Each must reach
// a transcript; what stays unsupported is 415 saying why.
func TestVoiceTurnWAVFormats(t *testing.T) {
	espeak := testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
	sox := testenv.Tool(t, "sox", "apt-get install sox")
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	moonshineFiles(t)
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(t)}
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	env["PARLEY_PUBLIC_URL"] = base
	if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
		t.Fatal(err)
	}
	stop := serveInBackground(t, env)
	defer stop()
	id := postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)
	url := base + "/v1/sessions/" + id + "/voice"

	q := speak(t, espeak, "where did richard study")
	float32WAV := at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(3, 1, q.Rate, 32)}, at.Chunk{ID: "data", Body: at.Encoded(3, 32, q.Samples)})
	pcm16, err := audio.WAVBytes(q)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, ctype string
		body        []byte
	}{
		{"float32, no Content-Type", "", float32WAV},
		{"float32 as application/octet-stream", "application/octet-stream", float32WAV},
		{"sox 24-bit extensible as audio/wav; codecs=1", "audio/wav; codecs=1", soxConvert(t, sox, pcm16, "-e", "signed", "-b", "24", "-t", "wav")},
		{"sox 8 kHz µ-law as audio/x-wav", "audio/x-wav", soxConvert(t, sox, pcm16, "-e", "mu-law", "-r", "8000", "-t", "wav")},
	} {
		status, _, out := postRaw(t, url, c.ctype, c.body)
		transcript, _ := out["transcript"].(string)
		reply, _ := out["reply"].(map[string]any)
		text, _ := reply["text"].(string)
		t.Logf("%s: %d, transcript %q, reply %q", c.name, status, transcript, text)
		// Telephone bandwidth (8 kHz µ-law) may cost a word ("where did
		// Richard tell me"), not the answer.
		if status != 200 || !strings.Contains(transcript, "Richard") || !strings.Contains(text, "Oklahoma") {
			t.Errorf("%s: %d %v, want a transcript naming Richard and the answer", c.name, status, out)
		}
	}

	adpcm := at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(2, 1, 16000, 4)}, at.Chunk{ID: "data", Body: make([]byte, 800)})
	for _, c := range []struct {
		name, ctype string
		body        []byte
		detail      string
	}{
		{"no Content-Type, not audio", "", []byte(`{"question": "hi"}`), "no Content-Type"},
		{"octet-stream MP3", "application/octet-stream", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), "audio/wav, audio/ogg, audio/webm"},
		{"ADPCM WAV", "audio/wav", adpcm, "ADPCM"},
		{"text/plain", "text/plain", float32WAV, "audio/wav, audio/ogg, audio/webm"},
	} {
		status, acceptPost, out := postRaw(t, url, c.ctype, c.body)
		if detail, _ := out["detail"].(string); status != 415 || !strings.Contains(detail, c.detail) {
			t.Errorf("%s: %d %v, want 415 saying %q", c.name, status, out, c.detail)
		}
		if c.name != "ADPCM WAV" && acceptPost != "audio/wav, audio/ogg, audio/webm" {
			t.Errorf("%s: Accept-Post %q", c.name, acceptPost)
		}
	}
}
