package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/parleyhq/parley/internal/config"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/telemetry"
)

// serveConfig registers --config on fs and returns a loader for the serve
// role's configuration (shared by serve, migrate and import, which all reach
// the same database).
func serveConfig(fs *flag.FlagSet, e env) func() (*config.Serve, error) {
	path := fs.String("config", e.getenv("PARLEY_CONFIG"), "YAML file with settings (keys below; default $PARLEY_CONFIG); the environment overrides it")
	return func() (*config.Serve, error) {
		var c config.Serve
		if err := c.Settings().Load(*path, e.getenv); err != nil {
			return nil, err
		}
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("invalid configuration:\n%w", err)
		}
		return &c, nil
	}
}

// settingsHelp prints every setting of parley serve.
func settingsHelp(w io.Writer) {
	fmt.Fprintln(w, "\nSettings (environment variable, config file key, default):")
	var c config.Serve
	c.Settings().PrintHelp(w)
}

// storeSettingsHelp prints the settings of a command that opens the
// database, and the more it reads; the rest of serve's 50-odd would bury
// the few it reads.
func storeSettingsHelp(w io.Writer, more ...string) {
	fmt.Fprintln(w, "\nSettings this command reads (environment variable, config file key, default):")
	var c config.Serve
	append(c.StoreSettings(), c.Settings().Only(more...)...).PrintHelp(w)
	fmt.Fprintln(w, `The --config file may hold any other setting of "parley serve" (parley serve --help lists
them all): they are read and checked, not used here.`)
}

// openStore opens and migrates the configured database.
func openStore(ctx context.Context, c *config.Serve, logger *slog.Logger) (dial.DB, error) {
	db, err := dial.Open(ctx, c.DatabaseURL, c.DataDir, logger)
	if err != nil {
		return nil, err
	}
	res, err := dial.Up(ctx, db, nil)
	if err != nil {
		db.Close()
		return nil, err
	}
	for _, r := range res {
		logger.Info("migration applied", "version", r.Version, "name", r.Name, "duration", r.Duration)
	}
	return db, nil
}

// quietLogger is the logger of short CLI commands: warnings and errors only.
func quietLogger(e env) *slog.Logger {
	return telemetry.NewLogger(e.stderr, "text", "warn")
}
