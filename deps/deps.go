package deps

import (
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/kljensen/snowball"
	_ "github.com/ledongthuc/pdf"
	_ "github.com/muesli/termenv"
	_ "github.com/nguyenthenguyen/docx"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/spf13/cobra"
	_ "golang.org/x/text/unicode/norm"
	_ "gopkg.in/yaml.v3"
)
