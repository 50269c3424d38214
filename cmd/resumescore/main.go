// Command resumescore scores a resume against a role or a job description, offline.
package main

import (
	"os"

	"github.com/resumescore/resumescore/cmd"
)

func main() { os.Exit(cmd.Main()) }
