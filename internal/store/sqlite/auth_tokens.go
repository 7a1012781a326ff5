package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
)

// CreateAuthCode implements auth.AuthCodes.
func (db *DB) CreateAuthCode(ctx context.Context, c auth.AuthCode) error {
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO auth_codes (code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, nonce, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Hash, c.ClientID, c.UserID, c.RedirectURI, scopesText(c.Scopes), c.CodeChallenge, c.Nonce,
		formatTime(c.CreatedAt), formatTime(c.ExpiresAt))
	return classify(err, "authorization code")
}

// ConsumeAuthCode implements auth.AuthCodes. The writer connection is
// single and transactions start IMMEDIATE, so the read and the update below
// cannot interleave with another consumer.
func (db *DB) ConsumeAuthCode(ctx context.Context, hash []byte, familyID string, now time.Time) (auth.AuthCode, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return auth.AuthCode{}, classify(err, "authorization code")
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var c auth.AuthCode
	var scopes, created, expires string
	var fam sql.NullString
	err = tx.QueryRowContext(ctx, `
		SELECT code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, nonce, created_at, expires_at, family_id
		FROM auth_codes WHERE code_hash = ?`, hash).
		Scan(&c.Hash, &c.ClientID, &c.UserID, &c.RedirectURI, &scopes, &c.CodeChallenge, &c.Nonce, &created, &expires, &fam)
	if err != nil {
		return auth.AuthCode{}, classify(err, "authorization code")
	}
	c.Scopes, c.CreatedAt, c.ExpiresAt, c.FamilyID = parseScopes(scopes), mustTime(created), mustTime(expires), fam.String
	if fam.Valid {
		return c, apperr.New(apperr.Conflict, "authorization code already used")
	}
	if !c.ExpiresAt.After(now) {
		return auth.AuthCode{}, apperr.New(apperr.NotFound, "authorization code not found")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE auth_codes SET family_id = ? WHERE code_hash = ?`, familyID, hash); err != nil {
		return auth.AuthCode{}, classify(err, "authorization code")
	}
	c.FamilyID = familyID
	return c, classify(tx.Commit(), "authorization code")
}

// CreateRefreshToken implements auth.RefreshTokens.
func (db *DB) CreateRefreshToken(ctx context.Context, t auth.RefreshToken) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return classify(err, "refresh token")
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO refresh_families (id, client_id, subject, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`, t.FamilyID, t.ClientID, t.Subject, formatTime(t.CreatedAt)); err != nil {
		return classify(err, "refresh token")
	}
	if err := insertRefresh(ctx, tx, t); err != nil {
		return err
	}
	return classify(tx.Commit(), "refresh token")
}

func insertRefresh(ctx context.Context, tx *tx, t auth.RefreshToken) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO refresh_tokens (token_hash, family_id, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		t.Hash, t.FamilyID, scopesText(t.Scopes), formatTime(t.CreatedAt), formatTime(t.ExpiresAt))
	return classify(err, "refresh token")
}

type refreshRow struct {
	tok     auth.RefreshToken
	used    bool
	revoked bool
}

func getRefresh(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, hash []byte) (refreshRow, error) {
	var r refreshRow
	var scopes, created, expires string
	var used, revoked sql.NullString
	err := q.QueryRowContext(ctx, `
		SELECT t.token_hash, t.family_id, f.client_id, f.subject, t.scopes, t.created_at, t.expires_at, t.used_at, f.revoked_at
		FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = ?`, hash).
		Scan(&r.tok.Hash, &r.tok.FamilyID, &r.tok.ClientID, &r.tok.Subject, &scopes, &created, &expires, &used, &revoked)
	if err != nil {
		return refreshRow{}, classify(err, "refresh token")
	}
	r.tok.Scopes, r.tok.CreatedAt, r.tok.ExpiresAt = parseScopes(scopes), mustTime(created), mustTime(expires)
	r.used, r.revoked = used.Valid, revoked.Valid
	return r, nil
}

