//go:build !linux

package cmd

// setMemLimit is a no-op where prlimit(2) does not exist: the child still
// runs under its deadline, and a crash still stays in the child.
func setMemLimit(pid int, limit uint64) error { return nil }
