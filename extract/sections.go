package extract

import (
	"sort"
	"strings"
	"unicode"
)

//go:generate go test -run ^TestSectionDataIsCurrent$ -update-sections

// sectionHeadings lists the heading phrases, as normalised by headingKey, of
// each canonical section id. The list covers the headings of English resumes;
// "&" is spelt "and". Weak phrases are headings that are also ordinary list
// items ("Leadership" in a list of soft skills); they count only when the
// line looks like a heading (capitals, a trailing colon, Markdown markup).
// headingID reads them through the sorted tables of sections_data.go,
// generated from this list (TestSectionDataIsCurrent), so that nothing is
// built when the program starts.
var sectionHeadings = []struct {
	id      string
	weak    bool
	phrases []string
}{
	{"experience", false, []string{"experience", "work experience", "professional experience", "employment", "employment history", "work history", "career history", "relevant experience", "professional background", "career", "experience and projects", "industry experience", "technical experience", "positions", "professional history", "work", "internships", "internship experience", "teaching experience", "research experience", "selected experience", "berufserfahrung"}},
	{"education", false, []string{"education", "academic background", "education and training", "academics", "academic history", "educational background", "education and certifications", "studies", "academic qualifications"}},
	{"skills", false, []string{"skills", "technical skills", "core competencies", "competencies", "key skills", "skills and tools", "skills and technologies", "tech stack", "technology stack", "skill set", "skillset", "programming languages", "technical proficiencies", "areas of expertise", "expertise", "core skills", "skills and expertise", "skills and interests", "technical summary", "relevant skills", "hard skills", "soft skills"}},
	{"skills", true, []string{"tools", "technologies", "qualifications", "toolbox"}},
	{"projects", false, []string{"projects", "personal projects", "side projects", "selected projects", "key projects", "academic projects", "open source", "open source projects", "open source contributions", "portfolio", "project experience", "notable projects", "technical projects"}},
	{"summary", false, []string{"summary", "professional summary", "career summary", "executive summary", "about me", "objective", "career objective", "professional profile", "personal statement", "summary of qualifications", "career profile", "personal profile"}},
	{"summary", true, []string{"profile", "about", "overview"}},
	{"contact", false, []string{"contact", "contact information", "contact details", "contact info", "personal information", "personal details", "personal data", "get in touch"}},
	{"certifications", false, []string{"certifications", "certificates", "certification", "licenses and certifications", "certifications and licenses", "professional certifications", "courses and certifications", "certifications and training"}},
	{"certifications", true, []string{"courses", "training", "licenses", "coursework", "relevant coursework"}},
	{"awards", false, []string{"awards", "honors", "honours", "achievements", "honors and awards", "awards and honors", "awards and achievements", "accomplishments", "key achievements", "scholarships", "awards and honours"}},
	{"publications", false, []string{"publications", "selected publications", "papers and publications"}},
	{"publications", true, []string{"research", "papers", "talks", "talks and publications", "presentations"}},
	{"languages", false, []string{"languages", "spoken languages", "language skills", "language"}},
	{"interests", false, []string{"interests", "hobbies", "hobbies and interests", "personal interests", "interests and hobbies"}},
	{"volunteer", false, []string{"volunteer", "volunteering", "volunteer experience", "volunteer work", "community service", "community involvement"}},
	{"volunteer", true, []string{"community"}},
	{"activities", true, []string{"leadership", "activities", "extracurricular activities", "leadership and activities", "leadership experience", "extracurriculars"}},
	{"references", false, []string{"references"}},
	// Common Chinese headings (billryan-style templates).
	{"education", false, []string{"教育背景", "教育经历"}},
	{"experience", false, []string{"工作经历", "工作经验", "实习经历", "实习项目经历"}},
	{"projects", false, []string{"项目经历", "项目经验"}},
	{"skills", false, []string{"技能", "专业技能", "技术能力", "it技能"}},
	{"awards", false, []string{"获奖情况", "荣誉奖项", "荣誉"}},
	{"summary", false, []string{"个人简介", "自我评价"}},
}

// sectionID returns the section id of a heading key: a phrase of
// sectionHeadings, with or without its spaces.
func sectionID(key string) (string, bool) {
	i := sort.Search(len(sectionKeys), func(i int) bool { return sectionKeys[i].key >= key })
	if i < len(sectionKeys) && sectionKeys[i].key == key {
		return sectionKeys[i].id, true
	}
	return "", false
}

