package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestReadLaTeXFixture(t *testing.T) {
	doc, err := File(context.Background(), "../testdata/fixtures/txt/extract-resume.tex", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range doc.Lines {
		got = append(got, l.Section+": "+l.Text)
	}
	want := []string{
		": Mireille Dufresne-Oyelaran",
		": +33 6 55 01 23 45 | mireille@example.org",
		"experience: Experience",
		"experience: Backend Engineer 2021 – Present Ardoise Payments Lyon, France",
		"experience: Built a REST API in Go serving 12k req/s on PostgreSQL & Redis",
		"experience: Cut p99 latency by 40% with gRPC streaming",
		"skills: Technical Skills",
		"skills: Languages : Go, Python, SQL, C++",
		"skills: Tools : Docker, Kubernetes, Terraform",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("LaTeX lines mismatch (-want +got):\n%s", d)
	}
}

func TestReadLaTeX(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"no document environment", "\\section{Skills}\nGo and \\emph{Rust} % not Java\n", []string{"Skills", "Go and Rust"}},
		{"escaped percent is text", "Grew revenue 30\\% in Q3\\\\Second line", []string{"Grew revenue 30% in Q3", "Second line"}},
		{"layout commands dropped", "\\vspace{-4pt}\\setlength{\\tabcolsep}{0in}Text here\\hspace{1cm}more", []string{"Text here more"}},
		{"href text kept", "\\href{https://github.com/x}{github.com/x}", []string{"github.com/x"}},
		{"unbalanced braces", "}}}{{{\\section{A", []string{"A"}},
	}
	for _, tt := range tests {
		doc, err := readLaTeX(context.Background(), []byte(tt.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range doc.Lines {
			got = append(got, strings.Join(strings.Fields(l.Text), " "))
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("readLaTeX(%s) mismatch (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestReadLaTeXHostile(t *testing.T) {
	for name, in := range map[string]string{
		"many commands": "\\documentclass{x}\n" + strings.Repeat("\\a", 4<<20) + "\nJo Example, platform engineer resume text",
		"deep braces":   strings.Repeat("{", 4<<20) + "Jo Example, platform engineer resume text",
		"many sections": strings.Repeat("\\section{", 1<<20) + "Jo Example, platform engineer resume text",
		"many brackets": strings.Repeat("\\x[", 1<<20) + "Jo Example, platform engineer resume text",
	} {
		start := time.Now()
		if _, err := Read(context.Background(), strings.NewReader(in), "cv.tex", Options{Timeout: 8 * time.Second}); err != nil {
			t.Errorf("Read(%s) = %v after %v", name, err, time.Since(start))
		}
	}
}
