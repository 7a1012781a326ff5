package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/testenv"
	"github.com/parleyhq/parley/internal/voice/stt"
)

func postAudio(t *testing.T, url, ctype string, body []byte) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(url, ctype, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// silence is a valid 16 kHz mono WAV holding only zeros.
func silence(seconds int) []byte {
	n := 16000 * seconds
	var b bytes.Buffer
	b.WriteString("RIFF")
	_ = binary.Write(&b, binary.LittleEndian, uint32(36+2*n))
	b.WriteString("WAVEfmt ")
	_ = binary.Write(&b, binary.LittleEndian, uint32(16))
	_ = binary.Write(&b, binary.LittleEndian, uint16(1))
	_ = binary.Write(&b, binary.LittleEndian, uint16(1))
	_ = binary.Write(&b, binary.LittleEndian, uint32(16000))
	_ = binary.Write(&b, binary.LittleEndian, uint32(32000))
	_ = binary.Write(&b, binary.LittleEndian, uint16(2))
	_ = binary.Write(&b, binary.LittleEndian, uint16(16))
	b.WriteString("data")
	_ = binary.Write(&b, binary.LittleEndian, uint32(2*n))
	b.Write(make([]byte, 2*n))
	return b.Bytes()
}

// moonshineFiles skips loudly (fails under PARLEY_REQUIRE_SERVICES=1)
// unless scripts/install-speech.sh has installed Moonshine where the server
// looks for it by default.
func moonshineFiles(tb testing.TB) {
	tb.Helper()
	for _, f := range []string{stt.ORTLibrary, stt.MoonshineEncoder, stt.MoonshineDecoder, stt.MoonshineVocab} {
		testenv.File(tb, filepath.Join(stt.DefaultMoonshineDir(), f), "scripts/install-speech.sh")
	}
}

// TestVoiceTurnEndToEnd speaks a question with espeak-ng, sends it to the
// voice endpoint of a running server (the default recogniser, Moonshine)
// and fetches the spoken reply.
func TestVoiceTurnEndToEnd(t *testing.T) {
	espeak := testenv.Tool(t, "espeak-ng", "apt-get install espeak-ng")
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
	wav, err := exec.CommandContext(context.Background(), espeak, "--stdout", "-v", "en-us", "where did richard study").Output()
	if err != nil {
		t.Fatal(err)
	}
	status, out := postAudio(t, base+"/v1/sessions/"+id+"/voice", "audio/wav", wav)
	if status != 200 {
		t.Fatalf("voice turn: %d %v", status, out)
	}
	transcript, _ := out["transcript"].(string)
	reply, _ := out["reply"].(map[string]any)
	t.Logf("transcript %q, reply %q", transcript, reply["text"])
	if !strings.Contains(transcript, "study") {
		t.Errorf("transcript %q lacks the question's words", transcript)
	}
	if text, _ := reply["text"].(string); !strings.Contains(text, "Oklahoma") {
		t.Errorf("reply %q does not answer the question", text)
	}
	url, _ := out["audio_url"].(string)
	if !strings.HasPrefix(url, base+"/v1/audio/") {
		t.Fatalf("audio_url %q", url)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("RIFF")) {
		t.Errorf("GET audio_url: %d, %d bytes", resp.StatusCode, len(body))
	}
	if resp, _ := http.Get(url + "x"); resp != nil && resp.StatusCode != 403 {
		t.Errorf("tampered audio URL: %d, want 403", resp.StatusCode)
	}

	for _, c := range []struct {
		name, ctype string
		body        []byte
		want        int
	}{
		{"wrong media type", "application/json", []byte(`{}`), 415},
		{"corrupt wav", "audio/wav", []byte("RIFF\x00\x00\x00\x00WAVEjunk"), 422},
		{"silence", "audio/wav", silence(2), 422},
		{"too large", "audio/wav", append(silence(1), make([]byte, 17<<20)...), 413},
	} {
		if status, out := postAudio(t, base+"/v1/sessions/"+id+"/voice", c.ctype, c.body); status != c.want {
			t.Errorf("%s: %d %v, want %d", c.name, status, out, c.want)
		}
	}
}
