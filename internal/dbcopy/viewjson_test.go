package dbcopy

import (
	"encoding/json"
	"testing"
)

// TestViewSurvivesPlanJSON: a view read back from the plan's JSON
// translates as the source's own did. The source database's name (MySQL
// prefixes every column with it) and the MariaDB flag (CAST to DATETIME(n)
// cuts the fraction there, rounds it in MySQL) were unexported, so a plan
// read back refused views the run created.
func TestViewSurvivesPlanJSON(t *testing.T) {
	s := &Schema{Tables: []*Table{{Name: "t", Target: "t", Columns: []*Column{
		{Name: "id", Target: "id", TargetType: "integer"},
		{Name: "dt3", Target: "dt3", TargetType: "timestamp(3)"}}}}}
	for _, src := range []string{
		"select cast(`shop`.`t`.`dt3` as datetime) AS `x` from `shop`.`t`",
		"select `shop`.`t`.`id` AS `id` from `shop`.`t`",
	} {
		v := &View{Name: "w", Target: "w", Source: src, Qualifier: "shop", MariaDB: true}
		s.Views = []*View{v}
		want, err := translateView(v, true, newViewNames(s))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		b, err := json.Marshal(&Plan{Views: []*View{v}})
		if err != nil {
			t.Fatal(err)
		}
		var p Plan
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		s.Views = p.Views
		got, err := translateView(p.Views[0], true, newViewNames(s))
		if err != nil || got != want {
			t.Errorf("%s read back from %s:\n got %q (%v)\nwant %q", src, b, got, err, want)
		}
	}
}
