package converse

// wideOrNested reports a place that may hold, or lie inside, a home town
// the profile names differently: a US state or a province ("is she in
// california" of someone in "San Francisco" with no region), an area
// ("bay area"), a borough. Only other places get a plain "No".
func wideOrNested(key string) bool {
	switch key {
	case "bay area", "silicon valley", "washington state", "ontario", "quebec", "british columbia", "alberta",
		"nova scotia", "new brunswick", "manitoba", "saskatchewan", "newfoundland", "newfoundland and labrador", "prince edward island",
		"nyc", "new york city", "brooklyn", "manhattan":
		return true
	}
	for _, st := range usStates {
		if st == key {
			return true
		}
	}
	return false
}

// jobPlacesSaid quotes, when no job gives a location, the sentences of the
// jobs (the most recent first, three at most) that name places: "across
// the UK, Ireland and the Nordics", "growers across Nebraska and Kansas".
// It reports whether any did.
func (x *Index) jobPlacesSaid(o *out) bool {
	n := 0
	for _, it := range x.sorted(secWork) {
		if it.loc != "" || n == 3 {
			continue
		}
		if x.whereFromText(o, it) {
			o.citeItem(it)
			n++
		}
	}
	if n > 0 {
		o.in = iWhere
	}
	return n > 0
}
