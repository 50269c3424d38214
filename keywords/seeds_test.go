package keywords_test

import (
	"bytes"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/seeds"
)

// ambiguousNames are names that are also ordinary English words, person names
// or single letters: a role file listing one must gate it with a context.
var ambiguousNames = []string{
	"Go", "C", "R", "Rust", "Ruby", "Swift", "Dart", "Julia", "Elixir", "Lisp", "Pascal",
	"Ada", "Shell", "Make", "React", "Express", "Flask", "Spring", "Rails", "Jest",
	"Cassandra", "Spark", "Snowflake", "Lambda", "Helm", "Chef", "Puppet", "Excel",
	"Unity", "Unreal", "Maven", "Gradle", "Ant", "Hive", "Pig", "Storm", "Beam",
	"Keras", "Vault", "Consul", "Bamboo", "Confluence", "Access", "Word", "Visio",
	"Salt", "Glue", "Kinesis", "Athena", "Looker",
}

// roleSources decodes the sources of a role file, which Set does not carry.
func roleSources(t *testing.T, data []byte) []string {
	t.Helper()
	var rf struct {
		Sources []string `yaml:"sources"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&rf); err != nil {
		t.Fatalf("decode sources: %v", err)
	}
	return rf.Sources
}

func builtinRoles(t *testing.T) []string {
	t.Helper()
	entries, err := fs.ReadDir(seeds.FS(), keywords.RolesDir)
	if err != nil {
		t.Fatalf("read embedded roles: %v", err)
	}
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// TestBuiltinRoles loads every embedded role file and holds the invariants a
// user's run relies on, so broken data fails `go test`, not a user.
func TestBuiltinRoles(t *testing.T) {
	fsys := seeds.FS()
	lex, err := keywords.LoadLexicon(fsys)
	if err != nil {
		t.Fatalf("LoadLexicon: %v", err)
	}
	ids := builtinRoles(t)
	if len(ids) < 24 {
		t.Errorf("%d built-in roles, want at least 24", len(ids))
	}
	kinds := map[string]bool{}
	for _, k := range keywords.Kinds {
		kinds[k] = true
	}
	ambiguous := map[string]bool{}
	for _, n := range ambiguousNames {
		ambiguous[n] = true
	}
	titles := map[string]string{}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			set, err := keywords.Load(fsys, id)
			if err != nil {
				t.Fatalf("Load(%q): %v", id, err)
			}
			data, err := fs.ReadFile(fsys, keywords.RolesDir+"/"+id+".yaml")
			if err != nil {
				t.Fatal(err)
			}
			if len(roleSources(t, data)) == 0 {
				t.Errorf("role %s lists no sources", id)
			}
			if prev, dup := titles[set.Title]; dup {
				t.Errorf("role %s has the same title %q as %s", id, set.Title, prev)
			}
			titles[set.Title] = id

			var tiers [3]int
			soft := 0
			for _, k := range set.Keywords {
				tiers[k.Tier]++
				if k.Soft {
					soft++
				}
				if !kinds[k.Kind] {
					t.Errorf("keyword %q: kind %q not in keywords.Kinds", k.Name, k.Kind)
				}
				if ambiguous[k.Name] && k.Context == keywords.AnyContext {
					t.Errorf("keyword %q is ambiguous in English: set context: list or tech", k.Name)
				}
				for _, a := range k.Aliases {
					if len([]rune(a)) <= 2 {
						t.Errorf("keyword %q: alias %q is too short to match without context", k.Name, a)
					}
				}
			}
			if tiers[keywords.Essential] < 5 || tiers[keywords.Important] < 5 || tiers[keywords.Bonus] < 3 {
				t.Errorf("tiers essential/important/bonus = %v, want at least 5/5/3", tiers)
			}
			if soft < 2 {
				t.Errorf("%d soft skills, want at least 2", soft)
			}
			if len(set.Signals) < 2 {
				t.Errorf("%d role signals, want at least 2", len(set.Signals))
			}

			// A keyword the lexicon does not know by name is resolved through
			// its aliases: an alias that is another known skill would pull in
			// that skill's id, forms and context rules ("Lean" the language for
			// Lean manufacturing).
			for _, k := range set.Keywords {
				_, nameKnown := lex.Lookup(k.Name)
				for _, a := range k.Aliases {
					ak, ok := lex.Lookup(a)
					if !ok {
						continue
					}
					if !nameKnown {
						t.Errorf("keyword %q is unknown to the lexicon but its alias %q is the lexicon's %q: name the skill by its own name or drop the alias", k.Name, a, ak.ID)
					}
				}
			}

			// After the lexicon fills in its knowledge, no two keywords may be
			// the same skill or share a form: a hit would count twice.
			lex.Resolve(set)
			byID := map[string]string{}
			byForm := map[string]string{}
			for _, k := range set.Keywords {
				if ambiguous[k.Name] && k.Context == keywords.AnyContext {
					t.Errorf("keyword %q lost its context gate after lexicon resolution", k.Name)
				}
				if prev, dup := byID[k.ID]; dup {
					t.Errorf("keywords %q and %q are the same skill (id %q)", prev, k.Name, k.ID)
				}
				byID[k.ID] = k.Name
				forms := append([]string{k.Name}, k.Aliases...)
				forms = append(forms, k.CaseAliases...)
				seen := map[string]bool{}
				for _, f := range forms {
					f = strings.ToLower(strings.Join(strings.Fields(f), " "))
					if seen[f] {
						continue
					}
					seen[f] = true
					if prev, dup := byForm[f]; dup {
						t.Errorf("form %q belongs to both %q and %q", f, prev, k.Name)
					}
					byForm[f] = k.Name
				}
			}
		})
	}
}

func TestBackendRoleFromSeedPage(t *testing.T) {
	set, err := keywords.Load(seeds.FS(), "backend")
	if err != nil {
		t.Fatalf("Load(backend): %v", err)
	}
	tiers := map[string]keywords.Tier{}
	aliases := map[string][]string{}
	for _, k := range set.Keywords {
		tiers[strings.ToLower(k.Name)] = k.Tier
		aliases[strings.ToLower(k.Name)] = k.Aliases
	}
	tests := []struct {
		names []string
		tier  keywords.Tier
	}{
		{[]string{"backend", "API", "REST", "database", "SQL", "microservices", "Python", "scalable", "server-side", "production"}, keywords.Essential},
		{[]string{"Kafka", "Redis", "GraphQL", "gRPC", "PostgreSQL", "Docker", "Kubernetes", "observability", "event-driven", "OAuth"}, keywords.Important},
	}
	for _, tt := range tests {
		for _, n := range tt.names {
			got, ok := tiers[strings.ToLower(n)]
			if !ok {
				t.Errorf("backend lacks %q", n)
				continue
			}
			if got != tt.tier {
				t.Errorf("backend %q tier = %v, want %v", n, got, tt.tier)
			}
		}
	}
	for name, alias := range map[string]string{"postgresql": "Postgres", "kubernetes": "k8s", "go": "Golang"} {
		found := false
		for _, a := range aliases[name] {
			found = found || a == alias
		}
		if !found {
			t.Errorf("backend %q aliases = %v, want %q among them", name, aliases[name], alias)
		}
	}
	var sig []string
	for _, s := range set.Signals {
		sig = append(sig, s.ID)
	}
	sort.Strings(sig)
	for _, want := range []string{"data-modelling", "reliability-metrics", "security-practices", "systems-not-tasks", "testing"} {
		if i := sort.SearchStrings(sig, want); i == len(sig) || sig[i] != want {
			t.Errorf("backend signals %v lack %q", sig, want)
		}
	}
}
