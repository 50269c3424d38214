//go:build !unix

package scorer_test

// cpuTime is not measured on this platform.
func cpuTime() int64 { return 0 }
