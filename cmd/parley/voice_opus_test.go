package main

import (
	"os"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
)

// TestVoiceTurnOpus asks by voice in the browsers' format: Ogg/Opus with
// CELT frames (what MediaRecorder's default bitrate gives), and answers
// 415 naming the supported types for anything else.
func TestVoiceTurnOpus(t *testing.T) {
	testenv.Tool(t, "pocketsphinx_continuous", "apt-get install pocketsphinx pocketsphinx-en-us")
	env := map[string]string{"PARLEY_DATA_DIR": t.TempDir(), "PARLEY_HTTP_ADDR": testenv.FreeAddr(t)}
	base := "http://" + env["PARLEY_HTTP_ADDR"]
	env["PARLEY_PUBLIC_URL"] = base
	if _, _, err := cli(t, env, "", "import", "--slug", "hendriks", sample); err != nil {
		t.Fatal(err)
	}
	stop := serveInBackground(t, env)
	defer stop()
	id := postJSON(t, base+"/v1/sessions", `{"profile": "hendriks"}`, 201)["id"].(string)

	// "where did richard study", spoken by espeak-ng, encoded by opusenc.
	ogg, err := os.ReadFile("../../internal/voice/media/testdata/celt.opus")
	if err != nil {
		t.Fatal(err)
	}
	status, out := postAudio(t, base+"/v1/sessions/"+id+"/voice", "audio/ogg; codecs=opus", ogg)
	if status != 200 {
		t.Fatalf("Ogg/Opus voice turn: %d %v", status, out)
	}
	transcript, _ := out["transcript"].(string)
	reply, _ := out["reply"].(map[string]any)
	t.Logf("transcript %q, reply %q", transcript, reply["text"])
	if !strings.Contains(transcript, "study") {
		t.Errorf("transcript %q lacks the question's words", transcript)
	}

	status, out = postAudio(t, base+"/v1/sessions/"+id+"/voice", "audio/mpeg", []byte("ID3"))
	if detail, _ := out["detail"].(string); status != 415 || !strings.Contains(detail, "audio/wav, audio/ogg, audio/webm") {
		t.Errorf("audio/mpeg: %d %v, want 415 naming the supported types", status, out)
	}
	status, out = postAudio(t, base+"/v1/sessions/"+id+"/voice", "audio/webm", []byte("not webm"))
	if status != 422 {
		t.Errorf("corrupt WebM: %d %v, want 422", status, out)
	}
}
