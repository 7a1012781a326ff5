package auth

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// handleDiscovery serves the OpenID Provider / RFC 8414 metadata. Every URL
// is built from the configured issuer, never from the request.
func (s *Server) handleDiscovery(w http.ResponseWriter, _ *http.Request) {
	iss := s.cfg.Issuer
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                   iss,
		"authorization_endpoint":   iss + "/oauth/authorize",
		"token_endpoint":           iss + "/oauth/token",
		"jwks_uri":                 iss + "/oauth/jwks",
		"revocation_endpoint":      iss + "/oauth/revoke",
		"introspection_endpoint":   iss + "/oauth/introspect",
		"response_types_supported": []string{"code"},
		// Omitted, RFC 8414 §2 would mean query and fragment.
		"response_modes_supported": []string{"query"},
		// RFC 9207: every authorization response, error or not, carries iss.
		"authorization_response_iss_parameter_supported": true,
		"grant_types_supported":                          []string{"authorization_code", "client_credentials", "refresh_token"},
		"subject_types_supported":                        []string{"public"},
		"id_token_signing_alg_values_supported":          []string{AlgES256, AlgEdDSA},
		"token_endpoint_auth_methods_supported":          []string{"client_secret_basic", "client_secret_post", "none"},
		"revocation_endpoint_auth_methods_supported":     []string{"client_secret_basic", "client_secret_post", "none"},
		"introspection_endpoint_auth_methods_supported":  []string{"client_secret_basic", "client_secret_post"},
		"code_challenge_methods_supported":               []string{PKCEMethodS256},
		"scopes_supported":                               DefaultPolicy().Scopes(),
		"claims_supported":                               []string{"iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "nonce", "at_hash"},
	})
}

// handleJWKS serves the public signing keys, current and still-valid retired ones.
func (s *Server) handleJWKS(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/jwk-set+json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(s.tokens.Keys().JWKS())
}

// handleRevoke implements RFC 7009. The client must authenticate. A token
// that is unknown, expired, already revoked or malformed is answered 200
// (§2.2: the client's goal, the token being unusable, is met). A valid token
// issued to another client is refused (§2.1: "the authorization server ...
// refuses the request and informs the client of an error") and revokes nothing.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	form, err := parseForm(w, r)
	if err != nil {
		s.writeOAuthError(w, err)
		return
	}
	c, _, err := s.authenticateClient(r, form)
	if err != nil {
		s.writeOAuthError(w, err)
		return
	}
	tok := form.Get("token")
	if tok == "" {
		s.writeOAuthError(w, invalidRequest("token is required"))
		return
	}
	if err := s.revoke(r.Context(), c, tok); err != nil {
		s.writeOAuthError(w, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
}

// errForeignToken refuses the revocation of another client's token.
// RFC 7009 §2.2.1 takes its error codes from RFC 6749 §5.2 (plus
// unsupported_token_type, which is about the kind of token, not its owner).
// Of those, invalid_grant is defined for a grant presented at the token
// endpoint and invalid_client for failed client authentication, which this
// is not (the client proved who it is); unauthorized_client, "the
// authenticated client is not authorized" to do what it asked, is the one
// that fits, and Keycloak answers the same case with it.
var errForeignToken = oerr(400, "unauthorized_client", "the token was issued to another client")

// revoke revokes tok for client c: a refresh token with its whole grant, an
// access token by its id. errForeignToken when tok belongs to another client.
func (s *Server) revoke(ctx context.Context, c Client, tok string) error {
	if rt, err := s.store.GetRefreshToken(ctx, s.cfg.Pepper.Hash(PurposeRefreshToken, tok), s.now()); err == nil {
		if rt.ClientID != c.ID {
			s.logger.Warn("revocation of another client's token refused", "event", "token_revoke_foreign", "client_id", c.ID)
			return errForeignToken
		}
		// RFC 7009 §2.1: the access tokens of the same grant go too.
		if err := s.revokeGrant(ctx, rt.FamilyID); err != nil {
			return err
		}
		s.logger.Info("refresh token revoked", "event", "token_revoked", "client_id", c.ID, "family", rt.FamilyID)
		return nil
	} else if !apperr.Is(err, apperr.NotFound) {
		return err
	}
	claims, err := s.tokens.Verify(tok)
	if err != nil {
		return nil // not one of ours, or expired: nothing to revoke (§2.2)
	}
	if claims.ClientID != c.ID {
		s.logger.Warn("revocation of another client's token refused", "event", "token_revoke_foreign", "client_id", c.ID)
		return errForeignToken
	}
	if err := s.store.RevokeAccessToken(ctx, claims.ID, claims.ExpiresAt); err != nil {
		return err
	}
	s.logger.Info("access token revoked", "event", "token_revoked", "client_id", c.ID, "jti", claims.ID)
	return nil
}

// handleIntrospect implements RFC 7662. Callers must authenticate as a
// confidential client (§2.1). Any such client may introspect an access token
// (a resource server checks tokens issued to others); a refresh token is
// shown only to the client it was issued to, since no one else is ever
// handed one. Inactive, unknown, revoked and another client's refresh
// tokens all answer {"active": false} (§2.2).
func (s *Server) handleIntrospect(w http.ResponseWriter, r *http.Request) {
	form, err := parseForm(w, r)
	if err != nil {
		s.writeOAuthError(w, err)
		return
	}
	caller, confidential, err := s.authenticateClient(r, form)
	if err != nil {
		s.writeOAuthError(w, err)
		return
	}
	if !confidential {
		s.writeOAuthError(w, invalidClient())
		return
	}
	tok := form.Get("token")
	if tok == "" {
		s.writeOAuthError(w, invalidRequest("token is required"))
		return
	}
	inactive := map[string]any{"active": false}
	claims, err := s.tokens.Verify(tok)
	if err != nil {
		if rt, err := s.store.GetRefreshToken(r.Context(), s.cfg.Pepper.Hash(PurposeRefreshToken, tok), s.now()); err == nil && rt.ClientID == caller.ID {
			writeJSON(w, http.StatusOK, map[string]any{"active": true, "token_type": "refresh_token", "client_id": rt.ClientID,
				"sub": rt.Subject, "scope": rt.Scopes.String(), "exp": rt.ExpiresAt.Unix(), "iss": s.cfg.Issuer})
			return
		}
		writeJSON(w, http.StatusOK, inactive)
		return
	}
	revoked, err := s.accessTokenRevoked(r.Context(), claims)
	if err != nil {
		s.writeOAuthError(w, err)
		return
	}
	if revoked {
		writeJSON(w, http.StatusOK, inactive)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"active": true, "token_type": "Bearer", "client_id": claims.ClientID,
		"sub": claims.Subject, "scope": claims.Scopes.String(), "exp": claims.ExpiresAt.Unix(), "iat": claims.IssuedAt.Unix(),
		"iss": claims.Issuer, "aud": claims.Audience, "jti": claims.ID})
}

