// Package dbcopy copies a MySQL/MariaDB or SQLite database into PostgreSQL:
// plan (inspect schema and data, report hazards), run (binary COPY in
// primary-key chunks, parallel workers on one snapshot, checkpointed so a
// killed run resumes) and verify (per-chunk checksums over normalised values).
// A Parley SQLite database is copied into the schema of Parley's own
// PostgreSQL migrations instead of tables derived from the source (see
// existing.go), so that `parley serve` runs on the copy.
package dbcopy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"

	"golang.org/x/term"

	"github.com/parleyhq/parley/internal/apperr"
)

const usage = `parley dbcopy: copy a MySQL/MariaDB or SQLite database into PostgreSQL.

Usage:
  parley dbcopy plan   --from SOURCE --to postgres://... [--plan-out plan.json]
  parley dbcopy run    --from SOURCE --to postgres://... [--reject-file rejects.jsonl] [--verify]
  parley dbcopy verify --from SOURCE --to postgres://...

SOURCE is mysql://USER[:PASS]@HOST:PORT/DB (MySQL 8 or MariaDB) or sqlite:PATH.

plan    reads the schema and every row, prints the target schema, the type
        chosen for each column and every hazard (zero dates, unsigned overflow,
        tinyint(1) values other than 0/1, invalid UTF-8, NUL bytes, ENUM '',
        SET values, long identifiers, columns named like PostgreSQL's
        system columns (xmin, ctid, ...: renamed with a "_"), SQLite
        tables and columns named "" (renamed "_"), key values
        past the 2704 bytes of a PostgreSQL btree entry, SQLite keys
        holding both 1 and '1' (or two spellings of one boolean or time,
        1 and 'yes': run stops on such a primary key, leaves such a
        unique index out with a warning naming the value), tables of
        more than 1600 columns, which run refuses before writing
        anything, ...) with row counts and the first offending value.
        Writes nothing.
run     creates the tables (with their comments), copies rows with binary
        COPY in chunks of an integer primary key on parallel workers (a
        BIGINT UNSIGNED key with values above 2^63-1 makes its table one
        chunk; plan notes it), then builds keys, indexes, foreign keys,
        identity sequences, CHECKs for ENUM/SET and ON UPDATE triggers.
        Index and sequence names are made unique in the schema (MySQL
        scopes index names per table). A foreign key whose child rows lack
        a parent is kept NOT VALID, with a warning; a key or index whose
        values are too long for PostgreSQL is left out, with a warning,
        but for a unique index on one column (MariaDB's UNIQUE on TEXT or
        BLOB), kept as an exclusion constraint using hash, with a warning.
        Views are recreated after the tables (views read by others
        first) when their SQL translates: names quoted as the copy made
        them, functions that behave alike (IFNULL as coalesce, UCASE as
        upper, count, sum, ...), MySQL's IF(c,a,b) as CASE (a number c
        true when not 0, NULL false), a comparison (=, IS NULL, IN,
        LIKE, ...) as a SELECT item or SUM/AVG/MAX/MIN argument made an
        integer 1/0 as MySQL and SQLite give it (a SQLite item without
        AS named by its text, as SQLite names it), a number standing as
        a condition (WHERE d.flag, CASE WHEN n, NOT qty) as (x) <> 0, a
        boolean column (tinyint(1), SQLite BOOLEAN) beside a number's
        operator (active = 1) or summed made an integer, a SELECT alias
        in MySQL's HAVING as its expression, IFNULL/COALESCE with a
        string argument as coalesce of texts (IFNULL(room_no, '?')),
        SQLite's min()/max() of one argument (text by bytes; of several
        refused), LIMIT m,n as LIMIT n OFFSET m,
        CAST to SIGNED (bigint; a text column's leading integer, as
        MySQL reads it), UNSIGNED (of an integer column:
        negatives wrapped around 2^64), CHAR[(n)], DATE, DATETIME[(n)]
        (MariaDB's cut fraction of a second kept; of text refused, as
        MySQL reads '20240131' and gives NULL for ''), DECIMAL[(p[,s])]
        (DECIMAL alone is DECIMAL(10,0); of a text column, its leading
        number as MySQL reads it, '' and 'abc' 0), DOUBLE and FLOAT as
        PostgreSQL's types; CONCAT as || of texts (NULL if an argument
        is, as in MySQL), CONCAT_WS as concat_ws, GROUP_CONCAT([DISTINCT]
        ... [ORDER BY ...] [SEPARATOR 's']) as string_agg (NULL keys
        first, as MySQL sorts them), SUBSTR/SUBSTRING/MID from a positive
        position (a negative length gives ''), LENGTH as octet_length
        (not of a column in a charset other than UTF-8 or ASCII),
        GREATEST and LEAST NULL when an argument is, LOCATE/INSTR/
        POSITION as strpos (from a position too), LEFT and RIGHT ('' for
        a negative count); of DATE and DATETIME columns (not TIMESTAMP,
        read in the session's time zone, nor strings or numbers):
        DATE_FORMAT as to_char for the specifiers (each after a percent
        sign) Y y m c d e H k h I l i s S f M b W a j p T r D v x and the
        percent sign itself (English names, MySQL's default
        lc_time_names), DATE_ADD/DATE_SUB/ADDDATE/TIMESTAMPADD
        (d + INTERVAL n unit) for SECOND to YEAR, n an integer or an
        integer column (month ends clamped as MySQL does, a DATE plus
        days, months or years staying a DATE, NULL past 9999-12-31), TIMESTAMPDIFF for SECOND,
        MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER and YEAR (toward zero,
        whole months counted by day of month and time as MySQL does);
        GROUP BY ... WITH ROLLUP as GROUP BY ROLLUP(...). The arguments
        these make text must read as MySQL writes them: not columns
        that are boolean, bytea, timestamptz, timestamp with fractions,
        float, interval, array or JSON, nor comparisons, TRUE, AVG,
        CURRENT_TIMESTAMP or numbers in E notation. A grouped view's
        columns neither grouped, aggregated nor of a table whose primary
        key is grouped (which MySQL takes from any row of the group)
        read as (array_agg(col))[1] (with ROLLUP, such a view is not
        created). With --zero-dates null, a MySQL view reading a column
        that holds zero dates other than as a whole SELECT item (IS NULL,
        = '0000-00-00', <, COUNT) is not created: MySQL takes a zero date
        for a date, and the NULL it became would give other rows. A view
        using anything else (MySQL's /, ||, DIV,
        SOUNDEX, CAST to BINARY or TIME, DATE_FORMAT's U (week), INTERVAL
        HOUR_MINUTE, SQLite's datetime(), ...) is not created, and plan
        and run say why and where its SELECT is, as a translated view
        PostgreSQL refuses is a warning; a MySQL view comparing or
        sorting text (LOCATE too, but of binary-collated columns) is
        noted (MySQL compared by collation), as is one with GROUP_CONCAT
        (MySQL cuts it at group_concat_max_len). All seven Sakila views
        translate.
        What it does not translate is listed to port by hand: views
        as said, triggers, routines, events, MariaDB sequences, CHECK constraints
        PostgreSQL would read differently (built when they compare
        numbers, test NULL and combine with AND/OR/NOT; in SQLite text
        equality, lower(), upper() and length() too), FULLTEXT and
        SPATIAL indexes, geometry columns (their bytes are copied as
        bytea), MariaDB's WITHOUT OVERLAPS keys (built as plain unique
        keys), expression defaults, generated columns' and partitioning's
        expressions, system versioning's history, MyISAM per-group
        AUTO_INCREMENT (the generated and current rows themselves are
        copied), prefix primary keys (built on whole columns, with a
        unique index on their prefixes), SQLite ON CONFLICT clauses of
        constraints, SQLite collations of the application's own (read
        with a case-insensitive stand-in, e.g. Anki's unicase),
        FEDERATED, CONNECT and SPIDER tables (their rows copied into a
        plain table), MERGE tables (not copied: their rows are their
        tables', which are; --copy-merge-tables copies them anyway),
        SQLite expression and partial indexes PostgreSQL would read
        differently (text ordering, NOCASE columns, LIKE, functions other
        than lower, upper and length: reported with their SQL; the rest
        are built, a partial UNIQUE index staying partial) and foreign
        keys between columns of types PostgreSQL cannot compare (a SQLite
        TEXT column referencing an INTEGER key). Descending index columns
        stay descending; a MySQL UNIQUE prefix index becomes a unique
        index on left(column, n), a plain one on TEXT/BLOB an index on
        left(column, n), other plain ones are built on whole columns. A
        SQLite INTEGER PRIMARY KEY that is not the rowid (WITHOUT ROWID,
        or declared DESC) is no identity and is chunked only when it holds
        integers alone.
        Values that cannot be copied exactly are never changed (zero dates,
        MySQL's "no date", become NULL: see below): their rows go
        to the reject file, each reason ending with the line of a --mapping
        file that copies the value (e.g. columns: {"posts.at": {target:
        "text", convert: text}}). MySQL INVISIBLE columns are copied as
        ordinary columns and reported. A BIGINT UNSIGNED column holding
        values past 9223372036854775807 becomes numeric(20,0) rather than
        bigint (so do the integer columns its foreign keys pair it with;
        plan lists them as unsigned_numeric), the others stay bigint; a
        --mapping rule for bigint unsigned decides otherwise. Zero dates ('0000-00-00 00:00:00': "no date"
        in MySQL, no value PostgreSQL has) become NULL by default, as
        pgloader's zero-dates-to-null does, and plan counts them
        (zero_date_null); NOT NULL is dropped from columns whose default is
        a zero date (WordPress), and a zero date in another NOT NULL column
        is rejected. --zero-dates=reject rejects them all; a date with a
        zero month or day only ('2024-00-00') is always rejected (NULL
        would lose its year; its reject line names the mapping to text).
        SQLite DATETIME, TIMESTAMP and DATE columns may hold Unix seconds,
        Unix milliseconds (integers from 1e11 on, year 5138 in seconds:
        plan counts them as epoch_milliseconds), REAL Julian days, or text
        in the forms SQLite's date functions read; all are copied as the
        instant SQLite's datetime() gives, rounded to the millisecond for a
        Julian day as SQLite does (a REAL outside the Julian day range is
        Unix seconds with a fraction). Progress is checkpointed in the target schema
        _parley_dbcopy: after a crash or kill -9, run again to continue.
        With --verify, PostgreSQL digests each chunk as stored once the keys
        are built and run compares that with the rows it sent; a mismatch is
        compared row by row and reported, and run then exits non-zero.
verify  compares row counts and checksums of every chunk on both sides and
        fails when anything differs. Values compare in the target type's
        terms: text sent into a uuid, inet, cidr, macaddr, boolean, number,
        jsonb or char(n) column (a --mapping or --into-existing choice)
        agrees with PostgreSQL's spelling of the same value (an uppercase
        UUID, reordered jsonb keys, 3.5 in numeric(10,2)); such text the
        type does not read is rejected.

A Parley database (SQLite with goose_db_version, profiles, profile_versions)
is recognised: run first applies Parley's PostgreSQL migrations to the
target (as "parley migrate up" would), then copies every table except
goose_db_version into those tables, converting each value to the target
column's type (RFC 3339 text to timestamptz, 0/1 to boolean, JSON text to
jsonb). Afterwards "parley serve" with DATABASE_URL set to the target runs
on it unchanged; keep PARLEY_AUTH_PEPPER (or the data directory's pepper
file) and PARLEY_PUBLIC_URL so that API keys and issued tokens stay valid.
plan and verify on a Parley database need a migrated target.
--into-existing does the same for any source: rows go by column name into
tables that already exist in the target (no DDL; sequences are moved past
the copied keys). The target tables must be empty; --restart empties them.

Examples:
  parley dbcopy plan --from mysql://app:secret@db1:3306/shop --to postgres://pg/shop --plan-out plan.json
  parley dbcopy run --from mysql://app@db1:3306/shop --to postgres://pg/shop --workers 4 --reject-file rejects.jsonl
  parley dbcopy verify --from mysql://app@db1:3306/shop --to postgres://pg/shop
  parley dbcopy run --from sqlite:./data/parley.db --to postgres://pg/parley   # a Parley installation
  parley dbcopy verify --from sqlite:./data/parley.db --to postgres://pg/parley
  parley dbcopy run ... --mapping overrides.yaml   # e.g. a column kept as text, bigint unsigned to numeric

Run "parley dbcopy COMMAND --help" for the flags of a command.
`

