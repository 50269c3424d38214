package scorer

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
	"github.com/resumescore/resumescore/keywords"
)

// The project's own role-ranking development set, testdata/rank: resumes
// written for it, each in the directory of the role its person holds, by
// engineers who saw neither the role keyword lists nor
// ../shared/eval/resume-categories (testdata/rank/README.md). It needs no
// ../shared, so ranking quality is held on every clone; the floors sit a
// little under the figures measured when the set was added.
const (
	floorDevTop1       = 0.93 // measured 0.957 (224 of 234)
	floorDevMRR        = 0.96 // measured 0.977
	floorDevMaskedTop1 = 0.84 // measured 0.868 (203)
)

// readDevSet reads testdata/rank: one labelled resume per file, its role
// the directory's name, its masked words the role's title.
func readDevSet(t *testing.T) []labelled {
	t.Helper()
	root := sharedtest.Root(t)
	roles, err := keywords.Roles(os.DirFS(filepath.Join(root, "seeds")))
	if err != nil {
		t.Fatalf("Roles: %v", err)
	}
	titles := map[string]string{}
	for _, r := range roles {
		titles[r.ID] = r.Title
	}
	files, err := filepath.Glob(filepath.Join(root, "testdata", "rank", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []labelled
	for _, f := range files {
		role := filepath.Base(filepath.Dir(f))
		title, ok := titles[role]
		if !ok {
			t.Fatalf("%s: directory %q names no built-in role", f, role)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := role + "/" + strings.TrimSuffix(filepath.Base(f), ".txt")
		out = append(out, labelled{ID: id, Category: role, Text: string(b), Want: role, Mask: title})
	}
	if len(out) == 0 {
		t.Fatal("testdata/rank holds no resumes")
	}
	return out
}

// TestRankDevelopmentSet ranks the roles of testdata/rank for each of its
// resumes, raw and with the role's title words masked, over the roles the
// set labels (with -v, every built-in role competing as well).
func TestRankDevelopmentSet(t *testing.T) {
	raw, masked := evaluateRawAndMasked(t, readDevSet(t), "dev ")
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"dev raw top-1", raw.top1Rate(), floorDevTop1},
		{"dev raw MRR", raw.mrr(), floorDevMRR},
		{"dev title-masked top-1", masked.top1Rate(), floorDevMaskedTop1},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, want >= %.2f", c.name, c.got, c.floor)
		} else {
			t.Logf("%s = %.3f (floor %.2f)", c.name, c.got, c.floor)
		}
	}
}
