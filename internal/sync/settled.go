package sync

import (
	"strings"

	"zombiezen.com/go/sqlite"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// settledWords says, for a conflict whose kept value the sync itself gave
// (settling a collision, unique.go), what happened in the words the user
// knows: the kind of record, the names, and which laptop made or chose
// each — never their ids. "" when the conflict is no such one.
func settledWords(c *sqlite.Conn, cf Conflict, d Described, laptop func(string) string) (string, error) {
	if !strings.HasSuffix(cf.KeptLaptop, uniqueSuffix) {
		return "", nil
	}
	maker, err := madeOn(c, cf.Table, cf.RowID, laptop)
	if err != nil {
		return "", err
	}
	kinds := strings.ToLower(d.Kind) + "s"
	switch {
	case cf.Table == "partners" && (cf.Column == "name" || cf.Column == "name_key"):
		lost, _ := cf.Lost.(string)
		var other, otherName string
		if err := each(c, `SELECT o.id, o.name FROM partners o JOIN partners p ON p.network_id = o.network_id
			WHERE p.id = ?1 AND o.id <> ?1 AND o.name_key = ?2`, func(s *sqlite.Stmt) error {
			other, otherName = s.ColumnText(0), s.ColumnText(1)
			return nil
		}, cf.RowID, data.NameKey(lost)); err != nil {
			return "", err
		}
		if other == "" { // renamed or deleted since
			return "Two " + kinds + " of one name were made at once on two laptops: the sync renamed the one made on " + maker + " “" + d.Name + "” on every laptop.", nil
		}
		otherMaker, err := madeOn(c, cf.Table, other, laptop)
		if err != nil {
			return "", err
		}
		return "Two " + kinds + " named “" + otherName + "” were made at once: one on " + otherMaker + ", one on " + maker +
			". The one made first (on " + otherMaker + ") keeps the name; the sync renamed the one made on " + maker + " “" + d.Name + "” on every laptop.", nil
	case cf.Table == "partners" && cf.Column == "role":
		var other, otherName string
		if err := each(c, `SELECT o.id, o.name FROM partners o JOIN partners p ON p.network_id = o.network_id
			WHERE p.id = ?1 AND o.id <> ?1 AND o.role = 'lead_partner'`, func(s *sqlite.Stmt) error {
			other, otherName = s.ColumnText(0), s.ColumnText(1)
			return nil
		}, cf.RowID); err != nil {
			return "", err
		}
		chose := laptop(strings.TrimSuffix(cf.LostLaptop, uniqueSuffix))
		if other == "" { // another lead partner chosen since
			return "Two lead partners were chosen at once on two laptops: " + d.Name + " (chosen on " + chose + ") is a partner again, the other choice being the later.", nil
		}
		_, by, _, err := winner(c, "main", cf.Table, other, "role")
		if err != nil {
			return "", err
		}
		return "Two lead partners were chosen at once: " + otherName + " on " + laptop(strings.TrimSuffix(by, uniqueSuffix)) + ", " + d.Name + " on " + chose +
			". The later choice, " + otherName + ", stays the lead partner; " + d.Name + " is a partner again.", nil
	}
	return "One " + strings.ToLower(d.Kind) + " was made at once on " + maker + " and on " + laptop(strings.TrimSuffix(cf.KeptLaptop, uniqueSuffix)) +
		": the sync made the two one, keeping the later value of each field.", nil
}

// madeOn names the laptop a record was made on (its first existence
// version), "another laptop" when the versions do not say.
func madeOn(c *sqlite.Conn, table, row string, laptop func(string) string) (string, error) {
	by := ""
	err := each(c, `SELECT laptop FROM sync_versions WHERE tbl = ? AND row_id = ? AND col = '' AND value = 1 ORDER BY clock, laptop LIMIT 1`, func(s *sqlite.Stmt) error {
		by = s.ColumnText(0)
		return nil
	}, table, row)
	if by == "" {
		return "another laptop", err
	}
	return laptop(strings.TrimSuffix(by, uniqueSuffix)), err
}
