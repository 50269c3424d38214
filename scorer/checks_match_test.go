package scorer

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/extract"
)

// The expressions checks_match.go's functions replace: the definition each
// one is held to.
var (
	phoneRe      = regexp.MustCompile(`\+?\(?\d[\d\s().-]{7,18}\d`)
	yearRangeRe  = regexp.MustCompile(`^(19|20)\d\d\s*[-–/]\s*(19|20)\d\d$`)
	bulletPrefix = regexp.MustCompile(`^\s*([-•*▪◦●–—‣⁃·○■□➢➤►▶✓✔→]|\d{1,2}[.)])\s*`)
	countRe      = regexp.MustCompile(`^\D*?(\d+)`)
)

// matcherLines are guardLines plus the edge cases of these matchers.
func matcherLines(t *testing.T) []string {
	lines := guardLines(t)
	return append(lines,
		"jane@example.com", "JANE.DOE@EXAMPLE.CO.UK", "a@b.cd", "a@b.c", "@b.cd", "a@.cd", "a@b..cd", "a@bc", "x@y.z1",
		"mail: jane_doe+cv@sub-domain.example.org.", "two @ signs @ here a@b@c.de", "a@b.c-d.ef", "ſ@b.cd", "a@b.\u212aa",
		"+1 (555) 123-4567", "(555) 123 4567", "+44 20 7946 0958", "555.123.4567 or 555-123-4567", "1234567", "123456789",
		"12345678901234567890123", "2019 - 2021", "1999–2005", "+((555) 123 4567", "call 0 1 2 3 4 5 6 7 8 9 now",
		"2019-2021", "2019 – 2021", "2019/2021", " 2019 - 2021", "2019-21", "1899-1900", "2019\t-\n2021", "20192021",
		"- item", "• item", "  ▶ item", "1. first", "12) twelfth", "123. no", "1.", "•", "  ", "✓done", "→ next", "\u00a0- x",
		"LinkedIn: jane", "github.com/jane", "my-github", "github_", "_github", "GitHub2", "lin\u212aedin", "portfolioX",
		"p99", "P999 latency", "p9999", "xp99", "p99x", "p50/p95", "Doubled", "tenfolds", "re-doubled", "threefold,",
		"479 characters outside the visible page", "no digits", "page 3 of 12", "٣ arabic digit then 7", "",
		"Jan 2020 – Sept. '19", "JANUARY 2021", "Janx 12", "jan12", "jan 123456", "sep 12x", "0/2021", "00/21", "01/2021",
		"1/20", "10/1999", "13/2021", "12/20215", "1/2x", "19999", "2021a", "Q1", "q5", "xq1", "q1_", "3/2021/22",
		"ipv6 k8s s3 ec2 python3", "A1B", "a1b2", "_a1", "a1_", "é1a", "v2.0", "$5", "€ 300", "¥", "£12k", "₹ 5 lakh",
		"5 percentage", "3x", "3xl", "10k+", "2 mm", "4 bn", "5 b", "7 tb.", "8gb", "9 ms", "1 s", "12 sec", "1,000,000",
		"5.x", "5.", ".5", "x5", "5_", "_5", "5é", "10 %", "10%%", "+1", "1+", "v1.2.3 release", "jan 12345", "Sep 2021x",
		"linkedin.com/in/jane", "LinkedIn.com/ x", "linkedin.com/", "see github.com/a", "https://x", "http:// x", "HTTPS://X",
		"www.example.com", "www..com", "www.-.x", "www.a.", "www.a. b", "jane.dev", "jane.dev.", "jane.devx", "-x.io", "a_-x.io",
		"_a.io", "x.IO", "my-site.page/", "foo.me_", "a.b.site", "www.a.\u00e9", "x.site\xff", "é-x.io", "--.io", "a-.io",
		"-.me", "x-.me", "gitlab.com/\xff", "behance.net/\tx", "stackoverflow.com/q", "dribbble.com/é", "ſ.io", "lin\u212aedin.com/x",
		"5percentage", "a5percentage", "3xs", "2.5MM", "7Bn", "1,5,", "$ 5", "$x5",
	)
}

