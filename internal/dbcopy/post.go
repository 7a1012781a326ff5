package dbcopy

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/errgroup"
)

// postStep is one piece of schema built after the data: keys, indexes,
// sequences, checks, triggers, foreign keys. Each commits with its record
// in the checkpoint, so a resumed run skips what is done.
type postStep struct {
	name  string
	phase int  // 1: per table, in parallel; 2: foreign keys, one at a time
	soft  bool // a failure is a warning, not an error
	run   func(ctx context.Context, tx pgx.Tx) error
}

func triggerFuncName(t *Table) string { return pgIdent("parley_on_update_" + t.Target) }

func exec(sql string) func(context.Context, pgx.Tx) error {
	return func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, sql)
		return err
	}
}

// uniqueOrExclude runs create, a unique index on one column; where its
// values are too long for a btree entry (MariaDB keeps a UNIQUE key on a
// TEXT or BLOB as a hash, so it holds any length) it keeps the uniqueness
// with exclude, an exclusion constraint on a hash index, which stores a
// value's hash and compares whole values, NULLs never equal: what UNIQUE
// refuses, it refuses.
func uniqueOrExclude(create func(context.Context, pgx.Tx) error, exclude string) func(context.Context, pgx.Tx) error {
	return func(ctx context.Context, tx pgx.Tx) error {
		sp, err := tx.Begin(ctx) // a savepoint: the failed CREATE INDEX must not end tx
		if err != nil {
			return err
		}
		err = create(ctx, sp)
		var pgErr *pgconn.PgError
		if err == nil || !errors.As(err, &pgErr) || pgErr.Code != "54000" {
			if err != nil {
				_ = sp.Rollback(ctx)
				return err
			}
			return sp.Commit(ctx)
		}
		if err := sp.Rollback(ctx); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, exclude); err != nil {
			return err
		}
		return &stepNote{msg: "values too long for a unique btree index (" + pgErr.Message + "): uniqueness kept by an exclusion constraint using hash, which ON CONFLICT and foreign keys cannot use"}
	}
}

// postSteps lists the steps for s and the objects it leaves for manual porting.
func postSteps(schema string, s *Schema) ([]postStep, []Manual) {
	var steps []postStep
	var manual []Manual
	byName := map[string]*Table{}
	for _, t := range s.Tables {
		byName[t.Name] = t
	}
	for _, t := range s.Tables {
		q := qualified(schema, t.Target)
		if len(t.PK) > 0 {
			steps = append(steps, postStep{name: "pk:" + t.Name, phase: 1, run: exec(fmt.Sprintf(
				"ALTER TABLE %s ADD CONSTRAINT %s PRIMARY KEY (%s)", q, quoteIdent(t.pkTarget()), columnList(t, t.PK)))})
			if t.PKPrefix {
				// The key on whole columns is weaker than MySQL's on
				// prefixes: a unique index on the prefixes keeps the rest.
				d := "prefix primary key created on whole columns, with a unique index on left(column, n) beside it, as unique as MySQL's"
				keys, err := prefixKeys(t, t.PK, t.pkSub, nil)
				if err != nil {
					d = "prefix primary key created on whole columns: PostgreSQL accepts rows that differ only past the prefix, which MySQL refused (" + err.Error() + ")"
				} else {
					steps = append(steps, postStep{name: "pkprefix:" + t.Name, phase: 1, soft: true, run: exec(fmt.Sprintf(
						"CREATE UNIQUE INDEX %s ON %s (%s)", quoteIdent(t.pkPrefixName), q, keys))})
				}
				manual = append(manual, Manual{Kind: "primary_key", Name: t.Name, Detail: d})
			}
		}
		for _, ix := range t.Indexes {
			if ix.Kind == "FULLTEXT" || ix.Kind == "SPATIAL" {
				manual = append(manual, Manual{Kind: "index", Name: t.Name + "." + ix.Name, Detail: ix.Kind + " index not created (use a GIN/GiST index in PostgreSQL)"})
				continue
			}
			keys, where, notes, err := indexKeys(t, ix)
			name := t.Name + "." + ix.Name
			if err != nil {
				what := "index"
				if ix.Kind == "EXPRESSION" || ix.Kind == "PARTIAL" {
					what = strings.ToLower(ix.Kind) + " index"
				}
				d := fmt.Sprintf("%s not created (%v)", what, err)
				if ix.Def != "" {
					d += "; source: " + ix.Def
				}
				manual = append(manual, Manual{Kind: "index", Name: name, Detail: d})
				continue
			}
			for _, n := range notes {
				manual = append(manual, Manual{Kind: "index", Name: name, Detail: n})
			}
			uniq := ""
			if ix.Unique {
				uniq = "UNIQUE "
			}
			if where != "" {
				where = " WHERE " + where
			}
			create := exec(fmt.Sprintf("CREATE %sINDEX %s ON %s (%s)%s", uniq, quoteIdent(ix.indexTarget(t)), q, keys, where))
			if c := t.column(ix.Columns[0]); ix.Unique && len(ix.Columns) == 1 && c != nil && keys == quoteIdent(c.Target) {
				create = uniqueOrExclude(create, fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s EXCLUDE USING hash (%s WITH =)%s",
					q, quoteIdent(ix.indexTarget(t)), keys, where))
			}
			steps = append(steps, postStep{name: "index:" + name, phase: 1, soft: true, run: create})
		}
		steps = append(steps, columnSteps(schema, t)...)
		checks, notes := checkSteps(schema, t, s.Engine == "mysql")
		steps, manual = append(steps, checks...), append(manual, notes...)
		for _, fk := range t.FKs {
			ref := byName[fk.RefTable]
			if ref == nil {
				manual = append(manual, Manual{Kind: "foreign_key", Name: t.Name + "." + fk.Name, Detail: "references " + fk.RefTable + ", which is not copied"})
				continue
			}
			if !uniqueKey(ref, fk.RefColumns) {
				manual = append(manual, Manual{Kind: "foreign_key", Name: t.Name + "." + fk.Name,
					Detail: fmt.Sprintf("references %s (%s), which no primary or unique key covers (InnoDB allows it); PostgreSQL needs one: add a UNIQUE key there, or enforce this one with a trigger",
						fk.RefTable, strings.Join(fk.RefColumns, ", "))})
				continue
			}
			if d := fkTypeMismatch(t, ref, fk); d != "" {
				manual = append(manual, Manual{Kind: "foreign_key", Name: t.Name + "." + fk.Name, Detail: d})
				continue
			}
			steps = append(steps, postStep{name: "fk:" + t.Name + "." + fk.Name, phase: 2, soft: true, run: fkStep(schema, t, ref, fk)})
		}
	}
	views, notes := viewSteps(schema, s)
	return append(steps, views...), append(manual, notes...)
}

