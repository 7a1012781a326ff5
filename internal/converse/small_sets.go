package converse

import (
	"maps"
	"slices"
)

// The person's name tokens and the profile's link networks are a handful
// of words each, tested against most words of every question (~25 and ~17
// times a turn): scanning a short list costs a few compares where a map
// look-up hashes the word first. The maps stay for every other reader.

// keepSmallSets fills nameList and netList from nameToks and networks,
// once both are final (Compile).
func (x *Index) keepSmallSets() {
	x.nameList = slices.Sorted(maps.Keys(x.nameToks))
	x.netList = slices.Sorted(maps.Keys(x.networks))
}

// isNameTok reports x.nameToks[t].
func (x *Index) isNameTok(t string) bool {
	for _, n := range x.nameList {
		if n == t {
			return true
		}
	}
	return false
}

// isNetwork reports x.networks[t].
func (x *Index) isNetwork(t string) bool {
	for _, n := range x.netList {
		if n == t {
			return true
		}
	}
	return false
}
