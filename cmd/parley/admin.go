package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parleyhq/parley/internal/auth"
	"github.com/parleyhq/parley/internal/auth/authcache"
	"github.com/parleyhq/parley/internal/store/dial"
)

const adminUsage = `Usage: parley admin OBJECT ACTION [flags]

Manage who may call the API. Secrets are printed once and stored only as keyed hashes.

  client create --name NAME --scope "SCOPE ..." [--redirect-uri URI]... [--public]
        register an OAuth 2.0 client; prints {"client_id": ..., "client_secret": ...}
  apikey create --name NAME --scope "SCOPE ..." [--expires 720h]
        create an API key; prints {"id": ..., "key": ...}
  apikey list                      list API keys (never the keys themselves)
  apikey revoke ID                 revoke an API key at once
  user create --username NAME --role admin|editor|viewer
        create a user for the sign-in page; the password is read from stdin
  keys rotate                      start signing tokens with a new key; old keys keep
                                   verifying until the tokens they signed expire

Scopes, and what each allows:
  profiles:write  PUT /v1/profiles/{slug}: create or replace a profile
  admin           /v1/admin/... for OAuth clients and API keys (a user needs the admin role)
  openid          an OpenID Connect ID token from the authorization-code flow
These are the scopes OIDC discovery advertises (scopes_supported). Any other scope, such
as profiles:read, is granted with a note: no parley route checks it (every profile that
GET /v1/profiles/{slug} serves is public), but a gateway route may.
Sessions (/v1/sessions/...) need no scope: anyone may talk to a public profile. A token or
API key sent with them must be valid, and its holder gets the authenticated rate limit and
its own monthly quota.

Examples:
  parley admin apikey create --name ci --scope "profiles:write"
  echo "correct horse battery staple" | parley admin user create --username ada --role admin
`

// adminAction is an admin command whose flags have been parsed and checked:
// what is left to do needs the database.
type adminAction func(ctx context.Context, srv *auth.Server, db dial.DB) error

func runAdmin(ctx context.Context, args []string, e env) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(e.stdout, adminUsage)
		return nil
	}
	if len(args) < 2 {
		fmt.Fprint(e.stderr, adminUsage)
		return errors.New("admin: need OBJECT ACTION (see above)")
	}
	cmds := map[string]func([]string, env) (adminAction, error){
		"client create": adminClientCreate,
		"apikey create": adminKeyCreate,
		"apikey list":   adminKeyList,
		"apikey revoke": adminKeyRevoke,
		"user create":   adminUserCreate,
		"keys rotate":   adminKeysRotate,
	}
	parse, ok := cmds[args[0]+" "+args[1]]
	if !ok {
		fmt.Fprint(e.stderr, adminUsage)
		return fmt.Errorf("admin: unknown command %q", args[0]+" "+args[1])
	}
	fs := newFlagSet("admin "+args[0]+" "+args[1], "admin "+args[0]+" "+args[1]+" [flags]", e.stderr, nil)
	load := serveConfig(fs, e)
	// Parse only --config here; each command parses its own flags.
	rest := args[2:]
	cfgArgs, rest := splitConfigFlag(rest)
	if err := parseFlags(fs, cfgArgs, e); err != nil {
		return err
	}
	// The command's own flags are read before the database is opened, so
	// that --help or a missing flag creates no data directory and changes
	// nothing (--help on "keys rotate" once rotated the signing key).
	act, err := parse(rest, e)
	if err != nil {
		return err
	}
	cfg, err := load()
	if err != nil {
		return err
	}
	logger := quietLogger(e)
	db, err := openStore(ctx, cfg, logger)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	defer db.Close()
	// With a shared cache, revocations and rotations must reach the
	// servers' caches; without Redis there is nothing this process can tell.
	var wrap func(auth.Store) auth.Store
	if cfg.Cache && cfg.RedisURL != "" {
		untold := fmt.Sprintf("servers' caches are not told (API keys: refused within %s; signing keys: within %s)",
			authcache.APIKeyTTL, authcache.SigningKeysMaxAge)
		if rdb := cliRedis(ctx, cfg.RedisURL, e.stderr, untold); rdb != nil {
			defer rdb.Close()
			var closeCache func() error
			if wrap, closeCache, err = authCache(ctx, cfg, rdb, nil, logger); err != nil {
				return err
			}
			defer closeCache()
		}
	}
	srv, err := newAuthServer(ctx, cfg, db, wrap, logger)
	if err != nil {
		return err
	}
	return act(ctx, srv, db)
}

