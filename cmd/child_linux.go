package cmd

import (
	"fmt"
	"syscall"
	"unsafe"
)

// setMemLimit sets the address-space limit (RLIMIT_AS) of process pid with
// prlimit(2). The child waits for its stdin to close before it reads the
// file, so the limit is in place before any parser runs.
func setMemLimit(pid int, limit uint64) error {
	lim := syscall.Rlimit{Cur: limit, Max: limit}
	_, _, errno := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), uintptr(syscall.RLIMIT_AS),
		uintptr(unsafe.Pointer(&lim)), 0, 0, 0)
	if errno != 0 {
		return fmt.Errorf("prlimit: %w", errno)
	}
	return nil
}

// childSysProcAttr makes the kernel kill a child when the batch process dies
// (PR_SET_PDEATHSIG), even by SIGKILL: an orphaned child would otherwise
// finish its file, or run into its own deadline, before noticing. Go never
// ends the thread that started the child (it locks no thread), which is what
// the signal is tied to.
func childSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
