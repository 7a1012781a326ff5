package dbcopy

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/store/dial"
)

// Into-existing mode: the target tables already exist (created by Parley's
// own PostgreSQL migrations, or by the user) and rows are copied into them
// by column name, each value converted to the type the target column has.
// A copy that created its own tables would give a Parley database TEXT
// times and 0/1 integers where Parley's PostgreSQL store expects
// timestamptz, boolean and jsonb, and no goose version table: `parley
// serve` would not run on it.

// gooseTable is goose's version table; a Parley target has its own.
const gooseTable = "goose_db_version"

// parleyTables are the tables whose presence (with goose's version table)
// marks a source as a Parley database.
var parleyTables = []string{gooseTable, "profiles", "profile_versions"}

// isParley reports whether s is a Parley database.
func isParley(s *Schema) bool {
	for _, name := range parleyTables {
		if !slices.ContainsFunc(s.Tables, func(t *Table) bool { return t.Name == name }) {
			return false
		}
	}
	return true
}

// versioner is implemented by sources that can report the newest applied
// goose migration.
type versioner interface {
	gooseVersion(ctx context.Context) (int64, error)
}

// targetConverters chooses the converter for a target column's base type
// (pg_type.typname).
var targetConverters = map[string]string{
	"bool": "bool01", "int2": "int", "int4": "int", "int8": "int",
	"numeric": "numeric", "float4": "float4", "float8": "float8",
	"text": "text", "varchar": "text", "bpchar": "text", "name": "text", "citext": "text",
	"json": "json", "jsonb": "jsonb", "bytea": "bytes",
	"timestamptz": "timestamp", "timestamp": "timestamp", "date": "date", "interval": "interval",
	"_text": "set", "_varchar": "set",
}

// mapExisting maps s onto the tables the target already has. For a Parley
// source it first brings the target's Parley schema up to date (when
// migrate is set) or checks that it is (plan, verify), and leaves out
// goose's version table.
func mapExisting(ctx context.Context, opts *Options, src Source, s *Schema, m *Mapping, logger *slog.Logger, migrate bool) error {
	if opts.To == "" {
		return apperr.New(apperr.Invalid, "--to is required when copying into existing tables (a Parley database always is)")
	}
	if opts.parley {
		if opts.Schema != "public" {
			return apperr.New(apperr.Invalid, "a Parley database is copied into schema public, where parley serve looks for it (drop --schema)")
		}
		if err := parleyTarget(ctx, opts.To, src, migrate, logger); err != nil {
			return err
		}
		s.Tables = slices.DeleteFunc(s.Tables, func(t *Table) bool { return t.Name == gooseTable })
	}
	conn, err := connectTarget(ctx, opts.To)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for _, t := range s.Tables {
		if err := mapTable(ctx, conn, opts.Schema, t, m); err != nil {
			return err
		}
	}
	return nil
}

func connectTarget(ctx context.Context, raw string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(raw)
	if err != nil {
		return nil, apperr.New(apperr.Invalid, "bad --to URL: %v", err)
	}
	maps.Copy(cfg.RuntimeParams, digestSession)
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "connect target: %v", err)
	}
	return conn, nil
}

// parleyTarget runs (or, without migrate, checks) Parley's PostgreSQL
// migrations on the target and refuses a source newer than this binary.
func parleyTarget(ctx context.Context, to string, src Source, migrate bool, logger *slog.Logger) error {
	db, err := dial.Open(ctx, to, "", logger)
	if err != nil {
		return fmt.Errorf("open target store: %w", err)
	}
	defer db.Close()
	if migrate {
		if _, err := dial.Up(ctx, db, logger); err != nil {
			return fmt.Errorf("migrate target: %w", err)
		}
	}
	st, err := dial.Status(ctx, db, logger)
	if err != nil {
		return fmt.Errorf("target migration status: %w", err)
	}
	var newest int64
	for _, m := range st {
		if !m.Applied {
			return apperr.New(apperr.Invalid, "the target's Parley schema is not up to date (migration %d pending): run `parley dbcopy run` (it migrates) or `parley migrate up` with DATABASE_URL set to the target", m.Version)
		}
		newest = max(newest, m.Version)
	}
	if v, ok := src.(versioner); ok {
		sv, err := v.gooseVersion(ctx)
		if err != nil {
			return err
		}
		if sv > newest {
			return apperr.New(apperr.Invalid, "the source database has migration %d, newer than this parley binary knows (%d): copy with the parley version that wrote it", sv, newest)
		}
	}
	return nil
}

