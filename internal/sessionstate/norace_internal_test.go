//go:build !race

package sessionstate

const raceEnabled = false
