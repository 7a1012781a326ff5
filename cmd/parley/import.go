package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/cache"
	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/store"
)

func runImport(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("import", "import --slug SLUG [flags] FILE|-", e.stderr, func(w io.Writer) {
		fmt.Fprint(w, `Imports a JSON Resume (schema v1.0.0, https://jsonresume.org/schema) document as the
profile SLUG. FILE "-" reads standard input. The document is validated first; on any
error nothing is written and the exit code is 1. Importing the same slug again stores
a new version, unless the document is identical (then nothing changes).

Documents written for the schema before v1.0.0 are read as v1.0.0: work "company" as
"name", "website" as "url", "picture" as "image", "gpa" as "score", languages' "name"
and "level" as "language" and "fluency", meta "url" as "canonical". So are dates tools
write: an empty date or null as not given, an endDate of "Present", "Current", "now" or
"ongoing" as no end (still going on), a date-time such as 2019-02-01T00:00:00Z as its
date, a month or day written out ("Feb-2023", "03/2022", "2023-9-28", "Jan 01, 2026")
as 2023-02 ... 2026-01-01 ("03/04/2019" stays an error: day and month order unknown);
a number where text belongs as its JSON text ("phone": 5551234 as "5551234"). Entries
exported unfilled (every field "") and blank strings in lists are left out; a key
repeated with the same value is read once; an entry ending before it starts is kept,
with a warning; a key in another case ("StartDate") is read as the schema's name.
Top-level "certifications" is read as "certificates", "hobbies" as "interests",
"honors" or "achievements" as "awards" (when their items have those sections' fields)
and a "bio" string as basics.summary, when the v1.0.0 one is not set; any other
unknown top-level key (not starting with "x-") is left out. Each such change is
printed as a warning on standard error, with its JSON path; the v1.0.0 document is
what gets stored. --strict refuses them instead.

Examples:
  parley import --slug ada ada.resume.json
  curl -s https://example.com/resume.json | parley import --slug ada -
`)
		fmt.Fprintf(w, `
A server running on the same database serves the new version (profile and replies)
at once when this command is given the servers' REDIS_URL too: the import moves the
version pointer they share. Servers without Redis re-read a profile's version from
the database every %s, so they serve it within %s. A server using Redis that this
command does not reach serves the previous version for up to %s (the pointer's
lifetime). The last line printed says which.
`, cache.MemoryVersionTTL, cache.MemoryVersionTTL, cache.DefaultVersionTTL)
		storeSettingsHelp(w, "REDIS_URL")
	})
	slug := fs.String("slug", "", "profile name used in URLs: lowercase letters, digits, hyphens (required)")
	private := fs.Bool("private", false, "hide the profile from anonymous visitors")
	sharePhone := fs.Bool("share-phone", false, "allow replies and the public profile to show the phone number")
	shareAddress := fs.Bool("share-address", false, "allow replies and the public profile to show the street address")
	strict := fs.Bool("strict", false, "accept only JSON Resume v1.0.0 as written: refuse pre-1.0 names, non-schema dates, numbers for text and unknown sections")
	load := serveConfig(fs, e)
	if err := parseFlags(fs, args, e); err != nil {
		return err
	}
	if *slug == "" || fs.NArg() != 1 {
		fs.Usage()
		return errors.New("import: need --slug SLUG and one FILE (or - for stdin)")
	}
	if err := profile.ValidateSlug(*slug); err != nil {
		return err
	}
	data, err := readInput(fs.Arg(0), e.stdin)
	if err != nil {
		return err
	}
	cfg, err := load()
	if err != nil {
		return err
	}
	// Validate before touching the database, so a bad file never creates one.
	doc, err := profile.DecodeWith(data, profile.DecodeOptions{Strict: *strict})
	if err != nil {
		return describeInvalid(e.stderr, fs.Arg(0), err)
	}
	for _, n := range doc.Notes {
		fmt.Fprintf(e.stderr, "%s: warning: %s\n", fs.Arg(0), n)
	}
	logger := quietLogger(e)
	db, err := openStore(ctx, cfg, logger)
	if err != nil {
		return fmt.Errorf("database: %w", err)
	}
	defer db.Close()
	// Servers sharing Redis read a profile's version from a pointer there:
	// the import goes through the same cache as theirs, which moves it.
	var writes store.Profiles = db
	told := false
	if cfg.RedisURL != "" {
		untold := fmt.Sprintf("running servers are not told and serve the previous version for up to %s", cache.DefaultVersionTTL)
		if rdb := cliRedis(ctx, cfg.RedisURL, e.stderr, untold); rdb != nil {
			defer rdb.Close()
			s, closeCache, err := profileCache(ctx, db, rdb, logger)
			if err != nil {
				return fmt.Errorf("cache: %w", err)
			}
			defer closeCache()
			writes, told = s, true
		}
	}
	svc := profile.NewService(writes)
	p, changed, err := svc.ImportDocument(ctx, *slug, doc, profile.ImportOptions{
		Private: *private, Privacy: profile.Privacy{SharePhone: *sharePhone, ShareAddress: *shareAddress},
	})
	if err != nil {
		return describeInvalid(e.stderr, fs.Arg(0), err)
	}
	if !changed {
		fmt.Fprintf(e.stdout, "profile %s unchanged (version %d, identical document)\n", p.Slug, p.Version)
		return nil
	}
	fmt.Fprintf(e.stdout, "imported profile %s version %d (%s); %s\n", p.Slug, p.Version, db.Engine(), pickUp(p.Version, told, cfg.RedisURL != ""))
	return nil
}

// pickUp says when running servers serve version v of a profile just
// imported. Without Redis here, the command cannot tell which servers use
// it, so it gives both bounds.
func pickUp(v int, told, redisSet bool) string {
	switch {
	case told:
		return fmt.Sprintf("running servers serve version %d at once (told through Redis)", v)
	case redisSet:
		return fmt.Sprintf("running servers pick up version %d within %s (Redis not reached)", v, cache.DefaultVersionTTL)
	}
	return fmt.Sprintf("running servers pick up version %d within %s (those using Redis: within %s, as REDIS_URL is not set here)",
		v, cache.MemoryVersionTTL, cache.DefaultVersionTTL)
}

// maxImportBytes bounds what is read, one byte past the decoder's own
// limit so that it can say "too large".
const maxImportBytes = profile.MaxDocumentBytes + 1

func readInput(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes))
	if err != nil {
		return nil, fmt.Errorf("import: read %s: %w", name, err)
	}
	return data, nil
}

// describeInvalid prints each field problem on its own line and returns a summary.
func describeInvalid(w io.Writer, name string, err error) error {
	fields := apperr.FieldsOf(err)
	for _, f := range fields {
		fmt.Fprintf(w, "%s: %s\n", name, f.String())
	}
	if len(fields) > 0 {
		return fmt.Errorf("import: %s is not a valid JSON Resume document (%d problems); nothing was written", name, len(fields))
	}
	return fmt.Errorf("import: %s: %w; nothing was written", name, err)
}
