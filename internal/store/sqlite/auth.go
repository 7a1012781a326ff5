package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/auth"
)

var _ auth.Store = (*DB)(nil)

func scopesText(s auth.Scopes) string  { return s.String() }
func parseScopes(s string) auth.Scopes { return auth.NewScopes(strings.Fields(s)...) }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

func fromNull(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, _ := parseTime(s.String)
	return t
}

func mustTime(s string) time.Time {
	t, _ := parseTime(s)
	return t
}

// CreateClient implements auth.Clients.
func (db *DB) CreateClient(ctx context.Context, c auth.Client) error {
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO oauth_clients (id, name, secret_hash, redirect_uris, scopes, grant_types, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Name, c.SecretHash, strings.Join(c.RedirectURIs, "\n"), scopesText(c.Scopes),
		strings.Join(c.GrantTypes, " "), formatTime(c.CreatedAt))
	return classify(err, "client")
}

const clientCols = `id, name, secret_hash, redirect_uris, scopes, grant_types, created_at`

func scanClient(sc interface{ Scan(...any) error }) (auth.Client, error) {
	var c auth.Client
	var uris, scopes, grants, created string
	if err := sc.Scan(&c.ID, &c.Name, &c.SecretHash, &uris, &scopes, &grants, &created); err != nil {
		return auth.Client{}, err
	}
	c.RedirectURIs = strings.FieldsFunc(uris, func(r rune) bool { return r == '\n' })
	c.Scopes, c.GrantTypes, c.CreatedAt = parseScopes(scopes), strings.Fields(grants), mustTime(created)
	return c, nil
}

// GetClient implements auth.Clients.
func (db *DB) GetClient(ctx context.Context, id string) (auth.Client, error) {
	c, err := scanClient(db.reader.QueryRowContext(ctx, `SELECT `+clientCols+` FROM oauth_clients WHERE id = ?`, id))
	return c, classify(err, "client")
}

// ListClients implements auth.Clients.
func (db *DB) ListClients(ctx context.Context) ([]auth.Client, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+clientCols+` FROM oauth_clients ORDER BY created_at, id`)
	if err != nil {
		return nil, classify(err, "clients")
	}
	defer rows.Close()
	out := []auth.Client{}
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, classify(err, "clients")
		}
		out = append(out, c)
	}
	return out, classify(rows.Err(), "clients")
}

// CreateUser implements auth.Users.
func (db *DB) CreateUser(ctx context.Context, u auth.User) error {
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)`,
		u.ID, u.Username, u.PasswordHash, string(u.Role), formatTime(u.CreatedAt))
	return classify(err, "user")
}

func (db *DB) getUser(ctx context.Context, where string, arg string) (auth.User, error) {
	var u auth.User
	var role, created string
	err := db.reader.QueryRowContext(ctx, `SELECT id, username, password_hash, role, created_at FROM users WHERE `+where, arg).
		Scan(&u.ID, &u.Username, &u.PasswordHash, &role, &created)
	u.Role, u.CreatedAt = auth.Role(role), mustTime(created)
	return u, classify(err, "user")
}

// GetUser implements auth.Users.
func (db *DB) GetUser(ctx context.Context, id string) (auth.User, error) {
	return db.getUser(ctx, "id = ?", id)
}

// GetUserByUsername implements auth.Users.
func (db *DB) GetUserByUsername(ctx context.Context, username string) (auth.User, error) {
	return db.getUser(ctx, "username = ?", username)
}

// SetPasswordHash implements auth.Users.
func (db *DB) SetPasswordHash(ctx context.Context, id, hash string) error {
	return db.execOne(ctx, "user", `UPDATE users SET password_hash = ? WHERE id = ?`, hash, id)
}

// execOne runs a statement that must affect one row (apperr.NotFound otherwise).
func (db *DB) execOne(ctx context.Context, what, query string, args ...any) error {
	res, err := db.writer.ExecContext(ctx, query, args...)
	if err != nil {
		return classify(err, what)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return classify(sql.ErrNoRows, what)
	}
	return nil
}

// CreateAPIKey implements auth.APIKeys.
func (db *DB) CreateAPIKey(ctx context.Context, k auth.APIKey) error {
	_, err := db.writer.ExecContext(ctx, `
		INSERT INTO api_keys (id, name, key_hash, hint, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		k.ID, k.Name, k.Hash, k.Hint, scopesText(k.Scopes), formatTime(k.CreatedAt), nullTime(k.ExpiresAt))
	return classify(err, "API key")
}

const apiKeyCols = `id, name, key_hash, hint, scopes, created_at, expires_at, last_used_at, revoked_at`

