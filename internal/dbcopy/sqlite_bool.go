package dbcopy

import (
	"context"
	"fmt"
	"strings"
)

// SQLite apps write booleans as words: Rails before 5.2 't'/'f', Python
// and JavaScript 'True'/'true', PHP and forms 'yes'/'no'. A BOOLEAN column
// is copied as boolean (bool01 reads every such word); a column declared
// as MySQL declares flags (TINYINT(1), BIT), INTEGER or NUMERIC by
// affinity, is copied as bigint (or typed by its values: text), where those words were rejected though the column is
// a flag. flagWords makes such a column boolean when it holds one of the
// words and no integer but 0 and 1; values that are neither are then
// rejected naming the text rule, as for a BOOLEAN column.

// boolWords are the spellings bool01 reads (any case, white space around
// them ignored, as PostgreSQL's boolean input does).
var boolWords = map[string]bool{"t": true, "true": true, "y": true, "yes": true, "on": true,
	"f": false, "false": false, "n": false, "no": false, "off": false}

// flagDeclared: SQLite's integer-affinity declarations of a flag.
func flagDeclared(c *Column) bool {
	d := strings.Join(strings.Fields(strings.ToLower(c.ColumnType)), "")
	return (c.DataType == "integer" || c.DataType == "numeric") && (d == "tinyint(1)" || d == "bit" || d == "bit(1)")
}

// flagWords types a flagDeclared column boolean when its values tell it
// is one (see above).
func (s *sqliteSource) flagWords(ctx context.Context, t *Table, c *Column) error {
	col := sqQuote(c.Name)
	words := make([]string, 0, len(boolWords))
	for w := range boolWords {
		words = append(words, quoteLiteral(w))
	}
	var spelled, others int
	err := s.db.QueryRowContext(ctx, "SELECT count(CASE WHEN typeof("+col+") = 'text' AND lower(trim("+col+")) IN ("+strings.Join(words, ",")+
		") THEN 1 END), count(CASE WHEN typeof("+col+") IN ('integer', 'real') AND "+col+" NOT IN (0, 1) THEN 1 END) FROM "+sqQuote(t.Name)).Scan(&spelled, &others)
	if err != nil {
		return fmt.Errorf("boolean words in %s.%s: %w", t.Name, c.Name, err)
	}
	if spelled > 0 && others == 0 {
		c.DataType, c.FlagWords = "boolean", true
	}
	return nil
}

// flagWordHazards names the columns flagWords made boolean.
func flagWordHazards(s *Schema) []Hazard {
	var out []Hazard
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.FlagWords {
				out = append(out, Hazard{Table: t.Name, Column: c.Name, Kind: "flag_words",
					Detail: c.ColumnType + " holding 'true'/'yes'/'t'-style words beside 0 and 1: copied as " + c.TargetType +
						" (SQLite's own views and comparisons read those words as 0)"})
			}
		}
	}
	return out
}
