package extract

import "context"

const maxZipEntries = 5000

func readDOCX(ctx context.Context, data []byte, opts Options) (*Document, error) {
	return nil, unsupported("DOCX not yet implemented")
}
