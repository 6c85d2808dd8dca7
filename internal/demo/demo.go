// Package demo loads the demo network, Agents of Co-Existence, into a store.
package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/assets"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
)

// file is the shape of assets/demo/network.json.
type file struct {
	Network struct {
		Name        string `json:"name"`
		Acronym     string `json:"acronym"`
		Programme   string `json:"programme"`
		LeadExpert  string `json:"lead_expert"`
		StartDate   string `json:"start_date"`
		EndDate     string `json:"end_date"`
		Description string `json:"description"`
	} `json:"network"`
	Partners []partners.JSON `json:"partners"`
	Themes   []struct {
		Number     string `json:"number"`
		Title      string `json:"title"`
		Horizontal bool   `json:"horizontal"`
		SubThemes  []struct {
			Number string `json:"number"`
			Title  string `json:"title"`
		} `json:"sub_themes"`
	} `json:"themes"`
	GoodPractices []struct {
		Title          string   `json:"title"`
		OwnerPartner   string   `json:"owner_partner"`
		OutsideCity    string   `json:"outside_city"`
		OutsideCountry string   `json:"outside_country"`
		Description    string   `json:"description"`
		SourceLink     string   `json:"source_link"`
		SubThemes      []string `json:"sub_themes"`
	} `json:"good_practices"`
	Matrix []struct {
		Partner   string   `json:"partner"`
		SubTheme  string   `json:"sub_theme"`
		State     string   `json:"state"`
		Practices []string `json:"practices"`
	} `json:"matrix"`
	Meetings []struct {
		Kind        string   `json:"kind"`
		Number      *int64   `json:"number"`
		Title       string   `json:"title"`
		StartDate   string   `json:"start_date"`
		EndDate     string   `json:"end_date"`
		Place       string   `json:"place"`
		Online      bool     `json:"online"`
		Hosts       []string `json:"hosts"`
		Themes      []string `json:"themes"`
		Description string   `json:"description"`
		Report      bool     `json:"report_received"`
		Attendance  bool     `json:"attendance_received"`
	} `json:"meetings"`
	Milestones []struct {
		Track   string `json:"track"`
		DueDate string `json:"due_date"`
		Title   string `json:"title"`
		Done    bool   `json:"done"`
	} `json:"milestones"`
	Actions []struct {
		Partner        string   `json:"partner"`
		Kind           string   `json:"kind"`
		Parent         string   `json:"parent"` // the title of the testing action a plan action grew from
		Title          string   `json:"title"`
		Description    string   `json:"description"`
		StartDate      string   `json:"start_date"`
		EndDate        string   `json:"end_date"`
		Responsibility string   `json:"responsibility"`
		Status         string   `json:"status"`
		CostEUR        *float64 `json:"cost_eur"`
		Funding        string   `json:"funding"`
		Indicators     string   `json:"indicators"`
		Risks          string   `json:"risks"`
	} `json:"actions"`
	LearningGrids []struct {
		Meeting string `json:"meeting"`
		Partner string `json:"partner"`
		Rows    []struct {
			Learning      string `json:"learning"`
			Relevance     int    `json:"relevance"`
			RelevanceNote string `json:"relevance_note"`
			Action        string `json:"action"`
			Who           string `json:"who"`
			By            string `json:"by"`
			Review        *struct {
				Meeting string `json:"meeting"`
				Status  string `json:"status"`
				Comment string `json:"comment"`
			} `json:"review"`
		} `json:"rows"`
	} `json:"learning_grids"`
	Study *studyFile `json:"study"`
}

// Name is the demo network's name.
const Name = "Agents of Co-Existence"

// Result says what Load did.
type Result struct {
	Network data.Network
	Created bool // false when the demo network was already there
}

// Load creates the demo network in one transaction. When a network of the
// same name exists it changes nothing and returns that network.
func Load(ctx context.Context, s *data.Store) (Result, error) {
	existing, err := s.NetworkByName(ctx, Name)
	if err == nil {
		return Result{Network: existing}, nil
	}
	if !errors.Is(err, data.ErrNotFound) {
		return Result{}, err
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(assets.DemoNetwork))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Result{}, fmt.Errorf("demo network data: %w", err)
	}
	var res Result
	err = s.Update(ctx, func(tx *data.Tx) error {
		n, err := (&loader{tx: tx, f: &f}).load()
		res = Result{Network: n, Created: true}
		return err
	})
	return res, err
}

