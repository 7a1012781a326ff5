package config

import (
	"net/url"
	"time"
)

// BlobConfig chooses where spoken replies are stored: a local directory
// under DATA_DIR (served by Parley behind signed URLs) or an S3 bucket
// (presigned URLs). S3 credentials come from the standard AWS chain
// (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the shared
// files, web identity, the instance or task role), never from Parley's own
// settings, so that no secret needs a new home.
type BlobConfig struct {
	Store       string // "local" or "s3"
	S3Bucket    string
	S3Endpoint  string
	S3Region    string
	S3PathStyle bool
	// Retention deletes stored replies older than this (0: keep them).
	Retention time.Duration
	// S3Lifecycle installs a bucket lifecycle rule for Retention at
	// start-up instead of sweeping by listing.
	S3Lifecycle bool
}

type settingFunc = func(env, key, def, help string, secret bool, bind func() (func(string) error, func() string)) Setting

func (b *BlobConfig) settings(s settingFunc) Settings {
	return Settings{
		s("PARLEY_BLOB", "blob", "local", "where spoken replies are stored: local (DATA_DIR/blobs) or s3 (credentials from the standard AWS chain)", false, func() (func(string) error, func() string) { return str(&b.Store) }),
		s("PARLEY_S3_BUCKET", "s3_bucket", "", "bucket for PARLEY_BLOB=s3 (required then)", false, func() (func(string) error, func() string) { return str(&b.S3Bucket) }),
		s("PARLEY_S3_ENDPOINT", "s3_endpoint", "", "S3-compatible endpoint, e.g. http://127.0.0.1:9000 (unset: AWS)", false, func() (func(string) error, func() string) { return str(&b.S3Endpoint) }),
		s("PARLEY_S3_REGION", "s3_region", "", "bucket region (unset: AWS_REGION from the AWS chain, else us-east-1)", false, func() (func(string) error, func() string) { return str(&b.S3Region) }),
		s("PARLEY_S3_PATH_STYLE", "s3_path_style", "off", "address buckets as ENDPOINT/BUCKET (most S3-compatible servers need it)", false, func() (func(string) error, func() string) { return boolean(&b.S3PathStyle) }),
		s("PARLEY_AUDIO_RETENTION", "audio_retention", "168h", "spoken replies older than this are deleted (swept hourly; 0 keeps them)", false, func() (func(string) error, func() string) { return dur(&b.Retention) }),
		s("PARLEY_S3_LIFECYCLE", "s3_lifecycle", "off", "with PARLEY_BLOB=s3, install a bucket lifecycle rule expiring replies/ after AUDIO_RETENTION (rounded up to days) at start-up instead of sweeping; needs s3:Get/PutLifecycleConfiguration", false, func() (func(string) error, func() string) { return boolean(&b.S3Lifecycle) }),
	}
}

func (b *BlobConfig) validate(bad func(env, format string, args ...any)) {
	if b.Retention < 0 {
		bad("PARLEY_AUDIO_RETENTION", "must be 0 (keep) or positive (e.g. 168h)")
	} else if b.Retention > 0 && b.Retention < time.Hour {
		bad("PARLEY_AUDIO_RETENTION", "%s is shorter than 1h; an audio URL must outlive its reply", b.Retention)
	}
	if b.S3Lifecycle && b.Retention == 0 {
		bad("PARLEY_S3_LIFECYCLE", "needs PARLEY_AUDIO_RETENTION above 0")
	}
	switch b.Store {
	case "local":
		if b.S3Lifecycle {
			bad("PARLEY_S3_LIFECYCLE", "applies only with PARLEY_BLOB=s3 (the local store is swept)")
		}
		return
	case "s3":
	default:
		bad("PARLEY_BLOB", "%q is not local or s3", b.Store)
		return
	}
	if b.S3Bucket == "" {
		bad("PARLEY_S3_BUCKET", "must be set when PARLEY_BLOB=s3")
	}
	if b.S3Endpoint != "" {
		u, err := url.Parse(b.S3Endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("PARLEY_S3_ENDPOINT", "%q is not an absolute http(s) URL (e.g. http://127.0.0.1:9000)", b.S3Endpoint)
		}
	}
}
