package profile

import (
	"context"
	"fmt"

	"github.com/maypok86/otter/v2"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
)

// Service imports profiles and serves their public view.
type Service struct {
	store store.Profiles
	// views memoises public views by content hash and privacy: a pure
	// function of its key, so it never needs invalidation. Nil when caching
	// is off.
	views *otter.Cache[string, []byte]
}

// NewService returns a Service over profiles.
func NewService(profiles store.Profiles) *Service {
	return &Service{store: profiles, views: otter.Must(&otter.Options[string, []byte]{MaximumSize: 1024})}
}

// WithoutCache turns off the memo of public views (PARLEY_CACHE=off).
func (s *Service) WithoutCache() *Service {
	s.views = nil
	return s
}

// ValidateSlug checks that slug can name a profile in URLs: 1-64 of
// [a-z0-9-], neither first nor last a hyphen. (Checked by hand rather than
// with a regular expression: every chat turn checks its session's slug.)
func ValidateSlug(slug string) error {
	if !validSlug(slug) {
		return apperr.New(apperr.Invalid,
			"slug %q: use 1-64 lowercase letters, digits and inner hyphens (e.g. ada-lovelace)", slug)
	}
	return nil
}

func validSlug(slug string) bool {
	if len(slug) == 0 || len(slug) > 64 || slug[0] == '-' || slug[len(slug)-1] == '-' {
		return false
	}
	for i := 0; i < len(slug); i++ {
		if c := slug[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ImportOptions are the owner's choices for an imported profile.
type ImportOptions struct {
	Private bool // not readable by anonymous visitors
	Privacy Privacy
}

// Import validates data as a JSON Resume document and stores it as the newest
// version of slug. Nothing is written when data is invalid; an identical
// document creates no new version (changed is false). Callers that show
// the document's Notes decode it themselves and call ImportDocument.
func (s *Service) Import(ctx context.Context, slug string, data []byte, opts ImportOptions) (p store.Profile, changed bool, err error) {
	if err := ValidateSlug(slug); err != nil {
		return store.Profile{}, false, err
	}
	doc, err := Decode(data)
	if err != nil {
		return store.Profile{}, false, err
	}
	return s.ImportDocument(ctx, slug, doc, opts)
}

// ImportDocument stores doc, as Decode or DecodeWith returned it, as the
// newest version of slug; see Import.
func (s *Service) ImportDocument(ctx context.Context, slug string, doc *Document, opts ImportOptions) (p store.Profile, changed bool, err error) {
	if err := ValidateSlug(slug); err != nil {
		return store.Profile{}, false, err
	}
	return s.store.PutProfile(ctx, store.ProfileInput{
		Slug:     slug,
		Document: doc.Raw,
		Hash:     doc.Hash,
		Public:   !opts.Private,
		Privacy:  store.Privacy{SharePhone: opts.Privacy.SharePhone, ShareAddress: opts.Privacy.ShareAddress},
	})
}

// Public returns the public JSON of slug's newest version, without the
// private fields the owner has not chosen to share. Profiles that are not
// public answer apperr.NotFound, as unknown ones do.
func (s *Service) Public(ctx context.Context, slug string) ([]byte, store.Profile, error) {
	if ValidateSlug(slug) != nil {
		return nil, store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
	}
	p, err := s.store.GetProfile(ctx, slug)
	if err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return nil, store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
		}
		return nil, store.Profile{}, err
	}
	if !p.Public {
		return nil, store.Profile{}, apperr.New(apperr.NotFound, "profile %s not found", apperr.Quote(slug))
	}
	key := fmt.Sprintf("%s:%t:%t", p.Hash, p.Privacy.SharePhone, p.Privacy.ShareAddress)
	if s.views != nil {
		if out, ok := s.views.GetIfPresent(key); ok {
			return out, p, nil
		}
	}
	out, err := PublicJSON(p.Document, Privacy{SharePhone: p.Privacy.SharePhone, ShareAddress: p.Privacy.ShareAddress})
	if err != nil {
		return nil, store.Profile{}, err
	}
	if s.views != nil {
		s.views.Set(key, out)
	}
	return out, p, nil
}
