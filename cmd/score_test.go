package cmd

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// TestRunScore drives runScore with injected streams: a user's keyword list
// against a small resume, in each format.
func TestRunScore(t *testing.T) {
	dir := t.TempDir()
	resume := filepath.Join(dir, "resume.txt")
	list := filepath.Join(dir, "mine.txt")
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(resume, "Robin Vale\nrobin@example.com\nExperience\nBuilt data pipelines with Terraform and Kubernetes on AWS.\nWrote Python services.\n")
	write(list, "Terraform\nKubernetes\nAnsible\n[bonus]\nPython\n")

	type kw struct {
		Keyword string
		Tier    string
		Matched bool
		Line    int
	}
	want := []kw{
		{"Ansible", "essential", false, 0},
		{"Kubernetes", "essential", true, 4},
		{"Terraform", "essential", true, 4},
		{"Python", "bonus", true, 5},
	}
	s, out, errb := testStreams("")
	opts := &scoreOptions{IO: s, Global: &globalOptions{Format: "json", Color: "never", Getenv: noEnv},
		Files: []string{resume}, Target: targetOptions{Keywords: list}}
	if err := runScore(context.Background(), opts); err != nil {
		t.Fatalf("runScore: %v (stderr %s)", err, errb)
	}
	var rep scorer.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("output is not one report: %v\n%s", err, out)
	}
	var got []kw
	for _, m := range rep.Keywords {
		k := kw{Keyword: m.Keyword, Tier: m.Tier, Matched: m.Matched}
		if len(m.Evidence) > 0 {
			k.Line = m.Evidence[0].Line
		}
		got = append(got, k)
	}
	sortKW := cmp.Transformer("sort", func(in []kw) map[string]kw {
		m := map[string]kw{}
		for _, k := range in {
			m[k.Keyword] = k
		}
		return m
	})
	if diff := cmp.Diff(want, got, sortKW); diff != "" {
		t.Errorf("keywords (-want +got):\n%s", diff)
	}
	if rep.Target.Source != "keywords" || rep.Score <= 0 || rep.Score >= 100 {
		t.Errorf("target %+v score %v: want keywords target, 0 < score < 100", rep.Target, rep.Score)
	}
	if rep.Matched != 3 || rep.Total != 4 {
		t.Errorf("matched %d of %d, want 3 of 4", rep.Matched, rep.Total)
	}

	// The same run in text and Markdown names the missing keyword, with no escape codes.
	for _, format := range []string{"text", "markdown"} {
		s, out, _ := testStreams("")
		opts.IO, opts.Global = s, &globalOptions{Format: format, Color: "auto", Getenv: noEnv}
		if err := runScore(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Ansible") || strings.Contains(out.String(), "\x1b[") {
			t.Errorf("%s report: want Ansible and no escape codes:\n%s", format, out)
		}
	}
}

func TestUnionSets(t *testing.T) {
	jd := goldenSet("jd", "Kafka", "Go")
	role := goldenSet("backend", "go", "SQL", "Kafka")
	got := unionSets(jd, role)
	var names []string
	for _, k := range got.Keywords {
		names = append(names, k.Name)
	}
	if diff := cmp.Diff([]string{"Kafka", "Go", "SQL"}, names); diff != "" {
		t.Errorf("union keywords (-want +got):\n%s", diff)
	}
	if got.Source != "jd+role" || got.ID != "jd+backend" {
		t.Errorf("union source %q id %q, want jd+role, jd+backend", got.Source, got.ID)
	}
	if len(jd.Keywords) != 2 {
		t.Errorf("unionSets modified its first argument")
	}
}

func goldenSet(id string, names ...string) *keywords.Set {
	set := &keywords.Set{ID: id, Title: id, Source: "role"}
	for _, n := range names {
		set.Keywords = append(set.Keywords, keywords.Keyword{ID: strings.ToLower(n), Name: n, Weight: 1})
	}
	return set
}
