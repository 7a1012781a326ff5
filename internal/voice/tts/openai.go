package tts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/oaihttp"
)

// OpenAIOptions configure the /v1/audio/speech client.
type OpenAIOptions struct {
	oaihttp.Endpoint
	// Model is the speech model (default "tts-1").
	Model string
	// Voice is the provider's voice name (default "alloy").
	Voice string
	// Speed is 0.25 to 4 (0: the provider's default, 1).
	Speed float64
}

// OpenAI is a Synthesizer speaking through an OpenAI-compatible API. It asks
// for WAV so the reply can be stored and streamed without a decoder.
type OpenAI struct {
	o OpenAIOptions
}

var _ Synthesizer = (*OpenAI)(nil)

// NewOpenAI returns the client. Errors: apperr.Invalid for a bad base URL or
// speed.
func NewOpenAI(o OpenAIOptions) (*OpenAI, error) {
	var err error
	if o.Endpoint, err = o.Checked("speech API"); err != nil {
		return nil, err
	}
	if o.Model == "" {
		o.Model = "tts-1"
	}
	if o.Voice == "" {
		o.Voice = "alloy"
	}
	if o.Speed != 0 && (o.Speed < 0.25 || o.Speed > 4) {
		return nil, apperr.New(apperr.Invalid, "speech speed %g out of range 0.25..4", o.Speed)
	}
	return &OpenAI{o: o}, nil
}

type speechRequest struct {
	Model          string  `json:"model"`
	Input          string  `json:"input"`
	Voice          string  `json:"voice"`
	ResponseFormat string  `json:"response_format"`
	Speed          float64 `json:"speed,omitempty"`
}

// Synthesize posts the text and decodes the WAV reply. Errors: as
// Synthesizer, with oaihttp.Endpoint.Do's mapping of API failures.
func (c *OpenAI) Synthesize(ctx context.Context, text string) (audio.PCM, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return audio.PCM{}, apperr.New(apperr.Invalid, "nothing to say")
	}
	if len(text) > MaxTextBytes {
		return audio.PCM{}, apperr.New(apperr.Invalid, "text of %d bytes is too long to speak at once (max %d)", len(text), MaxTextBytes)
	}
	body, err := json.Marshal(speechRequest{Model: c.o.Model, Input: text, Voice: c.o.Voice, ResponseFormat: "wav", Speed: c.o.Speed})
	if err != nil {
		return audio.PCM{}, fmt.Errorf("encode speech request: %w", err)
	}
	out, err := c.o.Post(ctx, "/audio/speech", "application/json", "audio/wav", bytes.NewReader(body))
	if err != nil {
		return audio.PCM{}, err
	}
	pcm, err := audio.ParseWAV(out, audio.Limits{MaxDuration: 10 * time.Minute})
	if err != nil {
		return audio.PCM{}, apperr.Wrap(apperr.Unavailable, err, "%s returned audio that could not be read", c.o.Name)
	}
	return pcm.Mono(), nil
}
