package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/store"
)

// PutProfile implements store.Profiles.
func (db *DB) PutProfile(ctx context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	var out store.Profile
	changed := false
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// Lock the slug's row (or, for a new slug, its advisory lock) so that
		// concurrent imports of one slug produce consecutive versions.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('profile:' || $1, 0))`, in.Slug); err != nil {
			return err
		}
		// The current version's metadata only: the document is read back
		// only when nothing changes (rare) and otherwise comes from the
		// INSERT below, as PostgreSQL stores it.
		var cur store.Profile
		err := tx.QueryRow(ctx, `
			SELECT v.version, v.hash, v.public, v.share_phone, v.share_address, p.created_at
			FROM profiles p JOIN profile_versions v ON v.slug = p.slug AND v.version = p.current_version
			WHERE p.slug = $1`, in.Slug).
			Scan(&cur.Version, &cur.Hash, &cur.Public, &cur.Privacy.SharePhone, &cur.Privacy.ShareAddress, &cur.CreatedAt)
		exists := err == nil
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if exists && cur.Hash == in.Hash && cur.Public == in.Public && cur.Privacy == in.Privacy {
			out, err = getProfile(ctx, tx, in.Slug)
			return err
		}
		version := 1
		if exists {
			version = cur.Version + 1
			_, err = tx.Exec(ctx, `UPDATE profiles SET current_version = $1, updated_at = now() WHERE slug = $2`, version, in.Slug)
		} else {
			err = tx.QueryRow(ctx, `INSERT INTO profiles (slug, current_version, created_at, updated_at) VALUES ($1, $2, now(), now()) RETURNING created_at`,
				in.Slug, version).Scan(&cur.CreatedAt)
		}
		if err != nil {
			return err
		}
		var doc string
		out = store.Profile{Slug: in.Slug, Version: version, Hash: in.Hash, Public: in.Public, Privacy: in.Privacy, CreatedAt: cur.CreatedAt}
		err = tx.QueryRow(ctx, `
			INSERT INTO profile_versions (slug, version, document, hash, public, share_phone, share_address, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, now())
			RETURNING document::text, created_at`,
			in.Slug, version, string(in.Document), in.Hash, in.Public, in.Privacy.SharePhone, in.Privacy.ShareAddress).
			Scan(&doc, &out.UpdatedAt)
		out.Document = []byte(doc)
		changed = err == nil
		return err
	})
	if err != nil {
		return store.Profile{}, false, classify(err, "profile")
	}
	return out, changed, nil
}

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
