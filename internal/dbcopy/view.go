package dbcopy

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// View is a source view. Its rows are its tables', which are copied; run
// recreates it when its SQL translates (translateView), else reports it.
type View struct {
	Name   string `json:"name"`
	Target string `json:"target"`
	// Source is the view's SELECT as the source keeps it (MySQL's
	// VIEW_DEFINITION; SQLite's CREATE VIEW statement).
	Source string `json:"source_sql"`
	// SQL is the PostgreSQL text after "CREATE VIEW name"; Reason says
	// why there is none.
	SQL    string `json:"sql,omitempty"`
	Reason string `json:"not_copied,omitempty"`

	// Qualifier is the source's database name, which MySQL prefixes to
	// the names in a view's SELECT; MariaDB says the source is MariaDB,
	// whose functions differ from MySQL's in places (CAST to DATETIME(n)
	// cuts the fraction, LOCATE of ''). Both are in the plan's JSON so a
	// plan read back translates its views as the source's own did.
	Qualifier string `json:"source_database,omitempty"`
	MariaDB   bool   `json:"mariadb,omitempty"`

	deps    []string // views this one reads
	textCmp bool     // compares or sorts text (MySQL: by collation)
	// groupConcat: the view has GROUP_CONCAT, which MySQL cuts at
	// group_concat_max_len bytes.
	groupConcat bool
}

// Functions whose PostgreSQL namesake (or the name given) behaves alike
// for every argument; other functions stop a view's translation. CAST,
// IF, CONCAT, CONCAT_WS, GROUP_CONCAT, SUBSTR, LENGTH, GREATEST, LEAST,
// LOCATE, LEFT, RIGHT, DATE_FORMAT and TIMESTAMPDIFF are rewritten
// (rewriteMySQLView).
var (
	mysqlViewFuncs = map[string]string{
		"count": "count", "sum": "sum", "min": "min", "max": "max", "avg": "avg",
		"coalesce": "coalesce", "ifnull": "coalesce", "nullif": "nullif", "abs": "abs",
		"floor": "floor", "ceil": "ceil", "ceiling": "ceiling", "upper": "upper", "lower": "lower",
		"ucase": "upper", "lcase": "lower", "char_length": "char_length", "character_length": "character_length",
		"trim": "trim",
	}
	sqliteViewFuncs = map[string]string{
		"count": "count", "sum": "sum", "avg": "avg", "coalesce": "coalesce", "ifnull": "coalesce",
		"nullif": "nullif", "abs": "abs", "upper": "upper", "lower": "lower", "length": "length", "trim": "trim",
		"min": "min", "max": "max", // of one argument (sqliteMinMax)
	}
	// Words that may stand before "(" without being a function.
	viewParenWords = map[string]bool{
		"in": true, "on": true, "exists": true, "and": true, "or": true, "not": true, "as": true, "from": true,
		"join": true, "where": true, "select": true, "using": true, "any": true, "all": true, "some": true,
		"when": true, "then": true, "else": true, "by": true, "values": true, "distinct": true, "having": true,
		"union": true, "is": true, "over": true, "case": true,
	}
	// MySQL operators PostgreSQL reads otherwise (|| is OR, / gives
	// decimals of integers) or not at all.
	mysqlViewOps   = map[string]string{"||": "OR", "&&": "AND", "<=>": "NULL-safe equal", "/": "division", ":=": "assignment", "@": "variable", "<<": "shift", ">>": "shift"}
	mysqlViewWords = map[string]bool{"div": true, "xor": true, "regexp": true, "rlike": true, "sounds": true, "binary": true, "collate": true, "interval": true}
)

// sqlKeywords are the words of a SELECT that are not names.
var sqlKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`select from where as and or not null is in on join left right inner outer cross
		natural group by order having limit offset union all distinct case when then else end like between exists
		asc desc using with recursive values cast collate escape except intersect true false current_timestamp
		current_date current_time filter over partition window glob match regexp isnull notnull nulls first last`) {
		m[w] = true
	}
	return m
}()

// viewNames maps the names a view's SQL may use to their targets.
type viewNames struct {
	tables, columns map[string]string // keys lower-case
	views           map[string]*View
	// cols holds the columns of each name (lower-case), of any table.
	cols      map[string][]*Column
	tableDefs map[string]*Table // by lower-case name
	// intAliases are the aliases of SELECT items, in any view, that
	// intBoolItems makes integers (lower-case).
	intAliases map[string]bool
}

