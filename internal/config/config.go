// Package config holds each role's configuration: one struct with defaults in
// code, overridden by an optional YAML file and then by environment
// variables, validated at start-up with messages that name the setting and
// the fix, and printed with secrets masked.
package config

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"gopkg.in/yaml.v3"
)

// Setting describes one configurable value: where it comes from and how it is shown.
type Setting struct {
	Env     string // environment variable, e.g. PARLEY_HTTP_ADDR
	Key     string // key in the YAML config file, e.g. http_addr
	Default string
	Help    string
	Secret  bool // masked when printed
	set     func(string) error
	get     func() string
	// helpName and helpKey stand in for Env and Key in --help, where one
	// row describes a numbered family (PARLEY_LLM_n_MODEL); hidden rows
	// are the family's other members, quiet ones are left out of the
	// start-up dump while unset.
	helpName, helpKey string
	hidden, quiet     bool
}

// Value returns the setting's current value as text.
func (s Setting) Value() string { return s.get() }

// Set parses text into the setting.
func (s Setting) Set(text string) error {
	if err := s.set(text); err != nil {
		return fmt.Errorf("%s: %w", s.Env, err)
	}
	return nil
}

// Masked returns the value fit for logs: secrets hidden, passwords in URLs hidden.
func (s Setting) Masked() string {
	v := s.get()
	if v == "" {
		return ""
	}
	if s.Secret {
		return "****"
	}
	return MaskURL(v)
}

// MaskURL hides the secrets of a URL-shaped value: the password, and
// query parameters named like credentials (?key=, ?api-key=, ?token=,
// ?password=, ?sig=), which some gateways take instead of a header.
func MaskURL(v string) string {
	u, err := url.Parse(v)
	if err != nil || (u.User == nil && u.RawQuery == "") {
		return v
	}
	changed := false
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "****")
			changed = true
		}
	}
	if u.RawQuery != "" {
		q := u.Query()
		for name := range q {
			if secretParam(name) {
				q.Set(name, "****")
				changed = true
			}
		}
		if changed {
			u.RawQuery = q.Encode()
		}
	}
	if !changed {
		return v
	}
	return u.String()
}

func secretParam(name string) bool {
	n := strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(name))
	for _, s := range []string{"key", "token", "secret", "password", "passwd", "sig", "signature", "credential"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// Settings is an ordered list of settings bound to one struct.
type Settings []Setting

func str(p *string) (func(string) error, func() string) {
	return func(v string) error { *p = v; return nil }, func() string { return *p }
}

func dur(p *time.Duration) (func(string) error, func() string) {
	return func(v string) error {
			d, err := time.ParseDuration(v)
			if err != nil {
				return fmt.Errorf("%q is not a duration (use e.g. 30s, 5m, 1h)", v)
			}
			*p = d
			return nil
		}, func() string {
			return p.String()
		}
}

func integer(p *int64) (func(string) error, func() string) {
	return func(v string) error {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return fmt.Errorf("%q is not an integer", v)
			}
			*p = n
			return nil
		}, func() string {
			return strconv.FormatInt(*p, 10)
		}
}

func number(p *float64) (func(string) error, func() string) {
	return func(v string) error {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return fmt.Errorf("%q is not a number", v)
			}
			*p = n
			return nil
		}, func() string {
			return strconv.FormatFloat(*p, 'g', -1, 64)
		}
}

func boolean(p *bool) (func(string) error, func() string) {
	return func(v string) error {
			switch strings.ToLower(v) {
			case "1", "true", "on", "yes":
				*p = true
			case "0", "false", "off", "no":
				*p = false
			default:
				return fmt.Errorf("%q is not on/off", v)
			}
			return nil
		}, func() string {
			if *p {
				return "on"
			}
			return "off"
		}
}

func list(p *[]string) (func(string) error, func() string) {
	return func(v string) error {
			*p = strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' })
			return nil
		}, func() string {
			return strings.Join(*p, ",")
		}
}

// Load applies, in order, each setting's default, the YAML file at path (if
// path is not empty) and the environment (through getenv).
func (ss Settings) Load(path string, getenv func(string) string) error {
	for _, s := range ss {
		if err := s.Set(s.Default); err != nil {
			return fmt.Errorf("default of %w", err)
		}
	}
	if path != "" {
		if err := ss.loadFile(path); err != nil {
			return err
		}
	}
	for _, s := range ss {
		if v := getenv(s.Env); v != "" {
			if err := s.Set(v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (ss Settings) loadFile(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("config file: %w", err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	byKey := map[string]Setting{}
	for _, s := range ss {
		byKey[s.Key] = s
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s, ok := byKey[k]
		if !ok {
			return fmt.Errorf("config file %s: unknown key %q (see --help for the settings)", path, k)
		}
		v := m[k]
		if l, ok := v.([]any); ok {
			parts := make([]string, len(l))
			for i, e := range l {
				parts[i] = fmt.Sprint(e)
			}
			v = strings.Join(parts, ",")
		}
		if err := s.Set(fmt.Sprint(v)); err != nil {
			return fmt.Errorf("config file %s: key %s: %w", path, k, err)
		}
	}
	return nil
}

// Only returns the settings whose environment variables are named, in ss's
// order. A name ss does not hold panics: a command's help that names a
// renamed setting must fail its test, not print a shorter table.
func (ss Settings) Only(envs ...string) Settings {
	var out Settings
	for _, env := range envs {
		found := false
		for _, s := range ss {
			if s.Env == env {
				found = true
				break
			}
		}
		if !found {
			panic("config: no setting " + env)
		}
	}
	for _, s := range ss {
		for _, env := range envs {
			if s.Env == env {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// PrintHelp writes a table of every setting with its default.
func (ss Settings) PrintHelp(w io.Writer) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  ENVIRONMENT\tFILE KEY\tDEFAULT\tMEANING")
	for _, s := range ss {
		if s.hidden {
			continue
		}
		def := s.Default
		if def == "" {
			def = "(unset)"
		}
		env, key := s.Env, s.Key
		if s.helpName != "" {
			env, key = s.helpName, s.helpKey
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", env, key, def, s.Help)
	}
	tw.Flush()
}

// Masked returns key -> masked value for the start-up log.
func (ss Settings) Masked() map[string]string {
	out := make(map[string]string, len(ss))
	for _, s := range ss {
		if m := s.Masked(); m != "" || !s.quiet {
			out[s.Key] = m
		}
	}
	return out
}
