//go:build race

package extract

// raceEnabled reports a -race build: its runtime cannot start under the
// address-space caps the robustness tests put on child processes, and its
// memory figures mean nothing, so those tests skip.
const raceEnabled = true
