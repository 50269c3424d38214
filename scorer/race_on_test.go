//go:build race

package scorer_test

// raceOn is true in a -race build, where timings are not meaningful.
const raceOn = true
