package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

func runSurveyImport(c *cmdContext) error {
	s, n, err := c.openNetwork(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	file := c.args[0]
	meetingID, err := c.meetingID(s, n)
	if err != nil {
		return err
	}
	if c.format == "template" || c.format == "auto" && survey.IsTemplateFile(file) {
		sv, err := survey.ImportTemplateFor(c.ctx, s, n.ID, file, c.title, meetingID)
		if err != nil {
			return fmt.Errorf("nothing was imported: %w", err)
		}
		fmt.Fprintf(c.stdout, "Created %q from the question template; it has no answers yet.\n", sv.Title)
		return nil
	}
	opt := survey.Options{Title: c.title, MeetingID: meetingID, Format: c.format, Encoding: c.encoding, Session: c.session, Sheet: c.sheet, PartnerColumn: c.partnerColumn}
	if c.dryRun {
		return previewSurveyImport(c, s, n.ID, file, opt)
	}
	same, err := survey.ImportedBefore(c.ctx, s, n.ID, file)
	if err != nil {
		return err
	}
	if len(same) > 0 {
		switch {
		case c.replace:
			opt.Replace = same[0].ID
		case !c.keepBoth:
			return fmt.Errorf("%s was imported before as %q; add --replace to replace it or --keep-both to import it again", file, same[0].Title)
		}
	}
	if c.session == survey.SessionsEach {
		return importEachSession(c, s, n.ID, file, opt)
	}
	sv, plan, err := survey.Import(c.ctx, s, n.ID, file, opt)
	if err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	if err := indexAnswers(c, s, sv.ID); err != nil {
		return fmt.Errorf("%q was imported, but its answers are not searchable yet (the window indexes them when it starts): %w", sv.Title, err)
	}
	fmt.Fprintf(c.stdout, "Imported %q (%s format): %s, %d questions.\n", sv.Title, survey.FormatName(plan.Format), survey.RespondentsText(sv.Respondents, sv.CountsOnly), len(plan.Questions))
	for i, q := range plan.Questions {
		fmt.Fprintf(c.stdout, "  %2d. %-16s %s\n", i+1, q.Kind, q.Prompt)
	}
	printMentiNotes(c, plan.Plan, opt.Session, plan.Mismatches)
	if len(plan.Unmatched) > 0 {
		fmt.Fprintf(c.stdout, "These names in the partner column are no partner of the network; their respondents have no partner:\n")
		for _, u := range plan.Unmatched {
			fmt.Fprintf(c.stdout, "  %q (%d rows)\n", u.Name, u.Count)
		}
	}
	return nil
}

// indexAnswers makes a just imported survey's answers searchable, saying
// so on stderr when it takes a while.
func indexAnswers(c *cmdContext, s *data.Store, surveyID string) error {
	done := make(chan error, 1)
	go func() { done <- s.IndexSurveyAnswers(c.ctx, surveyID) }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		fmt.Fprintln(c.stderr, "Indexing answers for search…")
		return <-done
	}
}

type surveyJSON struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Format      string `json:"format"`
	SourceFile  string `json:"source_file"`
	Respondents int    `json:"respondents"`
	ImportedAt  string `json:"imported_at"`
	MeetingID   string `json:"meeting_id"` // "" when the survey belongs to no meeting
	// CountsOnly: counts per question only (a Mentimeter file without its
	// Voters sheet); respondents is then at least how many took part.
	CountsOnly bool `json:"counts_only,omitempty"`
}