// uniqueKey: cols are, in any order, the columns of t's primary key or of
// one of its unique indexes, as a PostgreSQL foreign key requires.
func uniqueKey(t *Table, cols []string) bool {
	same := func(key []string) bool {
		if len(key) != len(cols) {
			return false
		}
		for _, k := range key {
			if !slices.Contains(cols, k) {
				return false
			}
		}
		return true
	}
	if same(t.PK) {
		return true
	}
	for _, ix := range t.Indexes {
		// A prefix or partial unique index is no key a foreign key can use.
		if ix.Unique && ix.Kind != "EXPRESSION" && ix.Kind != "PARTIAL" && !ix.Prefix && same(ix.Columns) {
			return true
		}
	}
	return false
}

// fkTypeMismatch says why PostgreSQL cannot compare a foreign key's columns
// with the ones it references ("foreign key constraint ... cannot be
// implemented"), or "". SQLite keys hold values of any declared type: a
// TEXT column may reference an INTEGER key.
func fkTypeMismatch(t, ref *Table, fk *ForeignKey) string {
	for i, name := range fk.Columns {
		c, rc := t.column(name), ref.column(fk.RefColumns[i])
		if c == nil || rc == nil || typeFamily(c.TargetType) == typeFamily(rc.TargetType) {
			continue
		}
		return fmt.Sprintf("%s.%s is %s and %s.%s is %s, which PostgreSQL cannot compare; key not created: "+
			"give both one type with --mapping FILE holding the line %s and run again, or create it by hand",
			t.Name, c.Name, c.TargetType, ref.Name, rc.Name, rc.TargetType, columnRule(t.Name+"."+c.Name, rc.TargetType, rc.Convert))
	}
	return ""
}

// typeFamily groups the target types whose values a PostgreSQL foreign key
// compares with one btree operator family.
func typeFamily(pgType string) string {
	base, _, _ := strings.Cut(strings.ToLower(pgType), "(")
	switch base = strings.TrimSpace(base); base {
	case "smallint", "integer", "bigint":
		return "integer"
	case "text", "varchar", "character varying", "char", "character":
		return "text"
	case "date", "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone":
		return "datetime"
	case "real", "double precision":
		return "float"
	}
	return base
}

