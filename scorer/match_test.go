package scorer_test

import (
	"strings"
	"testing"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// TestMatchRules has our own cases for every rule of the matcher (none of
// them copied from ../shared/eval): each line is scored against one keyword.
func TestMatchRules(t *testing.T) {
	tests := []struct {
		rule, text, keyword string
		want                scorer.MatchKind
	}{
		// tokens keep + # . / where they belong to a name
		{"punct", "Wrote plugins in C++ for a game engine.", "C++", scorer.Exact},
		{"punct", "Ported the tool from C++ to Rust.", "C", scorer.Missing},
		{"punct", "Unity scripting in C# with DOTS.", "C#", scorer.Exact},
		{"punct", "Migrated .NET Framework apps to .NET 8.", ".NET", scorer.Exact},
		{"punct", "Gross margin and net profit improved.", ".NET", scorer.Missing},
		{"punct", "Serverless functions in Node.js 20.", "Node.js", scorer.Exact},
		{"punct", "Kept the CI/CD green for a monorepo.", "CI/CD", scorer.Exact},
		{"punct", "Stored procedures in PL/SQL for billing.", "SQL", scorer.Missing},
		{"punct", "Embedded firmware in C/C++ for sensors.", "C", scorer.Exact},
		{"punct", "Embedded firmware in C/C++ for sensors.", "C++", scorer.Exact},
		{"version", "Upgraded services to Python 3.12.", "Python", scorer.Exact},
		{"version", "Template metaprogramming in C++20.", "C++", scorer.Exact},
		{"nfkc", "Small REST services with ﬂask and SQLAlchemy.", "Flask", scorer.Missing}, // lowercase outside a list
		{"nfkc", "Small REST services with Fl\u0061sk and SQLAlchemy.", "Flask", scorer.Exact},
		// ambiguous names: case, lists, context, vetoes, compounds, sentence start
		{"case", "Let's go over the numbers.", "Go", scorer.Missing},
		{"case", "GO TEAM, fundraising banner.", "Go", scorer.Missing},
		{"list", "Languages: python, go, rust, sql", "Go", scorer.Exact},
		{"list", "Languages: python, go, rust, sql", "Rust", scorer.Exact},
		{"context", "Wrote a CLI in Go with cobra.", "Go", scorer.Exact},
		{"context", "The Go board club met weekly.", "Go", scorer.Missing},
		{"veto", "Set the go-to-market timeline.", "Go", scorer.Missing},
		{"veto", "Closed a Series C round.", "C", scorer.Missing},
		{"veto", "Gift cards with American Express.", "Express", scorer.Missing},
		{"veto", "Spring 2024 semester project.", "Spring", scorer.Missing},
		{"veto", "Fall 2013 –\tSpring\t  2014, Java and Spring MVC", "Spring", scorer.Exact}, // the layout gap does not hide the season; Spring MVC counts
		{"veto", "Intern, Fall 2013 –\tSpring\t  2014 (Java services)", "Spring", scorer.Missing},
		{"compound", "Planned the go-live for the ERP.", "Go", scorer.Missing},
		{"compound", "Briefed the C-level staff.", "C", scorer.Missing},
		{"compound", "Wrote Go-based gRPC services.", "Go", scorer.Exact},
		{"sentence-initial", "Go beyond the brief every quarter.", "Go", scorer.Missing},
		{"sentence-initial", "Go, Docker and Kubernetes at scale.", "Go", scorer.Exact},
		{"sentence-initial", "Swift and Objective-C apps for iPad.", "Swift", scorer.Exact},
		{"person", "Mentored by Julia on the data team.", "Julia", scorer.Missing},
		{"short", "Modelled churn in R with tidymodels.", "R", scorer.Exact},
		{"short", "Grade R results were fine.", "R", scorer.Missing},
		{"short", "Dosage was 5 mL per day.", "machine learning", scorer.Missing},
		{"short", "Research intern, Apple ML Research.", "machine learning", scorer.Alias}, // all-caps acronym, case-exact
		{"short", "Jobs in ai and ml were posted.", "machine learning", scorer.Missing},
		{"context", "Payments at 50K per second using Kafka and Go, with retries.", "Go", scorer.Exact}, // Kafka is evidence
		{"near-skill", "Databases: Oracle, PostgreSQL, MySQL", "Oracle Database", scorer.Alias},
		{"near-skill", "Software Engineer, Oracle, Redwood City (2019-2021)", "Oracle Database", scorer.Missing}, // the employer
		{"near-skill", "Tuned queries on Oracle with PL/SQL and Python.", "Oracle Database", scorer.Alias},       // other skills beside it
		{"near-skill", "Expert knowledge in Oracle.", "Oracle Database", scorer.Alias},                           // "in" before it
		{"near-skill", "Worked at Oracle on cloud billing.", "Oracle Database", scorer.Missing},                  // the employer
		{"near-skill", "Ran Oracle 11g on Linux for billing.", "Oracle Database", scorer.Alias},                  // the release names the database
		{"near-skill", "Deployed on Oracle Cloud and Oracle Linux.", "Oracle Database", scorer.Missing},
		{"prefix", "Dashboards in JavaScript and D3.", "Java", scorer.Missing},
		{"substring", "Built on MySQL and NoSQL stores.", "SQL", scorer.Missing},
		// unknown keywords that are English words keep their case
		{"unknown-word", "Pipelines on Sprocket and Kafka.", "Sprocket", scorer.Exact}, // a tool the lexicon does not know
		{"unknown-word", "Replaced a worn bike sprocket.", "Sprocket", scorer.Missing},
		{"unknown-word", "Ran ownership reviews.", "ownership", scorer.Exact},
		// aliases, containing names
		{"alias", "Managed Postgres clusters on RDS.", "PostgreSQL", scorer.Alias},
		{"alias", "Ran workloads on k8s.", "Kubernetes", scorer.Alias},
		{"alias", "CLI tools in Golang.", "Go", scorer.Alias},
		{"containing", "REST APIs on Spring Boot 3.", "Spring", scorer.Exact},
		{"containing", "Mobile apps with React Native.", "React", scorer.Exact},
		{"containing", "Mobile apps with React.", "React Native", scorer.Missing},
		// variants: light inflection, Snowball on stem-safe words, acronym plurals
		{"variant", "Split the monolith into microservices.", "microservice", scorer.Variant},
		{"variant", "Mentored four junior engineers.", "mentoring", scorer.Variant},
		{"variant", "Shipped SDKs for three platforms.", "SDK", scorer.Variant},
		{"variant", "Containerised the legacy apps.", "containerization", scorer.Variant},
		{"variant", "Server side caching layer.", "server-side", scorer.Variant},
		{"light-inflection", "Painted on canvas and paper.", "Canva", scorer.Missing}, // canvas is a word, not Canvas of Canva
		{"light-inflection", "Designed posters in Canva.", "Canva", scorer.Exact},
		{"fuzzy", "Complied with FISMA controls.", "Figma", scorer.Missing},      // an acronym, not a typo
		{"fuzzy", "M.Sc. in health informatics.", "Informatica", scorer.Missing}, // an English word the default SCOWL lacks
		{"stem-blocklist", "Excellent stakeholder updates.", "Excel", scorer.Missing},
		{"stem-blocklist", "Products shipped on time.", "production", scorer.Missing},
		// typos
		{"fuzzy", "Deployed on Kubrenetes clusters.", "Kubernetes", scorer.Fuzzy},
		{"fuzzy", "Infrastructure with Terrafrom modules.", "Terraform", scorer.Fuzzy},
		{"fuzzy", "Backed by a strong team.", "backend", scorer.Missing}, // English word
		{"fuzzy", "Good posture at work.", "PostgreSQL", scorer.Missing}, // English word
		{"fuzzy", "Scaled the Jav service.", "Java", scorer.Missing},     // too short
		{"fuzzy", "Deployed with Dockr.", "Docker", scorer.Fuzzy},
		{"fuzzy", "Sprung into action.", "Spring", scorer.Missing}, // ambiguous: never fuzzy
		// generic instead of specific
		{"generic", "Tuned queries on SQL databases.", "PostgreSQL", scorer.Generic},
		{"generic", "Dashboards in JavaScript.", "React", scorer.Missing},
	}
	for _, tt := range tests {
		ix := compile(t, keywords.Keyword{Name: tt.keyword})
		rep := ix.Score(doc(tt.text))
		m := rep.Keywords[0]
		if m.Match != tt.want {
			t.Errorf("[%s] %q vs %q: match = %s (found %q), want %s; rejected %v", tt.rule, tt.text, tt.keyword, m.Match, m.Found, tt.want, m.Rejected)
		}
	}
}

func TestGluedRuns(t *testing.T) {
	tests := []struct {
		text    string
		keyword string
		want    scorer.MatchKind
	}{
		{"KafkaRedisGraphQLgRPCPostgreSQLDocker", "GraphQL", scorer.Exact},
		{"KafkaRedisGraphQLgRPCPostgreSQLDocker", "PostgreSQL", scorer.Exact},
		{"KafkaRedisGraphQLgRPCPostgreSQLDocker", "Docker", scorer.Exact},
		{"KafkaRedisGraphQLgRPCPostgreSQLDocker", "Kubernetes", scorer.Missing},
		{"DockerKubernetesobservabilityevent-drivenOAuth", "observability", scorer.Exact},
		{"DockerKubernetesobservabilityevent-drivenOAuth", "OAuth", scorer.Exact},
		{"JavaScriptTypeScript", "Java", scorer.Missing},    // JavaScript covers it, not Java + Script
		{"PostgreSQLxyzzyDocker", "Docker", scorer.Missing}, // not wholly covered by names
		{"Dockerization", "Docker", scorer.Missing},         // no inner capitals: an ordinary word
	}
	for _, tt := range tests {
		rep := compile(t, keywords.Keyword{Name: tt.keyword}).Score(doc(tt.text))
		if m := rep.Keywords[0]; m.Match != tt.want {
			t.Errorf("%q vs %q: match = %s (found %q), want %s", tt.text, tt.keyword, m.Match, m.Found, tt.want)
		}
	}
}

func TestHyphenatedLineBreak(t *testing.T) {
	tests := []struct {
		lines   []string
		keyword string
		want    scorer.MatchKind
	}{
		{[]string{"Deployed services on Kuber-", "netes and Helm."}, "Kubernetes", scorer.Exact},
		{[]string{"Tuned Post-", "greSQL queries."}, "PostgreSQL", scorer.Missing}, // the second half must be lowercase
		{[]string{"Built a self-", "service portal."}, "Kubernetes", scorer.Missing},
	}
	for _, tt := range tests {
		rep := compile(t, keywords.Keyword{Name: tt.keyword}).Score(doc(tt.lines...))
		m := rep.Keywords[0]
		if m.Match != tt.want {
			t.Errorf("%q vs %q: match = %s (found %q), want %s", tt.lines, tt.keyword, m.Match, m.Found, tt.want)
		}
		if tt.want != scorer.Missing && (len(m.Evidence) == 0 || m.Evidence[0].Line != 1) {
			t.Errorf("%q: evidence %+v, want line 1", tt.lines, m.Evidence)
		}
	}
}

func TestPlainFormsMatchLikeTokenized(t *testing.T) {
	// forms with and without the fast path must behave the same
	tests := []struct{ text, keyword string }{
		{"Shipped Apache Kafka streams and Kafka Streams.", "Kafka Streams"},
		{"Worked with Amazon Web Services daily.", "Amazon Web Services"},
		{"Python 3 scripts", "Python 3"},
		{"Used LLMs and large language models.", "large language model"},
	}
	for _, tt := range tests {
		rep := compile(t, keywords.Keyword{Name: tt.keyword}).Score(doc(tt.text))
		if !rep.Keywords[0].Matched {
			t.Errorf("%q vs %q: not matched (%s)", tt.text, tt.keyword, rep.Keywords[0].Match)
		}
	}
}

func TestLongLinesAreChunked(t *testing.T) {
	filler := strings.Repeat("Worked with the team on the plan and shipped it, ", 60) // ~3 KB, no names
	tests := []struct {
		text    string
		keyword string
		want    scorer.MatchKind
	}{
		{filler + "then wrote services in Go with gRPC.", "Go", scorer.Exact},
		{filler + "Ran Spring Boot apps.", "Spring Boot", scorer.Exact},
		{filler + "I go to meetups.", "Go", scorer.Missing},
		{strings.Repeat("x", 5000) + " Kubernetes", "Kubernetes", scorer.Exact},
	}
	for _, tt := range tests {
		rep := compile(t, keywords.Keyword{Name: tt.keyword}).Score(doc(tt.text))
		if m := rep.Keywords[0]; m.Match != tt.want {
			t.Errorf("%d-byte line vs %q: match = %s, want %s", len(tt.text), tt.keyword, m.Match, tt.want)
		}
	}
}

func TestStemNearMissesExplained(t *testing.T) {
	tests := []struct{ text, keyword, form string }{
		{"Reacted quickly to pages.", "React", "Reacted"},
		{"excellent written skills", "Excel", "excellent"},
		{"Led the products roadmap.", "production", "products"},
	}
	for _, tt := range tests {
		m := compile(t, keywords.Keyword{Name: tt.keyword}).Score(doc(tt.text)).Keywords[0]
		if m.Matched {
			t.Errorf("%q vs %q: matched, want a near miss", tt.text, tt.keyword)
			continue
		}
		found := false
		for _, r := range m.Rejected {
			if strings.EqualFold(r.Form, tt.form) && strings.Contains(r.Reason, "stemmer") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q vs %q: rejected %+v, want %q explained as a stem near miss", tt.text, tt.keyword, m.Rejected, tt.form)
		}
	}
}
