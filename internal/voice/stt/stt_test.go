package stt_test

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
	"github.com/parleyhq/parley/internal/voice/oaihttp"
	"github.com/parleyhq/parley/internal/voice/stt"
)

func TestWER(t *testing.T) {
	tests := []struct {
		ref, hyp string
		want     float64
	}{
		{"where did he work", "where did he work", 0},
		{"Where did he WORK?", "where did he work", 0},
		{"where did he work", "where did she work", 0.25},
		{"where did he work", "where he work", 0.25},
		{"where did he work", "work where", 1},
		{"where did he work", "where did he work there now", 0.5},
		{"a b c d", "", 1},
		{"", "", 0},
		{"", "noise", 1},
		{"what's his GPA", "what's his g p a", 1},
	}
	for _, tt := range tests {
		if got := stt.WER(tt.ref, tt.hyp); got != tt.want {
			t.Errorf("WER(%q, %q) = %v, want %v", tt.ref, tt.hyp, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	if got := stt.Normalize("  Hi, Richard! What's  his e-mail? "); got != "hi richard what's his e mail" {
		t.Errorf("Normalize = %q", got)
	}
}

func speech16k() audio.PCM {
	return audio.PCM{Rate: 16000, Channels: 1, Samples: at.Sine(16000, 8000, 300, 3000)}
}

type fake struct {
	tr  stt.Transcript
	err error
	n   int
}

func (f *fake) Transcribe(context.Context, audio.PCM) (stt.Transcript, error) {
	f.n++
	return f.tr, f.err
}

func TestChain(t *testing.T) {
	down := &fake{err: apperr.New(apperr.Unavailable, "down")}
	broken := &fake{err: apperr.New(apperr.Internal, "bug")}
	ok := &fake{tr: stt.Transcript{Text: "hello", Provider: "ok"}}
	empty := &fake{tr: stt.Transcript{Provider: "heard nothing"}}
	tests := []struct {
		name     string
		chain    stt.Chain
		want     string
		wantCode apperr.Code
	}{
		{"first works", stt.Chain{ok, down}, "hello", ""},
		{"falls back past unavailable", stt.Chain{down, ok}, "hello", ""},
		{"an empty transcript is an answer", stt.Chain{empty, ok}, "", ""},
		{"other errors stop the chain", stt.Chain{broken, ok}, "", apperr.Internal},
		{"all down", stt.Chain{down, down}, "", apperr.Unavailable},
		{"none configured", stt.Chain{}, "", apperr.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := tt.chain.Transcribe(context.Background(), speech16k())
			if apperr.CodeOf(err) != tt.wantCode || tr.Text != tt.want {
				t.Errorf("got %q, %v; want %q, code %q", tr.Text, err, tt.want, tt.wantCode)
			}
		})
	}
}

func TestOpenAITranscription(t *testing.T) {
	var fields map[string]string
	var file audio.PCM
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/openai/v1/audio/transcriptions" || r.Header.Get("Authorization") != "Bearer gsk-test" {
			http.Error(w, `{"error":{"message":"nope"}}`, http.StatusNotFound)
			return
		}
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		mr := multipart.NewReader(r.Body, params["boundary"])
		fields = map[string]string{}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				http.Error(w, err.Error(), 400)
				return
			}
			b, _ := io.ReadAll(p)
			if p.FormName() == "file" {
				fields["filename"] = p.FileName()
				file, err = audio.ParseWAV(b, audio.Limits{})
				if err != nil {
					http.Error(w, err.Error(), 400)
					return
				}
				continue
			}
			fields[p.FormName()] = string(b)
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"text":" Where did Richard work? ","x_groq":{"id":"req_1"}}`)
	}))
	defer srv.Close()
	c, err := stt.NewOpenAI(stt.OpenAIOptions{Endpoint: oaihttp.Endpoint{BaseURL: srv.URL + "/openai/v1", APIKey: "gsk-test", Name: "groq"}, Model: "whisper-large-v3-turbo", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	in := speech16k()
	tr, err := c.WithPrompt("Richard Hendriks, Pied Piper").Transcribe(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(stt.Transcript{Text: "Where did Richard work?", Provider: "groq"}, tr); diff != "" {
		t.Errorf("transcript (-want +got):\n%s", diff)
	}
	want := map[string]string{"model": "whisper-large-v3-turbo", "response_format": "json", "temperature": "0", "language": "en", "prompt": "Richard Hendriks, Pied Piper", "filename": "speech.wav"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("form (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(in, file); diff != "" {
		t.Errorf("uploaded audio differs (-want +got):\n%s", diff)
	}
}

func TestOpenAITranscriptionErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   apperr.Code
	}{
		{"server down", 502, "bad gateway", apperr.Unavailable},
		{"quota", 429, `{"error":{"message":"rate limit"}}`, apperr.Unavailable},
		{"file rejected", 400, `{"error":{"message":"file too short"}}`, apperr.Internal},
		{"no text field", 200, `{"foo":1}`, apperr.Unavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			defer srv.Close()
			c, _ := stt.NewOpenAI(stt.OpenAIOptions{Endpoint: oaihttp.Endpoint{BaseURL: srv.URL}})
			_, err := c.Transcribe(context.Background(), speech16k())
			if apperr.CodeOf(err) != tt.want {
				t.Errorf("err %v, want code %q", err, tt.want)
			}
		})
	}
	c, _ := stt.NewOpenAI(stt.OpenAIOptions{Endpoint: oaihttp.Endpoint{BaseURL: "http://127.0.0.1:1"}})
	for _, bad := range []audio.PCM{{Rate: 44100, Channels: 1, Samples: []int16{1}}, {Rate: 16000, Channels: 1}} {
		if _, err := c.Transcribe(context.Background(), bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("bad input %+v: %v", bad.Rate, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Transcribe(ctx, speech16k()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestMissingSphinxIsUnavailable(t *testing.T) {
	_, err := stt.NewSphinx(stt.SphinxOptions{Binary: "parley-no-such-sphinx"})
	if apperr.CodeOf(err) != apperr.Unavailable || !strings.Contains(err.Error(), "parley-no-such-sphinx") {
		t.Errorf("NewSphinx = %v", err)
	}
	_, err = stt.NewSphinx(stt.SphinxOptions{Binary: "true", ModelDir: t.TempDir()})
	if apperr.CodeOf(err) != apperr.Unavailable || !strings.Contains(err.Error(), "mdef") {
		t.Errorf("NewSphinx without model = %v", err)
	}
}