// columnSteps: identity sequences past the maximum, CHECKs for ENUM and
// SET, and a trigger for ON UPDATE CURRENT_TIMESTAMP.
func columnSteps(schema string, t *Table) []postStep {
	q := qualified(schema, t.Target)
	var steps []postStep
	var onUpdate []string
	for _, c := range t.Columns {
		col := quoteIdent(c.Target)
		switch {
		case c.AutoInc && isIntegerType(c.TargetType):
			steps = append(steps, postStep{name: "identity:" + t.Name + "." + c.Name, phase: 1, run: exec(
				setvalSQL(fmt.Sprintf("pg_get_serial_sequence(%s, %s)", quoteLiteral(q), quoteLiteral(c.Target)), q, col, t.AutoInc))})
		case c.Convert == "enum" && len(c.Values) > 0:
			steps = append(steps, postStep{name: "check:" + t.Name + "." + c.Name, phase: 1, soft: true, run: enumCheck(q, t, c)})
		case c.Convert == "set" && len(c.Values) > 0:
			steps = append(steps, postStep{name: "check:" + t.Name + "." + c.Name, phase: 1, soft: true, run: exec(fmt.Sprintf(
				"ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s <@ %s)", q, quoteIdent(objectName(t.Target, c.Target, "_check")), col, literalSQL(c.Values)))})
		}
		if c.OnUpdateTS {
			onUpdate = append(onUpdate, c.Target)
		}
	}
	if len(onUpdate) > 0 {
		steps = append(steps, postStep{name: "trigger:" + t.Name, phase: 1, soft: true, run: exec(onUpdateTrigger(schema, t, onUpdate))})
	}
	return steps
}

// setvalSQL moves sequence seq (an SQL expression naming it) past the
// largest key of col in table q and past the source's next value autoInc.
// A key at the type's maximum leaves the sequence exhausted, as at the
// source, rather than failing on MAX + 1; the sum is numeric so that it
// cannot overflow.
func setvalSQL(seq, q, col string, autoInc int64) string {
	return fmt.Sprintf(`SELECT CASE WHEN x.v > s.seqmax THEN setval(s.seqrelid, s.seqmax, true) ELSE setval(s.seqrelid, x.v::bigint, false) END
FROM (SELECT GREATEST(COALESCE(MAX(%s)::numeric, 0) + 1, %d) AS v FROM %s) x, pg_sequence s WHERE s.seqrelid = (%s)::regclass`,
		col, autoInc, q, seq)
}

// enumCheck allows the ENUM members, plus ” when the data holds MySQL's
// invalid-value marker (copied as is, reported by plan as enum_empty).
func enumCheck(q string, t *Table, c *Column) func(context.Context, pgx.Tx) error {
	return func(ctx context.Context, tx pgx.Tx) error {
		vals := c.Values
		var hasEmpty bool
		if err := tx.QueryRow(ctx, fmt.Sprintf("SELECT EXISTS (SELECT 1 FROM %s WHERE %s = '')", q, quoteIdent(c.Target))).Scan(&hasEmpty); err != nil {
			return err
		}
		if hasEmpty && !slices.Contains(vals, "") {
			vals = append([]string{""}, vals...)
		}
		lits := make([]string, len(vals))
		for i, v := range vals {
			lits[i] = quoteLiteral(v)
		}
		_, err := tx.Exec(ctx, fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IN (%s))",
			q, quoteIdent(objectName(t.Target, c.Target, "_check")), quoteIdent(c.Target), strings.Join(lits, ", ")))
		return err
	}
}

func onUpdateTrigger(schema string, t *Table, cols []string) string {
	fn := qualified(schema, triggerFuncName(t))
	var body strings.Builder
	for _, c := range cols {
		fmt.Fprintf(&body, "  IF NEW.%s IS NOT DISTINCT FROM OLD.%s THEN NEW.%s := CURRENT_TIMESTAMP; END IF;\n", quoteIdent(c), quoteIdent(c), quoteIdent(c))
	}
	return fmt.Sprintf(`CREATE OR REPLACE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
 IF NEW IS DISTINCT FROM OLD THEN
%s END IF;
 RETURN NEW;
END $f$;
CREATE TRIGGER %s BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION %s()`,
		fn, body.String(), quoteIdent(objectName(t.Target, "on_update", "")), qualified(schema, t.Target), fn)
}

// stepNote is a step that did its work but leaves something to say: it is
// recorded as done and its message becomes a warning.
type stepNote struct{ msg string }

func (n *stepNote) Error() string { return n.msg }