// RotateRefreshToken implements auth.RefreshTokens.
func (db *DB) RotateRefreshToken(ctx context.Context, oldHash []byte, next auth.RefreshToken, now time.Time) (auth.RefreshToken, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return auth.RefreshToken{}, classify(err, "refresh token")
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	r, err := getRefresh(ctx, tx, oldHash)
	if err != nil {
		return auth.RefreshToken{}, err
	}
	if r.used || r.revoked {
		if _, err := tx.ExecContext(ctx, `UPDATE refresh_families SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`,
			formatTime(now), r.tok.FamilyID); err != nil {
			return auth.RefreshToken{}, classify(err, "refresh token")
		}
		if err := tx.Commit(); err != nil {
			return auth.RefreshToken{}, classify(err, "refresh token")
		}
		return r.tok, apperr.New(apperr.Conflict, "refresh token reused; its family is revoked")
	}
	if !r.tok.ExpiresAt.After(now) {
		return auth.RefreshToken{}, apperr.New(apperr.NotFound, "refresh token not found")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?`, formatTime(now), oldHash); err != nil {
		return auth.RefreshToken{}, classify(err, "refresh token")
	}
	next.FamilyID = r.tok.FamilyID
	if err := insertRefresh(ctx, tx, next); err != nil {
		return auth.RefreshToken{}, err
	}
	return r.tok, classify(tx.Commit(), "refresh token")
}

// GetRefreshToken implements auth.RefreshTokens.
func (db *DB) GetRefreshToken(ctx context.Context, hash []byte, now time.Time) (auth.RefreshToken, error) {
	r, err := getRefresh(ctx, db.reader, hash)
	if err != nil {
		return auth.RefreshToken{}, err
	}
	if r.used || r.revoked || !r.tok.ExpiresAt.After(now) {
		return auth.RefreshToken{}, apperr.New(apperr.NotFound, "refresh token not found")
	}
	return r.tok, nil
}

// RevokeRefreshFamily implements auth.RefreshTokens.
func (db *DB) RevokeRefreshFamily(ctx context.Context, familyID string, now time.Time) error {
	_, err := db.writer.ExecContext(ctx, `UPDATE refresh_families SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`,
		formatTime(now), familyID)
	return classify(err, "refresh family")
}

// RevokeAccessToken implements auth.RevokedTokens.
func (db *DB) RevokeAccessToken(ctx context.Context, jti string, expiresAt time.Time) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING`,
		jti, formatTime(expiresAt))
	return classify(err, "revoked token")
}

// AccessTokenRevoked implements auth.RevokedTokens.
func (db *DB) AccessTokenRevoked(ctx context.Context, jti string) (bool, error) {
	var one int
	err := db.reader.QueryRowContext(ctx, `SELECT 1 FROM revoked_access_tokens WHERE jti = ?`, jti).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, classify(err, "revoked token")
}

// RecordLoginFailure implements auth.Lockouts.
func (db *DB) RecordLoginFailure(ctx context.Context, key string, now time.Time) (int, error) {
	var n int
	err := db.writer.QueryRowContext(ctx, `
		INSERT INTO login_failures (key, failures, last_failure) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1, last_failure = excluded.last_failure
		RETURNING failures`, key, formatTime(now)).Scan(&n)
	return n, classify(err, "login failures")
}

// LoginFailures implements auth.Lockouts.
func (db *DB) LoginFailures(ctx context.Context, key string) (int, time.Time, error) {
	var n int
	var last string
	err := db.reader.QueryRowContext(ctx, `SELECT failures, last_failure FROM login_failures WHERE key = ?`, key).Scan(&n, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	return n, mustTime(last), classify(err, "login failures")
}

// ResetLoginFailures implements auth.Lockouts.
func (db *DB) ResetLoginFailures(ctx context.Context, key string) error {
	_, err := db.writer.ExecContext(ctx, `DELETE FROM login_failures WHERE key = ?`, key)
	return classify(err, "login failures")
}

// AddUsage implements auth.Quotas.
func (db *DB) AddUsage(ctx context.Context, subject, month string, n, limit int64) (int64, error) {
	if n <= limit {
		var used int64
		err := db.writer.QueryRowContext(ctx, `
			INSERT INTO usage_quotas (subject, month, used) VALUES (?1, ?2, ?3)
			ON CONFLICT (subject, month) DO UPDATE SET used = usage_quotas.used + excluded.used
			WHERE usage_quotas.used + excluded.used <= ?4
			RETURNING used`, subject, month, n, limit).Scan(&used)
		if err == nil {
			return used, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, classify(err, "quota")
		}
	}
	used, err := db.Usage(ctx, subject, month)
	if err != nil {
		return 0, err
	}
	return used, apperr.New(apperr.RateLimited, "monthly quota of %d exhausted", limit)
}

// Usage implements auth.Quotas.
func (db *DB) Usage(ctx context.Context, subject, month string) (int64, error) {
	var used int64
	err := db.reader.QueryRowContext(ctx, `SELECT used FROM usage_quotas WHERE subject = ? AND month = ?`, subject, month).Scan(&used)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return used, classify(err, "quota")
}