// Main runs "parley dbcopy" with args (after "dbcopy"). A non-nil error
// means the command failed (for verify: a difference was found).
func Main(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return apperr.New(apperr.Invalid, "dbcopy needs a command: plan, run or verify")
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	fs := flag.NewFlagSet("dbcopy "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts Options
	var planOut, format string
	fs.StringVar(&opts.From, "from", "", "source: mysql://USER[:PASS]@HOST:PORT/DB or sqlite:PATH")
	fs.StringVar(&opts.To, "to", "", "target: postgres://USER@HOST:PORT/DB")
	fs.StringVar(&opts.Schema, "schema", "public", "target PostgreSQL schema")
	fs.StringVar(&opts.Mapping, "mapping", "", "YAML file of type or column mapping overrides (see plan output for the built-in rules; each rejected value names the line that copies it)")
	fs.BoolVar(&opts.IntoExisting, "into-existing", false, "copy into tables that already exist in the target, converting to their column types (implied for a Parley database)")
	fs.StringVar(&opts.ZeroDates, "zero-dates", "null", "MySQL zero dates ('0000-00-00', '0000-00-00 00:00:00'): null stores NULL (as pgloader's zero-dates-to-null; plan counts them, NOT NULL is dropped where the default is one) or reject sends their rows to the reject file; dates with only a zero month or day ('2024-00-00') are rejected either way, as NULL would lose their year")
	fs.BoolVar(&opts.CopyMergeTables, "copy-merge-tables", false, "copy MySQL MERGE tables as plain tables (their rows are their tables' rows a second time); left out by default")
	fs.Int64Var(&opts.ChunkRows, "chunk-rows", 50000, "rows per chunk (one COPY transaction and one checkpoint each)")
	fs.IntVar(&opts.Workers, "workers", 4, "parallel workers (SQLite sources read with one)")
	fs.StringVar(&format, "format", "text", "summary format on stdout: text or json")
	switch cmd {
	case "plan":
		fs.StringVar(&planOut, "plan-out", "", "also write the plan as JSON to this file")
	case "run":
		fs.StringVar(&opts.RejectFile, "reject-file", "dbcopy-rejects.jsonl", "JSON lines file listing rejected values (table, key, column, reason)")
		fs.BoolVar(&opts.Restart, "restart", false, "drop the tables and checkpoint of a previous run and start over")
		fs.BoolVar(&opts.Verify, "verify", false, "check every chunk as it is copied (PostgreSQL digests what it stored; differences make the run fail)")
	case "verify":
		fs.IntVar(&opts.Sample, "sample", 100, "rows per table compared value by value")
	default:
		fmt.Fprint(stderr, usage)
		return apperr.New(apperr.Invalid, "unknown dbcopy command %q: want plan, run or verify", cmd)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: parley dbcopy %s --from SOURCE --to postgres://... [flags]\n\nFlags:\n", cmd)
		fs.PrintDefaults()
	}
	// What Parse prints goes to stdout when help was asked for (so that it
	// pipes into a pager or grep), to stderr when it reports a mistake.
	var parsed bytes.Buffer
	fs.SetOutput(&parsed)
	err := fs.Parse(rest)
	fs.SetOutput(stderr)
	w := stderr
	if errors.Is(err, flag.ErrHelp) {
		w = stdout
	}
	if _, werr := w.Write(parsed.Bytes()); werr != nil && err == nil {
		err = werr
	}
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return apperr.New(apperr.Invalid, "%v", err)
	}
	if opts.From == "" || (opts.To == "" && cmd != "plan") {
		fs.Usage()
		return apperr.New(apperr.Invalid, "--from and --to are required")
	}
	// A copy allocates a little per value and keeps little: collecting
	// less often saves about an eighth of the client's CPU (GOGC 400 against
	// 100 on 1 M rows, heap 55-62 MB instead of 43), and the soft memory
	// limit keeps the heap within the 1 GB goal whatever the rows hold.
	// The user's GOGC and GOMEMLIMIT win; the old settings come back after.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(768 << 20))
	}
	prog := newProgress(stderr, logger)
	switch cmd {
	case "plan":
		return runPlan(ctx, opts, planOut, format, stdout, logger, prog)
	case "run":
		return runRun(ctx, opts, format, stdout, logger, prog)
	}
	return runVerify(ctx, opts, format, stdout, logger, prog)
}

