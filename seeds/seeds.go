// Package seeds holds the built-in data: role files, the skill lexicon, word
// lists. It only embeds; package keywords parses.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed roles lexicon stop
var files embed.FS

// FS returns the embedded data as a read-only file system.
func FS() fs.FS { return files }
