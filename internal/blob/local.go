package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Local stores blobs as files under a directory. The content type is the
// key's (TypeByKey): give keys the right extension. Writes are atomic
// (temporary file, then rename), so readers never see half a blob.
type Local struct {
	root   string
	signer *Signer
	max    int64
	now    func() time.Time
}

var _ Store = (*Local)(nil)

// LocalOptions configure a Local store.
type LocalOptions struct {
	// Dir is the root directory, created if missing.
	Dir string
	// Signer makes the URLs (see NewSigner); required.
	Signer *Signer
	// MaxSize bounds one blob (default 64 MiB).
	MaxSize int64
	// Now is the clock written as modification time (default time.Now),
	// so retention can be tested.
	Now func() time.Time
}

// NewLocal opens (creating) the directory. Errors: apperr.Invalid for
// missing options, apperr.Unavailable when the directory cannot be made.
func NewLocal(o LocalOptions) (*Local, error) {
	if o.Dir == "" || o.Signer == nil {
		return nil, apperr.New(apperr.Invalid, "local blob store needs a directory and a URL signer")
	}
	if o.MaxSize <= 0 {
		o.MaxSize = 64 << 20
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if err := os.MkdirAll(o.Dir, 0o750); err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "blob directory %s cannot be created", o.Dir)
	}
	return &Local{root: o.Dir, signer: o.Signer, max: o.MaxSize, now: o.Now}, nil
}

func (l *Local) path(key string) string { return filepath.Join(l.root, filepath.FromSlash(key)) }

// Put writes the blob atomically; contentType is ignored (see Local).
func (l *Local) Put(ctx context.Context, key string, r io.Reader, _ string) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	p := l.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "blob directory cannot be created")
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".put-*")
	if err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "blob file cannot be created")
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	n, err := io.Copy(tmp, io.LimitReader(ctxReader{ctx, r}, l.max+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return fmt.Errorf("write blob %s: %w", key, err)
	case n > l.max:
		return apperr.New(apperr.TooLarge, "blob is larger than %d bytes", l.max)
	}
	now := l.now()
	if err := os.Chtimes(tmp.Name(), now, now); err != nil {
		return fmt.Errorf("stamp blob %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("commit blob %s: %w", key, err)
	}
	return nil
}

// Get opens the blob's file.
func (l *Local) Get(_ context.Context, key string) (io.ReadCloser, Info, error) {
	if err := ValidateKey(key); err != nil {
		return nil, Info{}, err
	}
	f, err := os.Open(l.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Info{}, apperr.New(apperr.NotFound, "no blob %s", key)
	}
	if err != nil {
		return nil, Info{}, fmt.Errorf("open blob %s: %w", key, err)
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, Info{}, apperr.New(apperr.NotFound, "no blob %s", key)
	}
	return f, Info{Key: key, Size: st.Size(), ContentType: TypeByKey(key), Modified: st.ModTime()}, nil
}

// Delete removes the file, if there is one.
func (l *Local) Delete(_ context.Context, key string) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	if err := os.Remove(l.path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete blob %s: %w", key, err)
	}
	return nil
}

// SignedURL returns a URL served by Handler.
func (l *Local) SignedURL(_ context.Context, key string, ttl time.Duration) (string, error) {
	return l.signer.URL(key, ttl)
}

// DeleteOlderThan walks the prefix and removes files modified before t.
func (l *Local) DeleteOlderThan(ctx context.Context, prefix string, t time.Time) (int, error) {
	if err := ValidatePrefix(prefix); err != nil {
		return 0, err
	}
	n := 0
	err := filepath.WalkDir(l.path(strings.TrimSuffix(prefix, "/")+"/."), func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || ctx.Err() != nil {
			return errors.Join(err, ctx.Err())
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".put-") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		if info.ModTime().Before(t) {
			if err := os.Remove(p); err == nil {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("retention sweep: %w", err)
	}
	return n, nil
}

// ctxReader stops a copy when the context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
