package converse

// soleEntryOf returns the one entry all the quoted sentences belong to,
// nil when they come from several or from the summary. A count asked of
// the entry in focus ("how many staff there?") keeps that entry in focus,
// so "when was that?" dates it rather than the whole history; a count
// that leaned on nothing leaves no focus, and a next "it" is searched for.
func (x *Index) soleEntryOf(said []*snippet) *item {
	var one *item
	for _, sn := range said {
		items := x.section(sn.cite.Section)
		if sn.cite.Index < 0 || sn.cite.Index >= len(items) {
			return nil
		}
		it := &items[sn.cite.Index]
		if one != nil && one != it {
			return nil
		}
		one = it
	}
	return one
}
