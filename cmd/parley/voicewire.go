package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/blob"
	"github.com/parleyhq/parley/internal/chat"
	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/httpapi"
	"github.com/parleyhq/parley/internal/voice/audio"
	"github.com/parleyhq/parley/internal/voice/stt"
	"github.com/parleyhq/parley/internal/voice/turn"
)

// voiceParts is the voice pipeline and what serves its audio, or the
// reason voice is down (the text path works either way).
type voiceParts struct {
	service *turn.Service
	audio   http.Handler
	store   blob.Store
	down    string
	// quiet stops the background model load's report from logging: serve
	// calls it on return, since the load (seconds, not cancellable) may
	// outlive a start-up that failed after it began.
	quiet func()
}

// newVoice builds the voice pipeline on the configured blob store. Local
// audio URLs are signed with a key derived from the auth pepper.
func newVoice(ctx context.Context, cfg *config.Serve, chats *chat.Service, reg prometheus.Registerer, logger *slog.Logger) (voiceParts, error) {
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
	store, audioHandler, err := newBlobStore(ctx, cfg, signer, logger)
	if err != nil {
		return voiceParts{}, err
	}
	primary, primaryDown, quiet := newMoonshine(cfg, logger)
	parts := voiceParts{audio: audioHandler, store: store, quiet: quiet}
	svc, err := turn.New(chats, store, turn.Config{
		Limits:        audio.Limits{MaxBytes: 16 << 20, MaxDuration: 60 * time.Second},
		ModelDir:      filepath.Join(cfg.DataDir, "voice-models"),
		URLTTL:        time.Hour,
		Primary:       primary,
		Correct:       cfg.Voice.STTCorrect,
		Bias:          cfg.Voice.STTBias,
		BiasPhrasings: cfg.Voice.STTBiasPhrasings,
		Pick:          cfg.Voice.STT == "pick",
	}, reg, logger)
	if apperr.Is(err, apperr.Unavailable) {
		parts.down = apperr.MessageOf(err)
		if primaryDown != "" {
			parts.down = primaryDown + "; " + parts.down
		}
		logger.Warn("voice unavailable; text chat works", "reason", parts.down)
		return parts, nil
	}
	if err != nil {
		quiet()
		return voiceParts{}, err
	}
	parts.service = svc
	return parts, nil
}

// newMoonshine starts loading the Moonshine recogniser that
// PARLEY_STT=moonshine (or pick) asks for, or says why there is none
// (pocketsphinx is then the only one). Missing files are found at once;
// the model itself loads in the background, so the server listens without
// waiting for it, and a voice turn during the load waits for it. A load
// that fails later is logged, and pocketsphinx answers from then on. The
// model stays loaded for the life of the process. quiet stops the load's
// report from logging once the caller is gone.
func newMoonshine(cfg *config.Serve, logger *slog.Logger) (_ stt.Transcriber, down string, quiet func()) {
	var mu sync.Mutex
	gone := false
	quiet = func() {
		mu.Lock()
		gone = true
		mu.Unlock()
	}
	if cfg.Voice.STT != "moonshine" && cfg.Voice.STT != "pick" {
		return nil, "", quiet
	}
	report := func(_ stt.Transcriber, took time.Duration, err error) {
		mu.Lock()
		defer mu.Unlock()
		if gone {
			return
		}
		if err != nil {
			logger.Warn("Moonshine speech recognition could not be loaded; falling back to pocketsphinx", "reason", apperr.MessageOf(err), "took", took)
			return
		}
		logger.Info("Moonshine speech recognition loaded", "took", took)
	}
	m, err := stt.LoadMoonshine(stt.MoonshineOptions{Dir: cfg.Voice.STTModelDir, Library: cfg.Voice.ONNXRuntimeLib, Beam: int(cfg.Voice.STTBeam)}, report)
	if err != nil {
		logger.Warn("Moonshine speech recognition unavailable; falling back to pocketsphinx", "reason", apperr.MessageOf(err))
		return nil, apperr.MessageOf(err), quiet
	}
	if cfg.Voice.STT == "pick" {
		logger.Info("speech recognition: Moonshine tiny (loading in the background) and pocketsphinx on every turn, the better understood transcript kept")
	} else {
		logger.Info("speech recognition: Moonshine tiny (loading in the background), pocketsphinx as fallback")
	}
	return m, "", quiet
}