// splitConfigFlag separates --config FILE (or --config=FILE) from the rest.
func splitConfigFlag(args []string) (cfg, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--config" || a == "-config":
			if i+1 < len(args) {
				cfg = append(cfg, a, args[i+1])
				i++
			}
		case strings.HasPrefix(a, "--config=") || strings.HasPrefix(a, "-config="):
			cfg = append(cfg, a)
		default:
			rest = append(rest, a)
		}
	}
	return cfg, rest
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	return enc.Encode(v)
}

func adminClientCreate(args []string, e env) (adminAction, error) {
	fs := newFlagSet("admin client create", `admin client create --name NAME --scope "SCOPE ..." [--redirect-uri URI]... [--public]`, e.stderr, nil)
	name := fs.String("name", "", "a name to recognise the client by (required)")
	scope := fs.String("scope", "", "space-separated scopes the client may be granted (required)")
	public := fs.Bool("public", false, "a public client (browser or mobile app): no secret, PKCE required")
	var redirects multiFlag
	fs.Var(&redirects, "redirect-uri", "an exact redirect URI for the authorization-code flow (repeatable)")
	if err := parseFlags(fs, args, e); err != nil {
		return nil, err
	}
	scopes, err := auth.ParseScope(*scope)
	if *name == "" || *scope == "" || err != nil || fs.NArg() > 0 {
		fs.Usage()
		return nil, fmt.Errorf("admin client create: need --name and a valid --scope, and no arguments (%v)", err)
	}
	return func(ctx context.Context, srv *auth.Server, _ dial.DB) error {
		warnUnchecked(e.stderr, scopes)
		c, secret, err := srv.CreateClient(ctx, *name, scopes, redirects, *public)
		if err != nil {
			return err
		}
		out := map[string]string{"client_id": c.ID}
		if secret != "" {
			out["client_secret"] = secret
		}
		return printJSON(e.stdout, out)
	}, nil
}

func adminKeyCreate(args []string, e env) (adminAction, error) {
	fs := newFlagSet("admin apikey create", `admin apikey create --name NAME --scope "SCOPE ..." [--expires DURATION]`, e.stderr, nil)
	name := fs.String("name", "", "a name to recognise the key by (required)")
	scope := fs.String("scope", "", "space-separated scopes (required)")
	expires := fs.Duration("expires", 0, "lifetime, e.g. 720h; 0 never expires")
	if err := parseFlags(fs, args, e); err != nil {
		return nil, err
	}
	scopes, err := auth.ParseScope(*scope)
	if *name == "" || *scope == "" || err != nil || *expires < 0 || fs.NArg() > 0 {
		fs.Usage()
		return nil, fmt.Errorf("admin apikey create: need --name, a valid --scope and a non-negative --expires, and no arguments (%v)", err)
	}
	return func(ctx context.Context, srv *auth.Server, _ dial.DB) error {
		warnUnchecked(e.stderr, scopes)
		var at time.Time
		if *expires > 0 {
			at = time.Now().Add(*expires)
		}
		k, key, err := srv.CreateAPIKey(ctx, *name, scopes, at)
		if err != nil {
			return err
		}
		return printJSON(e.stdout, map[string]string{"id": k.ID, "key": key})
	}, nil
}