func scanAPIKey(sc interface{ Scan(...any) error }) (auth.APIKey, error) {
	var k auth.APIKey
	var scopes, created string
	var expires, used, revoked sql.NullString
	if err := sc.Scan(&k.ID, &k.Name, &k.Hash, &k.Hint, &scopes, &created, &expires, &used, &revoked); err != nil {
		return auth.APIKey{}, err
	}
	k.Scopes, k.CreatedAt = parseScopes(scopes), mustTime(created)
	k.ExpiresAt, k.LastUsedAt, k.RevokedAt = fromNull(expires), fromNull(used), fromNull(revoked)
	return k, nil
}

// GetAPIKeyByHash implements auth.APIKeys.
func (db *DB) GetAPIKeyByHash(ctx context.Context, hash []byte) (auth.APIKey, error) {
	k, err := scanAPIKey(db.reader.QueryRowContext(ctx, `SELECT `+apiKeyCols+` FROM api_keys WHERE key_hash = ?`, hash))
	return k, classify(err, "API key")
}

// ListAPIKeys implements auth.APIKeys.
func (db *DB) ListAPIKeys(ctx context.Context) ([]auth.APIKey, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+apiKeyCols+` FROM api_keys ORDER BY created_at, id`)
	if err != nil {
		return nil, classify(err, "API keys")
	}
	defer rows.Close()
	out := []auth.APIKey{}
	for rows.Next() {
		k, err := scanAPIKey(rows)
		if err != nil {
			return nil, classify(err, "API keys")
		}
		out = append(out, k)
	}
	return out, classify(rows.Err(), "API keys")
}

// RevokeAPIKey implements auth.APIKeys.
func (db *DB) RevokeAPIKey(ctx context.Context, id string, at time.Time) error {
	return db.execOne(ctx, "API key", `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`, formatTime(at), id)
}

// TouchAPIKey implements auth.APIKeys.
func (db *DB) TouchAPIKey(ctx context.Context, id string, at time.Time) error {
	return db.execOne(ctx, "API key", `
		UPDATE api_keys SET last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < ?1 THEN ?1 ELSE last_used_at END
		WHERE id = ?2`, formatTime(at), id)
}

// RotateSigningKey implements auth.SigningKeys.
func (db *DB) RotateSigningKey(ctx context.Context, next auth.StoredSigningKey, now, keepUntil time.Time) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return classify(err, "signing key")
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, `UPDATE signing_keys SET retired_at = ?, expires_at = ? WHERE retired_at IS NULL`,
		formatTime(now), formatTime(keepUntil)); err != nil {
		return classify(err, "signing key")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM signing_keys WHERE expires_at IS NOT NULL AND expires_at < ?`, formatTime(now)); err != nil {
		return classify(err, "signing key")
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO signing_keys (id, algorithm, private_jwk, created_at) VALUES (?, ?, ?, ?)`,
		next.ID, next.Algorithm, string(next.PrivateJWK), formatTime(next.CreatedAt)); err != nil {
		return classify(err, "signing key")
	}
	return classify(tx.Commit(), "signing key")
}

// ReplaceSigningKeyMaterial implements auth.SigningKeys.
func (db *DB) ReplaceSigningKeyMaterial(ctx context.Context, id string, old, next []byte) (bool, error) {
	res, err := db.writer.ExecContext(ctx, `UPDATE signing_keys SET private_jwk = ? WHERE id = ? AND private_jwk = ?`,
		string(next), id, string(old))
	if err != nil {
		return false, classify(err, "signing key")
	}
	n, err := res.RowsAffected()
	return n == 1, classify(err, "signing key")
}

// SigningKeys implements auth.SigningKeys.
func (db *DB) SigningKeys(ctx context.Context, now time.Time) ([]auth.StoredSigningKey, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT id, algorithm, private_jwk, created_at, retired_at, expires_at FROM signing_keys
		WHERE expires_at IS NULL OR expires_at > ? ORDER BY created_at DESC, id`, formatTime(now))
	if err != nil {
		return nil, classify(err, "signing keys")
	}
	defer rows.Close()
	out := []auth.StoredSigningKey{}
	for rows.Next() {
		var k auth.StoredSigningKey
		var jwk, created string
		var retired, expires sql.NullString
		if err := rows.Scan(&k.ID, &k.Algorithm, &jwk, &created, &retired, &expires); err != nil {
			return nil, classify(err, "signing keys")
		}
		k.PrivateJWK, k.CreatedAt, k.RetiredAt, k.ExpiresAt = []byte(jwk), mustTime(created), fromNull(retired), fromNull(expires)
		out = append(out, k)
	}
	return out, classify(rows.Err(), "signing keys")
}
