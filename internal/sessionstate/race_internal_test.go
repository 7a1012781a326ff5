//go:build race

package sessionstate

const raceEnabled = true