func TestCheckMatchers(t *testing.T) {
	lines := matcherLines(t)
	checks := []struct {
		name  string
		got   func(string) any
		want  func(string) any
		plain bool // only for text without a Kelvin sign or a long s (its callers' rule)
	}{
		{"replaceDates", func(s string) any { return replaceDates(s) }, func(s string) any { return dateRe().ReplaceAllString(s, " ") }, true},
		{"replaceVersions", func(s string) any { return replaceVersions(s) }, func(s string) any { return versionRe().ReplaceAllString(s, " ") }, true},
		{"hasNumber", func(s string) any { return hasNumber(s) }, func(s string) any { return numberRe().MatchString(s) }, true},
		{"hasProfileLink", func(s string) any { return hasProfileLink(s) }, func(s string) any { return profileRe().MatchString(s) }, false},
		{"hasEmail", func(s string) any { return hasEmail(s) }, func(s string) any { return emailRe().MatchString(s) }, false},
		{"namesProfile", func(s string) any { return namesProfile(s) }, func(s string) any { return profileNm().MatchString(s) }, false},
		{"hasNumberWord", func(s string) any { return hasNumberWord(s) }, func(s string) any { return numberWd().MatchString(s) }, false},
		{"hasPercentile", func(s string) any { return hasPercentile(s) }, func(s string) any { return pctileRe().MatchString(s) }, false},
		{"findPhones", func(s string) any { return findPhones(s) }, func(s string) any { return phoneRe.FindAllString(s, -1) }, false},
		{"isYearRange", func(s string) any { return isYearRange(s) }, func(s string) any { return yearRangeRe.MatchString(s) }, false},
		{"bulletEnd", func(s string) any { return bulletEnd(s) }, func(s string) any {
			if m := bulletPrefix.FindStringIndex(s); m != nil {
				return m[1]
			}
			return -1
		}, false},
		{"leadingDigits", func(s string) any { return leadingDigits(s) }, func(s string) any {
			if m := countRe.FindStringSubmatch(s); m != nil {
				return m[1]
			}
			return ""
		}, false},
	}
	for _, c := range checks {
		hits := 0
		for _, l := range lines {
			if c.plain && foldsToASCII(l) {
				continue
			}
			got, want := c.got(l), c.want(l)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s(%q) = %#v, want %#v (the regexp's answer)", c.name, l, got, want)
			}
			if !reflect.ValueOf(want).IsZero() && !reflect.DeepEqual(want, -1) && !reflect.DeepEqual(want, l) {
				hits++
			}
		}
		if hits == 0 || hits == len(lines) {
			t.Errorf("%s: the regexp answers the same for all %d lines: the lines prove nothing", c.name, len(lines))
		}
	}
}

