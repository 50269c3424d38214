package keywords

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const miniRole = `version: 1
role: mini
title: Mini Role
sources: [our own test text]
keywords:
  - {name: PostgreSQL, aliases: [Postgres], tier: essential, kind: database}
  - {name: Go, aliases: [Golang], tier: important, kind: language, context: tech}
  - name: communication
    tier: bonus
    soft: true
  - {name: Kafka, tier: bonus, kind: messaging, weight: 2}
checks: [quantified-results, uptime]
signals:
  - id: uptime
    title: Uptime
    phrases: [Uptime, "99.9"]
    fix: give an uptime figure
`

func TestParseRole(t *testing.T) {
	set, err := Parse(strings.NewReader(miniRole), "mini.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := &Set{
		ID: "mini", Title: "Mini Role", Source: "keywords",
		Keywords: []Keyword{
			{ID: "postgresql", Name: "PostgreSQL", Aliases: []string{"Postgres"}, Tier: Essential, Kind: "database", Weight: 1},
			{ID: "go", Name: "Go", Aliases: []string{"Golang"}, Tier: Important, Kind: "language", Weight: 1, Context: TechOnly},
			{ID: "communication", Name: "communication", Tier: Bonus, Kind: "soft", Soft: true, Weight: 1},
			{ID: "kafka", Name: "Kafka", Tier: Bonus, Kind: "messaging", Weight: 2},
		},
		Checks:  []string{"quantified-results", "uptime"},
		Signals: []Signal{{ID: "uptime", Title: "Uptime", Phrases: []string{"uptime", "99.9"}, Fix: "give an uptime figure"}},
	}
	if diff := cmp.Diff(want, set); diff != "" {
		t.Errorf("Parse(mini.yaml) mismatch (-want +got):\n%s", diff)
	}
}

