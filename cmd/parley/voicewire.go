package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/turn"
)

// voiceParts is the voice pipeline and what serves its audio, or the
// reason voice is down (the text path works either way).
type voiceParts struct {
	service *turn.Service
	audio   http.Handler
	down    string
}

// newVoice builds the voice pipeline on the local blob store under the data
// directory. Audio URLs are signed with a key derived from the auth pepper.
func newVoice(cfg *config.Serve, chats *chat.Service, reg prometheus.Registerer, logger *slog.Logger) (voiceParts, error) {
	pepper, err := loadPepper(cfg)
	if err != nil {
		return voiceParts{}, err
	}
	mac := hmac.New(sha256.New, pepper)
	mac.Write([]byte("parley blob url signing"))
	signer, err := blob.NewSigner(mac.Sum(nil), cfg.PublicBase()+"/v1/audio/", nil)
	if err != nil {
		return voiceParts{}, err
	}
	store, err := blob.NewLocal(blob.LocalOptions{Dir: filepath.Join(cfg.DataDir, "blobs"), Signer: signer})
	if err != nil {
		return voiceParts{}, err
	}
	parts := voiceParts{audio: blob.NewHandler(store, signer, logger)}
	svc, err := turn.New(chats, store, turn.Config{
		Limits:   audio.Limits{MaxBytes: 16 << 20, MaxDuration: 60 * time.Second},
		ModelDir: filepath.Join(cfg.DataDir, "voice-models"),
		URLTTL:   time.Hour,
	}, reg, logger)
	if apperr.Is(err, apperr.Unavailable) {
		parts.down = apperr.MessageOf(err)
		logger.Warn("voice unavailable; text chat works", "reason", parts.down)
		return parts, nil
	}
	if err != nil {
		return voiceParts{}, err
	}
	parts.service = svc
	return parts, nil
}

// check reports voice in /readyz without making the server unready.
func (v voiceParts) check() func() error {
	return func() error {
		if v.service == nil {
			return errors.New("unavailable: " + v.down)
		}
		return nil
	}
}
