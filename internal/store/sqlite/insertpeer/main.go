// Command insertpeer is a peer in scripts/bench-turns.sh: the issue's
// reference handler, a net/http server whose POST inserts one row per
// request into SQLite (WAL), either one autocommit INSERT per request
// ("single") or queued to one goroutine that commits whatever is waiting in
// one transaction ("group"). The issue measured 0.29 and 0.51 of /healthz
// for the two on its machine; running them in the same benchmark run as
// parley's full turns shows whether the harness reproduces those figures,
// so that a turns/healthz ratio can be read against them.
//
// It decodes the same JSON body a turn carries and answers a small JSON
// object; there is no session, engine, history or state.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"time"

	_ "modernc.org/sqlite"
)

const schema = `CREATE TABLE IF NOT EXISTS messages (
	id INTEGER PRIMARY KEY,
	session TEXT NOT NULL,
	text TEXT NOT NULL,
	created_at TEXT NOT NULL
)`

const insert = `INSERT INTO messages (session, text, created_at) VALUES (?, ?, ?)`

type row struct {
	session, text string
	at            time.Time
	done          chan error
}

func main() {
	addr := flag.String("addr", "127.0.0.1:9002", "listen address")
	path := flag.String("db", "insertpeer.db", "SQLite file")
	mode := flag.String("mode", "single", `"single" (one autocommit INSERT per request) or "group" (one transaction per batch of waiting requests)`)
	flag.Parse()
	if *mode != "single" && *mode != "group" {
		log.Fatalf("mode: want single or group, got %q", *mode)
	}
	// The same pragmas as parley's SQLite store.
	dsn := "file:" + (&url.URL{Path: *path}).EscapedPath() +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one writer, as SQLite allows
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, schema); err != nil {
		log.Fatal(err)
	}
	stmt, err := db.PrepareContext(ctx, insert)
	if err != nil {
		log.Fatal(err)
	}

	store := func(ctx context.Context, r *row) error {
		_, err := stmt.ExecContext(ctx, r.session, r.text, r.at.UTC().Format(time.RFC3339Nano))
		return err
	}
	if *mode == "group" {
		queue := make(chan *row, 1024)
		go commitGroups(ctx, db, queue)
		store = func(ctx context.Context, r *row) error {
			r.done = make(chan error, 1)
			queue <- r
			select {
			case err := <-r.done:
				return err
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"status":"ok"}`)
	})
	mux.HandleFunc("POST /v1/sessions/{id}/messages", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Text string `json:"text"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil || in.Text == "" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := store(r.Context(), &row{session: r.PathValue("id"), text: in.Text, at: time.Now()}); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok":true}`)
	})
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// commitGroups writes every row waiting in queue in one transaction and
// tells each its outcome.
func commitGroups(ctx context.Context, db *sql.DB, queue chan *row) {
	for first := range queue {
		group := []*row{first}
	drain:
		for len(group) < 128 {
			select {
			case r := <-queue:
				group = append(group, r)
			default:
				break drain
			}
		}
		err := func() error {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
			stmt, err := tx.PrepareContext(ctx, insert)
			if err != nil {
				return err
			}
			for _, r := range group {
				if _, err := stmt.ExecContext(ctx, r.session, r.text, r.at.UTC().Format(time.RFC3339Nano)); err != nil {
					return err
				}
			}
			return tx.Commit()
		}()
		for _, r := range group {
			r.done <- err
		}
	}
}
