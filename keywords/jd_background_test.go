package keywords

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestBackgroundLookup(t *testing.T) {
	table := "# comment\nword\tcommonness\n\napple\t0.8\napples\t0.6\nbanana\t0.75\nzebra\t1e-1\r\nzoo\t1.0"
	tests := []struct {
		name, data string
		want       map[string]float64 // word -> commonness; absent words are not in the table
	}{
		{"sorted, with comments, header, CRLF and no final newline", table,
			map[string]float64{"apple": 0.8, "apples": 0.6, "banana": 0.75, "zebra": 0.1, "zoo": 1}},
		{"unsorted rows are sorted; a later duplicate wins, as in a map",
			"zoo\t0.1\napple\t0.8\nmango\t0.5\napple\t0.6\n",
			map[string]float64{"apple": 0.6, "mango": 0.5, "zoo": 0.1}},
		{"a word that is a prefix of another", "go\t0.9\ngopher\t0.2\n", map[string]float64{"go": 0.9, "gopher": 0.2}},
	}
	probes := []string{"", "a", "apple", "apples", "applesauce", "banana", "go", "gop", "gopher", "mango", "zebra", "zoo", "zzz", "word"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bg, err := parseBackground([]byte(tt.data))
			if err != nil {
				t.Fatalf("parseBackground: %v", err)
			}
			got := map[string]float64{}
			for _, w := range probes {
				if v, ok := bg.lookup(w); ok {
					got[w] = v
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("lookup (-want +got):\n%s", d)
			}
		})
	}
}

func TestLoadBackgroundErrors(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("cat\t0.8\ndog\t0.6\n"))
	zw.Close()
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		word    string
		want    float64
		wantErr string
	}{
		{"plain table", fstest.MapFS{jdBackgroundPath: {Data: []byte("cat\t0.8\n")}}, "cat", 0.8, ""},
		{"only the gzipped form", fstest.MapFS{jdBackgroundGzPath: {Data: gz.Bytes()}}, "dog", 0.6, ""},
		{"the plain form wins", fstest.MapFS{jdBackgroundPath: {Data: []byte("dog\t0.3\n")}, jdBackgroundGzPath: {Data: gz.Bytes()}}, "dog", 0.3, ""},
		{"no table: every word is rare", fstest.MapFS{}, "cat", 0, ""},
		{"a row without commonness", fstest.MapFS{jdBackgroundPath: {Data: []byte("cat\t0.8\ndog\n")}}, "", 0,
			"stop/jd_background.tsv:2: want word, commonness"},
		{"three columns", fstest.MapFS{jdBackgroundPath: {Data: []byte("cat\t0.8\t1\n")}}, "", 0,
			"stop/jd_background.tsv:1: want word, commonness"},
		{"a bad number", fstest.MapFS{jdBackgroundPath: {Data: []byte("# c\ncat\tlots\n")}}, "", 0,
			`stop/jd_background.tsv:2: commonness of "cat"`},
		{"only comments", fstest.MapFS{jdBackgroundPath: {Data: []byte("# c\n\n")}}, "", 0,
			"stop/jd_background.tsv: empty list"},
		{"not gzip", fstest.MapFS{jdBackgroundGzPath: {Data: []byte("not gzip")}}, "", 0, "stop/jd_background.tsv.gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bg, err := loadBackground(tt.fsys)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("loadBackground error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("loadBackground: %v", err)
			}
			if got, _ := bg.lookup(tt.word); got != tt.want {
				t.Errorf("lookup(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

// TestBackgroundSeedTable checks the shipped table row by row against the
// lookup, the way the map it replaced read it.
func TestBackgroundSeedTable(t *testing.T) {
	bg, err := loadBackground(os.DirFS("../seeds"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../seeds/" + jdBackgroundPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		w, c, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(w, "#") || w == "word" {
			continue // "word" is skipped as a header row, by the map loader too
		}
		want, err := strconv.ParseFloat(c, 64)
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		if got, ok := bg.lookup(w); !ok || got != want {
			t.Errorf("lookup(%q) = %v, %v; want %v, true", w, got, ok, want)
		}
		n++
	}
	if n < 50000 {
		t.Errorf("the shipped table has %d rows, want the SCOWL-sized table (about 64,000)", n)
	}
	for _, w := range []string{"kubernetes", "postgresql", "zzzz"} {
		if v, ok := bg.lookup(w); ok {
			t.Errorf("lookup(%q) = %v: a tech name or nonsense is not common English", w, v)
		}
	}
}

func BenchmarkLoadJDRules(b *testing.B) {
	fsys := os.DirFS("../seeds")
	for b.Loop() {
		if _, err := LoadJDRules(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
