package dbcopy

import (
	"context"
	"fmt"
	"strings"
)

// unsignedNumeric is the target of a BIGINT UNSIGNED column holding values
// past bigint's 9223372036854775807 (up to 18446744073709551615).
const unsignedNumeric = "numeric(20,0)"

// widenUnsigned maps to numeric(20,0) the BIGINT UNSIGNED columns that
// the built-in rules make bigint but whose values go past it, so that no
// value is rejected; bigint stays for the others (WordPress's ids), which
// keys, joins and chunking prefer. A column a foreign key pairs with a
// widened one is widened too: PostgreSQL's keys need one type on both
// sides. One MAX per table with such columns; the plan reports each.
func (s *mysqlSource) widenUnsigned(ctx context.Context, sch *Schema, m *Mapping) error {
	for _, t := range sch.Tables {
		var cols []*Column
		var sel []string
		for _, c := range t.Columns {
			if _, ruled := m.Columns[c.ruleKey]; !ruled && !m.userRule(c) && c.DataType == "bigint" && c.Unsigned && c.Convert == "int" {
				cols = append(cols, c)
				sel = append(sel, "MAX("+myQuote(c.Name)+") > 9223372036854775807")
			}
		}
		if len(cols) == 0 {
			continue
		}
		past := make([]any, len(cols))
		flags := make([]*bool, len(cols))
		for i := range past {
			past[i] = &flags[i]
		}
		q := "SELECT " + strings.Join(sel, ", ") + " FROM " + myQuote(t.Name)
		if err := s.db.QueryRowContext(ctx, q).Scan(past...); err != nil {
			return fmt.Errorf("largest unsigned values of %s: %w", t.Name, err)
		}
		for i, c := range cols {
			if flags[i] != nil && *flags[i] {
				widen(c, "holds values past 9223372036854775807")
			}
		}
	}
	widenKeyPartners(sch)
	return nil
}

func widen(c *Column, why string) {
	c.TargetType, c.Convert, c.conv, c.widened = unsignedNumeric, "numeric", converters["numeric"], why
}

// widenKeyPartners widens the integer columns a foreign key pairs with a
// widened column, until no pair differs.
func widenKeyPartners(sch *Schema) {
	byName := map[string]*Table{}
	for _, t := range sch.Tables {
		byName[t.Name] = t
	}
	for changed := true; changed; {
		changed = false
		for _, t := range sch.Tables {
			for _, fk := range t.FKs {
				ref := byName[fk.RefTable]
				if ref == nil || len(fk.Columns) != len(fk.RefColumns) {
					continue
				}
				for i := range fk.Columns {
					a, b := t.column(fk.Columns[i]), ref.column(fk.RefColumns[i])
					if a == nil || b == nil || a.Convert != "int" && b.Convert != "int" {
						continue
					}
					switch {
					case a.widened != "" && b.Convert == "int":
						widen(b, "referenced by "+t.Name+"."+a.Name+", which holds values past 9223372036854775807")
						changed = true
					case b.widened != "" && a.Convert == "int":
						widen(a, "references "+ref.Name+"."+b.Name+", which holds values past 9223372036854775807")
						changed = true
					}
				}
			}
		}
	}
}

// widenedHazards reports the columns widenUnsigned mapped to numeric.
func widenedHazards(s *Schema) []Hazard {
	var out []Hazard
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.widened != "" {
				out = append(out, Hazard{Table: t.Name, Column: c.Name, Kind: "unsigned_numeric",
					Detail: c.ColumnType + " -> " + unsignedNumeric + " instead of bigint: it " + c.widened})
			}
		}
	}
	return out
}