// loader writes the parsed file, keeping name → id maps for the references.
type loader struct {
	tx        *data.Tx
	f         *file
	network   data.Network
	partners  map[string]string // name → id
	themes    map[string]string // number → id
	subThemes map[string]string // number → id
	practices map[string]string // owner + title → id
	meetings  map[string]string // title → id
}

func (l *loader) load() (data.Network, error) {
	steps := []func() error{l.createNetwork, l.createPartners, l.createThemes, l.createPractices, l.createMatrix, l.createMeetings, l.createGrids,
		l.createMilestones, l.createActions, l.createStudy}
	for _, step := range steps {
		if err := step(); err != nil {
			return l.network, fmt.Errorf("demo network: %w", err)
		}
	}
	return l.network, nil
}

func (l *loader) createNetwork() error {
	n := l.f.Network
	var err error
	l.network, err = l.tx.CreateNetwork(data.Network{Name: n.Name, Acronym: n.Acronym, Programme: n.Programme,
		LeadExpert: n.LeadExpert, StartDate: n.StartDate, EndDate: n.EndDate, Description: n.Description})
	return err
}

func (l *loader) createPartners() error {
	l.partners = map[string]string{}
	for _, p := range l.f.Partners {
		saved, err := l.tx.SavePartner(p.Partner(l.network.ID))
		if err != nil {
			return err
		}
		l.partners[p.Name] = saved.ID
	}
	return nil
}

func (l *loader) createThemes() error {
	l.themes, l.subThemes = map[string]string{}, map[string]string{}
	for i, t := range l.f.Themes {
		th := data.Theme{NetworkID: l.network.ID, Position: i, Number: t.Number, Title: t.Title, Horizontal: t.Horizontal}
		for j, st := range t.SubThemes {
			th.SubThemes = append(th.SubThemes, data.SubTheme{Position: j, Number: st.Number, Title: st.Title})
		}
		saved, err := l.tx.CreateTheme(th)
		if err != nil {
			return err
		}
		l.themes[t.Number] = saved.ID
		for _, st := range saved.SubThemes {
			l.subThemes[st.Number] = st.ID
		}
	}
	return nil
}

func (l *loader) createPractices() error {
	l.practices = map[string]string{}
	for _, gp := range l.f.GoodPractices {
		owner, err := l.optionalPartner(gp.OwnerPartner)
		if err != nil {
			return fmt.Errorf("good practice %q: %w", gp.Title, err)
		}
		subs, err := lookupAll(l.subThemes, gp.SubThemes, "sub-theme")
		if err != nil {
			return fmt.Errorf("good practice %q: %w", gp.Title, err)
		}
		saved, err := l.tx.CreateGoodPractice(data.GoodPractice{NetworkID: l.network.ID, Title: gp.Title, OwnerPartnerID: owner,
			OutsideCity: gp.OutsideCity, OutsideCountry: gp.OutsideCountry, Description: gp.Description, SourceLink: gp.SourceLink, SubThemeIDs: subs})
		if err != nil {
			return err
		}
		l.practices[gp.OwnerPartner+"\x00"+gp.Title] = saved.ID
	}
	return nil
}

func (l *loader) createMatrix() error {
	for _, c := range l.f.Matrix {
		partner, err := lookup(l.partners, c.Partner, "partner")
		if err != nil {
			return err
		}
		sub, err := lookup(l.subThemes, c.SubTheme, "sub-theme")
		if err != nil {
			return err
		}
		var gps []string
		for _, title := range c.Practices {
			id, err := lookup(l.practices, c.Partner+"\x00"+title, "good practice of "+c.Partner)
			if err != nil {
				return err
			}
			gps = append(gps, id)
		}
		if _, err := l.tx.SetMatrixCell(data.MatrixCell{PartnerID: partner, SubThemeID: sub, State: c.State, PracticeIDs: gps}); err != nil {
			return fmt.Errorf("matrix cell %s × %s: %w", c.Partner, c.SubTheme, err)
		}
	}
	return nil
}

