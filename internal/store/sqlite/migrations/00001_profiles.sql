-- +goose Up
-- Profiles are versioned: profiles holds one row per slug, profile_versions
-- one row per imported document. Times are UTC RFC 3339 text with fixed
-- microsecond width so that they sort as text.
CREATE TABLE profiles (
    slug            TEXT PRIMARY KEY,
    current_version INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE profile_versions (
    slug          TEXT NOT NULL REFERENCES profiles (slug) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    document      TEXT NOT NULL,
    hash          TEXT NOT NULL,
    public        INTEGER NOT NULL DEFAULT 1,
    share_phone   INTEGER NOT NULL DEFAULT 0,
    share_address INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (slug, version)
);

-- +goose Down
DROP TABLE profile_versions;
DROP TABLE profiles;
