package dbcopy_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/testenv"
)

func TestSakilaRunVerify(t *testing.T) {
	src, _ := loadSakila(t)
	dst := testenv.PostgresURL(t)
	ctx := context.Background()
	rejects := t.TempDir() + "/rejects.jsonl"

	out, err := runCLI(t, ctx, "plan", "--from", src, "--plan-out", t.TempDir()+"/plan.json")
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	t.Log(out)
	if _, err := runCLI(t, ctx, "run", "--from", src, "--to", dst, "--workers", "2", "--chunk-rows", "2000", "--reject-file", rejects, "--verify"); err != nil {
		t.Fatalf("run --verify: %v", err)
	}
	if out, err := runCLI(t, ctx, "verify", "--from", src, "--to", dst, "--workers", "2"); err != nil {
		t.Fatalf("verify: %v", err)
	} else if !strings.Contains(out, "(0 compared row by row)") {
		// PostgreSQL's chunk digests must agree with Go's on every Sakila
		// type (YEAR, SET, ENUM, GEOMETRY, BLOB, DECIMAL, TIMESTAMP...).
		t.Errorf("verify fell back to the row-by-row comparison:\n%s", out)
	} else {
		t.Log(out)
	}
	checkSakilaValues(t, dst)
}

func checkSakilaValues(t *testing.T, dst string) {
	ctx := context.Background()
	pg := pgConn(t, dst)
	counts := map[string]int64{}
	for _, tbl := range []string{"actor", "film", "rental", "payment", "address", "staff", "film_actor"} {
		var n int64
		if err := pg.QueryRow(ctx, `SELECT count(*) FROM "`+tbl+`"`).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", tbl, err)
		}
		counts[tbl] = n
	}
	// Row counts of the Sakila data file.
	want := map[string]int64{"actor": 200, "film": 1000, "rental": 16044, "payment": 16049, "address": 603, "staff": 2, "film_actor": 5462}
	if d := cmp.Diff(want, counts); d != "" {
		t.Errorf("row counts (-want +got):\n%s", d)
	}

	// Film 1 as written in sakila-data.sql: YEAR, ENUM, SET, DECIMAL, unsigned, TIMESTAMP.
	var year int16
	var rating string
	var features []string
	var rate, cost string
	var length int32
	var lastUpdate time.Time
	err := pg.QueryRow(ctx, `SELECT release_year, rating, special_features, rental_rate::text, replacement_cost::text, length, last_update
		FROM film WHERE film_id = 1`).Scan(&year, &rating, &features, &rate, &cost, &length, &lastUpdate)
	if err != nil {
		t.Fatalf("film 1: %v", err)
	}
	type film struct {
		Year       int16
		Rating     string
		Features   []string
		Rate, Cost string
		Length     int32
		LastUpdate string
	}
	got := film{year, rating, features, rate, cost, length, lastUpdate.UTC().Format(time.DateTime)}
	wantFilm := film{2006, "PG", []string{"Deleted Scenes", "Behind the Scenes"}, "0.99", "20.99", 86, "2006-02-15 05:03:42"}
	if d := cmp.Diff(wantFilm, got); d != "" {
		t.Errorf("film 1 (-want +got):\n%s", d)
	}

	// GEOMETRY: MySQL's internal bytes of address 1 (SRID 0 + WKB point).
	var loc []byte
	if err := pg.QueryRow(ctx, `SELECT location FROM address WHERE address_id = 1`).Scan(&loc); err != nil {
		t.Fatalf("address 1: %v", err)
	}
	if got, want := hex.EncodeToString(loc), "0000000001010000003e0a325d63345cc0761fdb8d99d94840"; got != want {
		t.Errorf("address 1 location = %s, want %s", got, want)
	}

	// BLOB: staff 1 picture is a 36365-byte PNG.
	var pic []byte
	var active bool
	if err := pg.QueryRow(ctx, `SELECT picture, active FROM staff WHERE staff_id = 1`).Scan(&pic, &active); err != nil {
		t.Fatalf("staff 1: %v", err)
	}
	sum := sha256.Sum256(pic)
	if len(pic) != 36365 || hex.EncodeToString(sum[:]) != "99b13e599152127ef7afbcf0330c8ee207f22942f44b0acbb60c0fffc19490e7" || !active {
		t.Errorf("staff 1 picture: %d bytes sha256 %x, active %v", len(pic), sum, active)
	}

	// Identity continues past the maximum; ENUM check holds; ON UPDATE trigger fires.
	var id int32
	if err := pg.QueryRow(ctx, `INSERT INTO actor (first_name, last_name) VALUES ('A', 'B') RETURNING actor_id`).Scan(&id); err != nil || id != 201 {
		t.Errorf("new actor id = %d, %v; want 201", id, err)
	}
	if _, err := pg.Exec(ctx, `UPDATE film SET rating = 'XXX' WHERE film_id = 1`); err == nil {
		t.Errorf("ENUM CHECK missing: rating 'XXX' accepted")
	}
	var updated time.Time
	if err := pg.QueryRow(ctx, `UPDATE actor SET first_name = 'Z' WHERE actor_id = 1 RETURNING last_update`).Scan(&updated); err != nil {
		t.Fatalf("update actor: %v", err)
	}
	if time.Since(updated) > time.Hour {
		t.Errorf("ON UPDATE CURRENT_TIMESTAMP not translated: last_update = %v", updated)
	}
	if _, err := pg.Exec(ctx, `INSERT INTO film_actor (actor_id, film_id) VALUES (99999, 1)`); err == nil {
		t.Errorf("foreign key film_actor -> actor missing")
	}
}
