package auth

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope,omitempty"`
	// IDToken is set for an authorization code granted with scope openid.
	IDToken string `json:"id_token,omitempty"`
}

// handleToken is the token endpoint (RFC 6749 §3.2).
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	resp, err := s.token(r, w)
	if err != nil {
		s.writeOAuthError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) token(r *http.Request, w http.ResponseWriter) (tokenResponse, error) {
	form, err := parseForm(w, r)
	if err != nil {
		return tokenResponse{}, err
	}
	c, confidential, err := s.authenticateClient(r, form)
	if err != nil {
		return tokenResponse{}, err
	}
	grant := form.Get("grant_type")
	if grant == "" {
		return tokenResponse{}, invalidRequest("grant_type is required")
	}
	if !supportedGrants[grant] {
		// RFC 6749 §5.2: a grant this server does not know is
		// unsupported_grant_type, whoever asks; unauthorized_client is
		// for a known grant this client may not use.
		return tokenResponse{}, oerr(400, "unsupported_grant_type", "grant_type "+grant+" is not supported")
	}
	if !hasGrant(c, grant) {
		return tokenResponse{}, oerr(400, "unauthorized_client", "the client may not use this grant type")
	}
	switch grant {
	case "client_credentials":
		if !confidential {
			return tokenResponse{}, invalidClient()
		}
		return s.clientCredentials(c, form)
	case "authorization_code":
		return s.authorizationCode(r, c, form)
	case "refresh_token":
		return s.refresh(r, c, form)
	}
	return tokenResponse{}, oerr(400, "unsupported_grant_type", "unsupported grant type")
}

// supportedGrants are the grant types the token endpoint implements (the
// discovery document's grant_types_supported).
var supportedGrants = map[string]bool{"authorization_code": true, "client_credentials": true, "refresh_token": true}

// grantedScopes checks a requested scope against what is allowed; an empty
// request gets everything allowed (RFC 6749 §3.3 lets us pick a default).
func grantedScopes(requested string, allowed Scopes) (Scopes, error) {
	req, err := ParseScope(requested)
	if err != nil {
		return nil, oerr(400, "invalid_scope", apperr.MessageOf(err))
	}
	if len(req) == 0 {
		return allowed, nil
	}
	if !req.Within(allowed) {
		return nil, oerr(400, "invalid_scope", "requested scope exceeds what the client may be granted")
	}
	return req, nil
}

func (s *Server) issueAccess(sub, clientID string, scopes Scopes, role Role, grant string) (string, error) {
	c := AccessClaims{Subject: sub, ClientID: clientID, Scopes: scopes, ExpiresAt: s.now().Add(s.cfg.AccessTTL), GrantID: grant}
	if role != "" {
		c.Roles = []string{string(role)}
	}
	return s.tokens.Issue(c)
}

func (s *Server) clientCredentials(c Client, form url.Values) (tokenResponse, error) {
	scopes, err := grantedScopes(form.Get("scope"), c.Scopes)
	if err != nil {
		return tokenResponse{}, err
	}
	at, err := s.issueAccess(c.ID, c.ID, scopes, "", "")
	if err != nil {
		return tokenResponse{}, err
	}
	s.logger.Info("token issued", "event", "token_issued", "grant", "client_credentials", "client_id", c.ID)
	return tokenResponse{AccessToken: at, TokenType: "Bearer", ExpiresIn: int64(s.cfg.AccessTTL / time.Second), Scope: scopes.String()}, nil
}

func (s *Server) authorizationCode(r *http.Request, c Client, form url.Values) (tokenResponse, error) {
	code, verifier, redirect := form.Get("code"), form.Get("code_verifier"), form.Get("redirect_uri")
	if code == "" {
		return tokenResponse{}, invalidRequest("code is required")
	}
	family := NewID()
	ac, err := s.store.ConsumeAuthCode(r.Context(), s.cfg.Pepper.Hash(PurposeAuthCode, code), family, s.now())
	switch {
	case apperr.Is(err, apperr.Conflict):
		// RFC 6749 §4.1.2: a code used twice revokes what it issued.
		if err := s.revokeGrant(r.Context(), ac.FamilyID); err != nil {
			return tokenResponse{}, err
		}
		s.logger.Warn("authorization code reused", "event", "code_reuse", "client_id", c.ID)
		return tokenResponse{}, invalidGrant("authorization code already used")
	case apperr.Is(err, apperr.NotFound):
		return tokenResponse{}, invalidGrant("unknown or expired authorization code")
	case err != nil:
		return tokenResponse{}, err
	}
	// The code is burnt from here on: any failure below leaves it unusable.
	if ac.ClientID != c.ID {
		return tokenResponse{}, invalidGrant("authorization code was issued to another client")
	}
	if redirect != ac.RedirectURI {
		return tokenResponse{}, invalidGrant("redirect_uri does not match the authorization request")
	}
	if err := VerifyPKCE(ac.CodeChallenge, verifier); err != nil {
		return tokenResponse{}, invalidGrant(apperr.MessageOf(err))
	}
	u, err := s.store.GetUser(r.Context(), ac.UserID)
	if err != nil {
		return tokenResponse{}, invalidGrant("user no longer exists")
	}
	resp, err := s.issueUserTokens(r, c, u, ac.Scopes, family)
	if err != nil || !ac.Scopes.Intersect(u.Role.Scopes()).Has(ScopeOpenID) {
		return resp, err
	}
	// OIDC Core §3.1.3.3: the sign-in that made the code is the authentication.
	resp.IDToken, err = s.tokens.IssueID(IDClaims{Subject: u.ID, ClientID: c.ID, Nonce: ac.Nonce, AuthTime: ac.CreatedAt,
		ExpiresAt: s.now().Add(s.cfg.AccessTTL), AccessToken: resp.AccessToken})
	if err != nil {
		return tokenResponse{}, err
	}
	return resp, nil
}

