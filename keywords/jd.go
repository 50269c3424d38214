package keywords

// JD is what a job description asks for: its keywords and the facts that are
// reported but not scored. owner: jd helper.
type JD struct {
	Set       *Set
	Title     string
	Years     int
	Degree    string
	Seniority string
}

// FromJD extracts weighted keywords from the text of a job description.
func FromJD(name, text string, lex *Lexicon) (*JD, error) { panic("not implemented") }
