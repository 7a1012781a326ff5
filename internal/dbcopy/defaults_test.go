package dbcopy

import "testing"

// TestBitDefaultWidth: MariaDB lists a BIT(n) default without its leading
// zeros; the copied values are n bits long, so the default must be too, or
// a row taking it would not equal a copied row of the same value.
func TestBitDefaultWidth(t *testing.T) {
	for _, c := range []struct {
		width int64
		def   string
		want  string
	}{
		{8, "b'0'", "B'00000000'"},
		{8, "b'101'", "B'00000101'"},
		{1, "b'1'", "B'1'"},
		{3, "b'111'", "B'111'"},
		{64, "b'1'", "B'" + "000000000000000000000000000000000000000000000000000000000000000" + "1'"},
	} {
		d := c.def
		col := &Column{Name: "flags", DataType: "bit", Width: c.width, Default: &d, DefaultRaw: true, Convert: "bit"}
		got, m := defaultSQL(&Table{Name: "t"}, col)
		if m != nil || got != c.want {
			t.Errorf("BIT(%d) DEFAULT %s: got %q (%v), want %q", c.width, c.def, got, m, c.want)
		}
	}
}
