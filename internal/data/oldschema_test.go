package data

import (
	"context"
	"testing"
)

// oldSchemaPartner stores a partner with only the columns every schema
// version has, for tests that fill a database made by older migrations
// (SavePartner writes today's columns, which such a database lacks).
func oldSchemaPartner(t *testing.T, s *Store, networkID, name string, position int) Partner {
	t.Helper()
	p := Partner{ID: newID(), NetworkID: networkID, Name: name, Role: RolePartner, Position: position}
	if position == 0 {
		p.Role = RoleLeadPartner
	}
	_, err := s.db.ExecContext(context.Background(), `INSERT INTO partners (id, network_id, name, name_key, role, position, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?)`, p.ID, p.NetworkID, p.Name, NameKey(p.Name), p.Role, p.Position, now(), now())
	if err != nil {
		t.Fatal(err)
	}
	return p
}
