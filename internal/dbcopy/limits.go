package dbcopy

import (
	"fmt"
	"strings"

	"github.com/parleyhq/parley/internal/apperr"
)

// pgMaxColumns is PostgreSQL's limit on the columns of a table; MySQL's
// MyISAM and Aria tables take up to 4096.
const pgMaxColumns = 1600

// limitHazards lists the tables PostgreSQL cannot create at all.
func limitHazards(s *Schema) []Hazard {
	var out []Hazard
	for _, t := range s.Tables {
		if len(t.Columns) > pgMaxColumns {
			out = append(out, Hazard{Table: t.Name, Kind: "too_many_columns", Blocks: true,
				Detail: fmt.Sprintf("%d columns; PostgreSQL allows %d: split the table in the source (e.g. into two tables sharing its key) before copying", len(t.Columns), pgMaxColumns)})
		}
	}
	return out
}

// checkTargetLimits stops a run before it writes anything when a table
// cannot be created, rather than after the tables before it.
func checkTargetLimits(s *Schema) error {
	var bad []string
	for _, h := range limitHazards(s) {
		bad = append(bad, h.Table+" ("+h.Detail+")")
	}
	if len(bad) == 0 {
		return nil
	}
	return apperr.New(apperr.Invalid, "PostgreSQL cannot create %s; nothing was written", strings.Join(bad, "; "))
}
