package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store"
)

// putProfile is PutProfile as one autocommit statement. The upsert of the
// slug's row bumps current_version under that row's lock, so concurrent
// writers of one slug get consecutive versions (an aborted write rolls its
// bump back) and hold the lock only for one statement and its commit, not
// for a transaction's round trips; writers of other slugs never wait. The
// ON CONFLICT WHERE leaves the row alone when the current version already
// has this hash, visibility and privacy; then nothing is inserted and no
// row comes back. That check reads profile_versions with the statement's
// snapshot, so under a race it can miss a version committed meanwhile and
// store an identical one (harmless); it can never skip a changed document,
// since it only skips on the locked row's own current version.
const putProfile = `
WITH p AS (
  INSERT INTO profiles AS p (slug, current_version, created_at, updated_at)
  VALUES ($1::text, 1, now(), now())
  ON CONFLICT (slug) DO UPDATE SET current_version = p.current_version + 1, updated_at = now()
  WHERE NOT EXISTS (
    SELECT 1 FROM profile_versions v
    WHERE v.slug = p.slug AND v.version = p.current_version
      AND v.hash = $3::text AND v.public = $4::boolean
      AND v.share_phone = $5::boolean AND v.share_address = $6::boolean)
  RETURNING p.current_version, p.created_at
), v AS (
  INSERT INTO profile_versions (slug, version, document, hash, public, share_phone, share_address, created_at)
  SELECT $1::text, p.current_version, $2::jsonb, $3::text, $4::boolean, $5::boolean, $6::boolean, now() FROM p
  RETURNING version, document::text AS document, created_at
)
SELECT v.version, v.document, p.created_at, v.created_at FROM v, p`

// PutProfile implements store.Profiles.
func (db *DB) PutProfile(ctx context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	// Each retry follows another writer's commit to this slug, so a few
	// are plenty; past that the caller gets Conflict rather than a spin.
	for range maxPutAttempts {
		out := store.Profile{Slug: in.Slug, Hash: in.Hash, Public: in.Public, Privacy: in.Privacy}
		var doc string
		err := db.pool.QueryRow(ctx, putProfile, in.Slug, string(in.Document), in.Hash, in.Public,
			in.Privacy.SharePhone, in.Privacy.ShareAddress).
			Scan(&out.Version, &doc, &out.CreatedAt, &out.UpdatedAt)
		if err == nil {
			out.Document = []byte(doc)
			return out, true, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return store.Profile{}, false, classify(err, "profile")
		}
		// Unchanged: return the stored version. A write that lands between
		// the two statements makes it differ; then this put is not a no-op
		// after all, so try again against the new current version.
		cur, err := getProfile(ctx, db.pool, in.Slug)
		if err != nil {
			return store.Profile{}, false, classify(err, "profile")
		}
		if cur.Hash == in.Hash && cur.Public == in.Public && cur.Privacy == in.Privacy {
			return cur, false, nil
		}
	}
	return store.Profile{}, false, apperr.New(apperr.Conflict, "profile %s: concurrent updates, retry", in.Slug)
}

const maxPutAttempts = 8

func getProfile(ctx context.Context, q interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}, slug string) (store.Profile, error) {
	var p store.Profile
	var doc string
	err := q.QueryRow(ctx, `
		SELECT p.slug, v.version, v.document::text, v.hash, v.public, v.share_phone, v.share_address,
		       p.created_at, v.created_at
		FROM profiles p JOIN profile_versions v ON v.slug = p.slug AND v.version = p.current_version
		WHERE p.slug = $1`, slug).
		Scan(&p.Slug, &p.Version, &doc, &p.Hash, &p.Public, &p.Privacy.SharePhone, &p.Privacy.ShareAddress,
			&p.CreatedAt, &p.UpdatedAt)
	p.Document = []byte(doc)
	return p, err
}

// GetProfile implements store.Profiles.
func (db *DB) GetProfile(ctx context.Context, slug string) (store.Profile, error) {
	p, err := getProfile(ctx, db.pool, slug)
	return p, classify(err, "profile")
}

// ProfileVersions implements store.Profiles.
func (db *DB) ProfileVersions(ctx context.Context, slug string) ([]store.Profile, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT v.slug, v.version, v.hash, v.public, v.share_phone, v.share_address, p.created_at, v.created_at
		FROM profile_versions v JOIN profiles p ON p.slug = v.slug
		WHERE v.slug = $1 ORDER BY v.version DESC`, slug)
	if err != nil {
		return nil, classify(err, "profile versions")
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Profile, error) {
		var p store.Profile
		err := r.Scan(&p.Slug, &p.Version, &p.Hash, &p.Public, &p.Privacy.SharePhone, &p.Privacy.ShareAddress,
			&p.CreatedAt, &p.UpdatedAt)
		return p, err
	})
	if err != nil {
		return nil, classify(err, "profile versions")
	}
	if len(out) == 0 {
		return nil, classify(pgx.ErrNoRows, "profile")
	}
	return out, nil
}