// issueUserTokens issues an access token and a refresh token for a user.
// The refresh token starts family.
func (s *Server) issueUserTokens(r *http.Request, c Client, u User, scopes Scopes, family string) (tokenResponse, error) {
	scopes = scopes.Intersect(u.Role.Scopes())
	rt := RandomToken(32)
	now := s.now()
	next := RefreshToken{Hash: s.cfg.Pepper.Hash(PurposeRefreshToken, rt), FamilyID: family, ClientID: c.ID,
		Subject: u.ID, Scopes: scopes, CreatedAt: now.UTC(), ExpiresAt: now.Add(s.cfg.RefreshTTL).UTC()}
	if err := s.store.CreateRefreshToken(r.Context(), next); err != nil {
		return tokenResponse{}, err
	}
	at, err := s.issueAccess(u.ID, c.ID, scopes, u.Role, family)
	if err != nil {
		return tokenResponse{}, err
	}
	s.logger.Info("token issued", "event", "token_issued", "grant", "user", "client_id", c.ID, "user_id", u.ID)
	return tokenResponse{AccessToken: at, TokenType: "Bearer", ExpiresIn: int64(s.cfg.AccessTTL / time.Second),
		RefreshToken: rt, Scope: scopes.String()}, nil
}

func (s *Server) refresh(r *http.Request, c Client, form url.Values) (tokenResponse, error) {
	raw := form.Get("refresh_token")
	if raw == "" {
		return tokenResponse{}, invalidRequest("refresh_token is required")
	}
	oldHash := s.cfg.Pepper.Hash(PurposeRefreshToken, raw)
	cur, err := s.store.GetRefreshToken(r.Context(), oldHash, s.now())
	if err == nil && cur.ClientID != c.ID {
		return tokenResponse{}, invalidGrant("refresh token was issued to another client")
	}
	scopes := cur.Scopes
	if err == nil && form.Get("scope") != "" {
		if scopes, err = grantedScopes(form.Get("scope"), cur.Scopes); err != nil {
			return tokenResponse{}, err
		}
	}
	rt := RandomToken(32)
	now := s.now()
	// RFC 6749 §6: the new refresh token has the scope of the old one; a
	// narrower scope asked for narrows only this access token.
	next := RefreshToken{Hash: s.cfg.Pepper.Hash(PurposeRefreshToken, rt), ClientID: c.ID, Scopes: cur.Scopes,
		CreatedAt: now.UTC(), ExpiresAt: now.Add(s.cfg.RefreshTTL).UTC()}
	old, err := s.store.RotateRefreshToken(r.Context(), oldHash, next, now)
	switch {
	case apperr.Is(err, apperr.Conflict):
		// The store revoked the family's refresh tokens; its access
		// tokens go too (RFC 9700 §4.14.2: the replay may be the thief's).
		if err := s.revokeGrant(r.Context(), old.FamilyID); err != nil {
			return tokenResponse{}, err
		}
		s.logger.Warn("refresh token reused; family revoked", "event", "refresh_reuse", "client_id", c.ID, "family", old.FamilyID)
		return tokenResponse{}, invalidGrant("refresh token already used")
	case apperr.Is(err, apperr.NotFound):
		return tokenResponse{}, invalidGrant("unknown or expired refresh token")
	case err != nil:
		return tokenResponse{}, err
	}
	if old.ClientID != c.ID {
		if err := s.revokeGrant(r.Context(), old.FamilyID); err != nil {
			return tokenResponse{}, err
		}
		return tokenResponse{}, invalidGrant("refresh token was issued to another client")
	}
	u, err := s.store.GetUser(r.Context(), old.Subject)
	if err != nil {
		return tokenResponse{}, invalidGrant("user no longer exists")
	}
	scopes = scopes.Intersect(u.Role.Scopes())
	at, err := s.issueAccess(u.ID, c.ID, scopes, u.Role, old.FamilyID)
	if err != nil {
		return tokenResponse{}, err
	}
	return tokenResponse{AccessToken: at, TokenType: "Bearer", ExpiresIn: int64(s.cfg.AccessTTL / time.Second),
		RefreshToken: rt, Scope: scopes.String()}, nil
}

// grantRevocationID is the revoked-token entry that stands for every access
// token of a grant. Token ids (NewID) never contain a colon, so the two
// kinds of entry cannot collide.
func grantRevocationID(family string) string { return "grant:" + family }

// revokeGrant revokes a refresh family and every access token issued from
// it: its refresh tokens in the store, its access tokens by one entry in the
// revoked-token list that outlives the longest of them.
func (s *Server) revokeGrant(ctx context.Context, family string) error {
	if family == "" {
		return nil
	}
	now := s.now()
	if err := s.store.RevokeRefreshFamily(ctx, family, now); err != nil {
		return err
	}
	return s.store.RevokeAccessToken(ctx, grantRevocationID(family), now.Add(s.cfg.AccessTTL+time.Minute))
}

// accessTokenRevoked reports whether c was revoked by itself or with its grant.
func (s *Server) accessTokenRevoked(ctx context.Context, c AccessClaims) (bool, error) {
	revoked, err := s.store.AccessTokenRevoked(ctx, c.ID)
	if err != nil || revoked || c.GrantID == "" {
		return revoked, err
	}
	return s.store.AccessTokenRevoked(ctx, grantRevocationID(c.GrantID))
}
