package keywords_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/resumescore/resumescore/keywords"
)

// seedsDir is ../seeds read from disk: only cmd and seeds_test.go import
// package seeds (STYLE.md §7).
var seedsDir = os.DirFS(filepath.Join("..", "seeds"))

func loadLexicon(t testing.TB) *keywords.Lexicon {
	t.Helper()
	lex, err := keywords.LoadLexicon(seedsDir)
	if err != nil {
		t.Fatalf("LoadLexicon: %v", err)
	}
	return lex
}

func TestLexiconSize(t *testing.T) {
	lex := loadLexicon(t)
	if lex.Len() < 1500 {
		t.Errorf("lexicon has %d skills, want >= 1500", lex.Len())
	}
	forms := 0
	for _, e := range lex.Entries() {
		forms += len(e.Aliases) + len(e.CaseAliases)
	}
	t.Logf("lexicon: %d skills, %d alias forms", lex.Len(), forms)
}

func TestLookup(t *testing.T) {
	lex := loadLexicon(t)
	tests := []struct {
		name   string
		wantID string
		ok     bool
	}{
		{"Postgres", "postgresql", true},
		{"postgresql", "postgresql", true},
		{"k8s", "kubernetes", true},
		{"Golang", "go", true},
		{"go", "go", true},
		{"C++", "cpp", true},
		{"c#", "csharp", true},
		{".NET", "dotnet", true},
		{"node.js", "nodejs", true},
		{"CI/CD", "cicd", true},
		{"  Spring   Boot ", "spring-boot", true},
		{"Microsoft Excel", "excel", true},
		{"microservice", "microservices", true},
		{"certainly not a skill", "", false},
	}
	for _, tt := range tests {
		k, ok := lex.Lookup(tt.name)
		if ok != tt.ok || k.ID != tt.wantID {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.name, k.ID, ok, tt.wantID, tt.ok)
		}
	}
}

func TestIsEnglish(t *testing.T) {
	lex := loadLexicon(t)
	tests := []struct {
		word string
		want bool
	}{
		{"scale", true}, {"sprint", true}, {"trust", true}, {"backed", true}, {"postures", true},
		{"Scale", true}, // case-folded before the lookup
		{"kuberentes", false}, {"pyhton", false}, {"postgress", false},
		{"kafka", false}, // only a proper noun in the word list
		{"", false},
	}
	for _, tt := range tests {
		if got := lex.IsEnglish(tt.word); got != tt.want {
			t.Errorf("IsEnglish(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	lex := loadLexicon(t)
	set := &keywords.Set{Keywords: []keywords.Keyword{
		{Name: "Postgres", Tier: keywords.Important, Weight: 2},
		{Name: "Go", Aliases: []string{"Golang"}},
		{Name: "Frobnication"},
		{Name: "Python 3.12"},
	}}
	lex.Resolve(set)
	pg := set.Keywords[0]
	if pg.ID != "postgresql" || !pg.Known || pg.Name != "Postgres" || pg.Tier != keywords.Important || pg.Weight != 2 {
		t.Errorf("Resolve(Postgres) = %+v; want id postgresql, name, tier and weight kept", pg)
	}
	if diff := cmp.Diff([]string{"sql", "database"}, pg.Broader); diff != "" {
		t.Errorf("Resolve(Postgres).Broader mismatch (-want +got):\n%s", diff)
	}
	goKw := set.Keywords[1]
	if goKw.Context != keywords.TechOnly || len(goKw.CaseAliases) == 0 || goKw.CaseAliases[0] != "Go" {
		t.Errorf("Resolve(Go) = context %v, case aliases %v; want TechOnly with Go", goKw.Context, goKw.CaseAliases)
	}
	if set.Keywords[2].Known {
		t.Errorf("Resolve(Frobnication).Known = true, want false")
	}
	if py := set.Keywords[3]; py.ID != "python" || py.Name != "Python 3.12" {
		t.Errorf("Resolve(Python 3.12) = id %q name %q; want python, name kept", py.ID, py.Name)
	}
}

func TestLoadLexiconErrors(t *testing.T) {
	good := "id\tlabel\tcategory\tkind\taliases_ci\taliases_cs\tambiguity\tcontext\tstem\tnegatives\tbroader\tsource\n" +
		"go\tGo\tlanguage\thard\tgolang\tGo\tenglish_word\ttech\tN\tgo-to\t\tcurated\n"
	tests := []struct {
		name string
		fsys fstest.MapFS
	}{
		{"no files", fstest.MapFS{}},
		{"empty lexicon", fstest.MapFS{"lexicon/skills.tsv": {Data: []byte("# nothing\n")}, "lexicon/english.txt": {Data: []byte("go\n")}}},
		{"short row", fstest.MapFS{"lexicon/skills.tsv": {Data: []byte("go\tGo\n")}, "lexicon/english.txt": {Data: []byte("go\n")}}},
		{"bad context", fstest.MapFS{"lexicon/skills.tsv": {Data: []byte("go\tGo\tlanguage\thard\t\tGo\tshort\tmaybe\tN\t\t\tcurated\n")}, "lexicon/english.txt": {Data: []byte("go\n")}}},
		{"no words", fstest.MapFS{"lexicon/skills.tsv": {Data: []byte(good)}, "lexicon/english.txt": {Data: []byte("\n")}}},
	}
	for _, tt := range tests {
		if _, err := keywords.LoadLexicon(tt.fsys); err == nil {
			t.Errorf("LoadLexicon(%s) = nil error, want an error", tt.name)
		}
	}
	if _, err := keywords.LoadLexicon(fstest.MapFS{"lexicon/skills.tsv": {Data: []byte(good)}, "lexicon/english.txt": {Data: []byte("go\n")}}); err != nil {
		t.Errorf("LoadLexicon(good) = %v", err)
	}
}

func BenchmarkLoadLexicon(b *testing.B) {
	for b.Loop() {
		if _, err := keywords.LoadLexicon(seedsDir); err != nil {
			b.Fatal(err)
		}
	}
}
