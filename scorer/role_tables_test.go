package scorer

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
	"github.com/resumescore/resumescore/keywords"
)

var updateRoles = flag.Bool("update-roles", false, "rewrite role_tables_data.go from the built-in roles")

// builtinRoleSets loads every role file of the module's seeds directory and
// resolves it against the built-in lexicon, as the tool does for --role.
func builtinRoleSets(t *testing.T) ([]*keywords.Set, *keywords.Lexicon) {
	t.Helper()
	root, err := sharedtest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(filepath.Join(root, "seeds")) // only cmd and the seed invariants import seeds (STYLE.md §7)
	lex := keywords.BuiltinLexicon(fsys)
	roles, err := keywords.Roles(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) == 0 {
		t.Fatal("no built-in roles")
	}
	var sets []*keywords.Set
	for _, r := range roles {
		set, err := keywords.Load(fsys, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		lex.Resolve(set)
		sets = append(sets, set)
	}
	return sets, lex
}

// TestRoleTablesAreCurrent compiles every built-in role afresh and compares
// the generated form of its tables with the committed role_tables_data.go.
// go generate ./scorer (or this test with -update-roles) rewrites it.
func TestRoleTablesAreCurrent(t *testing.T) {
	sets, lex := builtinRoleSets(t)
	got, err := generateRoleTables(sets, lex)
	if err != nil {
		t.Fatal(err)
	}
	sharedtest.Generated(t, "role_tables_data.go", got, *updateRoles, "go generate ./scorer")
}

// TestRoleTablesMatchCompile checks that Compile on a built-in role gives
// the very index it builds without the generated tables, and that it took
// them (a fingerprint that stopped matching would only cost speed).
func TestRoleTablesMatchCompile(t *testing.T) {
	sets, lex := builtinRoleSets(t)
	for _, set := range sets {
		t.Run(set.ID, func(t *testing.T) {
			ix, err := Compile(set, lex)
			if err != nil {
				t.Fatal(err)
			}
			want := compile(set, lex, false)
			if !reflect.DeepEqual(ix, want) {
				t.Errorf("Compile(%s) with the generated tables differs from the tables built afresh", set.ID)
			}
			if builtinRoleTables(fingerprintKeywords(ix.kws)) == nil {
				t.Errorf("Compile(%s): no generated tables for the role's fingerprint", set.ID)
			}
		})
	}
	// A changed keyword is compiled afresh: its tables are not a role's.
	set := *sets[0]
	set.Keywords = append([]keywords.Keyword(nil), set.Keywords...)
	set.Keywords[0].Aliases = append(append([]string(nil), set.Keywords[0].Aliases...), "zzyzx")
	if ix, want := compile(&set, lex, true), compile(&set, lex, false); !reflect.DeepEqual(ix, want) {
		t.Errorf("Compile of an edited role differs from the tables built afresh")
	}
}

// TestFingerprintKeywords checks that a change to any field of any keyword
// changes the fingerprint, and that every field of Keyword is covered.
func TestFingerprintKeywords(t *testing.T) {
	base := []keywords.Keyword{
		{ID: "go", Name: "Go", CaseAliases: []string{"Go"}, Aliases: []string{"golang"}, Context: keywords.TechOnly, Weight: 1},
		{ID: "postgresql", Name: "PostgreSQL", Aliases: []string{"postgres"}, Known: true, Stem: true},
	}
	tests := []struct {
		field string
		edit  func(k *keywords.Keyword)
	}{
		{"ID", func(k *keywords.Keyword) { k.ID = "golang" }},
		{"Name", func(k *keywords.Keyword) { k.Name = "Golang" }},
		{"Aliases", func(k *keywords.Keyword) { k.Aliases = append(k.Aliases, "go-lang") }},
		{"CaseAliases", func(k *keywords.Keyword) { k.CaseAliases = nil }},
		{"Tier", func(k *keywords.Keyword) { k.Tier = keywords.Bonus }},
		{"Kind", func(k *keywords.Keyword) { k.Kind = "language" }},
		{"Soft", func(k *keywords.Keyword) { k.Soft = true }},
		{"Weight", func(k *keywords.Keyword) { k.Weight = 2 }},
		{"Context", func(k *keywords.Keyword) { k.Context = keywords.AnyContext }},
		{"Ambiguity", func(k *keywords.Keyword) { k.Ambiguity = "short" }},
		{"Stem", func(k *keywords.Keyword) { k.Stem = true }},
		{"Variants", func(k *keywords.Keyword) { k.Variants = []string{"gos"} }},
		{"Negatives", func(k *keywords.Keyword) { k.Negatives = []string{"go-to"} }},
		{"Broader", func(k *keywords.Keyword) { k.Broader = []string{"programming"} }},
		{"Group", func(k *keywords.Keyword) { k.Group = "g1" }},
		{"Section", func(k *keywords.Keyword) { k.Section = "required" }},
		{"Count", func(k *keywords.Keyword) { k.Count = 3 }},
		{"Other", func(k *keywords.Keyword) { k.Other = true }},
		{"Known", func(k *keywords.Keyword) { k.Known = true }},
		{"moved between fields", func(k *keywords.Keyword) { k.Name, k.Aliases = "Gogolang", nil }},
	}
	if n := reflect.TypeOf(keywords.Keyword{}).NumField(); n != len(tests)-1 {
		t.Fatalf("Keyword has %d fields, the table %d: hash the new field in fingerprintKeywords and add it here", n, len(tests)-1)
	}
	fp := fingerprintKeywords(base)
	if again := fingerprintKeywords(append([]keywords.Keyword(nil), base...)); again != fp {
		t.Fatalf("fingerprintKeywords of a copy = %#x, want %#x", again, fp)
	}
	for _, tt := range tests {
		edited := append([]keywords.Keyword(nil), base...)
		tt.edit(&edited[0])
		if got := fingerprintKeywords(edited); got == fp {
			t.Errorf("fingerprintKeywords after editing %s = %#x, the same as before", tt.field, got)
		}
	}
	if got := fingerprintKeywords(base[:1]); got == fp {
		t.Errorf("fingerprintKeywords of one keyword fewer = %#x, the same as before", got)
	}
}

// generateRoleTables renders the compiled tables of every set as Go source.
func generateRoleTables(sets []*keywords.Set, lex *keywords.Lexicon) ([]byte, error) {
	var w, funcs bytes.Buffer
	w.WriteString("// Code generated by TestRoleTablesAreCurrent (go test ./scorer -run RoleTables -update-roles); DO NOT EDIT.\n\n")
	w.WriteString("package scorer\n\nimport \"github.com/resumescore/resumescore/internal/strtab\"\n\n")
	fmt.Fprintf(&w, "// roleTablesBaseFingerprint is the lexicon the tables were compiled against.\nconst roleTablesBaseFingerprint = %q\n\n", lex.Fingerprint())
	w.WriteString("// builtinRoleTables returns the function that fills in the generated tables\n")
	w.WriteString("// of the built-in role whose resolved keywords have fingerprint fp, or nil.\n")
	w.WriteString("func builtinRoleTables(fp uint64) func(*Index) {\n")
	w.WriteString("\tif roleTablesBaseFingerprint != builtinBaseFingerprint {\n\t\treturn nil\n\t}\n")
	w.WriteString("\tswitch fp {\n")
	seen := map[uint64]string{}
	for i, set := range sets {
		ix := compile(set, lex, false)
		if ix.base != &builtinBase {
			return nil, fmt.Errorf("role %s: not compiled against the built-in lexicon", set.ID)
		}
		if ix.fuzzy != nil {
			return nil, fmt.Errorf("role %s: %d fuzzy forms need a deletion index, which is not generated", set.ID, len(ix.fuzzyForms))
		}
		fp := fingerprintKeywords(ix.kws)
		if other, dup := seen[fp]; dup {
			return nil, fmt.Errorf("roles %s and %s have the same keywords", other, set.ID)
		}
		seen[fp] = set.ID
		name := fmt.Sprintf("role%d", i)
		fmt.Fprintf(&w, "\tcase %#x: // %s\n\t\treturn %sTables\n", fp, set.ID, name)
		if err := writeRoleTables(&funcs, name, set.ID, ix); err != nil {
			return nil, fmt.Errorf("role %s: %w", set.ID, err)
		}
	}
	w.WriteString("\t}\n\treturn nil\n}\n\n")
	w.Write(funcs.Bytes())
	return format.Source(w.Bytes())
}

// writeRoleTables writes the tables of ix: slices as package arrays (static
// data, nothing to build), maps as literals built when the role is used.
func writeRoleTables(w *bytes.Buffer, name, id string, ix *Index) error {
	var inSet []int32
	for i, in := range ix.inSet {
		if in {
			inSet = append(inSet, int32(i))
		}
	}
	var first []byte
	for c, ok := range ix.fuzzyFirst {
		if ok {
			first = append(first, byte(c))
		}
	}
	fmt.Fprintf(w, "// %sTables fills in the tables of role %s.\n", name, id)
	fmt.Fprintf(w, "func %sTables(ix *Index) {\n", name)
	fmt.Fprintf(w, "\tix.tr = &trie{vocab: &%s,\n", ix.tr.vocab.GoLiteral(name+"Vocab"))
	fmt.Fprintf(w, "\t\tnext: &edgeTable{n: %d, keys: %sNextKeys[:], vals: %sNextVals[:]},\n", ix.tr.next.n, name, name)
	fmt.Fprintf(w, "\t\tends: %sEnds[:], forms: %sForms[:]}\n", name, name)
	fmt.Fprintf(w, "\tix.targets = %sTargets[:]\n", name)
	fmt.Fprintf(w, "\tix.inSet = inSetOf(ix.nbTargets, %sInSet[:])\n", name)
	fmt.Fprintf(w, "\tix.fuzzyFirst = firstLetters(%q)\n", first)
	if ix.fuzzyForms != nil {
		fmt.Fprintf(w, "\tix.fuzzyForms, ix.fuzzyWords = %sFuzzyForms[:], %sFuzzyWords[:]\n", name, name)
	}
	for _, m := range []struct {
		field string
		v     any
	}{
		{"broaderOf", ix.broaderOf}, {"byID", ix.byID}, {"stems", ix.stems}, {"stemPrefix", ix.stemPrefix},
		{"setForm", ix.setForm}, {"setWords", ix.setWords}, {"nearStems", ix.nearStems},
	} {
		lit, err := goLiteral(reflect.ValueOf(m.v), true)
		if err != nil {
			return fmt.Errorf("%s: %w", m.field, err)
		}
		fmt.Fprintf(w, "\tix.%s = %s\n", m.field, lit)
	}
	w.WriteString("}\n\n")

	arrays := []struct {
		suffix string
		v      any
	}{
		{"NextKeys", ix.tr.next.keys}, {"NextVals", ix.tr.next.vals},
		{"Ends", ix.tr.ends}, {"Forms", ix.tr.forms}, {"Targets", ix.targets}, {"InSet", inSet},
	}
	if ix.fuzzyForms != nil {
		arrays = append(arrays, struct {
			suffix string
			v      any
		}{"FuzzyForms", ix.fuzzyForms}, struct {
			suffix string
			v      any
		}{"FuzzyWords", ix.fuzzyWords})
	}
	ix.tr.vocab.WriteArrays(w, name+"Vocab")
	for _, a := range arrays {
		v := reflect.ValueOf(a.v)
		elem := strings.TrimPrefix(v.Type().Elem().String(), "scorer.")
		fmt.Fprintf(w, "var %s%s = [%d]%s{", name, a.suffix, v.Len(), elem)
		for i := 0; i < v.Len(); i++ {
			if v.Index(i).IsZero() {
				continue // left out: the array's zero value
			}
			lit, err := goLiteral(v.Index(i), false)
			if err != nil {
				return fmt.Errorf("%s: %w", a.suffix, err)
			}
			fmt.Fprintf(w, "\n\t%d: %s,", i, lit)
		}
		w.WriteString("\n}\n\n")
	}
	return nil
}

// goLiteral renders v as a Go expression; typed adds the type of a slice or
// map, which elements of an enclosing literal leave out. Struct fields at
// their zero value are left out, and so are the types inside the value.
func goLiteral(v reflect.Value, typed bool) (string, error) {
	typ := ""
	if typed {
		typ = strings.TrimPrefix(v.Type().String(), "scorer.")
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint64:
		return fmt.Sprintf("%#x", v.Uint()), nil
	case reflect.String:
		return strconv.Quote(v.String()), nil
	case reflect.Slice:
		if v.IsNil() {
			return "nil", nil
		}
		var parts []string
		for i := 0; i < v.Len(); i++ {
			p, err := goLiteral(v.Index(i), false)
			if err != nil {
				return "", err
			}
			parts = append(parts, p)
		}
		return typ + "{" + strings.Join(parts, ", ") + "}", nil
	case reflect.Map:
		if v.IsNil() {
			return "nil", nil
		}
		var parts []string
		for _, k := range v.MapKeys() {
			kl, err := goLiteral(k, false)
			if err != nil {
				return "", err
			}
			vl, err := goLiteral(v.MapIndex(k), false)
			if err != nil {
				return "", err
			}
			parts = append(parts, kl+": "+vl)
		}
		sort.Strings(parts) // keys are unique: sorting the entries sorts the keys
		if len(parts) == 0 {
			return typ + "{}", nil
		}
		return typ + "{\n\t\t" + strings.Join(parts, ",\n\t\t") + ",\n\t}", nil
	case reflect.Struct:
		var parts []string
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				continue
			}
			p, err := goLiteral(v.Field(i), v.Field(i).Kind() == reflect.Slice)
			if err != nil {
				return "", err
			}
			parts = append(parts, v.Type().Field(i).Name+": "+p)
		}
		return typ + "{" + strings.Join(parts, ", ") + "}", nil
	}
	return "", fmt.Errorf("no literal for %s", v.Type())
}
