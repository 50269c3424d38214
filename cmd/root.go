// Package cmd is the command line: cobra commands, flags, config discovery,
// rendering and exit codes. It is the only package that touches os.Args, the
// environment, the terminal or os.Exit. owner: cmd helper.
package cmd

// Main runs the tool with the process's arguments and returns the exit code.
func Main() int { return 0 }
