//go:build !race

package profilecache_test

const raceEnabled = false