// mapTable fills t's target names, types and converters from the target table.
func mapTable(ctx context.Context, conn *pgx.Conn, schema string, t *Table, m *Mapping) error {
	t.Target = pgIdent(t.Name)
	// A domain converts as its base type (a domain over a domain: as
	// the innermost), the CHECK of the domain deciding the rest.
	rows, err := conn.Query(ctx, `WITH RECURSIVE base(oid, typ) AS (
			SELECT a.atttypid, a.atttypid FROM pg_attribute a
			WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
			UNION SELECT b.oid, ty.typbasetype FROM base b JOIN pg_type ty ON ty.oid = b.typ WHERE ty.typtype = 'd')
		SELECT a.attname, format_type(a.atttypid, a.atttypmod), bt.typname
		FROM pg_attribute a JOIN base b ON b.oid = a.atttypid JOIN pg_type bt ON bt.oid = b.typ AND bt.typtype <> 'd'
		WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`, qualified(schema, t.Target))
	if err != nil {
		return fmt.Errorf("columns of target %s: %w", t.Target, err)
	}
	type col struct{ typ, base string }
	cols := map[string]col{}
	for rows.Next() {
		var name string
		var c col
		if err := rows.Scan(&name, &c.typ, &c.base); err != nil {
			return fmt.Errorf("columns of target %s: %w", t.Target, err)
		}
		cols[name] = c
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("columns of target %s: %w", t.Target, err)
	}
	if len(cols) == 0 {
		return apperr.New(apperr.Invalid, "table %s does not exist in the target; create it first (for Parley: parley migrate up)", qualified(schema, t.Target))
	}
	var unknown, entries []string
	for _, c := range t.Columns {
		c.Target = pgIdent(c.Name)
		tc, ok := cols[c.Target]
		if !ok {
			return apperr.New(apperr.Invalid, "target table %s has no column %s for source column %s.%s", t.Target, c.Target, t.Name, c.Name)
		}
		c.TargetType, c.Convert, c.baseType = tc.typ, targetConverters[tc.base], tc.base
		c.ZeroDate = m.zeroDate(Rule{Convert: c.Convert})
		c.ruleKey = t.Name + "." + c.Name
		if r, ok := m.Columns[c.ruleKey]; ok {
			c.Convert, c.ZeroDate, c.NulBytes = r.Convert, m.zeroDate(r), r.NulBytes
		}
		if c.Convert == "" {
			unknown = append(unknown, fmt.Sprintf("%s.%s has type %s", t.Target, c.Target, tc.typ))
			entries = append(entries, columnEntry(c.ruleKey, tc.typ, "text"))
			continue
		}
		c.conv = converters[c.Convert]
	}
	if len(unknown) > 0 {
		// Every such column at once: the user writes one mapping file.
		return apperr.New(apperr.Invalid, "target column %s, which dbcopy does not convert to; name a converter with --mapping FILE holding the line columns: {%s} "+
			"(text sends the source's text, which PostgreSQL reads as it reads a literal; for uuid, inet, cidr, macaddr, boolean, numbers and jsonb "+
			"verify compares values, so an uppercase UUID agrees with PostgreSQL's lowercase one, and other types compare the text; convert is one of %s, chosen by the values the source holds)",
			strings.Join(unknown, ", "), strings.Join(entries, ", "), converterNames())
	}
	return nil
}

// checkEmpty refuses to copy into a target table that already holds rows:
// the copy would mix with them and verify could never agree.
func checkEmpty(ctx context.Context, tx pgx.Tx, schema string, t *Table) error {
	var exists, rows bool
	q := qualified(schema, t.Target)
	if err := tx.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", q).Scan(&exists); err != nil {
		return fmt.Errorf("check %s: %w", t.Target, err)
	}
	if !exists {
		return apperr.New(apperr.Invalid, "table %s does not exist in the target", q)
	}
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM "+q+")").Scan(&rows); err != nil {
		return fmt.Errorf("check %s: %w", t.Target, err)
	}
	if rows {
		return apperr.New(apperr.Conflict, "table %s in the target already holds rows; empty it or run with --restart (which empties it)", q)
	}
	return nil
}

// truncateAll empties the copied tables and drops the checkpoint, for
// --restart into existing tables (the tables themselves are kept).
func truncateAll(ctx context.Context, pool *pgxpool.Pool, schema string, s *Schema) error {
	var names []string
	for _, t := range s.Tables {
		var exists bool
		if err := pool.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", qualified(schema, t.Target)).Scan(&exists); err != nil {
			return fmt.Errorf("check %s: %w", t.Target, err)
		}
		if exists {
			names = append(names, qualified(schema, t.Target))
		}
	}
	if len(names) > 0 {
		if _, err := pool.Exec(ctx, "TRUNCATE "+strings.Join(names, ", ")); err != nil {
			return fmt.Errorf("empty target tables: %w", err)
		}
	}
	if _, err := pool.Exec(ctx, `DROP SCHEMA IF EXISTS `+ckSchema+` CASCADE`); err != nil {
		return fmt.Errorf("drop checkpoint: %w", err)
	}
	return nil
}

// sequenceSteps moves every sequence owned by a copied integer column past
// the column's maximum, so that the application's next insert does not
// collide with a copied row.
func sequenceSteps(schema string, s *Schema) []postStep {
	var steps []postStep
	for _, t := range s.Tables {
		q := qualified(schema, t.Target)
		for _, c := range t.Columns {
			if c.Convert != "int" {
				continue
			}
			steps = append(steps, postStep{name: "sequence:" + t.Name + "." + c.Name, phase: 1, run: func(ctx context.Context, tx pgx.Tx) error {
				var seq sql.NullString
				if err := tx.QueryRow(ctx, "SELECT pg_get_serial_sequence($1, $2)", q, c.Target).Scan(&seq); err != nil {
					return err
				}
				if !seq.Valid {
					return nil
				}
				_, err := tx.Exec(ctx, setvalSQL(quoteLiteral(seq.String), q, quoteIdent(c.Target), max(t.AutoInc, 1)))
				return err
			}})
		}
	}
	return steps
}
