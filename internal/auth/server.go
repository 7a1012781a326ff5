package auth

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Config configures the authorization server.
type Config struct {
	// Issuer is the public URL (PARLEY_PUBLIC_URL); never from a request.
	Issuer string
	// Audience is put in aud of access tokens (default Issuer).
	Audience   string
	AccessTTL  time.Duration // default 10 minutes
	RefreshTTL time.Duration // default 30 days
	CodeTTL    time.Duration // default 1 minute
	// SigningAlg is used for new keys: AlgES256 (default) or AlgEdDSA.
	SigningAlg string
	Pepper     Pepper
}

func (c *Config) defaults() error {
	c.Issuer = strings.TrimRight(c.Issuer, "/")
	if !strings.HasPrefix(c.Issuer, "https://") && !strings.HasPrefix(c.Issuer, "http://") {
		return apperr.New(apperr.Invalid, "issuer %q must be an http(s) URL", c.Issuer)
	}
	if c.Audience == "" {
		c.Audience = c.Issuer
	}
	if c.AccessTTL <= 0 {
		c.AccessTTL = 10 * time.Minute
	}
	if c.RefreshTTL <= 0 {
		c.RefreshTTL = 30 * 24 * time.Hour
	}
	if c.CodeTTL <= 0 {
		c.CodeTTL = time.Minute
	}
	if c.SigningAlg == "" {
		c.SigningAlg = AlgES256
	}
	return c.Pepper.Validate()
}

// Server is the OAuth 2.0 authorization server and the authentication
// middleware. Its handlers are listed by Routes.
type Server struct {
	cfg       Config
	store     Store
	tokens    *Tokens
	passwords *Passwords
	logger    *slog.Logger
	now       func() time.Time
	// OnError writes an error response for the middleware (problem+json in
	// httpapi). The default writes a minimal problem document.
	OnError func(w http.ResponseWriter, r *http.Request, err error)
}

// NewServer loads the signing keys from st (creating the first one when
// there is none) and returns a server. now is the clock (nil: time.Now).
func NewServer(ctx context.Context, cfg Config, st Store, pw *Passwords, logger *slog.Logger, now func() time.Time) (*Server, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, store: st, passwords: pw, logger: logger, now: now, OnError: writeProblem}
	ks, err := s.loadKeys(ctx)
	if apperr.Is(err, apperr.Invalid) { // no current key yet
		if err := s.RotateKeys(ctx); err != nil {
			return nil, err
		}
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	s.tokens = NewTokens(cfg.Issuer, cfg.Audience, ks, now)
	return s, nil
}

// Tokens returns the token service (for verification elsewhere).
func (s *Server) Tokens() *Tokens { return s.tokens }

func (s *Server) loadKeys(ctx context.Context) (*KeySet, error) {
	stored, err := s.store.SigningKeys(ctx, s.now())
	if err != nil {
		return nil, fmt.Errorf("load signing keys: %w", err)
	}
	keys := make([]SigningKey, 0, len(stored))
	for _, k := range stored {
		jwk, sealed, err := s.cfg.Pepper.OpenSigningKey(k.ID, k.Algorithm, k.PrivateJWK)
		if err != nil {
			return nil, err
		}
		sk, err := ParseSigningKey(k.ID, k.Algorithm, jwk, k.CreatedAt, k.RetiredAt)
		if err != nil {
			return nil, err
		}
		if !sealed {
			if err := s.resealKey(ctx, k); err != nil {
				return nil, err
			}
		}
		keys = append(keys, sk)
	}
	return NewKeySet(keys)
}