func runSurveyList(c *cmdContext) error {
	s, n, err := c.openNetwork(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	svs, err := s.Surveys(c.ctx, n.ID)
	if err != nil {
		return err
	}
	if c.json {
		out := []surveyJSON{}
		for _, sv := range svs {
			out = append(out, surveyJSON{ID: sv.ID, Title: sv.Title, Format: sv.Format, SourceFile: sv.SourceFile, Respondents: sv.Respondents, ImportedAt: sv.ImportedAt, MeetingID: sv.MeetingID, CountsOnly: sv.CountsOnly})
		}
		return writeJSON(c, out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Title\tRespondents\tFormat\tImported\tId")
	for _, sv := range svs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", sv.Title, sv.Respondents, sv.Format, sv.ImportedAt, sv.ID)
	}
	return tw.Flush()
}

func runSurveyResults(c *cmdContext) error {
	s, n, sv, err := c.openSurvey(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	partnerID, err := c.partnerID(s, n)
	if err != nil {
		return err
	}
	res, err := survey.LoadResults(c.ctx, s, sv, partnerID)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c, res)
	}
	fmt.Fprintf(c.stdout, "%s — %s\n", sv.Title, survey.RespondentsText(sv.Respondents, sv.CountsOnly))
	if b := res.RespondentsByPartner; b != nil {
		fmt.Fprintf(c.stdout, "\nRespondents per partner:\n")
		for _, p := range b.Partners {
			fmt.Fprintf(c.stdout, "   %6d  %5.1f%%  %s\n", p.Count, p.Percent, p.Name)
		}
		fmt.Fprintf(c.stdout, "   %6d          matched to no partner\n", b.Unmatched)
	}
	for _, q := range res.Questions {
		skipped := fmt.Sprintf(", %d skipped", q.Skipped)
		if sv.CountsOnly {
			skipped = "" // unknown without the voters' rows
		}
		fmt.Fprintf(c.stdout, "\n%d. %s (%s; %d answered%s)\n", q.Position, q.Prompt, strings.ReplaceAll(q.Kind, "_", " "), q.Respondents, skipped)
		for _, o := range q.Options {
			fmt.Fprintf(c.stdout, "   %6d  %5.1f%%  %s\n", o.Count, o.Percent, oneLine(o.Label))
		}
		for _, st := range q.Statements {
			fmt.Fprintf(c.stdout, "   mean %.2f  median %.1f  (%d)  %s\n", st.Mean, st.Median, st.Count, st.Label)
		}
		for _, it := range q.Items {
			what := "average place"
			if q.Kind == data.KindPoints {
				what = "average points"
			}
			fmt.Fprintf(c.stdout, "   %s %.2f  (%d)  %s\n", what, it.Average, it.Count, it.Label)
		}
		for i, w := range q.Words {
			if i == 10 {
				break
			}
			fmt.Fprintf(c.stdout, "   %6d  %s\n", w.Count, w.Word)
		}
		for _, a := range q.Audience {
			answered := ""
			if a.Answered {
				answered = "  (answered)"
			}
			fmt.Fprintf(c.stdout, "   %6d upvotes  %s%s\n", a.Upvotes, a.Text, answered)
		}
	}
	return nil
}

// oneLine keeps an answer with line breaks on its row of the listing.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeJSON(c *cmdContext, v any) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runSurveyExport(c *cmdContext) error {
	if c.out == "" {
		return usageError{"--out FILE.csv, .xlsx, .pdf or .png is required"}
	}
	s, n, sv, err := c.openSurvey(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	if ext := strings.ToLower(filepath.Ext(c.out)); c.partner != "" && (ext == ".csv" || ext == ".xlsx") {
		return usageError{"--partner applies to .pdf and .png; a .csv or .xlsx export holds every respondent, with their partner in a column"}
	}
	e := export.SurveyExport{Survey: sv, Question: c.question}
	if e.PartnerID, err = c.partnerID(s, n); err != nil {
		return err
	}
	if e.PartnerID != "" {
		e.PartnerName = c.partner
	}
	if err := export.Survey(c.ctx, s, e, c.out, slides, nil); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote %q (%s) to %s\n", sv.Title, survey.RespondentsText(sv.Respondents, sv.CountsOnly), c.out)
	return nil
}

// meetingID finds the meeting named by --meeting (id or exact title); ""
// when none is named.
func (c *cmdContext) meetingID(s *data.Store, n data.Network) (string, error) {
	if c.meeting == "" {
		return "", nil
	}
	m, err := c.meetingNamed(s, n, c.meeting)
	return m.ID, err
}

// partnerID finds the partner named by --partner; "" when none is named.
func (c *cmdContext) partnerID(s *data.Store, n data.Network) (string, error) {
	if c.partner == "" {
		return "", nil
	}
	p, err := s.PartnerByName(c.ctx, n.ID, c.partner)
	if err != nil {
		return "", fmt.Errorf("no partner called %q", c.partner)
	}
	return p.ID, nil
}

// openSurvey opens the store and finds the survey named by the command's
// argument (id or exact title); the caller closes the store.
func (c *cmdContext) openSurvey(mode data.Mode) (*data.Store, data.Network, data.Survey, error) {
	s, n, err := c.openNetwork(mode)
	if err != nil {
		return nil, n, data.Survey{}, err
	}
	sv, err := s.SurveyByIDOrTitle(c.ctx, n.ID, c.args[0])
	if err != nil {
		s.Close()
		if errors.Is(err, data.ErrNotFound) {
			err = fmt.Errorf("no survey with id or title %q; 'survey list' shows them", c.args[0])
		}
		return nil, n, sv, err
	}
	return s, n, sv, nil
}

// runSurveyLink links a survey to the meeting it was held at.
func runSurveyLink(c *cmdContext) error {
	if c.meeting == "" {
		return usageError{"--meeting MEETING is required (its id or exact title)"}
	}
	s, n, sv, err := c.openSurvey(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := c.meetingNamed(s, n, c.meeting)
	if err != nil {
		return err
	}
	if err := s.LinkSurvey(c.ctx, sv.ID, m.ID); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Linked %s to %s\n", sv.Title, m.Title)
	return nil
}