// isWeakHeading reports whether key is a weak phrase of sectionHeadings.
func isWeakHeading(key string) bool {
	i := sort.SearchStrings(weakHeadings[:], key)
	return i < len(weakHeadings) && weakHeadings[i] == key
}

// containsRules map a word inside a short heading-shaped line to an id, for
// headings not in the table ("Selected Engineering Experience"). Order matters.
var containsRules = []struct{ word, id string }{
	{"summary", "summary"}, {"objective", "summary"},
	{"programming", "skills"}, {"skill", "skills"}, {"competenc", "skills"},
	{"experience", "experience"}, {"employment", "experience"},
	{"education", "education"},
	{"project", "projects"},
	{"certific", "certifications"},
	{"award", "awards"}, {"honor", "awards"}, {"honour", "awards"}, {"achievement", "awards"},
	{"publication", "publications"},
	{"volunteer", "volunteer"},
	{"language", "languages"},
	{"interest", "interests"}, {"hobb", "interests"},
	{"contact", "contact"},
}

// headingKey lower-cases s, spells "&" as "and" and keeps letters and single
// spaces only. letterSpaced reports text like "S K I L L S".
func headingKey(s string) (key string, words int, letterSpaced bool) {
	s = strings.ReplaceAll(s, "&", " and ")
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	key = strings.TrimSpace(b.String())
	f := strings.Fields(key)
	single := 0
	for _, w := range f {
		if len([]rune(w)) == 1 {
			single++
		}
	}
	return key, len(f), len(f) >= 3 && single*10 >= len(f)*8
}

// headingID returns the section id of a heading line, or "" when text is not
// a section heading. hinted says the markup made the line a heading.
func headingID(text string, hinted bool) string {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > 60 {
		return ""
	}
	colon := strings.HasSuffix(t, ":")
	if strings.Count(t, ":") > 1 || (strings.Contains(t, ":") && !colon) {
		return "" // "Skills: Go, Python" is a labelled line, not a heading
	}
	hasLetter, upper := false, true
	for _, r := range t {
		if unicode.IsLetter(r) {
			hasLetter = true
			if unicode.IsLower(r) {
				upper = false
			}
		}
		if unicode.IsDigit(r) {
			return ""
		}
	}
	if !hasLetter || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
		return "" // the end of a sentence, not a heading
	}
	if first := []rune(strings.TrimLeft(t, " •·-*#>|")); len(first) > 0 && unicode.IsLower(first[0]) && !hinted {
		return "" // a wrapped line ("experience") rather than a heading
	}
	key, words, spaced := headingKey(t)
	if spaced {
		key = strings.ReplaceAll(key, " ", "")
		words = 1
	}
	if words == 0 || words > 6 {
		return ""
	}
	shaped := hinted || colon || spaced || (upper && len([]rune(t)) > 2)
	if id, ok := sectionID(key); ok && (shaped || !isWeakHeading(key)) {
		return id
	}
	if id, ok := sectionID(strings.ReplaceAll(key, " ", "")); ok && !isWeakHeading(key) && words <= 3 {
		return id // "Work-Experience", "实习/项目经历"
	}
	// Phrases not in the table need stronger evidence than a colon:
	// "Achievements include:" is a label inside a section.
	if !(hinted || spaced || upper) || colon || words > 4 {
		return ""
	}
	for _, r := range containsRules {
		if strings.Contains(key, r.word) {
			return r.id
		}
	}
	return ""
}

// detectSections sets Line.Section and doc.Sections from heading lines.
// isHeading[i] says the reader marked line i as a heading. Header and footer
// lines stay outside the flow of sections.
func detectSections(doc *Document, isHeading []bool) {
	cur := -1 // index into doc.Sections
	lastBody := 0
	for i := range doc.Lines {
		l := &doc.Lines[i]
		if l.Source == Header || l.Source == Footer {
			continue
		}
		id := headingID(l.Text, i < len(isHeading) && isHeading[i])
		if id != "" && cur >= 0 && doc.Sections[cur].ID == id {
			id = "" // "Technologies" then "Tools": one skills section
		}
		if id != "" {
			if cur >= 0 {
				doc.Sections[cur].End = lastBody
			}
			doc.Sections = append(doc.Sections, Section{ID: id, Heading: l.Text, Start: l.N, End: l.N})
			cur = len(doc.Sections) - 1
		}
		if cur >= 0 {
			l.Section = doc.Sections[cur].ID
		}
		lastBody = l.N
	}
	if cur >= 0 {
		doc.Sections[cur].End = lastBody
	}
}
