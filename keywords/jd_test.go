package keywords_test

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/keywords"
)

var (
	lexOnce sync.Once
	lexVal  *keywords.Lexicon
	lexErr  error
)

// testLexicon loads the built-in lexicon and JD rules from the seeds directory.
func testLexicon(t *testing.T) *keywords.Lexicon {
	t.Helper()
	lexOnce.Do(func() { lexVal, lexErr = keywords.LoadLexicon(os.DirFS("../seeds")) })
	if lexErr != nil {
		t.Fatalf("LoadLexicon: %v", lexErr)
	}
	return lexVal
}

// kwView is what the tests compare of a JD keyword.
type kwView struct {
	Section string
	Tier    keywords.Tier
	Count   int
	Weight  float64
	Other   bool
	Grouped bool
}

func views(jd *keywords.JD) map[string]kwView {
	m := map[string]kwView{}
	for _, k := range jd.Set.Keywords {
		m[k.Name] = kwView{Section: k.Section, Tier: k.Tier, Count: k.Count, Weight: k.Weight, Other: k.Other, Grouped: k.Group != ""}
	}
	return m
}

func TestFromJDKeywords(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   map[string]kwView // keywords that must be there, as shown
		absent []string          // names that must not be keywords
	}{
		{
			name: "sections weigh required over responsibilities over preferred over about",
			text: "Data Engineer\n\nAbout us\nWe run on Kotlin.\n\nResponsibilities\n- Operate Kafka clusters.\n\nRequirements\n- Experience with Airflow.\n\nNice to have\n- Snowflake\n",
			want: map[string]kwView{
				"Airflow":   {Section: "required", Tier: keywords.Essential, Count: 1, Weight: 1},
				"Kafka":     {Section: "responsibilities", Tier: keywords.Important, Count: 1, Weight: 0.75},
				"Snowflake": {Section: "preferred", Tier: keywords.Bonus, Count: 1, Weight: 0.5},
				"Kotlin":    {Section: "about", Tier: keywords.Bonus, Count: 1, Weight: 0.25},
			},
		},
		{
			name: "frequency is sublinear and capped at twice the section weight",
			text: "Requirements\n- Docker for builds.\n- Docker for tests.\n- Docker in production, Docker everywhere.\n- Terraform and Terraform.\n",
			want: map[string]kwView{
				"Docker":    {Section: "required", Tier: keywords.Essential, Count: 4, Weight: 2},
				"Terraform": {Section: "required", Tier: keywords.Essential, Count: 2, Weight: 1.693},
			},
		},
		{
			name: "named in requirements and responsibilities earns the both-sections bonus",
			text: "Responsibilities\n- Run Kubernetes.\n\nRequirements\n- Kubernetes experience.\n",
			want: map[string]kwView{
				"Kubernetes": {Section: "required", Tier: keywords.Essential, Count: 2, Weight: 1.943},
			},
		},
		{
			name: "inline cues move one sentence",
			text: "Requirements\n- Strong SQL skills. PostgreSQL experience is a plus.\n- Familiarity with Grafana.\n",
			want: map[string]kwView{
				"SQL":        {Section: "required", Tier: keywords.Essential, Count: 1, Weight: 1},
				"PostgreSQL": {Section: "preferred", Tier: keywords.Bonus, Count: 1, Weight: 0.5},
				"Grafana":    {Section: "preferred", Tier: keywords.Bonus, Count: 1, Weight: 0.5},
			},
		},
		{
			name: "X, Y or Z is an any-of group",
			text: "Requirements\n- Experience with Python, Java, or C#.\n- Version control with SVN | Git\n",
			want: map[string]kwView{
				"Python": {Section: "required", Count: 1, Weight: 1, Grouped: true},
				"Java":   {Section: "required", Count: 1, Weight: 1, Grouped: true},
				"C#":     {Section: "required", Count: 1, Weight: 1, Grouped: true},
				"SVN":    {Section: "required", Count: 1, Weight: 1, Grouped: true},
				"Git":    {Section: "required", Count: 1, Weight: 1, Grouped: true},
			},
		},
		{
			name: "a list joined by and is no group",
			text: "Requirements\n- Experience with Python, Java and Go services.\n",
			want: map[string]kwView{
				"Python": {Section: "required", Count: 1, Weight: 1},
				"Java":   {Section: "required", Count: 1, Weight: 1},
				"Go":     {Section: "required", Count: 1, Weight: 1},
			},
		},
		{
			name:   "negated requirements are dropped",
			text:   "Requirements\n- In-depth experience with Python (no Ruby or Rails experience required for this role)\n",
			want:   map[string]kwView{"Python": {Section: "required", Count: 1, Weight: 1}},
			absent: []string{"Ruby", "Rails", "Ruby on Rails"},
		},
		{
			name: "ambiguous names need case and context",
			text: "Requirements\n- Go beyond the call for your team.\n- You react quickly in spring.\n- Services written in Go or Rust.\n",
			want: map[string]kwView{
				"Go":   {Section: "required", Count: 1, Weight: 1, Grouped: true},
				"Rust": {Section: "required", Count: 1, Weight: 1, Grouped: true},
			},
			absent: []string{"React", "Spring"},
		},
		{
			name: "a vendor name counts in a list or beside another skill, not alone in a sentence",
			text: "About us\nWe are a partner of Oracle in Austin.\n\nRequirements\n- Databases: Oracle, PostgreSQL, MySQL\n",
			want: map[string]kwView{
				"Oracle":     {Section: "required", Count: 1, Weight: 1},
				"PostgreSQL": {Section: "required", Count: 1, Weight: 1},
				"MySQL":      {Section: "required", Count: 1, Weight: 1},
			},
		},
		{
			name:   "boilerplate sections and words are never keywords",
			text:   "Requirements\n- Experience with Redis.\n- Great team player with strong experience.\n\nBenefits\n- Slack stipend and AWS credits.\n\nEqual opportunity\nWe are an equal opportunity employer.\n",
			want:   map[string]kwView{"Redis": {Section: "required", Count: 1, Weight: 1}},
			absent: []string{"Slack", "AWS", "team", "experience", "benefits", "equal opportunity", "Equal opportunity", "employer"},
		},
		{
			name: "other terms: tech-shaped tokens and skill list labels at half weight",
			text: "Required Skills\n1. Customer Service: helping clients by phone.\n2. Networking: LAN operation.\n\nRequirements\n- Works with FooDB and the Zorbit v2 API.\n",
			want: map[string]kwView{
				"Customer Service": {Section: "required", Count: 1, Weight: 0.5, Other: true},
				"Networking":       {Section: "required", Count: 1, Weight: 0.5, Other: true},
				"FooDB":            {Section: "required", Count: 1, Weight: 0.5, Other: true},
			},
			absent: []string{"phone", "Works"},
		},
		{
			name: "a hyphenated -ing compound is a term, not a leading verb",
			text: "Required Skills\n- Solid problem-solving skills\n",
			want: map[string]kwView{"problem-solving": {Section: "required", Count: 1, Weight: 0.5, Other: true}},
		},
		{
			name:   "a capitalised name named once in the responsibilities is a term",
			text:   "Responsibilities\n- Conduct system-wide Penetration Testing to identify weak spots.\n",
			want:   map[string]kwView{"Penetration Testing": {Section: "responsibilities", Tier: keywords.Important, Count: 1, Weight: 0.375, Other: true}},
			absent: []string{"Conduct"},
		},
		{
			name:   "a long run of words splits at its verbs",
			text:   "Required Skills\n- Solid understanding and implementation experience running complex algorithms.\n",
			want:   map[string]kwView{"algorithms": {Section: "required", Count: 1, Weight: 0.5, Other: true}},
			absent: []string{"running", "running complex algorithms"},
		},
		{
			name:   "a lowercase word alone after to is a verb",
			text:   "Required Skills\n- Ability to read and understand Technological Manuals\n",
			want:   map[string]kwView{"Technological Manuals": {Section: "required", Count: 1, Weight: 0.5, Other: true}},
			absent: []string{"read", "understand"},
		},
		{
			name:   "the words of a skill phrase weigh a quarter, role nouns are no words of a skill",
			text:   "Required Skills\n- Neurological Procedures\n- Welding Technician\n",
			want:   map[string]kwView{"Neurological": {Section: "required", Count: 1, Weight: 0.25, Other: true}},
			absent: []string{"Technician"},
		},
		{
			name: "inflections of a term or of a skill count once",
			text: "Required Skills\n- Cutting Worker\n- Cutting Workers\n- data warehouse\n- Data Warehouses\n",
			want: map[string]kwView{
				"Cutting Worker": {Section: "required", Count: 2, Weight: 0.847, Other: true},
				"data warehouse": {Section: "required", Count: 1, Weight: 1},
			},
			absent: []string{"Cutting Workers", "Data Warehouses"},
		},
		{
			name:   "notices of how the company hires are no requirements",
			text:   "Requirements\n- Kafka.\n- We use Covey as part of our hiring process for jobs in NYC, where it may be an AEDT.\n- Please see the independent bias audit report covering Covey here.\n- We are unable to provide visa sponsorship for Canada.\n",
			want:   map[string]kwView{"Kafka": {Section: "required", Tier: keywords.Essential, Count: 1, Weight: 1}},
			absent: []string{"Covey", "NYC", "AEDT", "Canada"},
		},
		{
			name:   "pay ranges and a pitch under 'Why <Company>?' are boilerplate",
			text:   "Requirements\n- Kafka.\n- Compensation ranges are country specific: GBP for the United Kingdom.\n\nWhy Lime?\n- Health and wellness offerings and pre-IPO equity.\n",
			want:   map[string]kwView{"Kafka": {Section: "required", Tier: keywords.Essential, Count: 1, Weight: 1}},
			absent: []string{"GBP", "United Kingdom", "wellness offerings", "pre-IPO"},
		},
		{
			name:   "a heading with an aside: perks are boilerplate",
			text:   "Requirements\n- Kafka.\n\nPerks (for Full-Time Employees Only)\n- Home office setup\n- Docker Swag\n",
			want:   map[string]kwView{"Kafka": {Section: "required", Tier: keywords.Essential, Count: 1, Weight: 1}},
			absent: []string{"Home office setup", "Swag", "Docker Swag"},
		},
		{
			name: "a skill named in the title counts as required",
			text: "Senior Backend Engineer (Elixir)\n\nWhat you will do\n- Build things with Elixir.\n",
			want: map[string]kwView{"Elixir": {Section: "required", Tier: keywords.Essential, Count: 2, Weight: 1.943}},
		},
	}
	lex := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jd, err := keywords.FromJD("job.txt", tt.text, lex)
			if err != nil {
				t.Fatalf("FromJD: %v", err)
			}
			got := views(jd)
			for name, want := range tt.want {
				g, ok := got[name]
				if !ok {
					t.Errorf("keyword %q missing; got %v", name, got)
					continue
				}
				if diff := cmp.Diff(want, g); diff != "" {
					t.Errorf("keyword %q (-want +got):\n%s", name, diff)
				}
			}
			for _, name := range tt.absent {
				for got := range got {
					if strings.EqualFold(got, name) {
						t.Errorf("keyword %q should not be extracted", got)
					}
				}
			}
		})
	}
}

