package keywords

//go:generate go run jd_bggen.go

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"unicode"
)

// Paths of the job-description data inside the seeds file system.
const (
	jdCuesPath     = "stop/jd_section_cues.tsv"
	jdStopPath     = "stop/jd_stopwords.txt"
	jdFunctionPath = "stop/jd_function_words.txt"
	jdMaxDataBytes = 4 << 20
)

// JD sections, most important first. The zero weight of SectionIgnore drops
// boilerplate (benefits, equal opportunity, how to apply).
const (
	SectionTitle            = "title"
	SectionRequired         = "required"
	SectionResponsibilities = "responsibilities"
	SectionPreferred        = "preferred"
	SectionAbout            = "about"
	SectionIgnore           = "ignore"
)

// sectionWeights are the base keyword weights per section (matching.md §7).
var sectionWeights = map[string]float64{
	SectionTitle:            1.0,
	SectionRequired:         1.0,
	SectionResponsibilities: 0.75,
	SectionPreferred:        0.5,
	SectionAbout:            0.25,
	SectionIgnore:           0,
}

// SectionWeight returns the base keyword weight of a JD section: required 1,
// responsibilities 0.75, preferred 0.5, about 0.25, boilerplate 0.
func SectionWeight(section string) float64 { return sectionWeights[section] }

// jdCue is one row of jd_section_cues.tsv.
type jdCue struct {
	words   []string // normalised cue words ("nice", "to", "have")
	section string
	negated bool // the "no {skills} required" pattern
}

// JDRules is the data FromJD reads: section cues, boilerplate words, function
// words and the background term table. LoadJDRules builds it from seeds.
type JDRules struct {
	headings   map[string]string // normalised heading -> section
	inline     []jdCue           // longest first
	stop       map[string]bool   // job-ad boilerplate (jd_stopwords.txt)
	function   map[string]bool   // English function words
	background *bgTable          // word commonness (jd_background.go)
}

// LoadJDRules reads the job-description data from fsys: stop/jd_section_cues.tsv,
// stop/jd_stopwords.txt, stop/jd_function_words.txt and, when present,
// stop/jd_background.tsv (made by jd_bggen.go; stop/jd_background.tsv.gz
// is read when only that older form is there).
func LoadJDRules(fsys fs.FS) (*JDRules, error) {
	r := &JDRules{headings: map[string]string{}, stop: map[string]bool{}, function: map[string]bool{}}
	if err := readLines(fsys, jdCuesPath, r.addCue); err != nil {
		return nil, err
	}
	if err := readLines(fsys, jdStopPath, func(l string) error { r.stop[strings.ToLower(l)] = true; return nil }); err != nil {
		return nil, err
	}
	if err := readLines(fsys, jdFunctionPath, func(l string) error { r.function[strings.ToLower(l)] = true; return nil }); err != nil {
		return nil, err
	}
	bg, err := loadBackground(fsys)
	if err != nil {
		return nil, err
	}
	r.background = bg
	sort.SliceStable(r.inline, func(i, j int) bool { return len(r.inline[i].words) > len(r.inline[j].words) })
	return r, nil
}

func (r *JDRules) addCue(line string) error {
	f := strings.Split(line, "\t")
	if len(f) < 3 {
		return fmt.Errorf("want kind, cue, section: %q", line)
	}
	if f[0] == "kind" { // header row
		return nil
	}
	sec := f[2]
	if _, ok := sectionWeights[sec]; !ok {
		return fmt.Errorf("unknown section %q", sec)
	}
	switch f[0] {
	case "heading":
		r.headings[strings.Join(cueWords(f[1]), " ")] = sec
	case "inline":
		c := jdCue{section: sec}
		if strings.Contains(f[1], "{skills}") {
			c.negated = true
		} else {
			c.words = cueWords(f[1])
		}
		r.inline = append(r.inline, c)
	default:
		return fmt.Errorf("unknown kind %q", f[0])
	}
	return nil
}

// readLines calls fn for each non-blank, non-comment line of a data file,
// capped at jdMaxDataBytes. Errors name the file and line.
func readLines(fsys fs.FS, name string, fn func(string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	var rd io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		rd = zr
	}
	sc := bufio.NewScanner(io.LimitReader(rd, jdMaxDataBytes))
	n, kept := 0, 0
	for sc.Scan() {
		n++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if err := fn(l); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		kept++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if kept == 0 {
		return fmt.Errorf("%s: empty list", name)
	}
	return nil
}

// cueQuotes and cueContractions are cueWords' replacers, built once: a
// replacer per call cost 1 ms of every LoadJDRules.
var (
	cueQuotes       = strings.NewReplacer("’", "'", "‘", "'")
	cueContractions = strings.NewReplacer("'ll", " will", "'re", " are", "'s", " is", "'ve", " have", "'d", " would", "&", " and ")
)

// cueWords normalises a heading or cue for comparison: lowercase, curly quotes
// straightened, contractions expanded, hyphens and punctuation turned into
// spaces ("What you’ll do:" -> what you will do).
func cueWords(s string) []string {
	s = strings.ToLower(s)
	s = cueQuotes.Replace(s)
	s = cueContractions.Replace(s)
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#')
	})
	return f
}
