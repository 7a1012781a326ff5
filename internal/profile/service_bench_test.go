package profile_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/profile"
	"github.com/parleyhq/parley/internal/store/dial"
	"github.com/parleyhq/parley/internal/store/postgres"
	"github.com/parleyhq/parley/internal/store/sqlite"
	"github.com/parleyhq/parley/internal/testenv"
)

func engines(b *testing.B) map[string]dial.DB {
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "p.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lite.Close() })
	pg, err := postgres.Open(ctx, testenv.PostgresURL(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { pg.Close() })
	out := map[string]dial.DB{"sqlite": lite, "postgres": pg}
	for _, db := range out {
		if _, err := dial.Up(ctx, db, nil); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// BenchmarkImport measures validating and storing a new version of the
// sample (each iteration changes the document so that a version is written),
// and reading the public view back, on both engines side by side.
func BenchmarkImport(b *testing.B) {
	raw, err := os.ReadFile("testdata/sample.resume.json")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for name, db := range engines(b) {
		svc := profile.NewService(db)
		b.Run("import/"+name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				doc := append([]byte(nil), raw[:len(raw)-2]...)
				doc = append(doc, fmt.Sprintf(`, "x-bench": %d}`, i)...)
				if _, _, err := svc.Import(ctx, "bench", doc, profile.ImportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("public/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := svc.Public(ctx, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
