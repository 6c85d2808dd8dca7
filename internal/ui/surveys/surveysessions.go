package surveys

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// The session choices besides one session: merged, or one survey each.
const (
	allSessions  = "All sessions, merged"
	eachSessions = "Each session its own survey"
)

// sessionChoice lets the user import one session of a Mentimeter file or
// all of them merged; nil when the file holds one session.
func sessionChoice(p survey.Plan, current string) *widget.Select {
	sessions := p.Sessions()
	if len(sessions) < 2 {
		return nil
	}
	labels := []string{allSessions, eachSessions}
	for _, s := range sessions {
		labels = append(labels, "Session "+s)
	}
	sel := widget.NewSelect(labels, nil)
	sel.SetSelected(allSessions)
	switch current {
	case "", survey.SessionsAll:
	case survey.SessionsEach:
		sel.SetSelected(eachSessions)
	default:
		sel.SetSelected("Session " + current)
	}
	return sel
}

// sessionValue is the import's session option for a choice.
func sessionValue(label string) string {
	switch label {
	case allSessions, "":
		return survey.SessionsAll
	case eachSessions:
		return survey.SessionsEach
	}
	return strings.TrimPrefix(label, "Session ")
}

// previewRule is the rule that decided a row's kind.
func previewRule(p survey.Plan, ch survey.Choice) string {
	if ch.Question < 0 {
		return ""
	}
	return p.Questions[ch.Question].Rule
}

// mentiNotes tells what a Mentimeter workbook's import leaves aside or
// found disagreeing ("" for other files).
func mentiNotes(p survey.Plan) string {
	if p.Menti == nil {
		return ""
	}
	notes := append([]string(nil), p.Notes...)
	if p.Menti.Reactions > 0 {
		notes = append(notes, fmt.Sprintf("%d reactions to content slides are not imported.", p.Menti.Reactions))
	}
	if ms := p.Menti.Mismatches; len(ms) > 0 {
		var each []string
		for _, m := range ms[:min(len(ms), 5)] {
			each = append(each, m.String())
		}
		if len(ms) > 5 {
			each = append(each, fmt.Sprintf("and %d more", len(ms)-5))
		}
		notes = append(notes, fmt.Sprintf("The Voters sheet and the Session sheets disagree on %s; the Voters sheet's counts are imported: %s.", survey.CountOptions(len(ms)), strings.Join(each, "; ")))
	}
	return strings.Join(notes, " ")
}