func newViewNames(s *Schema) viewNames {
	n := viewNames{tables: map[string]string{}, columns: map[string]string{}, views: map[string]*View{}, cols: map[string][]*Column{},
		tableDefs: map[string]*Table{}, intAliases: map[string]bool{}}
	for _, t := range s.Tables {
		n.tables[strings.ToLower(t.Name)] = t.Target
		n.tableDefs[strings.ToLower(t.Name)] = t
		for _, c := range t.Columns {
			n.columns[strings.ToLower(c.Name)] = c.Target
			n.cols[strings.ToLower(c.Name)] = append(n.cols[strings.ToLower(c.Name)], c)
		}
	}
	for _, v := range s.Views {
		n.views[strings.ToLower(v.Name)] = v
		boolAliasesOf(v.Source, s.Engine == "mysql", n.intAliases)
	}
	return n
}

func (n viewNames) target(name string) (string, bool) {
	k := strings.ToLower(name)
	if t, ok := n.tables[k]; ok {
		return t, true
	}
	if v, ok := n.views[k]; ok {
		return v.Target, true
	}
	t, ok := n.columns[k]
	return t, ok
}

// translateView turns the SELECT of v into PostgreSQL's, quoting every
// name as the copy created it; an error says what does not translate.
func translateView(v *View, mysql bool, names viewNames) (string, error) {
	toks, starts, err := lexSQLSpans(v.Source, mysql)
	if err != nil {
		return "", err
	}
	if !mysql {
		body, err := sqliteViewBody(toks)
		if err != nil {
			return "", err
		}
		itemNames := sqliteItemNames(v.Source, body, starts[len(toks)-len(body):])
		c := condNames{names: names, scope: newViewScope(body, names, false)}
		if body, err = c.sqliteMinMax(body); err != nil {
			return "", err
		}
		toks = intBoolAggregates(intBoolItems(c.boolInts(c.intConditions(c.havingAliases(body))), itemNames))
	} else if toks, err = rewriteMySQLView(v, names, toks); err != nil {
		return "", err
	}
	funcs := sqliteViewFuncs
	if mysql {
		funcs = mysqlViewFuncs
	}
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		tok, next := toks[i], nextTok(toks, i)
		switch tok.kind {
		case ' ', 'n', 'r':
			b.WriteString(tok.text)
		case 's':
			if strings.IndexByte(tok.text, 0) >= 0 {
				return "", fmt.Errorf("NUL byte in a string")
			}
			v.textCmp = v.textCmp || comparison(lastTok(toks, i)) || comparison(next)
			b.WriteString(quoteLiteral(tok.text))
		case 'p':
			if why, bad := mysqlViewOps[tok.text]; bad && mysql {
				return "", fmt.Errorf("MySQL's %s (%s) means something else in PostgreSQL", tok.text, why)
			}
			if tok.text == "==" {
				tok.text = "="
			}
			b.WriteString(tok.text)
		case 'q', 'w':
			if tok.text == v.Qualifier && next.text == "." || !mysql && strings.EqualFold(tok.text, "main") && next.text == "." && tok.kind == 'w' {
				i = skipTo(toks, i, ".")
				continue
			}
			out, err := viewWord(v, tok, next, mysql, funcs, names)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
		}
	}
	out := strings.TrimSpace(b.String())
	if mysql { // VIEW_DEFINITION is the SELECT alone
		out = "AS " + out
	}
	return out, nil
}

// viewWord translates one name, keyword or function name.
func viewWord(v *View, tok, next viewTok, mysql bool, funcs map[string]string, names viewNames) (string, error) {
	lower := strings.ToLower(tok.text)
	if tok.kind == 'w' && next.text == "(" && !viewParenWords[lower] {
		f, ok := funcs[lower]
		if !ok {
			return "", fmt.Errorf("function %s() is not translated", tok.text)
		}
		return f, nil
	}
	if tok.kind == 'w' && mysql && next.kind == 's' && strings.HasPrefix(tok.text, "_") {
		return "", nil // a charset introducer: _utf8mb4'x'
	}
	if tok.kind == 'w' && next.kind == 's' && (lower == "x" || lower == "b" || lower == "n") {
		return "", fmt.Errorf("%s'...' literal is not translated", tok.text)
	}
	// MySQL quotes every name in a view's definition; a bare SQLite word
	// is a name unless it is a keyword.
	name := tok.kind == 'q' || !mysql && !sqlKeywords[lower]
	if dep, ok := names.views[lower]; ok && dep != v && name {
		v.deps = append(v.deps, dep.Name)
	}
	if t, ok := names.target(tok.text); ok && name {
		return quoteIdent(t), nil
	}
	if tok.kind == 'q' {
		return quoteIdent(pgIdent(tok.text)), nil // an alias
	}
	if mysql && mysqlViewWords[lower] {
		return "", fmt.Errorf("MySQL's %s is not translated", strings.ToUpper(tok.text))
	}
	if lower == "like" || lower == "glob" {
		v.textCmp = true
		if lower == "glob" {
			return "", fmt.Errorf("SQLite's GLOB is not translated")
		}
	}
	return tok.text, nil
}

