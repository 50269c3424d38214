package resumegen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	const n = 300
	if err := WriteAll(dir, n, 7); err != nil {
		t.Fatal(err)
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != n {
		t.Fatalf("WriteAll wrote %d files, want %d", len(files), n)
	}
	exts := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ext := filepath.Ext(f)
		exts[ext]++
		words := len(strings.Fields(string(b)))
		if ext != ".json" && (words < 150 || words > 1200) {
			t.Errorf("%s has %d words, want a resume-like length (150..1200)", f, words)
		}
		if ext == ".json" {
			var v struct {
				Basics struct{ Name string } `json:"basics"`
				Work   []struct {
					Highlights []string `json:"highlights"`
				} `json:"work"`
			}
			if err := json.Unmarshal(b, &v); err != nil || v.Basics.Name == "" || len(v.Work) == 0 {
				t.Errorf("%s is not a JSON Resume with basics and work: %v", f, err)
			}
		}
	}
	for _, ext := range []string{".md", ".txt", ".json"} {
		if exts[ext] == 0 {
			t.Errorf("no %s file among %d: %v", ext, n, exts)
		}
	}
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name     string
		seedA    uint64
		seedB    uint64
		wantSame bool
	}{
		{"same seed, same resume", 3, 3, true},
		{"different seed, different resume", 3, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := New(tt.seedA).Resume().Markdown()
			b := New(tt.seedB).Resume().Markdown()
			if (a == b) != tt.wantSame {
				t.Errorf("resume(seed %d) == resume(seed %d) is %v, want %v", tt.seedA, tt.seedB, a == b, tt.wantSame)
			}
		})
	}
}
