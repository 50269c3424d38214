package cmd

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"resumescore": func() { os.Exit(Main()) },
	})
}

// TestScript runs the CLI scripts in testdata/script. Fixtures from
// testdata/fixtures are copied into $WORK/fixtures; `randbytes FILE N SEED`
// writes N pseudo-random bytes (for hostile-input cases).
func TestScript(t *testing.T) {
	fixtures, err := filepath.Abs("../testdata/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("CLICOLOR_FORCE", "")
			return os.CopyFS(filepath.Join(env.WorkDir, "fixtures"), os.DirFS(fixtures))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"randbytes": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: randbytes FILE N SEED")
				}
				n, err1 := strconv.Atoi(args[1])
				seed, err2 := strconv.ParseUint(args[2], 10, 64)
				if err1 != nil || err2 != nil {
					ts.Fatalf("randbytes: bad number")
				}
				rng := rand.New(rand.NewPCG(seed, seed))
				b := make([]byte, n)
				for i := range b {
					b[i] = byte(rng.IntN(256))
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
			},
		},
	})
}
