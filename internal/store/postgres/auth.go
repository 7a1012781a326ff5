package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/auth"
)

var _ auth.Store = (*DB)(nil)

func parseScopes(s string) auth.Scopes { return auth.NewScopes(strings.Fields(s)...) }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func fromNull(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// CreateClient implements auth.Clients.
func (db *DB) CreateClient(ctx context.Context, c auth.Client) error {
	_, err := db.pool.Exec(ctx, `
		INSERT INTO oauth_clients (id, name, secret_hash, redirect_uris, scopes, grant_types, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		c.ID, c.Name, c.SecretHash, strings.Join(c.RedirectURIs, "\n"), c.Scopes.String(),
		strings.Join(c.GrantTypes, " "), c.CreatedAt)
	return classify(err, "client")
}

const clientCols = `id, name, secret_hash, redirect_uris, scopes, grant_types, created_at`

func scanClient(row pgx.Row) (auth.Client, error) {
	var c auth.Client
	var uris, scopes, grants string
	if err := row.Scan(&c.ID, &c.Name, &c.SecretHash, &uris, &scopes, &grants, &c.CreatedAt); err != nil {
		return auth.Client{}, err
	}
	c.RedirectURIs = strings.FieldsFunc(uris, func(r rune) bool { return r == '\n' })
	c.Scopes, c.GrantTypes, c.CreatedAt = parseScopes(scopes), strings.Fields(grants), c.CreatedAt.UTC()
	return c, nil
}

// GetClient implements auth.Clients.
func (db *DB) GetClient(ctx context.Context, id string) (auth.Client, error) {
	c, err := scanClient(db.pool.QueryRow(ctx, `SELECT `+clientCols+` FROM oauth_clients WHERE id = $1`, id))
	return c, classify(err, "client")
}

// ListClients implements auth.Clients.
func (db *DB) ListClients(ctx context.Context) ([]auth.Client, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+clientCols+` FROM oauth_clients ORDER BY created_at, id`)
	if err != nil {
		return nil, classify(err, "clients")
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.Client, error) { return scanClient(r) })
	if out == nil {
		out = []auth.Client{}
	}
	return out, classify(err, "clients")
}

// CreateUser implements auth.Users.
func (db *DB) CreateUser(ctx context.Context, u auth.User) error {
	_, err := db.pool.Exec(ctx, `
		INSERT INTO users (id, username, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5)`,
		u.ID, u.Username, u.PasswordHash, string(u.Role), u.CreatedAt)
	return classify(err, "user")
}

func (db *DB) getUser(ctx context.Context, where, arg string) (auth.User, error) {
	var u auth.User
	var role string
	err := db.pool.QueryRow(ctx, `SELECT id, username, password_hash, role, created_at FROM users WHERE `+where, arg).
		Scan(&u.ID, &u.Username, &u.PasswordHash, &role, &u.CreatedAt)
	u.Role, u.CreatedAt = auth.Role(role), u.CreatedAt.UTC()
	return u, classify(err, "user")
}

// GetUser implements auth.Users.
func (db *DB) GetUser(ctx context.Context, id string) (auth.User, error) {
	return db.getUser(ctx, "id = $1", id)
}

// GetUserByUsername implements auth.Users.
func (db *DB) GetUserByUsername(ctx context.Context, username string) (auth.User, error) {
	return db.getUser(ctx, "username = $1", username)
}

// SetPasswordHash implements auth.Users.
func (db *DB) SetPasswordHash(ctx context.Context, id, hash string) error {
	return db.execOne(ctx, "user", `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, id)
}

// execOne runs a statement that must affect one row (apperr.NotFound otherwise).
func (db *DB) execOne(ctx context.Context, what, query string, args ...any) error {
	tag, err := db.pool.Exec(ctx, query, args...)
	if err != nil {
		return classify(err, what)
	}
	if tag.RowsAffected() == 0 {
		return classify(pgx.ErrNoRows, what)
	}
	return nil
}

// CreateAPIKey implements auth.APIKeys.
func (db *DB) CreateAPIKey(ctx context.Context, k auth.APIKey) error {
	_, err := db.pool.Exec(ctx, `
		INSERT INTO api_keys (id, name, key_hash, hint, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		k.ID, k.Name, k.Hash, k.Hint, k.Scopes.String(), k.CreatedAt, nullTime(k.ExpiresAt))
	return classify(err, "API key")
}

const apiKeyCols = `id, name, key_hash, hint, scopes, created_at, expires_at, last_used_at, revoked_at`

func scanAPIKey(row pgx.Row) (auth.APIKey, error) {
	var k auth.APIKey
	var scopes string
	var expires, used, revoked *time.Time
	if err := row.Scan(&k.ID, &k.Name, &k.Hash, &k.Hint, &scopes, &k.CreatedAt, &expires, &used, &revoked); err != nil {
		return auth.APIKey{}, err
	}
	k.Scopes, k.CreatedAt = parseScopes(scopes), k.CreatedAt.UTC()
	k.ExpiresAt, k.LastUsedAt, k.RevokedAt = fromNull(expires), fromNull(used), fromNull(revoked)
	return k, nil
}

// GetAPIKeyByHash implements auth.APIKeys.
func (db *DB) GetAPIKeyByHash(ctx context.Context, hash []byte) (auth.APIKey, error) {
	k, err := scanAPIKey(db.pool.QueryRow(ctx, `SELECT `+apiKeyCols+` FROM api_keys WHERE key_hash = $1`, hash))
	return k, classify(err, "API key")
}

// ListAPIKeys implements auth.APIKeys.
func (db *DB) ListAPIKeys(ctx context.Context) ([]auth.APIKey, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+apiKeyCols+` FROM api_keys ORDER BY created_at, id`)
	if err != nil {
		return nil, classify(err, "API keys")
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.APIKey, error) { return scanAPIKey(r) })
	if out == nil {
		out = []auth.APIKey{}
	}
	return out, classify(err, "API keys")
}

// RevokeAPIKey implements auth.APIKeys.
func (db *DB) RevokeAPIKey(ctx context.Context, id string, at time.Time) error {
	return db.execOne(ctx, "API key", `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2`, at, id)
}

// TouchAPIKey implements auth.APIKeys.
func (db *DB) TouchAPIKey(ctx context.Context, id string, at time.Time) error {
	return db.execOne(ctx, "API key", `
		UPDATE api_keys SET last_used_at = GREATEST(COALESCE(last_used_at, $1), $1) WHERE id = $2`, at, id)
}

// RotateSigningKey implements auth.SigningKeys.
func (db *DB) RotateSigningKey(ctx context.Context, next auth.StoredSigningKey, now, keepUntil time.Time) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE signing_keys SET retired_at = $1, expires_at = $2 WHERE retired_at IS NULL`, now, keepUntil); err != nil {
			return classify(err, "signing key")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM signing_keys WHERE expires_at IS NOT NULL AND expires_at < $1`, now); err != nil {
			return classify(err, "signing key")
		}
		_, err := tx.Exec(ctx, `INSERT INTO signing_keys (id, algorithm, private_jwk, created_at) VALUES ($1, $2, $3, $4)`,
			next.ID, next.Algorithm, string(next.PrivateJWK), next.CreatedAt)
		return classify(err, "signing key")
	})
}

// ReplaceSigningKeyMaterial implements auth.SigningKeys.
func (db *DB) ReplaceSigningKeyMaterial(ctx context.Context, id string, old, next []byte) (bool, error) {
	tag, err := db.pool.Exec(ctx, `UPDATE signing_keys SET private_jwk = $1 WHERE id = $2 AND private_jwk = $3`,
		string(next), id, string(old))
	if err != nil {
		return false, classify(err, "signing key")
	}
	return tag.RowsAffected() == 1, nil
}

// SigningKeys implements auth.SigningKeys.
func (db *DB) SigningKeys(ctx context.Context, now time.Time) ([]auth.StoredSigningKey, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT id, algorithm, private_jwk, created_at, retired_at, expires_at FROM signing_keys
		WHERE expires_at IS NULL OR expires_at > $1 ORDER BY created_at DESC, id`, now)
	if err != nil {
		return nil, classify(err, "signing keys")
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.StoredSigningKey, error) {
		var k auth.StoredSigningKey
		var jwk string
		var retired, expires *time.Time
		err := r.Scan(&k.ID, &k.Algorithm, &jwk, &k.CreatedAt, &retired, &expires)
		k.PrivateJWK, k.CreatedAt, k.RetiredAt, k.ExpiresAt = []byte(jwk), k.CreatedAt.UTC(), fromNull(retired), fromNull(expires)
		return k, err
	})
	if out == nil {
		out = []auth.StoredSigningKey{}
	}
	return out, classify(err, "signing keys")
}
