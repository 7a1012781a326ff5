package main

import (
	"context"

	"github.com/parleyhq/parley/internal/dbcopy"
	"github.com/parleyhq/parley/internal/telemetry"
)

// runDBCopy hands `parley dbcopy plan|run|verify` to the copier, which
// owns its flags and help.
func runDBCopy(ctx context.Context, args []string, e env) error {
	logger := telemetry.NewLogger(e.stderr, "auto", "info")
	return dbcopy.Main(ctx, args, e.stdout, e.stderr, logger)
}
