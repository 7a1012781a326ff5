package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/parleyhq/parley/internal/store/dial"
)

func migrateHelp(w io.Writer) {
	fmt.Fprint(w, `Subcommands:
  up      apply every pending migration (safe to run from many processes at once:
          they wait on a lock and exactly one applies each migration)
  down    roll back the newest applied migration
  status  list migrations and whether each is applied

The database is DATABASE_URL (PostgreSQL) or the SQLite file in PARLEY_DATA_DIR.
`)
	storeSettingsHelp(w)
}

func runMigrate(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("migrate", "migrate up|down|status [--config FILE]", e.stderr, migrateHelp)
	load := serveConfig(fs, e)
	if err := parseFlags(fs, args, e); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("migrate: want exactly one of up, down, status")
	}
	cfg, err := load()
	if err != nil {
		return err
	}
	logger := quietLogger(e)
	db, err := dial.Open(ctx, cfg.DatabaseURL, cfg.DataDir, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	switch fs.Arg(0) {
	case "up", "down":
		do := dial.Up
		if fs.Arg(0) == "down" {
			do = dial.Down
		}
		res, err := do(ctx, db, nil)
		for _, r := range res {
			fmt.Fprintf(e.stdout, "%s %05d %s (%s)\n", fs.Arg(0), r.Version, r.Name, r.Duration.Round(1000))
		}
		if err != nil {
			return err
		}
		if len(res) == 0 {
			fmt.Fprintf(e.stdout, "nothing to do: the %s database is up to date\n", db.Engine())
		}
		return nil
	case "status":
		st, err := dial.Status(ctx, db, nil)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "VERSION\tNAME\tAPPLIED")
		for _, m := range st {
			applied := "pending"
			if m.Applied {
				applied = m.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
			}
			fmt.Fprintf(tw, "%05d\t%s\t%s\n", m.Version, m.Name, applied)
		}
		return tw.Flush()
	}
	fs.Usage()
	return fmt.Errorf("migrate: unknown subcommand %q (want up, down or status)", fs.Arg(0))
}
