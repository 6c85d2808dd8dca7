package main

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// previewSurveyImport is 'survey import --dry-run': the plan the import
// would follow, each question's kind with the rule that decided it, and
// what a Mentimeter workbook's other sheets say. Nothing is stored.
func previewSurveyImport(c *cmdContext, s *data.Store, networkID, file string, opt survey.Options) error {
	plan, src, sample, err := survey.Preview(c.ctx, s, networkID, file, opt)
	if err != nil {
		return fmt.Errorf("cannot import: %w", err)
	}
	if err := src.Close(); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: %s export, read as %s; %d questions. Nothing was stored (--dry-run).\n", file, survey.FormatName(plan.Format), sample.Reading, len(plan.Questions))
	if plan.CountsOnly {
		fmt.Fprintf(c.stdout, "It would import %s.\n", survey.RespondentsText(plan.LeastRespondents(opt.Session), true))
	}
	for i, q := range plan.Questions {
		fmt.Fprintf(c.stdout, "  %2d. %-16s %s\n", i+1, q.Kind, q.Prompt)
		if q.Rule != "" {
			fmt.Fprintf(c.stdout, "      why: %s\n", q.Rule)
		}
	}
	if sessions := plan.Sessions(); len(sessions) > 1 {
		fmt.Fprintf(c.stdout, "Sessions: %s (--session N imports one, --session all merges them, --session each makes each its own survey; chosen: %s).\n", strings.Join(sessions, ", "), opt.Session)
	}
	if col := plan.PartnerColumn(); col != "" {
		fmt.Fprintf(c.stdout, "Partner column: %q (each respondent's city; --partner-column HEADING chooses another).\n", col)
	}
	printMentiNotes(c, plan, opt.Session, plan.Menti.MismatchesIn(opt.Session))
	return nil
}

// printMentiNotes tells what a Mentimeter import left aside or found
// disagreeing: the reactions to content slides, and the options whose
// count in the Voters sheet differs from the Session sheet's.
func printMentiNotes(c *cmdContext, plan survey.Plan, session string, mismatches []survey.Mismatch) {
	if plan.Menti == nil {
		return
	}
	for _, n := range plan.Notes {
		fmt.Fprintln(c.stdout, n)
	}
	if n := plan.Menti.ReactionsIn(session); n > 0 {
		fmt.Fprintf(c.stdout, "%d reactions to content slides are not imported.\n", n)
	}
	if len(mismatches) > 0 {
		fmt.Fprintf(c.stdout, "The Voters sheet and the Session sheets disagree on %s; the Voters sheet's counts are imported:\n", survey.CountOptions(len(mismatches)))
		for _, m := range mismatches {
			fmt.Fprintf(c.stdout, "  %s\n", m)
		}
	}
}

// importEachSession is 'survey import --session each': one survey per
// session, in one transaction.
func importEachSession(c *cmdContext, s *data.Store, networkID, file string, opt survey.Options) error {
	svs, report, err := survey.ImportEachSession(c.ctx, s, networkID, file, opt)
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	for _, sv := range svs {
		if err := indexAnswers(c, s, sv.ID); err != nil {
			return fmt.Errorf("%q was imported, but its answers are not searchable yet (the window indexes them when it starts): %w", sv.Title, err)
		}
		fmt.Fprintf(c.stdout, "Imported %q (Mentimeter format): %s, %d questions.\n", sv.Title, survey.RespondentsText(sv.Respondents, sv.CountsOnly), len(report.Questions))
	}
	printMentiNotes(c, report.Plan, survey.SessionsAll, report.Mismatches)
	return nil
}