// resealKey encrypts a key row written before keys were sealed. Another
// replica may do the same at the same moment; the store's compare and swap
// keeps one of the two (equivalent) ciphertexts.
func (s *Server) resealKey(ctx context.Context, k StoredSigningKey) error {
	sealed, err := s.cfg.Pepper.SealSigningKey(k.ID, k.Algorithm, k.PrivateJWK)
	if err != nil {
		return fmt.Errorf("seal signing key %s: %w", k.ID, err)
	}
	if _, err := s.store.ReplaceSigningKeyMaterial(ctx, k.ID, k.PrivateJWK, sealed); err != nil {
		return fmt.Errorf("seal signing key %s: %w", k.ID, err)
	}
	s.logger.Info("plaintext signing key sealed", "event", "key_sealed", "kid", k.ID)
	return nil
}

// ReloadKeys re-reads the keys (another replica may have rotated them).
func (s *Server) ReloadKeys(ctx context.Context) error {
	ks, err := s.loadKeys(ctx)
	if err != nil {
		return err
	}
	s.tokens.SetKeys(ks)
	return nil
}

// RotateKeys makes a new current signing key. The previous key keeps
// verifying (and stays in the JWKS) for the access-token lifetime plus a
// minute, so that every token it signed can still be checked.
func (s *Server) RotateKeys(ctx context.Context) error {
	now := s.now()
	k, err := GenerateSigningKey(s.cfg.SigningAlg, now)
	if err != nil {
		return err
	}
	jwk, err := k.MarshalPrivate()
	if err != nil {
		return fmt.Errorf("encode signing key: %w", err)
	}
	sealed, err := s.cfg.Pepper.SealSigningKey(k.ID, k.Algorithm, jwk)
	if err != nil {
		return fmt.Errorf("seal signing key: %w", err)
	}
	stored := StoredSigningKey{ID: k.ID, Algorithm: k.Algorithm, PrivateJWK: sealed, CreatedAt: k.CreatedAt}
	if err := s.store.RotateSigningKey(ctx, stored, now, now.Add(s.cfg.AccessTTL+time.Minute)); err != nil {
		return fmt.Errorf("rotate signing key: %w", err)
	}
	ks, err := s.loadKeys(ctx)
	if err != nil {
		return err
	}
	if s.tokens == nil {
		s.tokens = NewTokens(s.cfg.Issuer, s.cfg.Audience, ks, s.now)
	} else {
		s.tokens.SetKeys(ks)
	}
	s.logger.Info("signing key rotated", "event", "key_rotated", "kid", k.ID, "alg", k.Algorithm)
	return nil
}

// Routes returns the server's handlers keyed by http.ServeMux pattern.
func (s *Server) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"GET /.well-known/openid-configuration": http.HandlerFunc(s.handleDiscovery),
		// RFC 8414 §3: the default well-known URI of the same metadata.
		"GET /.well-known/oauth-authorization-server": http.HandlerFunc(s.handleDiscovery),
		"GET /oauth/jwks":        http.HandlerFunc(s.handleJWKS),
		"POST /oauth/token":      http.HandlerFunc(s.handleToken),
		"POST /oauth/revoke":     http.HandlerFunc(s.handleRevoke),
		"POST /oauth/introspect": http.HandlerFunc(s.handleIntrospect),
		"GET /oauth/authorize":   http.HandlerFunc(s.handleAuthorizePage),
		"POST /oauth/authorize":  http.HandlerFunc(s.handleAuthorizeSubmit),
	}
}

// clientAuthPaths are the endpoints where a client authenticates itself
// (RFC 6749 §2.3): their Authorization header is client authentication,
// judged by authenticateClient, and their errors are RFC 6749 §5.2 JSON.
var clientAuthPaths = map[string]bool{"/oauth/token": true, "/oauth/revoke": true, "/oauth/introspect": true}

// WriteRouteError answers a request the router refused (a wrong method)
// in the OAuth error format when its path is a client-authenticated OAuth
// endpoint, whose clients parse RFC 6749 §5.2 errors and nothing else, and
// reports whether it did. Headers already set (Allow) are kept.
func (s *Server) WriteRouteError(w http.ResponseWriter, r *http.Request, status int, detail string) bool {
	if !clientAuthPaths[r.URL.Path] {
		return false
	}
	s.writeOAuthError(w, oerr(status, "invalid_request", detail))
	return true
}

