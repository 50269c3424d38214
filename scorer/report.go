// Package scorer decides which keywords a resume has, how each matched and where,
// and turns that into a score out of 100 with the quality checks beside it.
//
// Compile builds an Index from a keywords.Set once; Index.Score scans a document
// once. Score is pure: the same Document and Index give the same Report.
package scorer

// SchemaVersion is the version of the Report's JSON form. It goes up only on
// breaking changes.
const SchemaVersion = 1

// MatchKind says how a keyword was found in the resume.
type MatchKind int

// Match kinds, from not found to found exactly. The order is the report order
// inside a tier: missing first.
const (
	Missing MatchKind = iota // not found
	Generic                  // only a broader skill was named ("SQL" for PostgreSQL): name the exact one
	Fuzzy                    // a probable typo of the keyword
	Variant                  // same stem or a listed variant (microservice for microservices)
	Alias                    // an alias or acronym (Postgres for PostgreSQL)
	Exact                    // the keyword's own form
)

var matchKindNames = [...]string{"missing", "generic", "typo", "variant", "alias", "exact"}

// String returns the kind's name as it appears in reports and JSON.
func (k MatchKind) String() string {
	if int(k) < len(matchKindNames) {
		return matchKindNames[k]
	}
	return "unknown"
}

// MarshalText writes the kind's name, so JSON carries "exact", not 5.
func (k MatchKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name.
func (k *MatchKind) UnmarshalText(b []byte) error {
	for i, n := range matchKindNames {
		if n == string(b) {
			*k = MatchKind(i)
			return nil
		}
	}
	*k = Missing
	return nil
}

// Evidence is one place a keyword was found.
type Evidence struct {
	Line int    `json:"line"` // Line.N in the document
	Text string `json:"text"` // the whole line's text
	Form string `json:"form"` // the exact form found there ("Postgres")
}

// Rejection is a near miss the matcher turned down, with the reason, shown by --explain.
type Rejection struct {
	Line   int    `json:"line"`
	Form   string `json:"form"`
	Reason string `json:"reason"` // "go: verb, lowercase outside a skills list"
}

// Match is the verdict for one keyword.
type Match struct {
	Keyword   string      `json:"keyword"`           // display form
	ID        string      `json:"id"`                // lexicon id or slug
	Tier      string      `json:"tier"`              // essential | important | bonus
	Category  string      `json:"category"`          // language, database, soft, ...
	Section   string      `json:"section,omitempty"` // JD section, for JD targets
	Other     bool        `json:"other,omitempty"`   // a statistical JD term, not a known skill
	Group     string      `json:"group,omitempty"`   // any-of group id
	JDCount   int         `json:"jd_count,omitempty"`
	Matched   bool        `json:"matched"`       // counts as present (exact, alias, variant or typo)
	Match     MatchKind   `json:"match"`         // how it matched, or "missing"
	Found     string      `json:"found"`         // the form found ("" when missing)
	Count     int         `json:"count"`         // occurrences in the resume (uncapped)
	Weight    float64     `json:"weight"`        // w: tier factor x keyword weight
	Credit    float64     `json:"credit"`        // c: 0..1 by match kind
	Points    float64     `json:"points"`        // this keyword's share of the score: 100 * w * c / sum(w)
	MaxPoints float64     `json:"max_points"`    // 100 * w / sum(w)
	Evidence  []Evidence  `json:"evidence"`      // where it was found (at most a few)
	Fix       string      `json:"fix,omitempty"` // what to change, for non-exact and missing keywords
	Rejected  []Rejection `json:"rejected,omitempty"`
}

// Status is the outcome of a quality check.
type Status string

// Check outcomes.
const (
	Pass Status = "pass"
	Warn Status = "warn"
	Fail Status = "fail"
)

// Check is a quality check reported beside the score and never mixed into it.
type Check struct {
	ID      string `json:"id"` // stable kebab-case id ("contact-details", "quantified-results")
	Title   string `json:"title"`
	Status  Status `json:"status"`
	Message string `json:"message"` // what was found
	Fix     string `json:"fix,omitempty"`
	Line    int    `json:"line,omitempty"` // a line to point at, when there is one
}

// Target names what the resume was scored against.
type Target struct {
	Source string `json:"source"` // role | keywords | jd
	ID     string `json:"id"`     // role id or file name
	Title  string `json:"title,omitempty"`
}

// Diagnostic is a finding of the extractor passed through to the report.
type Diagnostic struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Page    int    `json:"page,omitempty"`
}

// Report is everything known about one resume against one target. It holds no
// maps and no clocks, so its rendering is byte-for-byte stable.
type Report struct {
	SchemaVersion int          `json:"schema_version"`
	File          string       `json:"file"`
	Format        string       `json:"format"`
	Target        Target       `json:"target"`
	Score         float64      `json:"score"`   // 0..100, rounded to one decimal
	Matched       int          `json:"matched"` // keywords counted as present
	Total         int          `json:"total"`
	Keywords      []Match      `json:"keywords"` // by tier, missing first, then weight, then name
	Fixes         []string     `json:"fixes"`    // the most useful changes, most valuable first
	Checks        []Check      `json:"checks"`
	Diagnostics   []Diagnostic `json:"diagnostics"`
	// Experience is the share of the score held by a job description's
	// years requirements, nil when the target asks none (added in
	// schema_version 1: absent from reports without it).
	Experience *Experience `json:"experience,omitempty"`
}