func (l *loader) createMeetings() error {
	for _, m := range l.f.Meetings {
		hosts, err := lookupAll(l.partners, m.Hosts, "partner")
		if err != nil {
			return fmt.Errorf("meeting %q: %w", m.Title, err)
		}
		themes, err := lookupAll(l.themes, m.Themes, "theme")
		if err != nil {
			return fmt.Errorf("meeting %q: %w", m.Title, err)
		}
		created, err := l.tx.CreateMeeting(data.Meeting{NetworkID: l.network.ID, Kind: m.Kind, Number: m.Number, Title: m.Title,
			StartDate: m.StartDate, EndDate: m.EndDate, Place: m.Place, Online: m.Online, Description: m.Description,
			HostIDs: hosts, ThemeIDs: themes, ReportReceived: m.Report, AttendanceReceived: m.Attendance})
		if err != nil {
			return err
		}
		if l.meetings == nil {
			l.meetings = map[string]string{}
		}
		l.meetings[m.Title] = created.ID
	}
	return nil
}

func (l *loader) createMilestones() error {
	for _, m := range l.f.Milestones {
		ms := data.Milestone{NetworkID: l.network.ID, Track: m.Track, DueDate: m.DueDate, Title: m.Title, Done: m.Done}
		if _, err := l.tx.CreateMilestone(ms); err != nil {
			return fmt.Errorf("milestone %q: %w", m.Title, err)
		}
	}
	return nil
}

// createActions stores the action tables; a plan action names the testing
// action it grew from, listed before it.
func (l *loader) createActions() error {
	byTitle := map[string]string{}
	for _, a := range l.f.Actions {
		partner, err := lookup(l.partners, a.Partner, "partner")
		if err != nil {
			return err
		}
		parent := ""
		if a.Parent != "" {
			if parent, err = lookup(byTitle, a.Parent, "testing action"); err != nil {
				return err
			}
		}
		saved, err := l.tx.SaveAction(data.PlanAction{PartnerID: partner, Kind: a.Kind, Title: a.Title, Description: a.Description,
			StartDate: a.StartDate, EndDate: a.EndDate, Responsibility: a.Responsibility, Status: a.Status, CostEUR: a.CostEUR,
			Funding: a.Funding, Indicators: a.Indicators, Risks: a.Risks, ParentID: parent})
		if err != nil {
			return fmt.Errorf("action %q: %w", a.Title, err)
		}
		byTitle[a.Title] = saved.ID
	}
	return nil
}

// createGrids stores the learning grids of the demo, with the reviews
// their actions got at the next meeting.
func (l *loader) createGrids() error {
	for _, g := range l.f.LearningGrids {
		meeting, err := lookup(l.meetings, g.Meeting, "meeting")
		if err != nil {
			return err
		}
		partner, err := lookup(l.partners, g.Partner, "partner")
		if err != nil {
			return err
		}
		grid := data.LearningGrid{MeetingID: meeting, PartnerID: partner}
		for _, r := range g.Rows {
			grid.Rows = append(grid.Rows, data.GridRow{Learning: r.Learning, Relevance: r.Relevance, RelevanceNote: r.RelevanceNote,
				Action: r.Action, ActionWho: r.Who, ActionBy: r.By})
		}
		saved, err := l.tx.SaveGrid(grid)
		if err != nil {
			return fmt.Errorf("learning grid of %s at %s: %w", g.Partner, g.Meeting, err)
		}
		for i, r := range g.Rows {
			if r.Review == nil {
				continue
			}
			at, err := lookup(l.meetings, r.Review.Meeting, "meeting")
			if err != nil {
				return err
			}
			if err := l.tx.ReviewAction(saved.Rows[i].ID, at, r.Review.Status, r.Review.Comment); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *loader) optionalPartner(name string) (string, error) {
	if name == "" {
		return "", nil
	}
	return lookup(l.partners, name, "partner")
}

func lookup(ids map[string]string, key, what string) (string, error) {
	id, ok := ids[key]
	if !ok {
		return "", fmt.Errorf("unknown %s %q", what, key)
	}
	return id, nil
}

func lookupAll(ids map[string]string, keys []string, what string) ([]string, error) {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		id, err := lookup(ids, k, what)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}