// CreateClient registers a confidential client (or a public one when
// public is true) and returns it with its secret, which is shown once and
// stored only as a keyed hash.
func (s *Server) CreateClient(ctx context.Context, name string, scopes Scopes, redirectURIs []string, public bool) (Client, string, error) {
	if strings.TrimSpace(name) == "" {
		return Client{}, "", apperr.New(apperr.Invalid, "client name is required")
	}
	for _, u := range redirectURIs {
		if err := checkRedirectURI(u); err != nil {
			return Client{}, "", err
		}
	}
	c := Client{ID: NewID(), Name: name, RedirectURIs: redirectURIs, Scopes: scopes, CreatedAt: s.now().UTC()}
	secret := ""
	c.GrantTypes = []string{"authorization_code", "refresh_token"}
	if !public {
		secret = NewClientSecret()
		c.SecretHash = s.cfg.Pepper.Hash(PurposeClientSecret, secret)
		c.GrantTypes = append(c.GrantTypes, "client_credentials")
	}
	if err := s.store.CreateClient(ctx, c); err != nil {
		return Client{}, "", fmt.Errorf("create client: %w", err)
	}
	s.logger.Info("client created", "event", "client_created", "client_id", c.ID, "scope", scopes.String())
	return c, secret, nil
}

// CreateAPIKey issues an API key (shown once) with scopes and optional expiry.
func (s *Server) CreateAPIKey(ctx context.Context, name string, scopes Scopes, expiresAt time.Time) (APIKey, string, error) {
	if strings.TrimSpace(name) == "" {
		return APIKey{}, "", apperr.New(apperr.Invalid, "API key name is required")
	}
	key := NewAPIKey()
	k := APIKey{ID: NewID(), Name: name, Hash: s.cfg.Pepper.Hash(PurposeAPIKey, key), Hint: APIKeyHint(key),
		Scopes: scopes, CreatedAt: s.now().UTC(), ExpiresAt: expiresAt}
	if err := s.store.CreateAPIKey(ctx, k); err != nil {
		return APIKey{}, "", fmt.Errorf("create API key: %w", err)
	}
	s.logger.Info("API key created", "event", "apikey_created", "key_id", k.ID, "scope", scopes.String())
	return k, key, nil
}

// RevokeAPIKey revokes the key with id (apperr.NotFound if none).
func (s *Server) RevokeAPIKey(ctx context.Context, id string) error {
	if err := s.store.RevokeAPIKey(ctx, id, s.now()); err != nil {
		return fmt.Errorf("revoke API key: %w", err)
	}
	s.logger.Info("API key revoked", "event", "apikey_revoked", "key_id", id)
	return nil
}

// CreateUser creates a user with a hashed password.
func (s *Server) CreateUser(ctx context.Context, username, password string, role Role) (User, error) {
	username = normalizeUsername(username)
	if username == "" || len(username) > 128 {
		return User{}, apperr.New(apperr.Invalid, "username must be 1 to 128 characters")
	}
	if !role.Valid() {
		return User{}, apperr.New(apperr.Invalid, "role must be admin, editor or viewer")
	}
	hash, err := s.passwords.Hash(ctx, password)
	if err != nil {
		return User{}, err
	}
	u := User{ID: NewID(), Username: username, PasswordHash: hash, Role: role, CreatedAt: s.now().UTC()}
	if err := s.store.CreateUser(ctx, u); err != nil {
		return User{}, fmt.Errorf("create user: %w", err)
	}
	s.logger.Info("user created", "event", "user_created", "user_id", u.ID, "role", string(role))
	return u, nil
}

func normalizeUsername(u string) string { return strings.ToLower(strings.TrimSpace(u)) }
