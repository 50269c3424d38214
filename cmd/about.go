package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// aboutText is the tool's notice: what it is and the attributions the
// embedded data requires.
const aboutText = `resumescore %s: an offline ATS keyword scorer for resumes.
Code: MIT licence. https://github.com/resumescore/resumescore

Embedded data and its attributions:

- O*NET: This product includes information from the O*NET 29.2 Database by the
  U.S. Department of Labor, Employment and Training Administration (USDOL/ETA).
  Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
  Modified: subset of occupations, aggregated hot-technology counts, added
  alias columns.
- ESCO: This service uses the ESCO classification of the European Commission.
  Modified: descriptions and URIs of broader concepts dropped; alternative
  labels joined.
- GitHub Linguist (language names): MIT licence, Copyright (c) 2017 GitHub, Inc.
- simple-icons (brand names and casings): CC0 1.0. Brand names remain
  trademarks of their owners; no icons are included.
- SCOWL / wamerican English word list (stops typo matching on ordinary words):
  Copyright Kevin Atkinson and the SCOWL contributors, used under the SCOWL
  permissive notice licence, which is kept with the embedded copy.
`

// newAboutCmd builds `resumescore about`: version, licence and the data
// attributions.
func newAboutCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "about",
		Short: "Show the version, licence and the attributions of the embedded data",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(s.Out, aboutText, buildVersion())
			return err
		},
	}
}
