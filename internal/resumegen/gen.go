// Package resumegen writes synthetic resumes for the batch benchmark: files
// of realistic length (about 350-700 words: summary, three or four
// jobs with quantified bullets, skills, education, sometimes projects and
// certifications) drawn from six engineering profiles, as Markdown (80 %),
// plain text (15 %) and JSON Resume (5 %). The vocabulary is the project's
// own; names and companies are invented. The output is deterministic for a
// seed.
//
//	go run ./internal/resumegen/cmd/resumegen -n 10000 -o /tmp/resumes
package resumegen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// WriteAll writes n resumes under dir, 1,000 per subdirectory: about 80 %
// Markdown, 15 % plain text and 5 % JSON Resume.
func WriteAll(dir string, n int, seed uint64) error {
	g := New(seed)
	for i := range n {
		r := g.Resume()
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		var ext string
		var body []byte
		switch k := g.rng.IntN(100); {
		case k < 80:
			ext, body = ".md", []byte(r.Markdown())
		case k < 95:
			ext, body = ".txt", []byte(r.Text())
		default:
			b, err := r.JSONResume()
			if err != nil {
				return err
			}
			ext, body = ".json", b
		}
		name := filepath.Join(sub, fmt.Sprintf("resume-%05d%s", i, ext))
		if err := os.WriteFile(name, body, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// profile is a kind of engineer: titles and the skills they tend to list.
type profile struct {
	titles []string
	skills []string // most typical first
	things []string // what they build
}

var profiles = []profile{
	{
		titles: []string{"Backend Engineer", "Software Engineer", "Senior Backend Developer", "Platform Engineer"},
		skills: []string{"Go", "Python", "Java", "PostgreSQL", "MySQL", "Redis", "Kafka", "RabbitMQ", "gRPC", "REST APIs",
			"GraphQL", "Docker", "Kubernetes", "AWS", "GCP", "Terraform", "microservices", "SQL", "Linux", "CI/CD",
			"Prometheus", "Grafana", "OpenTelemetry", "event-driven architecture", "Node.js", "TypeScript", "Spring Boot", "OAuth 2.0"},
		things: []string{"payments API", "order service", "billing pipeline", "search backend", "notification service",
			"ledger", "rate limiter", "account service", "event bus", "internal developer platform"},
	},
	{
		titles: []string{"Frontend Engineer", "Senior React Developer", "UI Engineer", "Web Developer"},
		skills: []string{"JavaScript", "TypeScript", "React", "Next.js", "Vue.js", "Redux", "HTML", "CSS", "Sass", "Tailwind CSS",
			"Webpack", "Vite", "Jest", "Cypress", "Playwright", "Storybook", "accessibility", "GraphQL", "Node.js", "Figma"},
		things: []string{"checkout flow", "design system", "dashboard", "onboarding wizard", "marketing site", "admin console",
			"component library", "editor"},
	},
	{
		titles: []string{"Data Engineer", "Analytics Engineer", "Senior Data Engineer"},
		skills: []string{"Python", "SQL", "Spark", "Airflow", "dbt", "Snowflake", "BigQuery", "Kafka", "PostgreSQL", "Pandas",
			"Scala", "AWS", "Redshift", "data modeling", "ETL", "Docker", "Terraform", "Looker", "Flink", "Delta Lake"},
		things: []string{"ingestion pipeline", "data warehouse", "feature store", "reporting layer", "CDC pipeline",
			"metrics platform", "data lake"},
	},
	{
		titles: []string{"DevOps Engineer", "Site Reliability Engineer", "Cloud Engineer", "Infrastructure Engineer"},
		skills: []string{"Kubernetes", "Docker", "Terraform", "AWS", "Azure", "GCP", "Ansible", "Helm", "Prometheus", "Grafana",
			"Linux", "Bash", "Python", "Go", "Jenkins", "GitHub Actions", "ArgoCD", "CI/CD", "incident response", "SLOs"},
		things: []string{"deployment pipeline", "Kubernetes platform", "observability stack", "disaster recovery plan",
			"cost dashboard", "on-call rotation", "service mesh"},
	},
	{
		titles: []string{"Android Engineer", "iOS Developer", "Mobile Engineer"},
		skills: []string{"Kotlin", "Swift", "Java", "Android SDK", "Jetpack Compose", "SwiftUI", "Objective-C", "REST APIs",
			"GraphQL", "Firebase", "Gradle", "Xcode", "unit testing", "CI/CD", "React Native", "Flutter", "Room", "Core Data"},
		things: []string{"mobile app", "offline sync", "payments screen", "push notification service", "media player",
			"map view", "login flow"},
	},
	{
		titles: []string{"QA Automation Engineer", "Software Engineer in Test", "Test Engineer"},
		skills: []string{"Selenium", "Cypress", "Playwright", "Java", "Python", "JavaScript", "TestNG", "JUnit", "pytest",
			"Postman", "REST APIs", "Jenkins", "CI/CD", "JMeter", "Appium", "SQL", "test automation", "BDD", "Cucumber"},
		things: []string{"regression suite", "test framework", "load tests", "contract tests", "release checklist",
			"end-to-end suite", "test data service"},
	},
}

var (
	firstNames = []string{"Ada", "Bashir", "Carmen", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hana", "Ikenna", "Jonas",
		"Keiko", "Luca", "Mariam", "Nikhil", "Olga", "Pablo", "Qing", "Rosa", "Sanjay", "Tove", "Umar", "Valeria",
		"Wen", "Ximena", "Yusuf", "Zofia", "Aarav", "Beatriz", "Connor", "Deepa"}
	lastNames = []string{"Abara", "Brandt", "Castillo", "Duarte", "Eklund", "Fontaine", "Gupta", "Haddad", "Ivanova",
		"Jensen", "Kowalczyk", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quintero", "Rahman", "Silva",
		"Tanaka", "Uchenna", "Varga", "Whitfield", "Xu", "Yilmaz", "Zimmer"}
	cities    = []string{"Lisbon", "Toronto", "Austin", "Berlin", "Nairobi", "Melbourne", "Pune", "Krakow", "Denver", "Leeds"}
	companies = []string{"Brightwater Labs", "Copperline", "Driftwood Health", "Emberly", "Fernhill Logistics",
		"Granite Pay", "Harborview Media", "Ironbark Systems", "Juniper Freight", "Kestrel Insurance", "Lumen Grove",
		"Mossbank", "Northgate Retail", "Orchard Analytics", "Pinecrest Bank", "Quillfeather", "Riverstone Games",
		"Saltmarsh Energy", "Tidewater Travel", "Umberfield", "Vantage Foods", "Willowbrook Learning"}
	verbs = []string{"Built", "Designed", "Led", "Rewrote", "Migrated", "Launched", "Scaled", "Automated", "Owned",
		"Introduced", "Maintained", "Shipped", "Refactored", "Optimised", "Mentored a team while building"}
	outcomes = []string{
		"cutting p99 latency by %d%%", "reducing cloud spend by %d%%", "raising test coverage to %d%%",
		"serving %d,000 requests per minute", "lowering incident count by %d%%", "shortening release time by %d%%",
		"improving conversion by %d%%", "supporting %d00,000 monthly users", "saving %d engineer-hours per week",
	}
	methods = []string{"using %s and %s", "with %s on %s", "in %s, backed by %s", "on %s with %s", "by moving to %s and %s"}
	softs   = []string{"Partnered with product and design to scope the roadmap.", "Ran weekly architecture reviews.",
		"Wrote runbooks and onboarding guides for new hires.", "Interviewed and mentored junior engineers.",
		"Presented quarterly results to leadership.", "Coordinated a cross-team incident review."}
	degrees  = []string{"BSc Computer Science", "BEng Software Engineering", "MSc Computer Science", "BSc Mathematics", "BA Physics", "MEng Electrical Engineering"}
	schools  = []string{"University of Porto", "McGill University", "Texas State University", "TU Dresden", "University of Nairobi", "Monash University", "College of Engineering Pune", "AGH University"}
	certs    = []string{"AWS Certified Solutions Architect", "Certified Kubernetes Administrator", "Google Professional Data Engineer", "ISTQB Foundation", "HashiCorp Terraform Associate"}
	summary1 = []string{"%s with %d years of experience; most recently owned the %s.", "%s who has spent %d years shipping software, lately on the %s.", "Pragmatic %s, %d years in industry, currently focused on the %s."}
	summary2 = []string{"Comfortable owning systems end to end, from design to on-call.", "Cares about clear code, tests and measurable results.",
		"Enjoys turning messy requirements into simple, reliable software.", "Known for calm incident handling and careful reviews."}
)

// Generator draws resumes from a seeded random source.
type Generator struct{ rng *rand.Rand }

// New returns a generator; the same seed gives the same resumes.
func New(seed uint64) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// skillPick favours the typical skills of a profile (the head of its list).
func (g *Generator) skillPick(p profile) string {
	i := min(g.rng.IntN(len(p.skills)), g.rng.IntN(len(p.skills)))
	return p.skills[i]
}

type job struct {
	Title, Company, Start, End string
	Bullets                    []string
}

// Resume is one synthetic resume.
type Resume struct {
	Name, Email, Phone, City, Title string
	Summary                         string
	Jobs                            []job
	Skills                          []string
	Degree, School                  string
	GradYear                        int
	Projects                        []string
	Certs                           []string
}

// Resume draws the next resume.
func (g *Generator) Resume() *Resume {
	p := profiles[g.rng.IntN(len(profiles))]
	first, last := g.pick(firstNames), g.pick(lastNames)
	r := &Resume{
		Name:  first + " " + last,
		Email: strings.ToLower(first+"."+last) + "@example.com",
		Phone: fmt.Sprintf("+1 555 %04d", g.rng.IntN(10000)),
		City:  g.pick(cities),
		Title: g.pick(p.titles),
	}
	years := 2 + g.rng.IntN(14)
	r.Summary = fmt.Sprintf(g.pick(summary1), r.Title, years, g.pick(p.things)) + " " + g.pick(summary2)
	end := 2026
	for j := range 3 + g.rng.IntN(3) {
		span := 1 + g.rng.IntN(4)
		jb := job{Title: g.pick(p.titles), Company: g.pick(companies), Start: fmt.Sprint(end - span), End: fmt.Sprint(end)}
		if j == 0 {
			jb.End = "present"
		}
		end -= span
		for range 4 + g.rng.IntN(3) {
			a, b := g.skillPick(p), g.skillPick(p)
			for b == a {
				b = g.skillPick(p)
			}
			b = fmt.Sprintf("%s the %s %s, %s.", g.pick(verbs), g.pick(p.things),
				fmt.Sprintf(g.pick(methods), a, b),
				fmt.Sprintf(g.pick(outcomes), 5+g.rng.IntN(60)))
			jb.Bullets = append(jb.Bullets, b)
		}
		if g.rng.IntN(2) == 0 {
			jb.Bullets = append(jb.Bullets, g.pick(softs))
		}
		r.Jobs = append(r.Jobs, jb)
	}
	seen := map[string]bool{}
	for len(r.Skills) < 10+g.rng.IntN(9) {
		s := g.skillPick(p)
		if !seen[s] {
			seen[s] = true
			r.Skills = append(r.Skills, s)
		}
	}
	r.Degree, r.School, r.GradYear = g.pick(degrees), g.pick(schools), end-g.rng.IntN(2)
	if g.rng.IntN(2) == 0 {
		for range 1 + g.rng.IntN(2) {
			r.Projects = append(r.Projects, fmt.Sprintf("Open-source %s written in %s; %d stars on GitHub.",
				g.pick(p.things), g.skillPick(p), 20+g.rng.IntN(900)))
		}
	}
	if g.rng.IntN(3) == 0 {
		r.Certs = append(r.Certs, g.pick(certs))
	}
	return r
}

func (r *Resume) write(w io.Writer, md bool) {
	h := func(s string) string {
		if md {
			return "## " + s
		}
		return strings.ToUpper(s)
	}
	bullet := "- "
	if !md {
		bullet = "• "
	}
	if md {
		fmt.Fprintf(w, "# %s\n", r.Name)
	} else {
		fmt.Fprintf(w, "%s\n", r.Name)
	}
	fmt.Fprintf(w, "%s · %s · %s · %s\n\n", r.Title, r.Email, r.Phone, r.City)
	fmt.Fprintf(w, "%s\n%s\n\n", h("Summary"), r.Summary)
	fmt.Fprintf(w, "%s\n", h("Experience"))
	for _, j := range r.Jobs {
		fmt.Fprintf(w, "\n%s, %s (%s – %s)\n", j.Title, j.Company, j.Start, j.End)
		for _, b := range j.Bullets {
			fmt.Fprintf(w, "%s%s\n", bullet, b)
		}
	}
	fmt.Fprintf(w, "\n%s\n%s\n", h("Skills"), strings.Join(r.Skills, ", "))
	if len(r.Projects) > 0 {
		fmt.Fprintf(w, "\n%s\n", h("Projects"))
		for _, p := range r.Projects {
			fmt.Fprintf(w, "%s%s\n", bullet, p)
		}
	}
	fmt.Fprintf(w, "\n%s\n%s, %s, %d\n", h("Education"), r.Degree, r.School, r.GradYear)
	if len(r.Certs) > 0 {
		fmt.Fprintf(w, "\n%s\n%s\n", h("Certifications"), strings.Join(r.Certs, "\n"))
	}
}

// Markdown renders the resume as Markdown.
func (r *Resume) Markdown() string {
	var b strings.Builder
	r.write(&b, true)
	return b.String()
}

// Text renders the resume as plain text.
func (r *Resume) Text() string {
	var b strings.Builder
	r.write(&b, false)
	return b.String()
}

// JSONResume renders the resume in the jsonresume.org schema.
func (r *Resume) JSONResume() ([]byte, error) {
	type work struct {
		Name       string   `json:"name"`
		Position   string   `json:"position"`
		StartDate  string   `json:"startDate"`
		EndDate    string   `json:"endDate,omitempty"`
		Highlights []string `json:"highlights"`
	}
	var works []work
	for _, j := range r.Jobs {
		end := j.End
		if end == "present" {
			end = ""
		}
		works = append(works, work{j.Company, j.Title, j.Start, end, j.Bullets})
	}
	doc := map[string]any{
		"basics": map[string]any{"name": r.Name, "label": r.Title, "email": r.Email, "phone": r.Phone,
			"summary": r.Summary, "location": map[string]string{"city": r.City}},
		"work":      works,
		"skills":    []map[string]any{{"name": "Skills", "keywords": r.Skills}},
		"education": []map[string]any{{"institution": r.School, "studyType": r.Degree, "endDate": fmt.Sprint(r.GradYear)}},
	}
	if len(r.Projects) > 0 {
		var ps []map[string]string
		for i, p := range r.Projects {
			ps = append(ps, map[string]string{"name": fmt.Sprintf("Project %d", i+1), "description": p})
		}
		doc["projects"] = ps
	}
	return json.MarshalIndent(doc, "", "  ")
}
