package cmd

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/seeds"
)

// aboutText is the tool's notice: what it is and the attributions the
// embedded data requires.
const aboutText = `resumescore %s: an offline ATS keyword scorer for resumes.
Code: MIT licence. https://github.com/resumescore/resumescore

The embedded skill lexicon and role data use these sources:

- O*NET: This product includes information from the O*NET 29.2 Database by the
  U.S. Department of Labor, Employment and Training Administration (USDOL/ETA).
  Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
  Modified: subset of occupations, aggregated hot-technology counts, added
  alias columns; vendor prefixes dropped from some names.
- ESCO: This service uses the ESCO classification of the European Commission.
  Modified: descriptions, alternative labels and the URIs of broader concepts
  dropped.
- GitHub Linguist (names of programming languages): MIT licence,
  Copyright (c) 2017 GitHub, Inc.
- simple-icons (brand names and their casing): CC0 1.0. Brand names remain
  trademarks of their owners; no icons are included.
- SCOWL word list as packaged in Debian wamerican (keeps typo matching off
  ordinary English words): Copyright 2000-2011 by Kevin Atkinson and others,
  under the SCOWL notice licence.

Full notices: resumescore about --notices
`

// noticeFiles are the embedded notice files `about --notices` prints.
var noticeFiles = []string{"lexicon/NOTICE.md", "lexicon/english-LICENSE.txt"}

// newAboutCmd builds `resumescore about`: version, licence and the data
// attributions; --notices prints the full embedded notices.
func newAboutCmd(s *streams) *cobra.Command {
	var notices bool
	c := &cobra.Command{
		Use:   "about",
		Short: "Show the version, licence and the attributions of the embedded data",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if !notices {
				_, err := fmt.Fprintf(s.Out, aboutText, buildVersion())
				return err
			}
			return writeNotices(s.Out, seeds.FS())
		},
	}
	c.Flags().BoolVar(&notices, "notices", false, "print the full licence notices of the embedded data")
	return c
}

// writeNotices copies the embedded notice files to w.
func writeNotices(w io.Writer, fsys fs.FS) error {
	for i, name := range noticeFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("embedded notice: %w", err)
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "==> %s <==\n", name)
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return nil
}
