package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Partner roles.
const (
	RoleLeadPartner = "lead_partner"
	RolePartner     = "partner"
)

// Partner is a city or organisation in the network. Nil numbers are unknown.
type Partner struct {
	ID                      string
	NetworkID               string
	Name                    string
	ShortName               string // for slides' narrow columns; "" when not set
	Country                 string
	Region                  string
	Role                    string
	Position                int // column order in the matrix; new partners go last
	Population              *int64
	DemographicProfile      string
	UnemploymentRate        *float64 // percent, 0–100
	YouthUnemploymentRate   *float64 // percent, 0–100
	EconomyProfile          string
	FunctionalUrbanArea     string
	CivilServants           *int64
	ULGCoordinator          string
	ContactEmail            string
	ParticipationContext    string
	ParticipationInPractice string
	NextSteps               string
	IAPFocus                string
	TestingAction           string
}

// IsLead tells whether the partner is the network's lead partner.
func (p Partner) IsLead() bool { return p.Role == RoleLeadPartner }

const partnerColumns = `id, network_id, name, country, region, role, position, population, demographic_profile,
	unemployment_rate, youth_unemployment_rate, economy_profile, functional_urban_area, civil_servants,
	ulg_coordinator, contact_email, participation_context, participation_in_practice, next_steps, iap_focus, testing_action, short_name`

func scanPartner(row interface{ Scan(...any) error }) (Partner, error) {
	var p Partner
	var pop, cs sql.NullInt64
	var ur, yur sql.NullFloat64
	err := row.Scan(&p.ID, &p.NetworkID, &p.Name, &p.Country, &p.Region, &p.Role, &p.Position, &pop, &p.DemographicProfile,
		&ur, &yur, &p.EconomyProfile, &p.FunctionalUrbanArea, &cs,
		&p.ULGCoordinator, &p.ContactEmail, &p.ParticipationContext, &p.ParticipationInPractice, &p.NextSteps, &p.IAPFocus, &p.TestingAction, &p.ShortName)
	p.Population, p.CivilServants = nullInt(pop), nullInt(cs)
	p.UnemploymentRate, p.YouthUnemploymentRate = nullFloat(ur), nullFloat(yur)
	return p, err
}

func (p Partner) values() []any {
	return []any{p.NetworkID, p.Name, p.Country, p.Region, p.Role, p.Position, p.Population, p.DemographicProfile,
		p.UnemploymentRate, p.YouthUnemploymentRate, p.EconomyProfile, p.FunctionalUrbanArea, p.CivilServants,
		p.ULGCoordinator, p.ContactEmail, p.ParticipationContext, p.ParticipationInPractice, p.NextSteps, p.IAPFocus, p.TestingAction, p.ShortName}
}

// Partners lists a network's partners: the lead partner first, then by name.
func (s *Store) Partners(ctx context.Context, networkID string) ([]Partner, error) {
	return partnersOf(ctx, s.rd, networkID)
}

func partnersOf(ctx context.Context, q querier, networkID string) ([]Partner, error) {
	return queryList(ctx, q, scanPartner, `SELECT `+partnerColumns+` FROM partners WHERE network_id = ?
		ORDER BY role = 'lead_partner' DESC, name_key`, networkID)
}

// PartnerByName finds a partner by name, ignoring case, accents and spacing.
func (s *Store) PartnerByName(ctx context.Context, networkID, name string) (Partner, error) {
	p, err := scanPartner(s.rd.QueryRowContext(ctx, `SELECT `+partnerColumns+` FROM partners WHERE network_id = ? AND name_key = ?`, networkID, NameKey(name)))
	return p, notFound(err)
}

// Partner returns one partner by id.
func (s *Store) Partner(ctx context.Context, id string) (Partner, error) {
	p, err := scanPartner(s.rd.QueryRowContext(ctx, `SELECT `+partnerColumns+` FROM partners WHERE id = ?`, id))
	return p, notFound(err)
}

// SavePartner inserts the partner when its ID is empty and updates it
// otherwise. Making a partner lead demotes the previous lead partner; the
// first partner of a network becomes lead; the lead partner cannot step down
// unless another partner takes its place.
func (s *Store) SavePartner(ctx context.Context, p Partner) (Partner, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = newPartnerSaver(ctx, tx).save(p)
		return err
	})
	return p, err
}

// SavePartners saves several partners in one transaction (an import):
// either all of them land or none.
func (s *Store) SavePartners(ctx context.Context, ps []Partner) ([]Partner, error) {
	out := make([]Partner, len(ps))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w := newPartnerSaver(ctx, tx)
		for i, p := range ps {
			saved, err := w.save(p)
			if err != nil {
				return fmt.Errorf("%s: %w", p.Name, err)
			}
			out[i] = saved
		}
		return nil
	})
	return out, err
}

// PartnerDependents counts what goes with a partner when it is deleted.
type PartnerDependents struct {
	GoodPractices  int
	MatrixCells    int
	MeetingsHosted int
	LearningNeeds  int
}

// Empty tells whether nothing else is deleted with the partner.
func (d PartnerDependents) Empty() bool { return d == PartnerDependents{} }

// PartnerDependents counts the records deleted together with the partner.
func (s *Store) PartnerDependents(ctx context.Context, id string) (PartnerDependents, error) {
	var d PartnerDependents
	err := s.rd.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM good_practices WHERE owner_partner_id = ?1),
		(SELECT COUNT(*) FROM matrix_cells WHERE partner_id = ?1),
		(SELECT COUNT(*) FROM meeting_hosts WHERE partner_id = ?1),
		(SELECT COUNT(*) FROM learning_needs WHERE partner_id = ?1)`, id).Scan(&d.GoodPractices, &d.MatrixCells, &d.MeetingsHosted, &d.LearningNeeds)
	return d, err
}

// DeletePartner moves a partner to the trash with its good practices, matrix
// cells, learning needs, grids and actions, and returns the trash entry's id.
// The lead partner cannot be deleted while other partners remain.
func (s *Store) DeletePartner(ctx context.Context, id string) (trashID string, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var role, network string
		if err := tx.QueryRowContext(ctx, `SELECT role, network_id FROM partners WHERE id = ?`, id).Scan(&role, &network); err != nil {
			return notFound(err)
		}
		if role == RoleLeadPartner {
			var others int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partners WHERE network_id = ? AND id <> ?`, network, id).Scan(&others); err != nil {
				return err
			}
			if others > 0 {
				return &ConstraintError{Msg: "the lead partner cannot be deleted; make another partner lead partner first"}
			}
		}
		trashID, err = moveToTrash(ctx, tx, TrashPartner, id, nil)
		return err
	})
	return trashID, err
}

func nullInt(v sql.NullInt64) *int64 {
	if !v.Valid {
		return nil
	}
	return &v.Int64
}

func nullFloat(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}
