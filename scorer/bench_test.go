package scorer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// twoPages is our own fictional two-page resume (about 700 words).
var twoPages = []string{
	"Alex Rivera", "Senior Backend Engineer · Lisbon · alex.rivera@example.org · +351 900 000 000",
	"Summary",
	"Backend engineer with nine years of building payment and logistics platforms in Go, Java and Python.",
	"I like small services with clear contracts, boring deploys and dashboards that tell the truth.",
	"Experience",
	"Staff Engineer, Parcelbird (2021-2025)",
	"• Led the split of a Rails monolith into 14 Go microservices behind gRPC and a REST API gateway.",
	"• Moved order storage from MySQL to PostgreSQL with logical replication and zero downtime.",
	"• Introduced event-driven updates with Kafka and Debezium; p99 latency fell from 900 ms to 120 ms.",
	"• Ran everything on Kubernetes with Helm charts, Argo CD and Terraform on AWS (EKS, RDS, S3, SQS).",
	"• Built observability with OpenTelemetry, Prometheus and Grafana; paged 60% less after a year.",
	"• Mentored six engineers; two became tech leads. Wrote the on-call runbook and the design-review guide.",
	"Senior Software Engineer, Quayside Pay (2017-2021)",
	"• Designed idempotent payment APIs in Java 17 and Spring Boot handling 3,000 requests per second.",
	"• Cut fraud losses by 22% with a rules engine in Python, pandas and scikit-learn models.",
	"• Replaced nightly cron jobs with Airflow DAGs and dbt models on Snowflake.",
	"• Hardened OAuth 2.0 and OpenID Connect flows; passed PCI DSS audits three years running.",
	"• Wrote CI/CD pipelines in GitHub Actions with contract tests, canary releases and feature flags.",
	"Software Engineer, Tidewater Labs (2015-2017)",
	"• Shipped a React and TypeScript dashboard for fleet managers; Node.js BFF with Redis caching.",
	"• Wrote C++17 extensions for a routing solver; profiled with perf and flame graphs.",
	"• Automated backups with Bash scripts and Ansible playbooks across 200 Linux hosts.",
	"Projects",
	"• tinyq: a Redis-compatible queue in Rust with Tokio, 2k GitHub stars.",
	"• shipcalc: a CLI in Go that estimates container shipping costs from public tariffs.",
	"Education",
	"B.Sc. Computer Science, University of Porto (2015)",
	"Skills",
	"Languages: Go, Java, Python, TypeScript, SQL, Rust, C++, Bash",
	"Data: PostgreSQL, MySQL, Redis, Kafka, Elasticsearch, Snowflake, DynamoDB",
	"Cloud: AWS, Kubernetes, Docker, Terraform, Helm, Argo CD, GitHub Actions",
	"Practices: TDD, code review, incident response, capacity planning, API design, distributed systems",
}

func resumeDoc(copies int) *extract.Document {
	var lines []string
	for i := 0; i < copies; i++ {
		lines = append(lines, twoPages...)
		// pad each copy to about a page of prose so that one copy is a full
		// two-page resume (~700 words)
		for j := 0; j < 12; j++ {
			lines = append(lines, fmt.Sprintf("• Worked with product and design on release %d, wrote the plan, measured the result and shared what we learned with the wider team in a short write-up.", j))
		}
	}
	return doc(lines...)
}

// wholeLexicon is a Set of every lexicon skill.
func wholeLexicon(b testing.TB) (*keywords.Set, *keywords.Lexicon) {
	lex := lexicon(b)
	set := &keywords.Set{ID: "lexicon"}
	for _, e := range lex.Entries() {
		set.Keywords = append(set.Keywords, keywords.Keyword{Name: e.Name})
	}
	lex.Resolve(set)
	return set, lex
}

// synthetic returns n made-up keyword names ("zorblax 17 platform"), one to
// three words, that no text contains.
func synthetic(n int) []keywords.Keyword {
	syll := []string{"zor", "blax", "quen", "tiv", "mar", "dex", "plo", "vin", "sur", "kel"}
	out := make([]keywords.Keyword, n)
	for i := range out {
		a, b, c := syll[i%10], syll[(i/10)%10], syll[(i/100)%10]
		name := a + b + c + fmt.Sprint(i/1000)
		if i%3 == 1 {
			name += " platform"
		} else if i%3 == 2 {
			name += " data " + c + a
		}
		out[i] = keywords.Keyword{Name: name, Tier: keywords.Tier(i % 3)}
	}
	return out
}