func newProgress(stderr io.Writer, logger *slog.Logger) *Progress {
	f, ok := stderr.(*os.File)
	return &Progress{W: stderr, Terminal: ok && term.IsTerminal(int(f.Fd())), Logger: logger}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runPlan(ctx context.Context, opts Options, planOut, format string, stdout io.Writer, logger *slog.Logger, prog *Progress) error {
	p, err := MakePlan(ctx, opts, logger, prog)
	if err != nil {
		return err
	}
	if planOut != "" {
		f, err := os.Create(planOut)
		if err != nil {
			return apperr.Wrap(apperr.Invalid, err, "create plan file: %v", err)
		}
		if err := writeJSON(f, p); err != nil {
			f.Close()
			return fmt.Errorf("write plan: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write plan: %w", err)
		}
	}
	if format == "json" {
		return writeJSON(stdout, p)
	}
	p.WriteText(stdout)
	return nil
}

func runRun(ctx context.Context, opts Options, format string, stdout io.Writer, logger *slog.Logger, prog *Progress) error {
	res, err := Run(ctx, opts, logger, prog)
	if err != nil {
		return err
	}
	if format == "json" {
		if err := writeJSON(stdout, res); err != nil {
			return err
		}
		return verifyFailed(res.Differences)
	}
	fmt.Fprintf(stdout, "copied %d rows of %d tables (resumed: %v, one shared snapshot: %v)\n", res.Rows, res.Tables, res.Resumed, res.SnapshotShared)
	if res.Rejected > 0 {
		fmt.Fprintf(stdout, "REJECTED %d rows: values that cannot be copied exactly are listed in %s, each with the --mapping line that copies it\n", res.Rejected, opts.RejectFile)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stdout, "warning: %s\n", w)
	}
	for _, m := range res.Manual {
		fmt.Fprintf(stdout, "port by hand: %s %s %s\n", m.Kind, m.Name, m.Detail)
	}
	if res.Verified {
		fmt.Fprintf(stdout, "verified every chunk (%d compared row by row): %d differences\n", res.RowByRow, len(res.Differences))
	}
	for _, d := range res.Differences {
		fmt.Fprintf(stdout, "DIFFERENCE: %s\n", d)
	}
	return verifyFailed(res.Differences)
}

func verifyFailed(diffs []string) error {
	if len(diffs) > 0 {
		return apperr.New(apperr.Conflict, "verify found %d differences", len(diffs))
	}
	return nil
}

func runVerify(ctx context.Context, opts Options, format string, stdout io.Writer, logger *slog.Logger, prog *Progress) error {
	res, err := Verify(ctx, opts, logger, prog)
	if err != nil {
		return err
	}
	if format == "json" {
		if err := writeJSON(stdout, res); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "verified %d tables, %d chunks (%d compared row by row): source %d rows (+%d rejected), target %d rows, %d rows sampled\n",
			res.Tables, res.Chunks, res.RowByRow, res.SourceRows, res.Rejected, res.TargetRows, res.Sampled)
		for _, d := range res.Differences {
			fmt.Fprintf(stdout, "DIFFERENCE: %s\n", d)
		}
	}
	return verifyFailed(res.Differences)
}
