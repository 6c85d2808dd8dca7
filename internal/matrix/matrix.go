// Package matrix is the matrix of good practices and knowledge needs
// (Table 1 of a baseline study): sub-themes down, partners across. It loads
// the matrix from the store, changes cells, analyses who can help whom, and
// reads and writes it as CSV, XLSX and PDF.
package matrix

import (
	"context"
	"sort"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// States of a cell; None is an empty cell.
const (
	None              = ""
	GoodPractice      = data.CellGoodPractice
	GoodPracticeAndKN = data.CellGoodPracticeKN
	KnowledgeNeed     = data.CellKnowledgeNeed
)

// NextState is the state after s when the user cycles a cell with Space.
func NextState(s string) string {
	switch s {
	case None:
		return KnowledgeNeed
	case KnowledgeNeed:
		return GoodPractice
	case GoodPractice:
		return GoodPracticeAndKN
	}
	return None
}

// WithPractice is state s once a good practice is named in its cell, as
// the store derives it: nothing becomes GP, a knowledge need GP+KN.
func WithPractice(s string) string {
	switch s {
	case None:
		return GoodPractice
	case KnowledgeNeed:
		return GoodPracticeAndKN
	}
	return s
}

// HasPractice tells whether a state offers a good practice.
func HasPractice(s string) bool { return s == GoodPractice || s == GoodPracticeAndKN }

// HasNeed tells whether a state holds a knowledge need.
func HasNeed(s string) bool { return s == KnowledgeNeed || s == GoodPracticeAndKN }

// Symbol is the short mark of a state, readable without colour.
func Symbol(s string) string {
	switch s {
	case GoodPractice:
		return "GP"
	case GoodPracticeAndKN:
		return "GP+KN"
	case KnowledgeNeed:
		return "KN"
	}
	return ""
}

// Label is the legend text of a state.
func Label(s string) string {
	switch s {
	case GoodPractice:
		return "Has a good practice"
	case GoodPracticeAndKN:
		return "Has a good practice, also needs knowledge"
	case KnowledgeNeed:
		return "Needs knowledge only"
	}
	return "Nothing noted"
}

// States lists the non-empty states in legend order.
var States = []string{GoodPractice, GoodPracticeAndKN, KnowledgeNeed}

// Row is one sub-theme with its theme, in display order.
type Row struct {
	Theme    data.Theme
	SubTheme data.SubTheme
}

// Cell is what the matrix says for one partner and sub-theme.
type Cell struct {
	State     string
	Practices []data.GoodPractice
}

type cellKey struct{ partner, subTheme string }

// Matrix is a network's matrix in memory.
type Matrix struct {
	NetworkID string
	Themes    []data.Theme
	Partners  []data.Partner
	Rows      []Row
	cells     map[cellKey]Cell
	outside   map[string][]data.GoodPractice // sub-theme id → practices from outside the network
	practices map[string]data.GoodPractice
}

// Load reads a network's matrix from the store.
func Load(ctx context.Context, s *data.Store, networkID string) (*Matrix, error) {
	themes, err := s.Themes(ctx, networkID)
	if err != nil {
		return nil, err
	}
	partners, err := s.Partners(ctx, networkID)
	if err != nil {
		return nil, err
	}
	gps, err := s.GoodPractices(ctx, networkID)
	if err != nil {
		return nil, err
	}
	cells, err := s.MatrixCells(ctx, networkID)
	if err != nil {
		return nil, err
	}
	return build(networkID, themes, partners, gps, cells), nil
}

func build(networkID string, themes []data.Theme, partners []data.Partner, gps []data.GoodPractice, cells []data.MatrixCell) *Matrix {
	partners = append([]data.Partner(nil), partners...)
	sort.SliceStable(partners, func(i, j int) bool { return partners[i].Position < partners[j].Position })
	m := &Matrix{NetworkID: networkID, Themes: themes, Partners: partners,
		cells: map[cellKey]Cell{}, outside: map[string][]data.GoodPractice{}, practices: map[string]data.GoodPractice{}}
	for _, th := range themes {
		for _, st := range th.SubThemes {
			m.Rows = append(m.Rows, Row{Theme: th, SubTheme: st})
		}
	}
	for _, gp := range gps {
		m.practices[gp.ID] = gp
		if gp.IsOutside() {
			for _, st := range gp.SubThemeIDs {
				m.outside[st] = append(m.outside[st], gp)
			}
		}
	}
	for _, c := range cells {
		cell := Cell{State: c.State}
		for _, id := range c.PracticeIDs {
			cell.Practices = append(cell.Practices, m.practices[id])
		}
		m.cells[cellKey{c.PartnerID, c.SubThemeID}] = cell
	}
	return m
}

// Cell returns the cell of a partner and sub-theme (State None when empty).
func (m *Matrix) Cell(partnerID, subThemeID string) Cell {
	return m.cells[cellKey{partnerID, subThemeID}]
}

// Outside returns the good practices from outside the network for a sub-theme.
func (m *Matrix) Outside(subThemeID string) []data.GoodPractice { return m.outside[subThemeID] }

// Practice returns a good practice by id.
func (m *Matrix) Practice(id string) (data.GoodPractice, bool) {
	gp, ok := m.practices[id]
	return gp, ok
}

// PracticesOf lists the good practices a partner owns.
func (m *Matrix) PracticesOf(partnerID string) []data.GoodPractice {
	var out []data.GoodPractice
	for _, gp := range m.practices {
		if gp.OwnerPartnerID == partnerID {
			out = append(out, gp)
		}
	}
	return out
}

// setInMemory changes a cell of the loaded matrix (after the store did).
func (m *Matrix) setInMemory(partnerID, subThemeID string, c Cell) {
	k := cellKey{partnerID, subThemeID}
	if c.State == None {
		delete(m.cells, k)
		return
	}
	m.cells[k] = c
}

// SetCell stores a cell's state and practices and updates the matrix.
// The practices are the partner's practices serving the sub-theme: the
// store gives the named ones the sub-theme and takes it from the others.
// Cycling to None deletes the cell; its practices stay in the catalogue,
// without this sub-theme.
func (m *Matrix) SetCell(ctx context.Context, s *data.Store, partnerID, subThemeID string, c Cell) error {
	if c.State == None {
		if err := s.DeleteMatrixCell(ctx, partnerID, subThemeID); err != nil {
			return err
		}
		m.setInMemory(partnerID, subThemeID, c)
		return nil
	}
	ids := make([]string, len(c.Practices))
	for i, gp := range c.Practices {
		ids[i] = gp.ID
	}
	if _, err := s.SetMatrixCell(ctx, data.MatrixCell{PartnerID: partnerID, SubThemeID: subThemeID, State: c.State, PracticeIDs: ids}); err != nil {
		return err
	}
	m.setInMemory(partnerID, subThemeID, c)
	return nil
}
