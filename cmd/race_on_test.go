//go:build race

package cmd

// raceEnabled reports a -race build: its runtime reserves far more address
// space than RLIMIT_AS lets a child have, so child tests run without the limit.
const raceEnabled = true
