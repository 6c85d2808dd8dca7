package data

import (
	"context"
	"database/sql"
)

// NetworkFigures are the key figures on the network overview.
type NetworkFigures struct {
	Partners       int
	Countries      int
	Population     int64 // sum over partners with a known population
	CivilServants  int64
	GoodPractices  int
	KnowledgeNeeds int
	Meetings       int
}

// NetworkFigures computes the overview figures in one query.
func (s *Store) NetworkFigures(ctx context.Context, networkID string) (NetworkFigures, error) {
	var f NetworkFigures
	var pop, cs sql.NullInt64
	err := s.rd.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM partners WHERE network_id = ?1),
		(SELECT COUNT(DISTINCT country COLLATE NOCASE) FROM partners WHERE network_id = ?1 AND country <> ''),
		(SELECT SUM(population) FROM partners WHERE network_id = ?1),
		(SELECT SUM(civil_servants) FROM partners WHERE network_id = ?1),
		(SELECT COUNT(*) FROM good_practices WHERE network_id = ?1),
		(SELECT COUNT(*) FROM matrix_cells c JOIN partners p ON p.id = c.partner_id WHERE p.network_id = ?1 AND c.state IN ('kn', 'gp_kn')),
		(SELECT COUNT(*) FROM meetings WHERE network_id = ?1)`, networkID).
		Scan(&f.Partners, &f.Countries, &pop, &cs, &f.GoodPractices, &f.KnowledgeNeeds, &f.Meetings)
	f.Population, f.CivilServants = pop.Int64, cs.Int64
	return f, err
}
