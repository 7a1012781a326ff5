package converse

// industryLeads holds a bit for the first four bytes of every key of
// industryPrefixes of four bytes or more (4,096 bits, hashed): a question
// word whose first four bytes have no bit has no prefix of four bytes or
// more among the keys, and industriesNamed passes over it without a
// look-up per prefix length. A bit may be shared, so a hit still looks up.
var industryLeads = func() (b [64]uint64) {
	for k := range industryPrefixes {
		if len(k) >= 4 {
			h := lead4(k)
			b[h>>6] |= 1 << (h & 63)
		}
	}
	return b
}()

// lead4 hashes the first four bytes of s (four bytes or more) to 12 bits.
func lead4(s string) uint32 {
	v := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
	return (v * 0x9E3779B1) >> 20
}

// industryLead reports whether some key of four bytes or more may start
// with t's first four bytes; false for t shorter than four.
func industryLead(t string) bool {
	if len(t) < 4 {
		return false
	}
	h := lead4(t)
	return industryLeads[h>>6]&(1<<(h&63)) != 0
}
