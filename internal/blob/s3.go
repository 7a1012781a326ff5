package blob

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/parleyhq/parley/internal/apperr"
)

// S3Options configure an S3 store.
type S3Options struct {
	// Bucket holds the blobs; required.
	Bucket string
	// Region (default "us-east-1").
	Region string
	// Endpoint overrides AWS's for S3-compatible servers (MinIO, Ceph,
	// Garage...), e.g. "http://127.0.0.1:9000".
	Endpoint string
	// PathStyle addresses the bucket as ENDPOINT/BUCKET/KEY rather than
	// BUCKET.ENDPOINT/KEY, as most S3-compatible servers need.
	PathStyle bool
	// AccessKeyID and SecretAccessKey are static credentials; empty uses
	// anonymous access unless Credentials is set.
	AccessKeyID, SecretAccessKey string
	// Credentials, when set, overrides the static keys (e.g. the AWS
	// default chain loaded by the caller).
	Credentials aws.CredentialsProvider
	// HTTPClient is used for requests (default: the SDK's).
	HTTPClient aws.HTTPClient
}

// S3 stores blobs in an S3 bucket; SignedURL presigns GET requests.
type S3 struct {
	client  *s3.Client
	presign *s3.PresignClient
	bucket  string
}

var _ Store = (*S3)(nil)

// NewS3 returns the store. It makes no request. Errors: apperr.Invalid for
// a missing bucket.
func NewS3(o S3Options) (*S3, error) {
	if o.Bucket == "" {
		return nil, apperr.New(apperr.Invalid, "S3 blob store needs a bucket")
	}
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	cfg := aws.Config{Region: o.Region, Credentials: o.Credentials}
	if cfg.Credentials == nil && o.AccessKeyID != "" {
		cfg.Credentials = credentials.NewStaticCredentialsProvider(o.AccessKeyID, o.SecretAccessKey, "")
	}
	if o.HTTPClient != nil {
		cfg.HTTPClient = o.HTTPClient
	}
	client := s3.NewFromConfig(cfg, func(so *s3.Options) {
		so.UsePathStyle = o.PathStyle
		if o.Endpoint != "" {
			so.BaseEndpoint = aws.String(o.Endpoint)
		}
	})
	return &S3{client: client, presign: s3.NewPresignClient(client), bucket: o.Bucket}, nil
}

// Put uploads the blob. r is read fully first when it cannot seek, since
// the SDK must know the length to sign the request.
func (s *S3) Put(ctx context.Context, key string, r io.Reader, contentType string) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	if contentType == "" {
		contentType = TypeByKey(key)
	}
	body, ok := r.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("read blob %s: %w", key, err)
		}
		body = bytes.NewReader(b)
	}
	_, err := s.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(s.bucket), Key: aws.String(key), Body: body, ContentType: aws.String(contentType),
	})
	return s.wrap(err, "put", key)
}

// Get downloads the blob.
func (s *S3) Get(ctx context.Context, key string) (io.ReadCloser, Info, error) {
	if err := ValidateKey(key); err != nil {
		return nil, Info{}, err
	}
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
	if err != nil {
		return nil, Info{}, s.wrap(err, "get", key)
	}
	info := Info{Key: key, Size: aws.ToInt64(out.ContentLength), ContentType: aws.ToString(out.ContentType), Modified: aws.ToTime(out.LastModified)}
	return out.Body, info, nil
}

// Delete removes the object (S3 deletes are idempotent).
func (s *S3) Delete(ctx context.Context, key string) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	_, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
	return s.wrap(err, "delete", key)
}

// SignedURL presigns a GET valid for ttl (S3 caps it at 7 days).
func (s *S3) SignedURL(ctx context.Context, key string, ttl time.Duration) (string, error) {
	if err := ValidateKey(key); err != nil {
		return "", err
	}
	if ttl <= 0 || ttl > 7*24*time.Hour {
		return "", apperr.New(apperr.Invalid, "presigned URL lifetime must be between 0 and 7 days")
	}
	req, err := s.presign.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)}, s3.WithPresignExpires(ttl))
	if err != nil {
		return "", s.wrap(err, "presign", key)
	}
	return req.URL, nil
}