func words(d *extract.Document) int {
	n := 0
	for _, l := range d.Lines {
		n += len(strings.Fields(l.Text))
	}
	return n
}

// BenchmarkScore matches a two-page resume against a Set of every lexicon
// skill with all its aliases (the bar: <= 1 ms per resume).
func BenchmarkScore(b *testing.B) {
	set, lex := wholeLexicon(b)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		b.Fatal(err)
	}
	d := resumeDoc(1)
	b.ReportMetric(float64(len(set.Keywords)), "keywords")
	b.ReportMetric(float64(words(d)), "words")
	b.ResetTimer()
	for b.Loop() {
		ix.Score(d)
	}
}

// BenchmarkMatchLength shows the matching time grows linearly with the
// resume's length (2 to 16 pages against the whole lexicon).
func BenchmarkMatchLength(b *testing.B) {
	set, lex := wholeLexicon(b)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		b.Fatal(err)
	}
	for _, copies := range []int{1, 2, 4, 8} {
		d := resumeDoc(copies)
		b.Run(fmt.Sprintf("pages=%d", 2*copies), func(b *testing.B) {
			start, n := cpuTime(), 0
			for b.Loop() {
				ix.MatchOnly(d)
				n++
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
			b.ReportMetric(float64(words(d)), "words")
		})
	}
}

// BenchmarkMatchKeywords shows the matching time does not grow with the
// number of keywords: 1,500 and 10,000 keyword sets (lexicon skills plus
// synthetic names) against the same two-page resume. (Building the report is
// linear in the keywords, since it lists each one; BenchmarkScore includes it.)
func BenchmarkMatchKeywords(b *testing.B) {
	full, lex := wholeLexicon(b)
	d := resumeDoc(1)
	for _, n := range []int{1500, 10000} {
		kws := append([]keywords.Keyword(nil), full.Keywords[:min(n, 1500)]...)
		kws = append(kws, synthetic(n-len(kws))...)
		set := &keywords.Set{Keywords: kws}
		lex.Resolve(set)
		ix, err := scorer.Compile(set, lex)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("keywords=%d", n), func(b *testing.B) {
			start, runs := cpuTime(), 0
			for b.Loop() {
				ix.MatchOnly(d)
				runs++
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(runs), "cpu-ns/op")
		})
	}
}

// BenchmarkCompileSet compiles a role-sized set (the lexicon trie is shared).
func BenchmarkCompileSet(b *testing.B) {
	lex := lexicon(b)
	set := &keywords.Set{Keywords: propertyKeywords}
	lex.Resolve(set)
	if _, err := scorer.Compile(set, lex); err != nil { // builds the shared lexicon trie
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := scorer.Compile(set, lex); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch is the matching alone (tokenize, trie walk, gates, variants,
// typos) of a two-page resume against every lexicon skill, without building
// the per-keyword report. The bar: <= 1 ms.
func BenchmarkMatch(b *testing.B) {
	set, lex := wholeLexicon(b)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		b.Fatal(err)
	}
	d := resumeDoc(1)
	b.ReportMetric(float64(words(d)), "words")
	start := cpuTime()
	n := 0
	for b.Loop() {
		ix.MatchOnly(d)
		n++
	}
	// on a shared machine wall time overstates the cost: report CPU time too
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkScoreRole is the whole in-process Score (matching, weighting,
// evidence, fixes, checks) of a two-page resume against a role-sized set: the
// first 60 curated lexicon skills.
func BenchmarkScoreRole(b *testing.B) {
	lex := lexicon(b)
	set := &keywords.Set{ID: "role"}
	for _, e := range lex.Entries() {
		if len(set.Keywords) == 60 {
			break
		}
		set.Keywords = append(set.Keywords, keywords.Keyword{Name: e.Name, Tier: keywords.Tier(len(set.Keywords) % 3)})
	}
	lex.Resolve(set)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		b.Fatal(err)
	}
	d := resumeDoc(1)
	start, n := cpuTime(), 0
	for b.Loop() {
		ix.Score(d)
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkScoreLongLine is a 165 KB document without line breaks: chunking
// keeps the per-line checks from turning quadratic.
func BenchmarkScoreLongLine(b *testing.B) {
	ix := compile(b, keywords.Keyword{Name: "Go"}, keywords.Keyword{Name: "Python"}, keywords.Keyword{Name: "Spring"})
	d := doc(strings.Repeat("Go, Python, Spring Boot, Docker, ", 5000))
	for b.Loop() {
		ix.Score(d)
	}
}
