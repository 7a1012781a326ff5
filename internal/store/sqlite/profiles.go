package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/parleyhq/parley/internal/store"
)

// PutProfile implements store.Profiles.
func (db *DB) PutProfile(ctx context.Context, in store.ProfileInput) (store.Profile, bool, error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return store.Profile{}, false, classify(err, "profile")
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit

	cur, err := getProfile(ctx, tx, in.Slug)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return store.Profile{}, false, classify(err, "profile")
	}
	if exists && cur.Hash == in.Hash && cur.Public == in.Public && cur.Privacy == in.Privacy {
		return cur, false, nil
	}
	now := formatTime(time.Now())
	version := 1
	if exists {
		version = cur.Version + 1
		_, err = tx.ExecContext(ctx,
			`UPDATE profiles SET current_version = ?, updated_at = ? WHERE slug = ?`, version, now, in.Slug)
	} else {
		_, err = tx.ExecContext(ctx,
			`INSERT INTO profiles (slug, current_version, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			in.Slug, version, now, now)
	}
	if err != nil {
		return store.Profile{}, false, classify(err, "profile")
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO profile_versions (slug, version, document, hash, public, share_phone, share_address, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		in.Slug, version, string(in.Document), in.Hash, in.Public, in.Privacy.SharePhone, in.Privacy.ShareAddress, now)
	if err != nil {
		return store.Profile{}, false, classify(err, "profile version")
	}
	p, err := getProfile(ctx, tx, in.Slug)
	if err != nil {
		return store.Profile{}, false, classify(err, "profile")
	}
	if err := tx.Commit(); err != nil {
		return store.Profile{}, false, classify(err, "profile")
	}
	return p, true, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getProfile(ctx context.Context, q querier, slug string) (store.Profile, error) {
	var p store.Profile
	var doc, created, updated string
	err := q.QueryRowContext(ctx, `
		SELECT p.slug, v.version, v.document, v.hash, v.public, v.share_phone, v.share_address,
		       p.created_at, v.created_at
		FROM profiles p JOIN profile_versions v ON v.slug = p.slug AND v.version = p.current_version
		WHERE p.slug = ?`, slug).
		Scan(&p.Slug, &p.Version, &doc, &p.Hash, &p.Public, &p.Privacy.SharePhone, &p.Privacy.ShareAddress,
			&created, &updated)
	if err != nil {
		return store.Profile{}, err
	}
	p.Document = []byte(doc)
	if p.CreatedAt, err = parseTime(created); err != nil {
		return store.Profile{}, err
	}
	if p.UpdatedAt, err = parseTime(updated); err != nil {
		return store.Profile{}, err
	}
	return p, nil
}

// GetProfile implements store.Profiles.
func (db *DB) GetProfile(ctx context.Context, slug string) (store.Profile, error) {
	p, err := getProfile(ctx, db.reader, slug)
	return p, classify(err, "profile")
}

// ProfileVersions implements store.Profiles.
func (db *DB) ProfileVersions(ctx context.Context, slug string) ([]store.Profile, error) {
	rows, err := db.reader.QueryContext(ctx, `
		SELECT v.slug, v.version, v.hash, v.public, v.share_phone, v.share_address, p.created_at, v.created_at
		FROM profile_versions v JOIN profiles p ON p.slug = v.slug
		WHERE v.slug = ? ORDER BY v.version DESC`, slug)
	if err != nil {
		return nil, classify(err, "profile versions")
	}
	defer rows.Close()
	var out []store.Profile
	for rows.Next() {
		var p store.Profile
		var created, updated string
		if err := rows.Scan(&p.Slug, &p.Version, &p.Hash, &p.Public, &p.Privacy.SharePhone,
			&p.Privacy.ShareAddress, &created, &updated); err != nil {
			return nil, classify(err, "profile versions")
		}
		p.CreatedAt, _ = parseTime(created)
		p.UpdatedAt, _ = parseTime(updated)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err, "profile versions")
	}
	if len(out) == 0 {
		return nil, classify(sql.ErrNoRows, "profile")
	}
	return out, nil
}
