// Command resumegen writes N synthetic resumes into a directory for the batch
// benchmark (see package resumegen).
//
//	go run ./internal/resumegen/cmd/resumegen -n 10000 -o /tmp/resumes
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/resumescore/resumescore/internal/resumegen"
)

func main() {
	n := flag.Int("n", 1000, "number of resumes")
	out := flag.String("o", "", "output directory (created)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || *n <= 0 {
		fmt.Fprintln(os.Stderr, "usage: resumegen -n N -o DIR [-seed S]")
		os.Exit(2)
	}
	if err := resumegen.WriteAll(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "resumegen:", err)
		os.Exit(1)
	}
}
