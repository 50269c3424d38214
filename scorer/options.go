package scorer

// WithoutChecks returns a copy of the index whose Score leaves out the
// quality checks: Report.Checks stays empty, while the score, the keywords,
// the fixes and the diagnostics are the same as Score on ix gives. Callers
// that never show the checks (batch ranks on the score and the missing
// keywords) save most of the time Score spends on a document. The copy
// shares ix's compiled tables, so it costs nothing to make and, like ix, is
// safe for concurrent use.
func (ix *Index) WithoutChecks() *Index {
	c := *ix
	c.noChecks = true
	return &c
}