func TestParseRoleCaseAliases(t *testing.T) {
	tests := []struct {
		name, in string
		want     Keyword
	}{
		{
			name: "an acronym matched only in capitals",
			in:   "version: 1\nrole: x\nkeywords:\n  - {name: human resources, aliases: [HRM], case_aliases: [HR], kind: business}\n",
			want: Keyword{ID: "human-resources", Name: "human resources", Aliases: []string{"HRM"}, CaseAliases: []string{"HR"}, Tier: Essential, Kind: "business", Weight: 1},
		},
		{
			name: "trimmed, order kept",
			in:   "version: 1\nrole: x\nkeywords:\n  - {name: project manager, case_aliases: [\" PM \", PMO]}\n",
			want: Keyword{ID: "project-manager", Name: "project manager", CaseAliases: []string{"PM", "PMO"}, Tier: Essential, Weight: 1},
		},
	}
	for _, tt := range tests {
		set, err := Parse(strings.NewReader(tt.in), "x.yaml")
		if err != nil {
			t.Errorf("%s: Parse: %v", tt.name, err)
			continue
		}
		if d := cmp.Diff([]Keyword{tt.want}, set.Keywords); d != "" {
			t.Errorf("%s: Parse keywords (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestParseRoleErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // substring of the error, with file and line
	}{
		{"unknown field", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    tier: essential\n    colour: red\n", `x.yaml:6: unknown field "colour"`},
		{"unknown top field", "version: 1\nrole: x\nkeyword: []\n", `x.yaml:3: unknown field "keyword"`},
		{"bad tier", "version: 1\nrole: x\nkeywords:\n  - {name: Go, tier: urgent}\n", `x.yaml:4: keyword "Go": unknown tier "urgent"`},
		{"tier synonym is not strict", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    tier: recommended\n", `x.yaml:5: keyword "Go": unknown tier`},
		{"bad context", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    context: yes\n", `x.yaml:5: keyword "Go": unknown context "yes"`},
		{"bad kind", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    kind: snake\n", `x.yaml:5: keyword "Go": unknown kind "snake"`},
		{"bad weight", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    weight: -1\n", `x.yaml:5: keyword "Go": weight -1 out of range`},
		{"weight not a number", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    weight: heavy\n", `x.yaml:5: cannot unmarshal`},
		{"missing version", "role: x\nkeywords:\n  - name: Go\n", `x.yaml:1: missing version`},
		{"future version", "version: 2\nrole: x\nkeywords:\n  - name: Go\n", `x.yaml:1: unsupported version 2`},
		{"bad id", "version: 1\nrole: Back End\nkeywords:\n  - name: Go\n", `x.yaml:2: role id "Back End"`},
		{"no keywords", "version: 1\nrole: x\n", `x.yaml:1: no keywords`},
		{"empty name", "version: 1\nrole: x\nkeywords:\n  - tier: bonus\n", `x.yaml:4: keyword without a name`},
		{"duplicate name", "version: 1\nrole: x\nkeywords:\n  - name: Go\n  - name: go\n", `x.yaml:5: "go" is already listed on line 4`},
		{"alias collides", "version: 1\nrole: x\nkeywords:\n  - name: PostgreSQL\n    aliases: [Postgres]\n  - name: Postgres DB\n    aliases: [postgres]\n", `x.yaml:7: "postgres" is already listed on line 5`},
		{"case alias collides", "version: 1\nrole: x\nkeywords:\n  - name: human resources\n    aliases: [HR department]\n    case_aliases:\n      - HR\n  - name: hr\n", `x.yaml:8: "hr" is already listed on line 7`},
		{"empty case alias", "version: 1\nrole: x\nkeywords:\n  - name: human resources\n    case_aliases: [\"\"]\n", `keyword "human resources": empty case alias`},
		{"unknown check", "version: 1\nrole: x\nkeywords:\n  - name: Go\nchecks: [quantified-results, vibes]\n", `x.yaml:5: unknown check "vibes"`},
		{"signal without fix", "version: 1\nrole: x\nkeywords:\n  - name: Go\nsignals:\n  - id: up\n    phrases: [uptime]\n", `x.yaml:6: signal "up" has no fix`},
		{"signal without phrases", "version: 1\nrole: x\nkeywords:\n  - name: Go\nsignals:\n  - id: up\n    fix: add it\n", `x.yaml:6: signal "up" has no phrases`},
		{"signal shadows a check", "version: 1\nrole: x\nkeywords:\n  - name: Go\nsignals:\n  - {id: length, phrases: [a], fix: b}\n", `x.yaml:6: signal id "length" is already used`},
		{"syntax", "version: 1\nrole: x\nkeywords: [\n", `x.yaml:`},
		{"empty", "", `x.yaml: empty role file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in), "x.yaml")
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want %q", tt.in, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %q, want it to contain %q", err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Parse error %q does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestParseList(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Keyword
	}{
		{
			name: "plain lines and comments",
			in:   "# my list\nKubernetes\n\n  Terraform  # infra\nC#\nF# # functional\n",
			want: []Keyword{
				{ID: "kubernetes", Name: "Kubernetes", Weight: 1},
				{ID: "terraform", Name: "Terraform", Weight: 1},
				{ID: "csharp", Name: "C#", Weight: 1},
				{ID: "fsharp", Name: "F#", Weight: 1},
			},
		},
		{
			name: "aliases and tiers",
			in:   "PostgreSQL = Postgres, psql\n[important]\nC++\n[bonus]\nCI/CD\n",
			want: []Keyword{
				{ID: "postgresql", Name: "PostgreSQL", Aliases: []string{"Postgres", "psql"}, Weight: 1},
				{ID: "cpp", Name: "C++", Tier: Important, Weight: 1},
				{ID: "ci-cd", Name: "CI/CD", Tier: Bonus, Weight: 1},
			},
		},
		{
			name: "tier synonyms and BOM",
			in:   "\ufeffNode.js\n[nice-to-have]\nREST API\n",
			want: []Keyword{
				{ID: "node-js", Name: "Node.js", Weight: 1},
				{ID: "rest-api", Name: "REST API", Tier: Important, Weight: 1},
			},
		},
		{
			name: "CRLF line ends",
			in:   "Go\r\nRust\r\n",
			want: []Keyword{{ID: "go", Name: "Go", Weight: 1}, {ID: "rust", Name: "Rust", Weight: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Parse(strings.NewReader(tt.in), "dir/my-list.txt")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if set.ID != "my-list" || set.Source != "keywords" {
				t.Errorf("Parse set ID, Source = %q, %q, want %q, %q", set.ID, set.Source, "my-list", "keywords")
			}
			if diff := cmp.Diff(tt.want, set.Keywords); diff != "" {
				t.Errorf("Parse(%q) keywords mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseListErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "# nothing\n\n", "list.txt: no keywords"},
		{"duplicate", "Go\nRust\ngo\n", `list.txt:3: "go" is already listed on line 1`},
		{"alias duplicate", "PostgreSQL = Postgres\nPostgres\n", `list.txt:2: "Postgres" is already listed on line 1`},
		{"bad tier", "Go\n[urgent]\nRust\n", `list.txt:2: unknown tier "[urgent]"`},
		{"no name", "= foo\n", `list.txt:1: a keyword is missing`},
		{"too large", strings.Repeat("x", maxListBytes+10), "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in), "list.txt")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse(%.40q) error = %v, want it to contain %q", tt.in, err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Parse error %q does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestParseDetectsYAMLWithoutExtension(t *testing.T) {
	set, err := Parse(strings.NewReader(miniRole), "keywords.txt")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if set.ID != "mini" || len(set.Keywords) != 4 {
		t.Errorf("Parse(role YAML as .txt) = ID %q with %d keywords, want mini with 4", set.ID, len(set.Keywords))
	}
}

func roleFS() fstest.MapFS {
	return fstest.MapFS{
		"roles/mini.yaml":    {Data: []byte(miniRole)},
		"roles/other.yaml":   {Data: []byte("version: 1\nrole: other\ntitle: Other\nkeywords:\n  - {name: Excel, tier: important, context: list}\n")},
		"roles/badname.yaml": {Data: []byte("version: 1\nrole: notbadname\nkeywords:\n  - name: x\n")},
		"roles/README.md":    {Data: []byte("not a role")},
		"lexicon/x.txt":      {Data: []byte("lexicon")},
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		role    string
		wantErr error
		wantID  string
	}{
		{role: "mini", wantID: "mini"},
		{role: "nope", wantErr: ErrUnknownRole},
		{role: "../etc/passwd", wantErr: ErrUnknownRole},
		{role: "", wantErr: ErrUnknownRole},
		{role: "badname", wantErr: ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.role, func(t *testing.T) {
			set, err := Load(roleFS(), tt.role)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Load(%q) error = %v, want %v", tt.role, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load(%q): %v", tt.role, err)
			}
			if set.ID != tt.wantID || set.Source != "role" {
				t.Errorf("Load(%q) = ID %q Source %q, want %q, role", tt.role, set.ID, set.Source, tt.wantID)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	fsys := roleFS()
	delete(fsys, "roles/badname.yaml")
	got, err := Roles(fsys)
	if err != nil {
		t.Fatalf("Roles: %v", err)
	}
	want := []RoleInfo{
		{ID: "mini", Title: "Mini Role", Keywords: 4, Essential: 1, Important: 1, Bonus: 2, Soft: 1, Signals: 1},
		{ID: "other", Title: "Other", Keywords: 1, Important: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Roles mismatch (-want +got):\n%s", diff)
	}
	if _, err := Roles(roleFS()); !errors.Is(err, ErrInvalid) {
		t.Errorf("Roles with a broken file: error = %v, want ErrInvalid", err)
	}
}

func TestOverlay(t *testing.T) {
	base := roleFS()
	delete(base, "roles/badname.yaml")
	user1 := fstest.MapFS{
		"other.yaml": {Data: []byte("version: 1\nrole: other\ntitle: Mine\nkeywords:\n  - {name: Rust, context: tech}\n")},
		"extra.yaml": {Data: []byte("version: 1\nrole: extra\nkeywords:\n  - name: Zig\n")},
		"notes.txt":  {Data: []byte("ignored")},
	}
	user2 := fstest.MapFS{
		"extra.yaml": {Data: []byte("version: 1\nrole: extra\ntitle: Later wins\nkeywords:\n  - name: Zig\n")},
	}
	fsys := Overlay(base, user1, user2)
	got, err := Roles(fsys)
	if err != nil {
		t.Fatalf("Roles(overlay): %v", err)
	}
	var titles []string
	for _, r := range got {
		titles = append(titles, r.ID+"="+r.Title)
	}
	want := []string{"extra=Later wins", "mini=Mini Role", "other=Mine"}
	if diff := cmp.Diff(want, titles); diff != "" {
		t.Errorf("Roles(overlay) mismatch (-want +got):\n%s", diff)
	}
	if _, err := fs.ReadFile(fsys, "lexicon/x.txt"); err != nil {
		t.Errorf("overlay hides base files: %v", err)
	}
	if _, err := Load(fsys, "nope"); !errors.Is(err, ErrUnknownRole) {
		t.Errorf("Load(overlay, nope) error = %v, want ErrUnknownRole", err)
	}
}

func FuzzParseKeywords(f *testing.F) {
	f.Add([]byte(miniRole), "mini.yaml")
	f.Add([]byte("Go\nPostgreSQL = Postgres\n[bonus]\nC#\n"), "list.txt")
	f.Add([]byte("version: 1\nrole: x\nkeywords: [{name: a}]\n"), "x.yml")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		set, err := Parse(strings.NewReader(string(data)), name)
		if err != nil {
			if set != nil {
				t.Fatalf("Parse returned a set and an error")
			}
			return
		}
		if len(set.Keywords) == 0 {
			t.Fatalf("Parse returned a set with no keywords")
		}
		for _, k := range set.Keywords {
			if k.Name == "" || k.Weight <= 0 {
				t.Fatalf("Parse returned keyword %+v", k)
			}
		}
	})
}

func ExampleParse() {
	list := "# my keywords\nPostgreSQL = Postgres\n[important]\nC#\nCI/CD\n"
	set, err := Parse(strings.NewReader(list), "my-list.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range set.Keywords {
		fmt.Println(k.Name, k.Tier, k.Aliases)
	}
	_, err = Parse(strings.NewReader("version: 1\nrole: x\nkeywords:\n  - name: Go\n    tier: urgent\n"), "x.yaml")
	fmt.Println(err)
	// Output:
	// PostgreSQL essential [Postgres]
	// C# important []
	// CI/CD important []
	// x.yaml:5: keyword "Go": unknown tier "urgent" (want essential, important or bonus): invalid keyword file
}

func ExampleOverlay() {
	builtin := fstest.MapFS{"roles/backend.yaml": {Data: []byte("version: 1\nrole: backend\ntitle: Backend Developer\nkeywords: [{name: Go, context: tech}]\n")}}
	mine := fstest.MapFS{"backend.yaml": {Data: []byte("version: 1\nrole: backend\ntitle: My Backend\nkeywords: [{name: Rust, context: tech}]\n")}}
	roles, _ := Roles(Overlay(builtin, mine))
	for _, r := range roles {
		fmt.Println(r.ID, r.Title)
	}
	// Output:
	// backend My Backend
}

// TestValidID holds validID to the pattern it replaced, ^[a-z0-9][a-z0-9-]*$.
func TestValidID(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	for _, id := range []string{"", "backend", "data-engineer", "a", "9", "-x", "x-", "Backend", "back end", "back_end", "../etc", "é", "a/b", "a\n", "--"} {
		if got, want := validID(id), re.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
}
