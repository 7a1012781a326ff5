package dbcopy

import (
	"context"
	"log/slog"
)

// FingerprintBeforeUnsignedKeys is the fingerprint that releases which did
// not chunk unsigned BIGINT keys recorded for from's schema: the same
// schema with no chunk key on those tables.
func FingerprintBeforeUnsignedKeys(ctx context.Context, from, schema string) (string, error) {
	opts := Options{From: from, Schema: schema}
	opts.defaults()
	src, s, err := loadSchema(ctx, &opts, slog.New(slog.DiscardHandler), false)
	if err != nil {
		return "", err
	}
	defer src.Close()
	for _, t := range s.Tables {
		if c := t.column(t.ChunkKey); c != nil && c.DataType == "bigint" && c.Unsigned {
			t.ChunkKey = ""
		}
	}
	return fingerprint(s, opts.Schema), nil
}