// DeleteOlderThan lists the prefix and deletes objects last modified before
// t. With many objects, an S3 lifecycle rule (EnsureExpiry) is cheaper.
func (s *S3) DeleteOlderThan(ctx context.Context, prefix string, t time.Time) (int, error) {
	if err := ValidatePrefix(prefix); err != nil {
		return 0, err
	}
	n := 0
	pages := s3.NewListObjectsV2Paginator(s.client, &s3.ListObjectsV2Input{Bucket: aws.String(s.bucket), Prefix: aws.String(prefix)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return n, s.wrap(err, "list", prefix)
		}
		for _, obj := range page.Contents {
			if obj.LastModified == nil || !obj.LastModified.Before(t) {
				continue
			}
			if err := s.Delete(ctx, aws.ToString(obj.Key)); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// LifecycleRuleID names the lifecycle rule EnsureExpiry owns.
const LifecycleRuleID = "parley-retention"

// EnsureExpiry makes the bucket expire objects under prefix after days,
// through a lifecycle rule with ID LifecycleRuleID. The bucket's other
// rules are kept: S3 replaces a lifecycle configuration whole, so the
// current one is read and merged first. Errors: apperr.Unavailable when
// the server refuses or does not implement lifecycle configuration.
func (s *S3) EnsureExpiry(ctx context.Context, prefix string, days int32) error {
	if err := ValidatePrefix(prefix); err != nil {
		return err
	}
	if days < 1 {
		return apperr.New(apperr.Invalid, "retention must be at least one day")
	}
	var rules []types.LifecycleRule
	cur, err := s.client.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String(s.bucket)})
	var api smithy.APIError
	switch {
	case err == nil:
		for _, r := range cur.Rules {
			if aws.ToString(r.ID) != LifecycleRuleID {
				rules = append(rules, r)
			}
		}
	case errors.As(err, &api) && api.ErrorCode() == "NoSuchLifecycleConfiguration":
	default:
		return s.wrap(err, "read the lifecycle configuration of", s.bucket)
	}
	rules = append(rules, types.LifecycleRule{
		ID:         aws.String(LifecycleRuleID),
		Status:     types.ExpirationStatusEnabled,
		Filter:     &types.LifecycleRuleFilter{Prefix: aws.String(prefix)},
		Expiration: &types.LifecycleExpiration{Days: aws.Int32(days)},
	})
	_, err = s.client.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{
		Bucket:                 aws.String(s.bucket),
		LifecycleConfiguration: &types.BucketLifecycleConfiguration{Rules: rules},
	})
	return s.wrap(err, "set the lifecycle configuration of", s.bucket)
}

// Ping checks that the bucket exists and the credentials reach it, with
// one HeadBucket request (readiness). Errors: apperr.Unavailable naming
// what is wrong.
func (s *S3) Ping(ctx context.Context) error {
	_, err := s.client.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(s.bucket)})
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("s3 head bucket %s: %w", s.bucket, err)
	}
	// HEAD answers have no body, so the status is all there is to go on.
	var status interface{ HTTPStatusCode() int }
	if errors.As(err, &status) {
		switch status.HTTPStatusCode() {
		case 404:
			return apperr.Wrap(apperr.Unavailable, err, "S3 bucket %s does not exist", s.bucket)
		case 401, 403:
			return apperr.Wrap(apperr.Unavailable, err, "S3 bucket %s refuses these credentials", s.bucket)
		}
	}
	return apperr.Wrap(apperr.Unavailable, err, "S3 bucket %s is unreachable", s.bucket)
}

// wrap maps SDK errors: missing objects to NotFound, everything else that
// reached or failed to reach S3 to Unavailable.
func (s *S3) wrap(err error, op, key string) error {
	if err == nil {
		return nil
	}
	var nsk *types.NoSuchKey
	var api smithy.APIError
	if errors.As(err, &nsk) || (errors.As(err, &api) && (api.ErrorCode() == "NoSuchKey" || api.ErrorCode() == "NotFound")) {
		return apperr.New(apperr.NotFound, "no blob %s", key)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("s3 %s %s: %w", op, key, err)
	}
	return apperr.Wrap(apperr.Unavailable, err, "blob store (S3) failed to %s %s", op, key)
}
