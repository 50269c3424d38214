//go:build !linux

package cmd

import "syscall"

// setMemLimit is a no-op where prlimit(2) does not exist: the child still
// runs under its deadline, and a crash still stays in the child.
func setMemLimit(pid int, limit uint64) error { return nil }

// childSysProcAttr has nothing to add where the parent-death signal does not
// exist: an orphaned child still ends at EOF on its stdin or at its deadline.
func childSysProcAttr() *syscall.SysProcAttr { return nil }
