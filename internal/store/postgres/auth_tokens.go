package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/auth"
)

// CreateAuthCode implements auth.AuthCodes.
func (db *DB) CreateAuthCode(ctx context.Context, c auth.AuthCode) error {
	_, err := db.pool.Exec(ctx, `
		INSERT INTO auth_codes (code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, nonce, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		c.Hash, c.ClientID, c.UserID, c.RedirectURI, c.Scopes.String(), c.CodeChallenge, c.Nonce, c.CreatedAt, c.ExpiresAt)
	return classify(err, "authorization code")
}

// ConsumeAuthCode implements auth.AuthCodes. SELECT ... FOR UPDATE makes a
// concurrent consumer wait, then see the family id the first one set.
func (db *DB) ConsumeAuthCode(ctx context.Context, hash []byte, familyID string, now time.Time) (auth.AuthCode, error) {
	var c auth.AuthCode
	var used bool
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var scopes string
		var fam *string
		err := tx.QueryRow(ctx, `
			SELECT code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, nonce, created_at, expires_at, family_id
			FROM auth_codes WHERE code_hash = $1 FOR UPDATE`, hash).
			Scan(&c.Hash, &c.ClientID, &c.UserID, &c.RedirectURI, &scopes, &c.CodeChallenge, &c.Nonce, &c.CreatedAt, &c.ExpiresAt, &fam)
		if err != nil {
			return classify(err, "authorization code")
		}
		c.Scopes, c.CreatedAt, c.ExpiresAt = parseScopes(scopes), c.CreatedAt.UTC(), c.ExpiresAt.UTC()
		if fam != nil {
			c.FamilyID, used = *fam, true
			return nil
		}
		if !c.ExpiresAt.After(now) {
			return apperr.New(apperr.NotFound, "authorization code not found")
		}
		c.FamilyID = familyID
		_, err = tx.Exec(ctx, `UPDATE auth_codes SET family_id = $1 WHERE code_hash = $2`, familyID, hash)
		return classify(err, "authorization code")
	})
	if err != nil {
		return auth.AuthCode{}, err
	}
	if used {
		return c, apperr.New(apperr.Conflict, "authorization code already used")
	}
	return c, nil
}

// CreateRefreshToken implements auth.RefreshTokens.
func (db *DB) CreateRefreshToken(ctx context.Context, t auth.RefreshToken) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `
			INSERT INTO refresh_families (id, client_id, subject, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (id) DO NOTHING`, t.FamilyID, t.ClientID, t.Subject, t.CreatedAt); err != nil {
			return classify(err, "refresh token")
		}
		return insertRefresh(ctx, tx, t)
	})
}

func insertRefresh(ctx context.Context, tx pgx.Tx, t auth.RefreshToken) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO refresh_tokens (token_hash, family_id, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		t.Hash, t.FamilyID, t.Scopes.String(), t.CreatedAt, t.ExpiresAt)
	return classify(err, "refresh token")
}

type refreshRow struct {
	tok     auth.RefreshToken
	used    bool
	revoked bool
}

func getRefresh(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, hash []byte, lock string) (refreshRow, error) {
	var r refreshRow
	var scopes string
	var used, revoked *time.Time
	err := q.QueryRow(ctx, `
		SELECT t.token_hash, t.family_id, f.client_id, f.subject, t.scopes, t.created_at, t.expires_at, t.used_at, f.revoked_at
		FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = $1 `+lock, hash).
		Scan(&r.tok.Hash, &r.tok.FamilyID, &r.tok.ClientID, &r.tok.Subject, &scopes, &r.tok.CreatedAt, &r.tok.ExpiresAt, &used, &revoked)
	if err != nil {
		return refreshRow{}, classify(err, "refresh token")
	}
	r.tok.Scopes, r.tok.CreatedAt, r.tok.ExpiresAt = parseScopes(scopes), r.tok.CreatedAt.UTC(), r.tok.ExpiresAt.UTC()
	r.used, r.revoked = used != nil, revoked != nil
	return r, nil
}

var errReused = apperr.New(apperr.Conflict, "refresh token reused; its family is revoked")

// RotateRefreshToken implements auth.RefreshTokens. The token row is locked
// FOR UPDATE: a concurrent rotation of the same token waits, then sees it
// used and takes the reuse path.
func (db *DB) RotateRefreshToken(ctx context.Context, oldHash []byte, next auth.RefreshToken, now time.Time) (auth.RefreshToken, error) {
	var old auth.RefreshToken
	reused := false
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		r, err := getRefresh(ctx, tx, oldHash, "FOR UPDATE OF t")
		if err != nil {
			return err
		}
		old = r.tok
		if r.used || r.revoked {
			reused = true
			_, err := tx.Exec(ctx, `UPDATE refresh_families SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2`, now, r.tok.FamilyID)
			return classify(err, "refresh token")
		}
		if !r.tok.ExpiresAt.After(now) {
			return apperr.New(apperr.NotFound, "refresh token not found")
		}
		if _, err := tx.Exec(ctx, `UPDATE refresh_tokens SET used_at = $1 WHERE token_hash = $2`, now, oldHash); err != nil {
			return classify(err, "refresh token")
		}
		next.FamilyID = r.tok.FamilyID
		return insertRefresh(ctx, tx, next)
	})
	if err != nil {
		return auth.RefreshToken{}, err
	}
	if reused {
		return old, errReused
	}
	return old, nil
}

// GetRefreshToken implements auth.RefreshTokens.
func (db *DB) GetRefreshToken(ctx context.Context, hash []byte, now time.Time) (auth.RefreshToken, error) {
	r, err := getRefresh(ctx, db.pool, hash, "")
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
	_, err := db.pool.Exec(ctx, `UPDATE refresh_families SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2`, now, familyID)
	return classify(err, "refresh family")
}

// RevokeAccessToken implements auth.RevokedTokens.
func (db *DB) RevokeAccessToken(ctx context.Context, jti string, expiresAt time.Time) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO revoked_access_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`, jti, expiresAt)
	return classify(err, "revoked token")
}

// AccessTokenRevoked implements auth.RevokedTokens.
func (db *DB) AccessTokenRevoked(ctx context.Context, jti string) (bool, error) {
	var ok bool
	err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = $1)`, jti).Scan(&ok)
	return ok, classify(err, "revoked token")
}

// RecordLoginFailure implements auth.Lockouts.
func (db *DB) RecordLoginFailure(ctx context.Context, key string, now time.Time) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, `
		INSERT INTO login_failures (key, failures, last_failure) VALUES ($1, 1, $2)
		ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1, last_failure = excluded.last_failure
		RETURNING failures`, key, now).Scan(&n)
	return n, classify(err, "login failures")
}

// LoginFailures implements auth.Lockouts.
func (db *DB) LoginFailures(ctx context.Context, key string) (int, time.Time, error) {
	var n int
	var last time.Time
	err := db.pool.QueryRow(ctx, `SELECT failures, last_failure FROM login_failures WHERE key = $1`, key).Scan(&n, &last)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	return n, last.UTC(), classify(err, "login failures")
}

// ResetLoginFailures implements auth.Lockouts.
func (db *DB) ResetLoginFailures(ctx context.Context, key string) error {
	_, err := db.pool.Exec(ctx, `DELETE FROM login_failures WHERE key = $1`, key)
	return classify(err, "login failures")
}

// AddUsage implements auth.Quotas.
func (db *DB) AddUsage(ctx context.Context, subject, month string, n, limit int64) (int64, error) {
	if n <= limit {
		var used int64
		err := db.pool.QueryRow(ctx, `
			INSERT INTO usage_quotas (subject, month, used) VALUES ($1, $2, $3)
			ON CONFLICT (subject, month) DO UPDATE SET used = usage_quotas.used + excluded.used
			WHERE usage_quotas.used + excluded.used <= $4
			RETURNING used`, subject, month, n, limit).Scan(&used)
		if err == nil {
			return used, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
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
	err := db.pool.QueryRow(ctx, `SELECT used FROM usage_quotas WHERE subject = $1 AND month = $2`, subject, month).Scan(&used)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return used, classify(err, "quota")
}
