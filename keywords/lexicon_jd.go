package keywords

import "sync"

// jdRulesCache holds the job-description rules read for each lexicon, so that
// FromJD reads seeds/stop once per lexicon, not once per call.
var jdRulesCache struct {
	sync.Mutex
	m map[*Lexicon]*JDRules
}

// jdRules returns the job-description rules (section cues, stop words,
// background table) read from the file system the lexicon came from.
func (l *Lexicon) jdRules() (*JDRules, error) {
	if l == nil || l.fsys == nil {
		return nil, ErrNoJDRules
	}
	jdRulesCache.Lock()
	defer jdRulesCache.Unlock()
	if r, ok := jdRulesCache.m[l]; ok {
		return r, nil
	}
	r, err := LoadJDRules(l.fsys)
	if err != nil {
		return nil, err
	}
	if jdRulesCache.m == nil {
		jdRulesCache.m = map[*Lexicon]*JDRules{}
	}
	jdRulesCache.m[l] = r
	return r, nil
}
