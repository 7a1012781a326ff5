package converse

// nearHolds reports whether a sentence of picked belongs to near, the one
// entry a question's "it" stands for.
func nearHolds(picked []*snippet, near *item) bool {
	if near == nil {
		return false
	}
	for _, sn := range picked {
		if sn.cite.Section == near.sec && sn.cite.Index == near.idx {
			return true
		}
	}
	return false
}
