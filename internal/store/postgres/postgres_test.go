package postgres_test

import (
	"context"
	"testing"

	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/storetest"
	"github.com/parleyhq/parley/internal/testenv"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (dial.DB, func(t *testing.T) dial.DB) {
		url := testenv.PostgresURL(t)
		openOne := func(t *testing.T) dial.DB {
			db, err := postgres.Open(context.Background(), url, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
		return openOne(t), openOne
	})
}