// newBlobStore opens the store PARLEY_BLOB names, and the handler that
// serves its signed URLs (none for S3, whose URLs are presigned).
func newBlobStore(ctx context.Context, cfg *config.Serve, signer *blob.Signer, logger *slog.Logger) (blob.Store, http.Handler, error) {
	if cfg.Blob.Store != "s3" {
		store, err := blob.NewLocal(blob.LocalOptions{Dir: filepath.Join(cfg.DataDir, "blobs"), Signer: signer})
		if err != nil {
			return nil, nil, err
		}
		return store, blob.NewHandler(store, signer, logger), nil
	}
	var opts []func(*awsconfig.LoadOptions) error
	if cfg.Blob.S3Region != "" {
		opts = append(opts, awsconfig.WithRegion(cfg.Blob.S3Region))
	}
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("s3 blob store: AWS configuration: %w", err)
	}
	store, err := blob.NewS3(blob.S3Options{
		Bucket: cfg.Blob.S3Bucket, Region: awsCfg.Region, Endpoint: cfg.Blob.S3Endpoint,
		PathStyle: cfg.Blob.S3PathStyle, Credentials: awsCfg.Credentials,
	})
	if err != nil {
		return nil, nil, err
	}
	logger.Info("audio stored in S3", "bucket", cfg.Blob.S3Bucket, "endpoint", cfg.Blob.S3Endpoint, "region", awsCfg.Region)
	return store, nil, nil
}

// blobCheck reports a remote blob store in /readyz: optional, since the
// text path works without it. The probe is one HeadBucket bounded by a
// second and reused for 15 s, so that frequent probes cost S3 little.
// Stores with nothing to probe (a local directory) have no check.
func blobCheck(store blob.Store) (httpapi.Check, bool) {
	p, ok := store.(interface{ Ping(context.Context) error })
	if !ok {
		return httpapi.Check{}, false
	}
	return httpapi.CachedCheck(httpapi.Check{Name: "blob", Optional: true, Func: p.Ping}, 15*time.Second, time.Second, nil), true
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

// audioRetention says how stored replies expire: "off", "lifecycle" (an
// S3 bucket rule does it) or "sweep" (Sweeper, hourly).
type audioRetention string

// startAudioRetention applies PARLEY_AUDIO_RETENTION to the replies in
// store. With PARLEY_S3_LIFECYCLE it installs the bucket rule once; where
// that fails (no permission, or an S3-compatible server without lifecycle
// support) it says so and sweeps instead. The sweep runs until ctx ends.
func startAudioRetention(ctx context.Context, cfg *config.Serve, store blob.Store, every <-chan time.Time, logger *slog.Logger) audioRetention {
	retain := cfg.Blob.Retention
	if retain <= 0 {
		logger.Info("audio retention off: spoken replies are kept")
		return "off"
	}
	if s3, ok := store.(*blob.S3); ok && cfg.Blob.S3Lifecycle {
		days := int32((retain + 24*time.Hour - 1) / (24 * time.Hour)) // S3 expires in whole days
		lctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := s3.EnsureExpiry(lctx, turn.ReplyPrefix, days)
		cancel()
		if err == nil {
			logger.Info("audio retention by S3 lifecycle rule", "rule", blob.LifecycleRuleID, "prefix", turn.ReplyPrefix, "days", days)
			return "lifecycle"
		}
		logger.Warn("S3 lifecycle rule not installed (no s3:PutLifecycleConfiguration permission, or the server does not implement bucket lifecycles); sweeping expired replies hourly instead",
			"bucket", cfg.Blob.S3Bucket, "err", err)
	}
	sw := blob.Sweeper{Store: store, Prefix: turn.ReplyPrefix, MaxAge: retain, Logger: logger}
	go sw.Run(ctx, every)
	logger.Info("audio retention by hourly sweep", "prefix", turn.ReplyPrefix, "max_age", retain)
	return "sweep"
}