func adminKeyList(args []string, e env) (adminAction, error) {
	if err := parseNoArgs("admin apikey list", "Lists every API key: its ID (for revoke), name, the key's first characters, scopes, dates and state.", args, e); err != nil {
		return nil, err
	}
	return func(ctx context.Context, _ *auth.Server, db dial.DB) error {
		st, ok := db.(auth.APIKeys)
		if !ok {
			return errors.New("admin apikey list: this store keeps no API keys")
		}
		keys, err := st.ListAPIKeys(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tKEY\tSCOPES\tCREATED\tEXPIRES\tLAST USED\tSTATE")
		day := func(t time.Time) string {
			if t.IsZero() {
				return "-"
			}
			return t.UTC().Format("2006-01-02 15:04")
		}
		for _, k := range keys {
			state := "active"
			if !k.RevokedAt.IsZero() {
				state = "revoked"
			} else if !k.ExpiresAt.IsZero() && time.Now().After(k.ExpiresAt) {
				state = "expired"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Hint, strings.Join(k.Scopes, " "),
				day(k.CreatedAt), day(k.ExpiresAt), day(k.LastUsedAt), state)
		}
		return tw.Flush()
	}, nil
}

func adminKeyRevoke(args []string, e env) (adminAction, error) {
	fs := newFlagSet("admin apikey revoke", "admin apikey revoke ID", e.stderr, func(w io.Writer) {
		fmt.Fprintln(w, "Revokes the API key ID (as parley admin apikey list shows it) at once.")
	})
	// An ID may start with "-" (base64url), so only a lone help flag is
	// read as one; "--" before the ID is accepted too.
	if len(args) == 1 && isHelpFlag(args[0]) {
		return nil, parseFlags(fs, args, e)
	}
	if len(args) == 2 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) != 1 {
		return nil, errors.New("admin apikey revoke: need exactly one key ID (see parley admin apikey list)")
	}
	id := args[0]
	return func(ctx context.Context, srv *auth.Server, _ dial.DB) error {
		if err := srv.RevokeAPIKey(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "revoked %s\n", id)
		return nil
	}, nil
}

func adminUserCreate(args []string, e env) (adminAction, error) {
	fs := newFlagSet("admin user create", "admin user create --username NAME --role admin|editor|viewer  (password on stdin)", e.stderr, nil)
	username := fs.String("username", "", "sign-in name (required)")
	role := fs.String("role", "viewer", "admin, editor or viewer")
	if err := parseFlags(fs, args, e); err != nil {
		return nil, err
	}
	if *username == "" || !auth.Role(*role).Valid() || fs.NArg() > 0 {
		fs.Usage()
		return nil, errors.New("admin user create: need --username and --role admin, editor or viewer, and no arguments")
	}
	line, err := bufio.NewReader(io.LimitReader(e.stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("admin user create: read password from stdin: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	if err := auth.CheckPasswordPolicy(password); err != nil {
		return nil, err
	}
	return func(ctx context.Context, srv *auth.Server, _ dial.DB) error {
		u, err := srv.CreateUser(ctx, *username, password, auth.Role(*role))
		if err != nil {
			return err
		}
		return printJSON(e.stdout, map[string]string{"id": u.ID, "username": u.Username, "role": string(u.Role)})
	}, nil
}

func adminKeysRotate(args []string, e env) (adminAction, error) {
	if err := parseNoArgs("admin keys rotate", "Starts signing tokens with a new key; old keys keep verifying until the tokens they signed expire.", args, e); err != nil {
		return nil, err
	}
	return func(ctx context.Context, srv *auth.Server, _ dial.DB) error {
		if err := srv.RotateKeys(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "rotated: new tokens are signed with a new key; running servers pick it up on their next key reload")
		return nil
	}, nil
}

// isHelpFlag reports whether arg is one of the spellings of -h the flag
// package answers with the usage.
func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "--h", "-help", "--help":
		return true
	}
	return false
}

// warnUnchecked notes the scopes no parley route checks ("sessions:write",
// a typo): they are still granted, since a gateway route in front of
// another service may check them (gateway auth), but an owner who meant a
// parley scope learns it at once rather than from a 403 later.
func warnUnchecked(w io.Writer, scopes auth.Scopes) {
	known := auth.DefaultPolicy().Scopes()
	for _, sc := range scopes {
		if !known.Has(sc) {
			fmt.Fprintf(w, "note: no parley route checks scope %q (granted anyway: a gateway route may check it; see parley admin --help for parley's scopes)\n", sc)
		}
	}
}

// parseNoArgs reads the flags of a command that takes none but --help:
// about is what its help says it does.
func parseNoArgs(name, about string, args []string, e env) error {
	fs := newFlagSet(name, name, e.stderr, func(w io.Writer) { fmt.Fprintln(w, about) })
	if err := parseFlags(fs, args, e); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errors.New(name + ": takes no arguments")
	}
	return nil
}
