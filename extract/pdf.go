package extract

import "context"

// readPDF extracts the text of a PDF held in memory.
func readPDF(ctx context.Context, data []byte, opts Options) (*Document, error) {
	return nil, ErrUnsupported // owner: pdf helper
}
