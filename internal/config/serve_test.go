package config_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/config"
)

// TestStoreSettingsBindWhereTheDatabaseIs: the settings migrate's and
// import's help lists are the ones that fill the two fields opening the
// database reads, so the short table cannot drift from what is used.
func TestStoreSettingsBindWhereTheDatabaseIs(t *testing.T) {
	var c config.Serve
	ss := c.StoreSettings()
	env := map[string]string{"PARLEY_DATA_DIR": "/srv/parley", "DATABASE_URL": "postgres://u@h:5432/d", "PARLEY_HTTP_ADDR": "0.0.0.0:1"}
	if err := ss.Load("", envOf(env)); err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/srv/parley" || c.DatabaseURL != "postgres://u@h:5432/d" {
		t.Errorf("DataDir %q, DatabaseURL %q: want both from the store settings", c.DataDir, c.DatabaseURL)
	}
	if c.HTTPAddr != "" {
		t.Errorf("HTTPAddr = %q: the store settings load a setting they do not list", c.HTTPAddr)
	}
	if len(ss) != 2 {
		t.Errorf("%d store settings, want 2", len(ss))
	}
}

func TestOnlyKeepsOrderAndRefusesUnknownNames(t *testing.T) {
	var c config.Serve
	got := c.Settings().Only("DATABASE_URL", "PARLEY_HTTP_ADDR")
	if len(got) != 2 || got[0].Env != "PARLEY_HTTP_ADDR" || got[1].Env != "DATABASE_URL" {
		t.Errorf("Only = %v, want PARLEY_HTTP_ADDR then DATABASE_URL (the table's order)", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Only of an unknown name did not panic")
		}
	}()
	c.Settings().Only("PARLEY_NO_SUCH_SETTING")
}
