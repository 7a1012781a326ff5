// Package auth is Parley's identity and access layer: JWT access tokens
// (RFC 9068) and their signing keys, passwords (argon2id), API keys, client
// secrets, PKCE, scopes, roles and the route policy table, and the OAuth 2.0
// authorization server built from them (Server). Storage is reached through
// the ports in ports.go, implemented by internal/store/sqlite and
// internal/store/postgres.
package auth
