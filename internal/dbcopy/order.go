package dbcopy

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5/pgxpool"
)

// fkLevels groups the copied tables by the target's foreign keys: every
// table of a level references only tables of earlier levels (or itself),
// so copying level by level into tables whose keys already exist never
// inserts a child before its parent. A cycle's tables share the last level.
func fkLevels(ctx context.Context, pool *pgxpool.Pool, schema string, s *Schema) ([][]string, error) {
	byTarget := map[string]string{}
	for _, t := range s.Tables {
		byTarget[t.Target] = t.Name
	}
	rows, err := pool.Query(ctx, `SELECT child.relname, parent.relname
		FROM pg_constraint c
		JOIN pg_class child ON child.oid = c.conrelid
		JOIN pg_class parent ON parent.oid = c.confrelid
		JOIN pg_namespace n ON n.oid = child.relnamespace
		WHERE c.contype = 'f' AND n.nspname = $1`, schema)
	if err != nil {
		return nil, fmt.Errorf("read target foreign keys: %w", err)
	}
	deps := map[string][]string{} // source table -> source tables it references
	for rows.Next() {
		var child, parent string
		if err := rows.Scan(&child, &parent); err != nil {
			return nil, fmt.Errorf("read target foreign keys: %w", err)
		}
		c, okc := byTarget[child]
		p, okp := byTarget[parent]
		if okc && okp && c != p {
			deps[c] = append(deps[c], p)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read target foreign keys: %w", err)
	}
	return levels(s, deps), nil
}

// levels orders the tables of s by deps (table -> tables it needs first).
func levels(s *Schema, deps map[string][]string) [][]string {
	placed := map[string]bool{}
	var out [][]string
	for len(placed) < len(s.Tables) {
		var level []string
		for _, t := range s.Tables {
			if placed[t.Name] {
				continue
			}
			ready := true
			for _, d := range deps[t.Name] {
				if !placed[d] {
					ready = false
				}
			}
			if ready {
				level = append(level, t.Name)
			}
		}
		if len(level) == 0 { // a cycle: nothing is ready; copy the rest together
			for _, t := range s.Tables {
				if !placed[t.Name] {
					level = append(level, t.Name)
				}
			}
		}
		for _, n := range level {
			placed[n] = true
		}
		slices.Sort(level)
		out = append(out, level)
	}
	return out
}
