// Package keywords holds the keyword model: a Set of Keywords with tiers and
// weights, built from a role file (Load), a user's list (Parse) or a job
// description (FromJD), each keyword resolved against the built-in skill lexicon
// so that "Postgres" in a list and "PostgreSQL" in a resume are the same skill.
//
// It never opens paths: callers pass an fs.FS or an io.Reader.
package keywords

// Tier says how much a keyword matters for a role.
type Tier int

// Tiers, most important first. The zero value is Essential so that a keyword
// listed without a tier counts fully.
const (
	Essential Tier = iota // must-have
	Important             // recommended / nice-to-have
	Bonus                 // a plus
)

// String returns the tier's name as written in role files.
func (t Tier) String() string {
	switch t {
	case Important:
		return "important"
	case Bonus:
		return "bonus"
	}
	return "essential"
}

// Label returns the tier's name for people ("must-have", "nice-to-have", "bonus").
func (t Tier) Label() string {
	switch t {
	case Important:
		return "nice-to-have"
	case Bonus:
		return "bonus"
	}
	return "must-have"
}

// Context says what a hit of an ambiguous name needs before it counts.
type Context int

// Context rules, from the lexicon's context column.
const (
	AnyContext Context = iota // any alias hit counts
	ListOrTech                // case-exact alias counts; other casings only inside a skills list
	TechOnly                  // case-exact alias needs tech evidence in the same sentence (or a skills list)
	NearSkill                 // case-exact alias needs a skills list, another skill in the sentence, or "in"/"using" before it; cue words are not enough (a vendor's name: "Oracle")
)

// Keyword is one thing a resume is searched for, with everything the matcher
// needs to decide a hit.
type Keyword struct {
	ID          string   // lexicon id ("postgresql") when resolved, else a slug of Name
	Name        string   // display form ("PostgreSQL"); what the fix tells the user to write
	Aliases     []string // other forms matched case-insensitively ("Postgres", "psql")
	CaseAliases []string // forms matched only in exactly this case ("Go", "REST")
	Tier        Tier
	Kind        string   // category: language, framework, database, cloud, tool, concept, practice, soft, ...
	Soft        bool     // a soft skill
	Weight      float64  // relative weight (> 0) before the tier factor; 1 unless a JD says otherwise
	Context     Context  // gate for ambiguous names
	Ambiguity   string   // lexicon ambiguity class ("none", "english_word", "short", ...)
	Stem        bool     // Snowball variants of single-word forms are safe
	Variants    []string // explicit variant forms (plurals, derivations) when stemming is unsafe
	Negatives   []string // lowercase phrases that veto a hit ("go-to-market")
	Broader     []string // ids of broader skills (PostgreSQL -> sql)
	Group       string   // any-of group id: a JD's "X, Y or Z"; one match satisfies all keywords of the group
	Section     string   // JD section the keyword came from (required, responsibilities, preferred, about)
	Count       int      // occurrences in the JD
	Other       bool     // a statistical JD term the lexicon does not know ("other terms")
	Known       bool     // resolved against the lexicon
}

// Set is a list of keywords to score a resume against, with where it came from.
type Set struct {
	ID       string    // role id ("backend"), or the file name of a list or JD
	Title    string    // "Backend Developer"
	Source   string    // "role", "keywords", "jd"
	Keywords []Keyword // in file order
	Checks   []string  // ids of role-specific quality checks
	Signals  []Signal  // what the role's hiring managers look for
	// Experience holds a job description's "N years as X" requirements
	// (FromJD); the scorer gives them a bounded share of the score.
	Experience []ExperienceAsk
	// AsOf is the month a resume is read on, as year*12 + month - 1, 0 when
	// unset: a role dated "to present" ends there (else at the latest month
	// the resume names). cmd sets it from the clock; keywords and scorer
	// have none.
	AsOf int
}

// Signal is a role-specific quality signal: a named group of phrases whose
// presence a recruiter for that role looks for (e.g. reliability metrics).
type Signal struct {
	ID      string   // "reliability-metrics"
	Title   string   // "Reliability metrics"
	Phrases []string // lowercase phrases or words, any of which shows the signal
	Fix     string   // what to add when it is absent
}
