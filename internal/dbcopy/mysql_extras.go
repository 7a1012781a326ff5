package dbcopy

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// spatialTypes are MySQL's geometry column types. Their values are copied
// as bytea in MySQL's internal format; PostGIS is not assumed.
var spatialTypes = map[string]bool{"geometry": true, "point": true, "linestring": true, "polygon": true,
	"multipoint": true, "multilinestring": true, "multipolygon": true, "geometrycollection": true, "geomcollection": true}

// spatialManual names each geometry column: its type does not carry over,
// only its bytes.
func spatialManual(t *Table) []Manual {
	var out []Manual
	for _, c := range t.Columns {
		if spatialTypes[strings.ToLower(c.DataType)] {
			out = append(out, Manual{Kind: "spatial", Name: t.Name + "." + c.Name,
				Detail: c.DataType + " copied as bytea in MySQL's format (4-byte little-endian SRID, then WKB); with PostGIS: ST_GeomFromWKB(substring(col from 5), srid)"})
		}
	}
	return out
}

var withoutOverlaps = regexp.MustCompile("(?m)^\\s*UNIQUE KEY `((?:[^`]|``)+)` \\((.*) WITHOUT OVERLAPS\\)")

// periodKeys finds MariaDB's UNIQUE ... WITHOUT OVERLAPS keys (10.5+).
// information_schema lists them as plain unique keys on the columns and the
// period's end and start, which PostgreSQL builds as such: the overlap rule
// itself is lost, so it is named for porting. Only tables with a CHECK are
// read: a period always brings one (start < end).
func (s *mysqlSource) periodKeys(ctx context.Context, tables []*Table) ([]Manual, error) {
	if !s.mariadb {
		return nil, nil
	}
	var out []Manual
	for _, t := range tables {
		if len(t.Checks) == 0 {
			continue
		}
		var name, ddl string
		if err := s.db.QueryRowContext(ctx, "SHOW CREATE TABLE "+myQuote(t.Name)).Scan(&name, &ddl); err != nil {
			return nil, fmt.Errorf("show create table %s: %w", t.Name, err)
		}
		for _, m := range withoutOverlaps.FindAllStringSubmatch(ddl, -1) {
			out = append(out, Manual{Kind: "period_key", Name: t.Name + "." + strings.ReplaceAll(m[1], "``", "`"),
				Detail: "UNIQUE (" + m[2] + " WITHOUT OVERLAPS) built as a plain unique key on its columns and the period's bounds; " +
					"the overlap rule needs an EXCLUDE USING gist constraint (btree_gist) with a daterange/tstzrange of the bounds"})
		}
	}
	return out, nil
}
