-- +goose Up
-- The OpenID Connect nonce of the authorization request, echoed in the ID
-- token issued for the code (OIDC Core §3.1.2.1, §3.1.3.6).
ALTER TABLE auth_codes ADD COLUMN nonce TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE auth_codes DROP COLUMN nonce;
