package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHeadingID(t *testing.T) {
	tests := []struct {
		text   string
		hinted bool
		want   string
	}{
		{"EXPERIENCE", false, "experience"},
		{"Work Experience", false, "experience"},
		{"Professional Experience:", false, "experience"},
		{"E X P E R I E N C E", false, "experience"},
		{"W O R K E X P E R I E N C E", false, "experience"},
		{"Education & Training", false, "education"},
		{"Technical Skills", false, "skills"},
		{"Skills & Expertise", false, "skills"},
		{"Projects", false, "projects"},
		{"Certifications", false, "certifications"},
		{"Honors & Awards", false, "awards"},
		{"Publications", false, "publications"},
		{"Languages", false, "languages"},
		{"Interests", false, "interests"},
		{"Volunteer Experience", false, "volunteer"},
		{"Summary", false, "summary"},
		{"Contact", false, "contact"},
		{"Leadership", false, ""},
		{"LEADERSHIP", false, "activities"},
		{"Profile", false, ""},
		{"PROFILE", false, "summary"},
		{"Selected Engineering Experience", true, "experience"},
		{"Selected Engineering Experience", false, ""},
		{"Skills: Go, Python", false, ""},
		{"Experience building REST APIs at scale for payments", false, ""},
		{"Built 3 services", false, ""},
		{"Acme Corp — Staff Engineer", true, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := headingID(tt.text, tt.hinted); got != tt.want {
			t.Errorf("headingID(%q, %v) = %q, want %q", tt.text, tt.hinted, got, tt.want)
		}
	}
}

func TestDetectSections(t *testing.T) {
	doc := &Document{Lines: []Line{
		{N: 1, Source: Header, Text: "Jo · jo@example.com"},
		{N: 2, Text: "Jo Example"},
		{N: 3, Text: "SKILLS"},
		{N: 4, Text: "Go, SQL"},
		{N: 5, Text: "Experience"},
		{N: 6, Text: "Acme, engineer"},
		{N: 7, Source: Footer, Text: "Page 1"},
	}}
	detectSections(doc, nil)
	want := []Section{{ID: "skills", Heading: "SKILLS", Start: 3, End: 4}, {ID: "experience", Heading: "Experience", Start: 5, End: 6}}
	if d := cmp.Diff(want, doc.Sections); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
	got := []string{}
	for _, l := range doc.Lines {
		got = append(got, l.Section)
	}
	if d := cmp.Diff([]string{"", "", "skills", "skills", "experience", "experience", ""}, got); d != "" {
		t.Errorf("line sections mismatch (-want +got):\n%s", d)
	}
}

func TestHeadingIDRejects(t *testing.T) {
	for _, text := range []string{"Achievements include:", "Detailed achievements:", "projects.", "experience", "skills,"} {
		if got := headingID(text, false); got != "" {
			t.Errorf("headingID(%q) = %q, want no heading", text, got)
		}
	}
	for text, want := range map[string]string{"Publications:": "publications", "教育背景": "education", "experience": ""} {
		if got := headingID(text, false); got != want {
			t.Errorf("headingID(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestDetectSectionsMergesRepeats(t *testing.T) {
	doc := &Document{Lines: []Line{{N: 1, Text: "TECHNOLOGIES"}, {N: 2, Text: "Go"}, {N: 3, Text: "TOOLS"}, {N: 4, Text: "Git"}, {N: 5, Text: "EDUCATION"}, {N: 6, Text: "BSc"}}}
	detectSections(doc, nil)
	want := []Section{{ID: "skills", Heading: "TECHNOLOGIES", Start: 1, End: 4}, {ID: "education", Heading: "EDUCATION", Start: 5, End: 6}}
	if d := cmp.Diff(want, doc.Sections); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
}
