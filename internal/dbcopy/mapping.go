package dbcopy

import (
	_ "embed"
	"fmt"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/parleyhq/parley/internal/apperr"
)

//go:embed mapping.yaml
var defaultMappingYAML []byte

// Rule maps source columns that match it to a PostgreSQL type and converter.
type Rule struct {
	Type     string `yaml:"type" json:"type"`
	Unsigned *bool  `yaml:"unsigned,omitempty" json:"unsigned,omitempty"`
	Width    *int64 `yaml:"width,omitempty" json:"width,omitempty"`
	Target   string `yaml:"target" json:"target"`
	Convert  string `yaml:"convert" json:"convert"`
	ZeroDate string `yaml:"zero_date,omitempty" json:"zero_date,omitempty"`
	NulBytes string `yaml:"nul_bytes,omitempty" json:"nul_bytes,omitempty"`
}

// Mapping is the rule set: per-engine type rules and per-column overrides
// keyed "table.column".
type Mapping struct {
	MySQL   []Rule          `yaml:"mysql"`
	SQLite  []Rule          `yaml:"sqlite"`
	Columns map[string]Rule `yaml:"columns"`
	// ZeroDates is the zero_date of date and time columns whose rule
	// names none (--zero-dates): "null" or "reject".
	ZeroDates string `yaml:"-"`
	userMySQL int    // the first userMySQL rules of MySQL are the --mapping file's
}

// LoadMapping returns the built-in rules with the user file at path (if
// any) taking precedence.
func LoadMapping(path string) (*Mapping, error) {
	var m Mapping
	if err := yaml.Unmarshal(defaultMappingYAML, &m); err != nil {
		return nil, fmt.Errorf("built-in mapping: %w", err)
	}
	if path == "" {
		return &m, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "read mapping file: %v", err)
	}
	var user Mapping
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&user); err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "mapping file %s: %v", path, err)
	}
	for _, r := range append(append(append([]Rule{}, user.MySQL...), user.SQLite...), mapValues(user.Columns)...) {
		if err := r.validate(); err != nil {
			return nil, apperr.New(apperr.Invalid, "mapping file %s: %v", path, err)
		}
	}
	m.MySQL, m.userMySQL = append(user.MySQL, m.MySQL...), len(user.MySQL)
	m.SQLite = append(user.SQLite, m.SQLite...)
	m.Columns = user.Columns
	return &m, nil
}

func mapValues(m map[string]Rule) []Rule {
	out := make([]Rule, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	return out
}

func (r Rule) validate() error {
	if r.Target == "" {
		return fmt.Errorf("rule %q: target is required", r.Type)
	}
	if _, ok := converters[r.Convert]; !ok {
		return fmt.Errorf("rule %q: unknown convert %q (known: %s)", r.Type, r.Convert, converterNames())
	}
	if r.ZeroDate != "" && r.ZeroDate != "reject" && r.ZeroDate != "null" {
		return fmt.Errorf("rule %q: zero_date must be reject or null", r.Type)
	}
	if r.NulBytes != "" && r.NulBytes != "reject" && r.NulBytes != "strip" {
		return fmt.Errorf("rule %q: nul_bytes must be reject or strip", r.Type)
	}
	return nil
}

func (r Rule) matches(c *Column) bool {
	ok := false
	for _, t := range strings.Split(r.Type, "|") {
		if strings.TrimSpace(t) == c.DataType {
			ok = true
		}
	}
	if !ok {
		return false
	}
	if r.Unsigned != nil && *r.Unsigned != c.Unsigned {
		return false
	}
	if r.Width != nil && *r.Width != c.Width {
		return false
	}
	return true
}

// Apply chooses target names, types and converters for every column of s.
func (m *Mapping) Apply(s *Schema) error {
	rules := m.MySQL
	if s.Engine == "sqlite" {
		rules = m.SQLite
	}
	keys := keyColumns(s)
	tableTargets(s)
	for _, t := range s.Tables {
		columnTargets(t)
		for _, c := range t.Columns {
			c.ruleKey, c.fromSQLite = t.Name+"."+c.Name, s.Engine == "sqlite"
			r, ok := m.Columns[c.ruleKey]
			if !ok {
				r, ok = firstMatch(rules, c)
				if ok && r.Convert == "bool01" && keys[strings.ToLower(t.Name)+"\x00"+strings.ToLower(c.Name)] {
					if n, found := numberNotFlag(rules, c); found {
						r, c.numberKey = n, true
					}
				}
			}
			if !ok {
				return apperr.New(apperr.Invalid, "no mapping rule for %s.%s of type %s; pass --mapping FILE with the line %s (or bytea and bytes for binary values)",
					t.Name, c.Name, c.ColumnType, columnRule(c.ruleKey, "text", "text"))
			}
			c.TargetType = expand(r.Target, c)
			c.Convert, c.ZeroDate, c.NulBytes = r.Convert, m.zeroDate(r), r.NulBytes
			conv, ok := converters[r.Convert]
			if !ok {
				return apperr.New(apperr.Invalid, "column %s.%s: unknown convert %q", t.Name, c.Name, r.Convert)
			}
			c.conv = conv
			if c.ZeroDate == "null" && !c.Nullable && c.Default != nil && strings.HasPrefix(*c.Default, "0000-00-00") {
				// WordPress's post_date_gmt: NOT NULL DEFAULT '0000-00-00 00:00:00'.
				c.Nullable = true
				s.Manual = append(s.Manual, Manual{Kind: "not_null", Name: t.Name + "." + c.Name,
					Detail: "NOT NULL dropped: zero dates are stored as NULL (--zero-dates=null, or zero_date: null), so is its zero-date default"})
			}
		}
	}
	relationNames(s)
	return nil
}

// zeroDate is the zero_date of a column mapped by r: the rule's own, or
// --zero-dates for a date or time converter.
func (m *Mapping) zeroDate(r Rule) string {
	if r.ZeroDate == "" && (r.Convert == "date" || r.Convert == "timestamp") {
		return m.ZeroDates
	}
	return r.ZeroDate
}

// userRule: a type rule of the --mapping file maps MySQL column c.
func (m *Mapping) userRule(c *Column) bool {
	_, ok := firstMatch(m.MySQL[:m.userMySQL], c)
	return ok
}

func firstMatch(rules []Rule, c *Column) (Rule, bool) {
	for _, r := range rules {
		if r.matches(c) {
			return r, true
		}
	}
	return Rule{}, false
}

func expand(target string, c *Column) string {
	fsp := c.FSP
	r := strings.NewReplacer(
		"{length}", strconv.FormatInt(max(c.Length, 1), 10),
		"{precision}", strconv.FormatInt(max(c.Precision, 1), 10),
		"{scale}", strconv.FormatInt(c.Scale, 10),
		"{fsp}", strconv.FormatInt(fsp, 10),
		"{width}", strconv.FormatInt(max(c.Width, 1), 10),
	)
	return r.Replace(target)
}
