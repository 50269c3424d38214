package scorer

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// guardLines are the texts the guard tests try: the edge cases of each
// regexp, generated resume lines, the checks fixtures and, when ../shared is
// there, the corpus reference texts.
func guardLines(t *testing.T) []string {
	t.Helper()
	lines := []string{
		"Cut p99 latency 40%", "P95 under 200 ms", "p50", "top 5", "Doubled revenue in 2021", "QUADRUPLED sign-ups 3x",
		"Jan 2020 - Mar 2021", "Sept. '19", "sept.  2019", "March\t2020", "Dec2020", "decreased cost 30%", "may 12 releases",
		"3/2021", "12/99", "13/2021", "Q3 2024 roadmap", "q5 plan 7", "Moved 2 EC2 fleets to S3", "IPv6 on 10 sites",
		"Python 3.11 and Go 1.22", "2019-2021", "from 1999", "20 engineers", "2000 users", "1900s", "$5M saved", "€ 300k ARR",
		"4x faster", "10+ services", "1,200 rps", "3 percent", "ran 3 MB", "v2", "mar-2020", "jan.'20", "oct.\n20",
		"A1 B22 c3d", "x9", "_7", "9_", "team of 12", "100%", "ranked #1", "Top-3", "1.5 bn", "25 tb", "3s", "5ms p999",
		"K8s and k3s on 3 nodes", "the year 20", "201", "2o21", "q1", "Q4", "/9",
	}
	g := generatedDocs(t, 40)
	for _, d := range g {
		for _, l := range d.Lines {
			lines = append(lines, l.Text)
		}
	}
	files, _ := filepath.Glob(filepath.Join(checksDir, "*.md"))
	if ref, err := filepath.Glob(filepath.Join(sharedtest.Path(), "corpus", "ref", "*.txt")); err == nil {
		files = append(files, ref...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	// random strings over the characters the regexps turn on
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789 /.'\t-,%$+xXqQpPjanJANsepSEPtdecDECmaryMAYEC_kms"
	for range 30000 {
		b := make([]byte, 1+rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		lines = append(lines, string(b))
	}
	// and with runes whose lowercase differs in length or adds ASCII
	// (İ -> i + U+0307), the folding specials, dashes, currency signs and
	// invalid UTF-8 between them
	runes := []string{"0", "1", "2", "9", " ", "/", ".", "'", "-", "%", "q", "p", "j", "a", "n", "s", "e", "m", "y", "x", "k", "_",
		"İ", "ſ", "\u212a", "é", "É", "–", "•", "€", "£", "ẞ", "Ω", "\xff", "\xe2\x84"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(16) {
			b.WriteString(runes[rng.IntN(len(runes))])
		}
		lines = append(lines, b.String())
	}
	return lines
}

// TestQuantifiedGuards holds quantified's byte tests to the regexps alone:
// for every line with a digit, the guarded path and quantifiedRegexp agree,
// and each guard is true wherever its regexp matches.
func TestQuantifiedGuards(t *testing.T) {
	lines := guardLines(t)
	checked, yes := 0, 0
	for _, text := range lines {
		if digitCount(text) == 0 {
			continue
		}
		checked++
		got, want := quantified(text), quantifiedRegexp(text)
		if got != want {
			t.Errorf("quantified(%q) = %v, want %v (the regexps alone)", text, got, want)
		}
		if want {
			yes++
		}
		if foldsToASCII(text) {
			continue
		}
		low := strings.ToLower(text)
		guards := []struct {
			name     string
			guard    bool
			re       bool
			probeFor string
		}{
			{"mayHoldDate", mayHoldDate(low), dateRe().MatchString(text), "dateRe"},
			{"letterThenDigit", letterThenDigit(text), versionRe().MatchString(text), "versionRe"},
			{"mayNumberWord", mayNumberWord(low), numberWd().MatchString(text), "numberWd"},
			{"mayNameProfile", mayNameProfile(text, low), profileNm().MatchString(text), "profileNm"},
		}
		for _, g := range guards {
			if g.re && !g.guard {
				t.Errorf("%s(%q) = false, but %s matches", g.name, text, g.probeFor)
			}
		}
		if numberAlone(text) && !numberRe().MatchString(text) {
			t.Errorf("numberAlone(%q) = true, but numberRe does not match", text)
		}
	}
	if checked < 1000 || yes == 0 || yes == checked {
		t.Errorf("checked %d lines with digits, %d quantified: too few or one-sided to prove anything", checked, yes)
	}
	t.Logf("%d lines with digits, %d quantified", checked, yes)
}

func TestMayNameProfile(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Find me on GitHub", true},
		{"LinkedIn", true},
		{"Built a portfolio tracker", true},
		{"Kubernetes and Go", false},
		{"lin\u212Aedin", true}, // non-ASCII: always left to the regexp
		{"", false},
	}
	for _, tt := range tests {
		if got := mayNameProfile(tt.text, strings.ToLower(tt.text)); got != tt.want {
			t.Errorf("mayNameProfile(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if !profileNm().MatchString("lin\u212Aedin") {
		t.Errorf("profileNm no longer folds the Kelvin sign: the non-ASCII rule can go")
	}
}