// fkStep adds the key NOT VALID (always possible), then validates it. Child
// rows without a parent (MySQL loaded with foreign_key_checks=0, or rows
// rejected from the parent) fail the validation: the key is then kept NOT
// VALID, so that new rows are checked, and the orphans are counted in a
// warning instead of the key being dropped.
func fkStep(schema string, t, ref *Table, fk *ForeignKey) func(context.Context, pgx.Tx) error {
	name := quoteIdent(objectName(t.Target, fk.Name, ""))
	q := qualified(schema, t.Target)
	add := fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE %s ON UPDATE %s %s NOT VALID",
		q, name, columnList(t, fk.Columns), qualified(schema, ref.Target), columnList(ref, fk.RefColumns), fk.OnDelete, fk.OnUpdate, fk.Deferrable)
	var notNull, match []string
	for i, c := range fk.Columns {
		col := "c." + columnList(t, []string{c})
		notNull = append(notNull, col+" IS NOT NULL")
		match = append(match, "p."+columnList(ref, fk.RefColumns[i:i+1])+" = "+col)
	}
	orphans := fmt.Sprintf("SELECT count(*) FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s)",
		q, strings.Join(notNull, " AND "), qualified(schema, ref.Target), strings.Join(match, " AND "))
	return func(ctx context.Context, tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, add); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "SAVEPOINT validate"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s", q, name))
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "23503" {
			return err
		}
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT validate"); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRow(ctx, orphans).Scan(&n); err != nil {
			return err
		}
		return &stepNote{fmt.Sprintf("%d row(s) of %s reference no row of %s: key kept NOT VALID (new rows are checked); fix them, then ALTER TABLE %s VALIDATE CONSTRAINT %s",
			n, t.Name, fk.RefTable, q, name)}
	}
}

// runPostSteps runs the steps not yet recorded; it returns warnings for
// failed soft steps and an error for a failed hard one.
func runPostSteps(ctx context.Context, pool *pgxpool.Pool, steps []postStep, workers int) ([]string, error) {
	done := map[string]bool{}
	rows, err := pool.Query(ctx, `SELECT name, ok, note FROM `+ckSchema+`.steps`)
	if err != nil {
		return nil, fmt.Errorf("read steps: %w", err)
	}
	var warnings []string
	for rows.Next() {
		var name, note string
		var ok bool
		if err := rows.Scan(&name, &ok, &note); err != nil {
			return nil, fmt.Errorf("read steps: %w", err)
		}
		done[name] = true
		if !ok {
			warnings = append(warnings, name+": "+note)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read steps: %w", err)
	}
	var warnCh = make(chan string, len(steps))
	for phase := 1; phase <= 2; phase++ {
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(map[int]int{1: max(workers, 1), 2: 1}[phase])
		for _, st := range steps {
			if st.phase != phase || done[st.name] {
				continue
			}
			g.Go(func() error { return runStep(gctx, pool, st, warnCh) })
		}
		if err := g.Wait(); err != nil {
			return nil, err
		}
	}
	close(warnCh)
	for w := range warnCh {
		warnings = append(warnings, w)
	}
	return warnings, nil
}

func runStep(ctx context.Context, pool *pgxpool.Pool, st postStep, warn chan<- string) error {
	var note *stepNote
	stepErr := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		err := st.run(ctx, tx)
		if errors.As(err, &note) {
			_, err = tx.Exec(ctx, `INSERT INTO `+ckSchema+`.steps (name, ok, note) VALUES ($1, false, $2)`, st.name, note.msg)
			return err
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO `+ckSchema+`.steps (name, ok) VALUES ($1, true)`, st.name)
		return err
	})
	if stepErr == nil {
		if note != nil {
			warn <- st.name + ": " + note.msg
		}
		return nil
	}
	msg := stepErr.Error() + pgDetail(stepErr) // the duplicated key, the failing row
	var pgErr *pgconn.PgError
	tooLong := errors.As(stepErr, &pgErr) && pgErr.Code == "54000" // index row size exceeds btree maximum
	if tooLong {
		msg += "; " + keySizeHint + " (plan lists them as key_size)"
	}
	// A primary key that cannot hold the values is left out with a
	// warning, like an index: a rerun would only fail on it again.
	if (!st.soft && !(tooLong && strings.HasPrefix(st.name, "pk:"))) || ctx.Err() != nil {
		return stepFailure(st.name, stepErr)
	}
	warn <- st.name + ": " + msg
	_, err := pool.Exec(ctx, `INSERT INTO `+ckSchema+`.steps (name, ok, note) VALUES ($1, false, $2)`, st.name, msg)
	return err
}

// stepFailure names the step and the offending values (PostgreSQL puts the
// duplicated key in the error's detail, which its message leaves out), and
// says that what is done stays done.
func stepFailure(name string, err error) error {
	return fmt.Errorf("%s: %w%s; the copied rows and finished steps are kept: correct the offending rows in the target and run again to continue from this step, or correct the source and run again with --restart", name, err, pgDetail(err))
}

// pgDetail is PostgreSQL's detail of err (the duplicated key, the failing
// row), which the error's message leaves out, as " (detail)".
func pgDetail(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Detail != "" {
		return " (" + pgErr.Detail + ")"
	}
	return ""
}