func TestFromJDGroupsShareID(t *testing.T) {
	jd, err := keywords.FromJD("job.txt", "Requirements\n- Python, Java, or C#.\n- Kafka or RabbitMQ.\n", testLexicon(t))
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]string{}
	for _, k := range jd.Set.Keywords {
		groups[k.Name] = k.Group
	}
	want := map[string]string{"Python": "g1", "Java": "g1", "C#": "g1", "Kafka": "g2", "RabbitMQ": "g2"}
	if diff := cmp.Diff(want, groups); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}

func TestFromJDFacts(t *testing.T) {
	type facts struct {
		Title, Degree, Seniority string
		Years                    int
	}
	tests := []struct {
		name, text string
		want       facts
	}{
		{"first line is the title", "Senior Backend Engineer\n\nRequirements\n- 5+ years of experience with Go.\n- BS in Computer Science or a related field.\n",
			facts{Title: "Senior Backend Engineer", Years: 5, Degree: "Bachelor's in Computer Science", Seniority: "senior"}},
		{"markdown job title heading", "## Job title\nJunior Systems Admin\n\n## Required Experience\n- Minimum 2 years as a Systems Admin.\n",
			facts{Title: "Junior Systems Admin", Years: 2, Seniority: "junior"}},
		{"title line with a label", "Title: Staff Data Engineer\nRequirements\n- Master's degree preferred.\n- 8-10 years in data.\n",
			facts{Title: "Staff Data Engineer", Years: 8, Degree: "Master's", Seniority: "staff"}},
		{"seniority from years when the title has none", "Software Engineer\n\nRequirements\n- Three years with Java.\n",
			facts{Title: "Software Engineer", Years: 3, Seniority: "mid"}},
		{"nothing asked", "Requirements\n- Kafka.\n", facts{}},
	}
	lex := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jd, err := keywords.FromJD("job.txt", tt.text, lex)
			if err != nil {
				t.Fatal(err)
			}
			got := facts{Title: jd.Title, Years: jd.Years, Degree: jd.Degree, Seniority: jd.Seniority}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromJDSetOrder(t *testing.T) {
	jd, err := keywords.FromJD("job.txt", "Requirements\n- Go and Go and Go.\n\nNice to have\n- Kafka\n- FooDB\n", testLexicon(t))
	if err != nil {
		t.Fatal(err)
	}
	if jd.Set.Source != "jd" || jd.Set.ID != "job.txt" {
		t.Errorf("Set = %q/%q, want jd/job.txt", jd.Set.Source, jd.Set.ID)
	}
	for i := 1; i < len(jd.Set.Keywords); i++ {
		if jd.Set.Keywords[i].Weight > jd.Set.Keywords[i-1].Weight {
			t.Errorf("keyword %d (%s %.3f) heavier than %d (%s %.3f): want heaviest first", i, jd.Set.Keywords[i].Name,
				jd.Set.Keywords[i].Weight, i-1, jd.Set.Keywords[i-1].Name, jd.Set.Keywords[i-1].Weight)
		}
	}
}

func TestFromJDErrors(t *testing.T) {
	if _, err := keywords.FromJD("job.txt", "Go", nil); !errors.Is(err, keywords.ErrNoJDRules) {
		t.Errorf("FromJD(nil lexicon) error = %v, want ErrNoJDRules", err)
	}
}

func TestLoadJDRules(t *testing.T) {
	good := fstest.MapFS{
		"stop/jd_section_cues.tsv":   {Data: []byte("kind\tcue\tsection\tweight\tnotes\nheading\trequirements\trequired\t1.0\t\n")},
		"stop/jd_stopwords.txt":      {Data: []byte("team\n")},
		"stop/jd_function_words.txt": {Data: []byte("the\n")},
	}
	tests := []struct {
		name    string
		edit    func(fstest.MapFS)
		wantErr string
	}{
		{"minimal data loads without a background table", func(fstest.MapFS) {}, ""},
		{"unknown section", func(m fstest.MapFS) {
			m["stop/jd_section_cues.tsv"] = &fstest.MapFile{Data: []byte("heading\tperks\tfun\t0\t\n")}
		}, "stop/jd_section_cues.tsv:1: unknown section"},
		{"empty stop list", func(m fstest.MapFS) { m["stop/jd_stopwords.txt"] = &fstest.MapFile{Data: []byte("# only a comment\n")} }, "stop/jd_stopwords.txt: empty list"},
		{"missing cues", func(m fstest.MapFS) { delete(m, "stop/jd_section_cues.tsv") }, "stop/jd_section_cues.tsv"},
		{"bad background", func(m fstest.MapFS) {
			m["stop/jd_background.tsv.gz"] = &fstest.MapFile{Data: []byte("not gzip")}
		}, "stop/jd_background.tsv.gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range good {
				fsys[k] = v
			}
			tt.edit(fsys)
			_, err := keywords.LoadJDRules(fsys)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("LoadJDRules: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("LoadJDRules error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestSectionWeight(t *testing.T) {
	got := map[string]float64{}
	for _, s := range []string{"required", "responsibilities", "preferred", "about", "ignore", "unknown"} {
		got[s] = keywords.SectionWeight(s)
	}
	want := map[string]float64{"required": 1, "responsibilities": 0.75, "preferred": 0.5, "about": 0.25, "ignore": 0, "unknown": 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SectionWeight (-want +got):\n%s", diff)
	}
}