// principalFromToken verifies a bearer credential: an API key by its
// keyed hash, anything else as a JWT access token. apperr.Unauthorized for
// every failure.
func (s *Server) principalFromToken(r *http.Request, raw string) (*Principal, error) {
	ctx := r.Context()
	now := s.now()
	if LooksLikeAPIKey(raw) {
		if err := CheckAPIKey(raw); err != nil {
			return nil, err
		}
		k, err := s.store.GetAPIKeyByHash(ctx, s.cfg.Pepper.Hash(PurposeAPIKey, raw))
		if apperr.Is(err, apperr.NotFound) {
			return nil, apperr.New(apperr.Unauthorized, "unknown API key")
		}
		if err != nil {
			return nil, err
		}
		if !k.RevokedAt.IsZero() || (!k.ExpiresAt.IsZero() && !k.ExpiresAt.After(now)) {
			return nil, apperr.New(apperr.Unauthorized, "API key revoked or expired")
		}
		// Last-used time at minute granularity keeps writes rare.
		if k.LastUsedAt.IsZero() || now.Sub(k.LastUsedAt) > time.Minute {
			if err := s.store.TouchAPIKey(ctx, k.ID, now); err != nil {
				s.logger.Warn("record API key use", "err", err)
			}
		}
		return &Principal{Kind: KindAPIKey, Subject: k.ID, Scopes: k.Scopes, TokenID: k.ID, ExpiresAt: k.ExpiresAt}, nil
	}
	c, err := s.tokens.Verify(raw)
	if err != nil {
		return nil, err
	}
	revoked, err := s.accessTokenRevoked(ctx, c)
	if err != nil {
		return nil, err
	}
	if revoked {
		return nil, apperr.New(apperr.Unauthorized, "invalid access token: revoked")
	}
	p := &Principal{Kind: KindClient, Subject: c.Subject, ClientID: c.ClientID, Scopes: c.Scopes, TokenID: c.ID, ExpiresAt: c.ExpiresAt}
	if c.Subject != c.ClientID && len(c.Roles) == 1 {
		p.Kind, p.Role = KindUser, Role(c.Roles[0])
	}
	return p, nil
}
