package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**Go** and *Python*", "Go and Python"},
		{"__bold__ and _em_ but snake_case_name stays", "bold and em but snake_case_name stays"},
		{"[Acme](https://acme.example) rocks", "Acme rocks"},
		{"[Mail me](mailto:jo@example.com)", "Mail me (jo@example.com)"},
		{"[jo@example.com](mailto:jo@example.com)", "jo@example.com"},
		{"<https://jo.example.net> and <jo@example.com>", "https://jo.example.net and jo@example.com"},
		{"![logo](logo.png) Jo", " Jo"},
		{"use `kubectl` daily", "use kubectl daily"},
		{"C++ and C# and .NET", "C++ and C# and .NET"},
		{"2 * 3 * 4", "2 * 3 * 4"},
		{"a<br>b <span class=\"x\">c</span>", "a b  c "},
		{"AT&amp;T &lt;3", "AT&T <3"},
		{"~~old~~ new", "old new"},
		{`\*literal\*`, "*literal*"},
		{"[ref link][1]", "ref link"},
		{"***both***", "both"},
	}
	for _, tt := range tests {
		if got := inline(tt.in); got != tt.want {
			t.Errorf("inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadMarkdown(t *testing.T) {
	in := strings.Join([]string{
		"---",
		"title: hidden front matter",
		"---",
		"# Jo Example",
		"",
		"<!-- hidden",
		"comment -->",
		"Skills",
		"======",
		"",
		"- Go",
		"* Python",
		"1. SQL",
		"> quoted line",
		"",
		"| a | b |",
		"|---|:-:|",
		"| Go | 5 years |",
		"",
		"```go",
		"fmt.Println(\"*kept*\")",
		"```",
		"",
		"---",
		"[1]: https://example.com",
		"## Experience ##",
		"# Projects",
		"---",
	}, "\n")
	doc, err := readMarkdown(context.Background(), []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range doc.Lines {
		if strings.TrimSpace(l.Text) != "" {
			got = append(got, l.Text)
		}
	}
	want := []string{"Jo Example", "Skills", "Go", "Python", "SQL", "quoted line", "a | b", "Go | 5 years", `fmt.Println("*kept*")`, "Experience", "Projects"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("readMarkdown lines mismatch (-want +got):\n%s", d)
	}
	var heads []string
	for _, s := range doc.Sections {
		heads = append(heads, s.Heading)
	}
	if d := cmp.Diff([]string{"Jo Example", "Skills", "Experience", "Projects"}, heads); d != "" {
		t.Errorf("readMarkdown heading hints mismatch (-want +got):\n%s", d)
	}
	if doc.Lines[0].SourceLine != 4 {
		t.Errorf("first line SourceLine = %d, want 4 (after front matter)", doc.Lines[0].SourceLine)
	}
}

func TestMarkdownFixture(t *testing.T) {
	doc, err := File(context.Background(), "../testdata/fixtures/md/extract-resume.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != Markdown {
		t.Errorf("format = %v, want markdown", doc.Format)
	}
	text := doc.Text()
	for _, bad := range []string{"**", "](", "<!--", "comment", "layout: resume", "<br>", "```", "|---"} {
		if strings.Contains(text, bad) {
			t.Errorf("text holds markup %q:\n%s", bad, text)
		}
	}
	for _, good := range []string{"Kubernetes with Helm", "tomasz@example.net", "C++ and Go", "CI/CD", "Languages | Go, Python, C++", "kubectl rollout"} {
		if !strings.Contains(text, good) {
			t.Errorf("text lacks %q:\n%s", good, text)
		}
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	if d := cmp.Diff([]string{"summary", "experience", "skills", "education"}, ids); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
}

func TestReadHTML(t *testing.T) {
	in := `<!DOCTYPE html><html><head><title>Job</title><style>p{color:red}</style></head><body>
<script>var keywords = "kubernetes";</script>
<h2>Requirements</h2><ul><li>5 years of <b>Go</b></li><li>PostgreSQL &amp; Redis</li></ul>
<table><tr><td>Location</td><td>Remote</td></tr></table><!-- hidden --><p>Apply now</p></body></html>`
	doc, err := Read(context.Background(), strings.NewReader(in), "job.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range doc.Lines {
		got = append(got, l.Text)
	}
	want := []string{"Requirements", "5 years of Go", "PostgreSQL & Redis", "Location | Remote", "Apply now"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("readHTML lines mismatch (-want +got):\n%s", d)
	}
	if doc.Format != Text {
		t.Errorf("format = %v, want text", doc.Format)
	}
}

func TestReadMarkdownHostile(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		lines int
	}{
		{"one huge line", strings.Repeat("*", 1<<20) + strings.Repeat("_", 1<<20) + " [x](" + strings.Repeat("(", 1<<18) + "\n# Jo Example resume text\n", 2},
		{"many emphasis lines", strings.Repeat(strings.Repeat("**a ", 500)+"\n", 5000) + "# Jo Example resume text\n", 5001},
		{"many underscore lines", strings.Repeat(strings.Repeat("_", 1000)+strings.Repeat("*", 1000)+"\n", 5000) + "# Jo Example resume text\n", 5001},
	}
	for _, tt := range tests {
		start := time.Now()
		// Without the inline budget these take well over 10 s on one core.
		doc, err := Read(context.Background(), strings.NewReader(tt.in), "x.md", Options{Timeout: 8 * time.Second})
		if err != nil {
			t.Fatalf("Read(%s) error %v after %v", tt.name, err, time.Since(start))
		}
		t.Logf("Read(%s): %v", tt.name, time.Since(start))
		if len(doc.Lines) != tt.lines {
			t.Errorf("Read(%s) = %d lines, want %d", tt.name, len(doc.Lines), tt.lines)
		}
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>a &lt; b</p>", "\na < b\n"},
		{"x < y and y > z", "x < y and y > z"},
		{"<SCRIPT type=x>var a = '<p>';</SCRIPT>after", "after"},
		{"<h3 class=t>Skills</h3><td>Go</td><td>SQL</td>", "\n\x01Skills\nGo | SQL | "},
		{"<!-- never closed", ""},
		{"<style>unclosed", ""},
		{"text <b", "text <b"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadHTMLHostile(t *testing.T) {
	for name, in := range map[string]string{
		"unclosed scripts": "<html>" + strings.Repeat("<script ", 1<<20),
		"many headings":    "<html>" + strings.Repeat("<h1 ", 1<<20) + "<p>Jo Example resume text</p>",
		"many paragraphs":  "<html>" + strings.Repeat("<p>hello world <b>x</b></p>\n", 300000),
	} {
		start := time.Now()
		_, err := Read(context.Background(), strings.NewReader(in), "x.html", Options{Timeout: 8 * time.Second})
		if err != nil && !errors.Is(err, ErrEmpty) {
			t.Errorf("Read(%s) = %v after %v, want text or ErrEmpty", name, err, time.Since(start))
		}
	}
}

// TestMarkdownFrontMatter: fences hide metadata only; a resume that opens and
// closes with "---" thematic breaks keeps its text.
func TestMarkdownFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"yaml", "---\ntitle: Resume\ntags:\n  - go\n- x\n# comment\n\n---\nJo Example", []string{"Jo Example"}},
		{"yaml with dots", "---\nlayout: cv\n...\nJo Example", []string{"Jo Example"}},
		{"toml", "+++\ntitle = \"cv\"\n[params]\n+++\nJo Example", []string{"Jo Example"}},
		{"rules around a resume", "---\n\nPersonal Information\nName: Jo Example\n\nSkills\n1. Go\n---", []string{"Personal Information", "Name: Jo Example", "Skills", "Go"}},
		{"empty block", "---\n---\nJo Example", []string{"Jo Example"}},
		{"no closing fence", "---\nJo Example\nSkills: Go", []string{"Jo Example", "Skills: Go"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readMarkdown(context.Background(), []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range doc.Lines {
				if s := strings.TrimSpace(l.Text); s != "" {
					got = append(got, s)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", d)
			}
		})
	}
}
