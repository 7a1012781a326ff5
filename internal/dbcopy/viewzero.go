package dbcopy

import (
	"context"
	"fmt"
	"strings"
)

// With --zero-dates null a MySQL zero date arrives as NULL; but MySQL
// takes it for a date in a view: `paid_at IS NULL` is false for it,
// `paid_at = '0000-00-00'` true, it sorts before every date and COUNT
// counts it. A view reading such a column other than as a whole SELECT
// item would return other rows in PostgreSQL, and no translation can
// tell the NULLs the copy made from the source's own: it is refused,
// naming the column and the rule that keeps the zero dates.

// markZeroDated sets ZeroDated on each date column that a view names,
// whose zero dates become NULL, and that holds one.
func (s *mysqlSource) markZeroDated(ctx context.Context, sch *Schema) error {
	if len(sch.Views) == 0 {
		return nil
	}
	named := map[string]bool{}
	for _, v := range sch.Views {
		toks, err := lexSQL(v.Source, true)
		if err != nil {
			continue
		}
		for _, t := range toks {
			if t.kind == 'q' {
				named[strings.ToLower(t.text)] = true
			}
		}
	}
	for _, t := range sch.Tables {
		if !named[strings.ToLower(t.Name)] {
			continue
		}
		for _, c := range t.Columns {
			if c.ZeroDate != "null" || !named[strings.ToLower(c.Name)] || c.DataType != "date" && c.DataType != "datetime" && c.DataType != "timestamp" {
				continue
			}
			var one int
			err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM "+myQuote(t.Name)+" WHERE CAST("+myQuote(c.Name)+
				" AS CHAR) LIKE '0000-00-00%' LIMIT 1) z").Scan(&one)
			if err != nil {
				return fmt.Errorf("look for zero dates in %s.%s: %w", t.Name, c.Name, err)
			}
			c.ZeroDated = one > 0
		}
	}
	return nil
}

// zeroDateReads says which zero-dated column (markZeroDated) the view
// reads other than as a whole SELECT item, if one: of the tables it
// names, or of the tables the views it names name.
func zeroDateReads(v *View, toks []viewTok, names viewNames, scope viewScope) error {
	cols := map[string]string{} // column name -> "table.column"
	var visit func(toks []viewTok, depth int)
	visit = func(toks []viewTok, depth int) {
		for _, t := range toks {
			if t.kind != 'q' {
				continue
			}
			k := strings.ToLower(t.text)
			if td := names.tableDefs[k]; td != nil {
				for _, c := range td.Columns {
					if c.ZeroDated {
						cols[strings.ToLower(c.Name)] = td.Name + "." + c.Name
					}
				}
			} else if dv := names.views[k]; dv != nil && dv != v && depth < 8 {
				if dt, err := lexSQL(dv.Source, true); err == nil {
					visit(dt, depth+1)
				}
			}
		}
	}
	visit(toks, 0)
	if len(cols) == 0 {
		return nil
	}
	whole := map[int]bool{} // start of a name that is a whole SELECT item
	for _, it := range selectItems(toks) {
		item := trimSpace(toks[it[0]:it[1]])
		if len(item) == 0 {
			continue
		}
		start := it[0]
		for toks[start].kind == ' ' {
			start++
		}
		r, ok := refAt(toks, start, v.Qualifier)
		if !ok {
			continue
		}
		rest := trimSpace(toks[r.end:it[1]])
		if len(rest) == 0 || len(rest) == 3 && rest[0].kind == 'w' && strings.EqualFold(rest[0].text, "as") {
			whole[start] = true
		}
	}
	for i := range toks {
		r, ok := refAt(toks, i, v.Qualifier)
		if p := lastTok(toks, i); !ok || whole[i] || p.kind == 'w' && strings.EqualFold(p.text, "as") {
			continue // an alias is no read
		}
		col, zero := cols[r.parts[len(r.parts)-1]]
		if resolved, ok := scope.colsOf(r.parts); ok {
			zero = false
			for _, c := range resolved {
				if c.ZeroDated {
					col, zero = c.Name, true
					for _, t := range scope.tables {
						if t.column(c.Name) == c {
							col = t.Name + "." + c.Name
						}
					}
				}
			}
		}
		if zero {
			return fmt.Errorf("it reads %s, which holds zero dates the copy stores as NULL (--zero-dates null), "+
				"and MySQL takes a zero date for a date (IS NULL is false for it, = '0000-00-00' true, it sorts before every date, COUNT counts it): "+
				"in PostgreSQL the view would return other rows. A --mapping rule {target: text, convert: text} for %s keeps the zero dates "+
				"as text, and the view can then be created by hand", col, col)
		}
	}
	return nil
}
