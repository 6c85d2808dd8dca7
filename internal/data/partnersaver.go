package data

import (
	"context"
	"database/sql"
	"strings"
)

// partnerSaver saves partners inside one transaction. An import of 50,000
// partners spent 40% of its time parsing the same statements again for
// every row, so each statement is prepared once; and the saver remembers,
// per network, the lead partner and the next free position once read and
// keeps them current as it inserts, so an insert is one statement.
type partnerSaver struct {
	ctx      context.Context
	tx       *sql.Tx
	stmts    map[string]*sql.Stmt // closed with the transaction
	networks map[string]*networkPartners
}

// networkPartners is what the lead-partner and position rules need to know
// about a network's partners.
type networkPartners struct {
	lead string // the lead partner's id; "" while the network has none
	next int    // the position a new partner takes: last
}

func newPartnerSaver(ctx context.Context, tx *sql.Tx) *partnerSaver {
	return &partnerSaver{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, networks: map[string]*networkPartners{}}
}

func (w *partnerSaver) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

func (w *partnerSaver) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// partner reads one partner by id.
func (w *partnerSaver) partner(id string) (Partner, error) {
	st, err := w.stmt(`SELECT ` + partnerColumns + ` FROM partners WHERE id = ?`)
	if err != nil {
		return Partner{}, err
	}
	p, err := scanPartner(st.QueryRowContext(w.ctx, id))
	return p, notFound(err)
}

func (w *partnerSaver) network(id string) (*networkPartners, error) {
	if n, ok := w.networks[id]; ok {
		return n, nil
	}
	st, err := w.stmt(`SELECT (SELECT id FROM partners WHERE network_id = ?1 AND role = 'lead_partner'),
		(SELECT COALESCE(MAX(position) + 1, 0) FROM partners WHERE network_id = ?1)`)
	if err != nil {
		return nil, err
	}
	var lead sql.NullString
	n := &networkPartners{}
	if err := st.QueryRowContext(w.ctx, id).Scan(&lead, &n.next); err != nil {
		return nil, err
	}
	n.lead = lead.String
	w.networks[id] = n
	return n, nil
}

// save inserts the partner when its ID is empty and updates it otherwise,
// keeping the rules of SavePartner. A refused save writes nothing.
func (w *partnerSaver) save(p Partner) (Partner, error) {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return p, &ConstraintError{Msg: "a partner needs a name"}
	}
	if p.Role == "" {
		p.Role = RolePartner
	}
	if p.ID != "" {
		// An update may move a partner, its position or its role in ways
		// the remembered state does not follow: read it afresh around it.
		clear(w.networks)
		defer clear(w.networks)
	}
	n, err := w.network(p.NetworkID)
	if err != nil {
		return p, err
	}
	key := NameKey(p.Name)
	switch {
	case n.lead == "":
		p.Role = RoleLeadPartner // a network always has a lead partner
	case n.lead == p.ID && p.Role != RoleLeadPartner:
		return p, &ConstraintError{Msg: p.Name + " is the lead partner; make another partner lead partner first"}
	case n.lead != p.ID && p.Role == RoleLeadPartner:
		if err := w.checkNameFree(p, key); err != nil { // before the step-down, so a refusal writes nothing
			return p, err
		}
		if _, err := w.exec(`UPDATE partners SET role = 'partner', updated_at = ? WHERE id = ?`, now(), n.lead); err != nil {
			return p, err
		}
		n.lead = ""
	}
	t := now()
	if p.ID == "" {
		p.ID, p.Position = newID(), n.next
		_, err = w.exec(`INSERT INTO partners (`+partnerColumns+`, name_key, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, append(append([]any{p.ID}, p.values()...), key, t, t)...)
		if err == nil {
			n.next++
		}
	} else {
		var res sql.Result
		res, err = w.exec(`UPDATE partners SET network_id=?, name=?, country=?, region=?, role=?, position=?, population=?,
		demographic_profile=?, unemployment_rate=?, youth_unemployment_rate=?, economy_profile=?, functional_urban_area=?,
		civil_servants=?, ulg_coordinator=?, contact_email=?, participation_context=?, participation_in_practice=?,
		next_steps=?, iap_focus=?, testing_action=?, short_name=?, name_key=?, updated_at=? WHERE id=?`, append(p.values(), key, t, p.ID)...)
		err = mustAffect(res, err)
	}
	if isUnique(err) && strings.Contains(err.Error(), "name_key") { // the partners_name index: one partner per folded name
		return p, &ConstraintError{Msg: "there is already a partner called " + p.Name}
	}
	if err == nil && p.IsLead() {
		n.lead = p.ID
	}
	return p, err
}

func (w *partnerSaver) checkNameFree(p Partner, key string) error {
	st, err := w.stmt(`SELECT id FROM partners WHERE network_id = ? AND name_key = ? AND id <> ?`)
	if err != nil {
		return err
	}
	var other string
	err = st.QueryRowContext(w.ctx, p.NetworkID, key, p.ID).Scan(&other)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return &ConstraintError{Msg: "there is already a partner called " + p.Name}
}
