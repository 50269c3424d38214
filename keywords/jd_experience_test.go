package keywords_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/keywords"
)

func TestFromJDExperience(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []keywords.ExperienceAsk
	}{
		{
			name: "years as a role, one ask per requirement, content words folded",
			text: "Network Engineer\n\nRequirements\n- Minimum 2 years as a Network Engineer.\n- At least five years of experience working as Telecom Analysts.\n",
			want: []keywords.ExperienceAsk{
				{Years: 2, Text: "Minimum 2 years as a Network Engineer.", Words: []string{"network", "engin"}, Section: "required"},
				{Years: 5, Text: "At least five years of experience working as Telecom Analysts.", Words: []string{"telecom", "analyst"}, Section: "required"},
			},
		},
		{
			name: "a field or a skill, and a preferred ask",
			text: "Data Engineer\n\nRequirements\n- 4+ years building pipelines in Python.\n\nNice to have\n- 2 years with Kafka\n",
			want: []keywords.ExperienceAsk{
				{Years: 4, Text: "4+ years building pipelines in Python.", Words: []string{"pipelin", "python"}, Section: "required"},
				{Years: 2, Text: "2 years with Kafka", Words: []string{"kafka"}, Section: "preferred"},
			},
		},
		{
			name: "a preference after the years qualifies its tail: not the years, not the role",
			text: "QA Engineer\n\nRequirements\n- 2 years as a QA Engineer, preferably in a tech company.\n- Preferably 3 years with Selenium.\n",
			want: []keywords.ExperienceAsk{
				{Years: 2, Text: "2 years as a QA Engineer, preferably in a tech company.", Words: []string{"qa", "engin"}, Section: "required"},
				{Years: 3, Text: "Preferably 3 years with Selenium.", Words: []string{"selenium"}, Section: "preferred"},
			},
		},
		{
			name: "any experience: no content words left",
			text: "Engineer\n\nRequirements\n- 5+ years of professional experience.\n",
			want: []keywords.ExperienceAsk{{Years: 5, Text: "5+ years of professional experience.", Section: "required"}},
		},
		{
			name: "years outside the requirements, ages and history are no asks",
			text: "Engineer\n\nAbout us\nFounded 20 years ago, we have grown for 10 years.\n\nResponsibilities\n- Ship a product in 2 years.\n\nRequirements\n- Must be 18 years old.\n- Go and Kafka.\n",
			want: nil,
		},
	}
	lex := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jd, err := keywords.FromJD("jd.txt", tt.text, lex)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, jd.Set.Experience); diff != "" {
				t.Errorf("FromJD(%q).Set.Experience (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExperienceWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Engineers", "engin"},
		{"engineering", "engin"},
		{"Analyst's", "analyst"},
		{"C++", "c++"},
		{"QA", "qa"},
		{"AWS", "aws"},
	}
	for _, tt := range tests {
		if got := keywords.ExperienceWord(tt.in); got != tt.want {
			t.Errorf("ExperienceWord(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
