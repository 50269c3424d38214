package keywords

import (
	"io"
	"io/fs"
)

// Load reads the built-in or user role called role from fsys (roles/<role>.yaml).
// owner: roles helper.
func Load(fsys fs.FS, role string) (*Set, error) { panic("not implemented") }

// Parse reads a user's keyword list: a plain list (one keyword per line, #
// comments) or a role YAML file. name is used in errors ("list.txt:3: ...").
func Parse(r io.Reader, name string) (*Set, error) { panic("not implemented") }
