package stt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/oaihttp"
)

// OpenAIOptions configure the /v1/audio/transcriptions client (OpenAI,
// Groq's Whisper, a local whisper server with that API).
type OpenAIOptions struct {
	oaihttp.Endpoint
	// Model is the transcription model (default "whisper-1"; on Groq e.g.
	// "whisper-large-v3-turbo").
	Model string
	// Language is an ISO-639-1 hint ("en"); empty lets the model detect it.
	Language string
	// Prompt biases recognition towards the profile's words (names,
	// employers, technologies); Whisper reads up to ~224 tokens of it.
	Prompt string
}

// OpenAI is a Transcriber using an OpenAI-compatible API.
type OpenAI struct {
	o OpenAIOptions
}

var _ Transcriber = (*OpenAI)(nil)

// NewOpenAI returns the client. Errors: apperr.Invalid for a bad base URL.
func NewOpenAI(o OpenAIOptions) (*OpenAI, error) {
	var err error
	if o.Endpoint, err = o.Checked("transcription API"); err != nil {
		return nil, err
	}
	if o.Model == "" {
		o.Model = "whisper-1"
	}
	return &OpenAI{o: o}, nil
}

// WithPrompt returns a copy of the client whose requests carry prompt (per
// profile), sharing the endpoint.
func (c *OpenAI) WithPrompt(prompt string) *OpenAI {
	o := c.o
	o.Prompt = prompt
	return &OpenAI{o: o}
}

// Transcribe uploads pcm as a WAV file. Errors: as Transcriber, with
// oaihttp.Endpoint.Do's mapping of API failures.
func (c *OpenAI) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	if err := checkInput(pcm); err != nil {
		return Transcript{}, err
	}
	body, ctype, err := c.form(pcm)
	if err != nil {
		return Transcript{}, err
	}
	out, err := c.o.Post(ctx, "/audio/transcriptions", ctype, "application/json", body)
	if err != nil {
		return Transcript{}, err
	}
	var v struct {
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(out, &v); err != nil || v.Text == nil {
		return Transcript{}, apperr.Wrap(apperr.Unavailable, fmt.Errorf("decode: %w (body %.100q)", err, out), "%s returned no transcript", c.o.Name)
	}
	return Transcript{Text: strings.TrimSpace(*v.Text), Provider: c.o.Name}, nil
}

// form builds the multipart body: file, model, response_format and the
// optional language and prompt.
func (c *OpenAI) form(pcm audio.PCM) (*bytes.Buffer, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fields := [][2]string{{"model", c.o.Model}, {"response_format", "json"}, {"temperature", "0"}}
	if c.o.Language != "" {
		fields = append(fields, [2]string{"language", c.o.Language})
	}
	if c.o.Prompt != "" {
		fields = append(fields, [2]string{"prompt", c.o.Prompt})
	}
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			return nil, "", fmt.Errorf("write form field: %w", err)
		}
	}
	fw, err := w.CreateFormFile("file", "speech.wav")
	if err != nil {
		return nil, "", fmt.Errorf("write form file: %w", err)
	}
	if err := audio.EncodeWAV(fw, pcm); err != nil {
		return nil, "", err
	}
	if err := w.Close(); err != nil {
		return nil, "", fmt.Errorf("close form: %w", err)
	}
	return &buf, w.FormDataContentType(), nil
}