func nextTok(toks []viewTok, i int) viewTok {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].kind != ' ' {
			return toks[j]
		}
	}
	return viewTok{}
}

func lastTok(toks []viewTok, i int) viewTok {
	for j := i - 1; j >= 0; j-- {
		if toks[j].kind != ' ' {
			return toks[j]
		}
	}
	return viewTok{}
}

// comparison: tok compares its neighbours (a literal beside it is
// compared as text).
func comparison(tok viewTok) bool {
	switch strings.ToLower(tok.text) {
	case "=", "<>", "!=", "<", ">", "<=", ">=", "like", "in":
		return true
	}
	return false
}

func skipTo(toks []viewTok, i int, text string) int {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].text == text && toks[j].kind == 'p' {
			return j
		}
	}
	return len(toks)
}

// sqliteViewBody returns the tokens after "CREATE [TEMP] VIEW [IF NOT
// EXISTS] name": an optional column list, AS and the SELECT.
func sqliteViewBody(toks []viewTok) ([]viewTok, error) {
	for i, t := range toks {
		if t.kind == 'w' && strings.EqualFold(t.text, "view") {
			j := i + 1
			for ; j < len(toks); j++ {
				k := toks[j]
				if k.kind == ' ' || k.kind == 'w' && (strings.EqualFold(k.text, "if") || strings.EqualFold(k.text, "not") || strings.EqualFold(k.text, "exists")) {
					continue
				}
				break
			}
			if j+2 < len(toks) && toks[j+1].text == "." { // schema.name
				j += 2
			}
			if j < len(toks) {
				return toks[j+1:], nil
			}
		}
	}
	return nil, fmt.Errorf("no CREATE VIEW statement")
}

// viewSteps recreates the views whose SQL translates, views before the
// views that read them, after the tables and their keys (phase 2, one at
// a time); the others are reported with the reason.
func viewSteps(schema string, s *Schema) ([]postStep, []Manual) {
	names := newViewNames(s)
	var manual []Manual
	for _, v := range s.Views {
		v.SQL, v.Reason = "", ""
		sql, err := translateView(v, s.Engine == "mysql", names)
		if err != nil {
			v.Reason = err.Error()
			manual = append(manual, Manual{Kind: "view", Name: v.Name, Detail: "not created: " + v.Reason + "; " + viewSourceHint(v, s.Engine)})
			continue
		}
		v.SQL = sql
		if v.textCmp && s.Engine == "mysql" {
			manual = append(manual, Manual{Kind: "view", Name: v.Name, Detail: "created; it compares or sorts text, which MySQL did by the columns' collation " +
				"(mostly case-insensitive) and PostgreSQL does exactly: check that it returns the rows it did"})
		}
		if v.groupConcat {
			manual = append(manual, Manual{Kind: "view", Name: v.Name, Detail: "created; MySQL cuts a GROUP_CONCAT at group_concat_max_len bytes " +
				"(1024 by default in MySQL, 1M in MariaDB) and PostgreSQL's string_agg does not: check that no value was cut"})
		}
	}
	var steps []postStep
	done := map[string]bool{}
	var add func(v *View, depth int)
	add = func(v *View, depth int) {
		if done[v.Name] || v.SQL == "" || depth > len(s.Views) {
			return
		}
		done[v.Name] = true
		for _, d := range v.deps {
			if dv := names.views[strings.ToLower(d)]; dv != nil {
				add(dv, depth+1)
			}
		}
		steps = append(steps, postStep{name: "view:" + v.Name, phase: 2, soft: true, run: createView(schema, v, s.Engine)})
	}
	for _, v := range s.Views {
		add(v, 0)
	}
	return steps, manual
}

// viewDDL is the statement that creates v in schema.
func viewDDL(schema string, v *View) string {
	return "CREATE VIEW " + qualified(schema, v.Target) + " " + v.SQL
}

func createView(schema string, v *View, engine string) func(context.Context, pgx.Tx) error {
	return func(ctx context.Context, tx pgx.Tx) error {
		// The view's SELECT names tables without a schema.
		if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+quoteIdent(schema)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, viewDDL(schema, v)); err != nil {
			return fmt.Errorf("%w; view not created: %s", err, viewSourceHint(v, engine))
		}
		return nil
	}
}

// viewSourceHint says where a view's source SQL is.
func viewSourceHint(v *View, engine string) string {
	if engine == "mysql" {
		return viewDetail(v.Name)
	}
	return "its SELECT: SELECT sql FROM sqlite_master WHERE type = 'view' AND name = " + quoteLiteral(v.Name) +
		"; recreate it with CREATE VIEW " + quoteIdent(v.Target) + " AS that SELECT, SQLite functions (datetime(), strftime(), ifnull()) replaced by PostgreSQL's"
}
