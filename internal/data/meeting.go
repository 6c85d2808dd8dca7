package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Meeting kinds.
const (
	MeetingCoreNetwork       = "core_network_meeting"
	MeetingOnlineAcademy     = "online_academy"
	MeetingULG               = "ulg_meeting"
	MeetingMasterclass       = "masterclass"
	MeetingThematicWorkGroup = "thematic_working_group"
	MeetingPeerReview        = "peer_review"
	MeetingPartner           = "partner_meeting"
	MeetingOther             = "other"
)

// Meeting is a network event: a Core Network Meeting, an Online Academy…
type Meeting struct {
	ID          string
	NetworkID   string
	Kind        string
	Number      *int64
	Title       string
	StartDate   string // YYYY-MM-DD
	EndDate     string
	Place       string
	Online      bool
	Description string
	HostIDs     []string // partners hosting it
	ThemeIDs    []string
	// For a ULG meeting: the partner sent its report and attendance sheet.
	ReportReceived     bool
	AttendanceReceived bool
}

// MeetingKinds are the kinds in the order the editor offers them.
var MeetingKinds = []string{MeetingCoreNetwork, MeetingOnlineAcademy, MeetingULG, MeetingMasterclass,
	MeetingThematicWorkGroup, MeetingPeerReview, MeetingPartner, MeetingOther}

func checkMeeting(m *Meeting) error {
	m.Title = strings.TrimSpace(m.Title)
	if m.Title == "" {
		return &ConstraintError{Msg: "a meeting needs a title"}
	}
	if !slices.Contains(MeetingKinds, m.Kind) {
		return &ConstraintError{Msg: fmt.Sprintf("%q is not a kind of meeting", m.Kind)}
	}
	return checkPeriod(&m.StartDate, &m.EndDate)
}

// checkPeriod trims and checks an optional start and end date.
func checkPeriod(start, end *string) error {
	for _, d := range []*string{start, end} {
		*d = strings.TrimSpace(*d)
		if *d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, *d); err != nil {
			return &ConstraintError{Msg: fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD", *d)}
		}
	}
	if *end != "" && *start == "" {
		return &ConstraintError{Msg: "an end date needs a start date"}
	}
	if *end != "" && *end < *start {
		return &ConstraintError{Msg: "it cannot end (" + *end + ") before it starts (" + *start + ")"}
	}
	return nil
}

func createMeeting(ctx context.Context, tx *sql.Tx, m Meeting) (Meeting, error) {
	if err := checkMeeting(&m); err != nil {
		return m, err
	}
	m.ID = newID()
	t := now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO meetings (id, network_id, kind, number, title, start_date, end_date, place, online,
		description, report_received, attendance_received, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		m.ID, m.NetworkID, m.Kind, m.Number, m.Title, m.StartDate, m.EndDate, m.Place, m.Online, m.Description,
		m.ReportReceived, m.AttendanceReceived, t, t); err != nil {
		return m, err
	}
	return m, linkMeeting(ctx, tx, m)
}

// linkMeeting stores a meeting's hosts and themes.
func linkMeeting(ctx context.Context, tx *sql.Tx, m Meeting) error {
	for _, p := range m.HostIDs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meeting_hosts (meeting_id, partner_id) VALUES (?,?)`, m.ID, p); err != nil {
			return err
		}
	}
	for _, th := range m.ThemeIDs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meeting_themes (meeting_id, theme_id) VALUES (?,?)`, m.ID, th); err != nil {
			return err
		}
	}
	return nil
}

const meetingColumns = `id, network_id, kind, number, title, start_date, end_date, place, online, description,
	report_received, attendance_received`

func scanMeeting(r interface{ Scan(...any) error }) (Meeting, error) {
	var m Meeting
	var num sql.NullInt64
	err := r.Scan(&m.ID, &m.NetworkID, &m.Kind, &num, &m.Title, &m.StartDate, &m.EndDate, &m.Place, &m.Online, &m.Description,
		&m.ReportReceived, &m.AttendanceReceived)
	m.Number = nullInt(num)
	return m, err
}

// Meetings lists a network's meetings by date, with their hosts and themes.
func (s *Store) Meetings(ctx context.Context, networkID string) ([]Meeting, error) {
	ms, err := queryList(ctx, s.rd, scanMeeting, `SELECT `+meetingColumns+` FROM meetings WHERE network_id = ? ORDER BY start_date, title`, networkID)
	if err != nil {
		return nil, err
	}
	err = attachLinks(ctx, s.rd, ms, func(m *Meeting) string { return m.ID },
		func(m *Meeting, p string) { m.HostIDs = append(m.HostIDs, p) },
		`SELECT h.meeting_id, h.partner_id FROM meeting_hosts h
		JOIN meetings m ON m.id = h.meeting_id WHERE m.network_id = ?`, networkID)
	if err != nil {
		return nil, err
	}
	err = attachLinks(ctx, s.rd, ms, func(m *Meeting) string { return m.ID },
		func(m *Meeting, th string) { m.ThemeIDs = append(m.ThemeIDs, th) },
		`SELECT t.meeting_id, t.theme_id FROM meeting_themes t
		JOIN meetings m ON m.id = t.meeting_id WHERE m.network_id = ?`, networkID)
	return ms, err
}

// NextMeeting returns the first meeting ending on or after day (YYYY-MM-DD),
// and ErrNotFound when none is planned.
func (s *Store) NextMeeting(ctx context.Context, networkID, day string) (Meeting, error) {
	m, err := scanMeeting(s.rd.QueryRowContext(ctx, `SELECT `+meetingColumns+` FROM meetings
		WHERE network_id = ? AND COALESCE(NULLIF(end_date, ''), start_date) >= ? ORDER BY start_date LIMIT 1`, networkID, day))
	return m, notFound(err)
}

// LastMeeting returns the latest meeting that started before day.
func (s *Store) LastMeeting(ctx context.Context, networkID, day string) (Meeting, error) {
	m, err := scanMeeting(s.rd.QueryRowContext(ctx, `SELECT `+meetingColumns+` FROM meetings
		WHERE network_id = ? AND start_date <> '' AND start_date < ? ORDER BY start_date DESC LIMIT 1`, networkID, day))
	return m, notFound(err)
}

// MeetingByIDOrTitle finds a meeting by id, or by its exact title.
func (s *Store) MeetingByIDOrTitle(ctx context.Context, networkID, key string) (Meeting, error) {
	m, err := scanMeeting(s.rd.QueryRowContext(ctx, `SELECT `+meetingColumns+` FROM meetings WHERE network_id = ? AND (id = ? OR title = ?)
		ORDER BY id = ? DESC LIMIT 1`, networkID, key, key, key))
	return m, notFound(err)
}