func TestHasWordASCII(t *testing.T) {
	words := []string{"github", "p99", "p999"}
	tests := []struct {
		text string
		want bool
	}{
		{"GitHub", true}, {"see github.", true}, {"mygithub", false}, {"github_x", false}, {"github2", false},
		{"(github)", true}, {"é github é", true}, {"p999", true}, {"p9999", false}, {"P99;", true}, {"", false},
		{"githu", false}, {"x-github-y", true},
	}
	for _, tt := range tests {
		if got := hasWordASCII(tt.text, words); got != tt.want {
			t.Errorf("hasWordASCII(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFoldsToASCII(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", false}, {"ascii only", false}, {"café – €5", false}, {"lin\u212aedin", true}, {"ſeptember", true},
		{"\xe2\x84", false}, {"\xc5", false}, {"\u212b", false},
	}
	for _, tt := range tests {
		if got := foldsToASCII(tt.text); got != tt.want {
			t.Errorf("foldsToASCII(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if !strings.EqualFold("\u212a", "k") || !strings.EqualFold("\u017f", "s") {
		t.Errorf("the Kelvin sign and the long s no longer fold to k and s")
	}
}

// TestFirstPhraseLine holds the joined-text phrase search to findPhrase on
// every line in turn, over generated resumes and the guard lines, for the
// buzzwords, the built-in roles' signal phrases and boundary cases, at
// several line limits.
func TestFirstPhraseLine(t *testing.T) {
	phrases := append([]string{"s", "es", "go", "ci/cd", "c++", ".net", "rest api", "test", "tests", "-", "a b", "9"}, buzzwordList...)
	sets, _ := builtinRoleSets(t)
	for _, set := range sets {
		for _, s := range set.Signals {
			phrases = append(phrases, s.Phrases...)
		}
	}
	docs := generatedDocs(t, 8)
	guard := matcherLines(t)
	var lines []extract.Line
	for i, l := range guard[:min(len(guard), 3000)] {
		lines = append(lines, extract.Line{N: i + 1, Text: l})
	}
	docs = append(docs, &extract.Document{Lines: lines}, &extract.Document{Lines: []extract.Line{{N: 1, Text: "two\nlines test"}}}, &extract.Document{})
	found := 0
	for di, d := range docs {
		a := analyse(d)
		for _, p := range phrases {
			for _, limit := range []int{0, 1, len(a.lower) / 2, len(a.lower), len(a.lower) + 1} {
				want := -1
				for i := 0; i < min(limit, len(a.lower)); i++ {
					if findPhrase(a.lower[i], p) >= 0 {
						want = i
						break
					}
				}
				if got := a.firstPhraseLine(p, limit); got != want {
					t.Errorf("doc %d: firstPhraseLine(%q, %d) = %d, want %d", di, p, limit, got, want)
				}
				if want >= 0 {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Errorf("no phrase found in any document: the test proves nothing")
	}
}

// TestBagWithin checks that bagWithin is a lower bound of osa: whenever it
// says the letters differ by more than limit, osa says so too, over every
// pair of short words from a small alphabet (near words are common there),
// and that it does reject some pairs osa would have computed.
func TestBagWithin(t *testing.T) {
	var words []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		if len(prefix) > 0 {
			words = append(words, prefix)
		}
		if n == 0 {
			return
		}
		for _, c := range "abck" {
			gen(prefix+string(c), n-1)
		}
	}
	gen("", 5)
	words = append(words, "kubernetes", "kubernets", "kuberentes", "postgres", "postgers", "terraform", "terrafrom", "x-y", "ab1")
	rejected := 0
	for _, a := range words {
		for _, b := range words {
			for limit := 0; limit <= 2; limit++ {
				if !bagWithin(a, b, limit) {
					rejected++
					if d := osa(a, b, limit); d <= limit {
						t.Fatalf("bagWithin(%q, %q, %d) = false, but osa = %d", a, b, limit, d)
					}
				}
			}
		}
	}
	if rejected == 0 {
		t.Errorf("bagWithin rejected no pair: it spares nothing")
	}
	tests := []struct {
		a, b  string
		limit int
		want  bool
	}{
		{"kubernetes", "kubernets", 1, true}, {"kubernetes", "kuberentes", 0, true}, {"golang", "python", 2, false},
		{"abc", "abd", 0, false}, {"abc", "abd", 1, true}, {"c++", "cpp", 0, true},
	}
	for _, tt := range tests {
		if got := bagWithin(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("bagWithin(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// TestRunChecksAsync checks that the checks run beside the scan give the
// checks run in turn, and that a panic on their goroutine reaches the
// caller's (where cmd.Main recovers) instead of killing the process.
func TestRunChecksAsync(t *testing.T) {
	sets, _ := builtinRoleSets(t)
	for _, d := range generatedDocs(t, 4) {
		if got, want := runChecksAsync(d, sets[0])(), runChecks(d, sets[0]); !reflect.DeepEqual(got, want) {
			t.Errorf("runChecksAsync(%s) = %v, want %v", d.Path, got, want)
		}
	}
	wait := runChecksAsync(nil, nil) // analyse(nil) dereferences the document
	defer func() {
		if recover() == nil {
			t.Errorf("a panic in the checks did not reach the caller")
		}
	}()
	wait()
}
