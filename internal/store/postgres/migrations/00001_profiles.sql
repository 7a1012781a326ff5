-- +goose Up
-- Profiles are versioned: profiles holds one row per slug, profile_versions
-- one row per imported document.
CREATE TABLE profiles (
    slug            text PRIMARY KEY,
    current_version integer NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE profile_versions (
    slug          text NOT NULL REFERENCES profiles (slug) ON DELETE CASCADE,
    version       integer NOT NULL,
    document      jsonb NOT NULL,
    hash          text NOT NULL,
    public        boolean NOT NULL DEFAULT true,
    share_phone   boolean NOT NULL DEFAULT false,
    share_address boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (slug, version)
);

-- +goose Down
DROP TABLE profile_versions;
DROP TABLE profiles;
