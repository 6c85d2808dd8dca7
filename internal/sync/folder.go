package sync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"zombiezen.com/go/sqlite"
	"zombiezen.com/go/sqlite/sqlitex"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// SetFolder chooses the folder a network syncs with, before (or without)
// a sync: the window's settings write it where Run notes the folder it
// synced with (sync_networks.folder), so both read one truth. "" forgets
// it: the network no longer syncs by itself. A relative folder is stored
// absolute, as the working directory it was typed in is gone by the next
// automatic sync.
func SetFolder(ctx context.Context, st *data.Store, network, folder string) error {
	if folder != "" {
		abs, err := filepath.Abs(folder)
		if err != nil {
			return err
		}
		folder = abs
	}
	return st.HoldWriter(ctx, func(path string) error {
		c, err := openConn(path)
		if err != nil {
			return err
		}
		defer c.Close()
		return exec(c, `INSERT INTO sync_networks (network_id, folder) VALUES (?1, ?2) ON CONFLICT DO UPDATE SET folder = ?2`, network, folder)
	})
}

// ID names a conflict for the command line: the same on every laptop
// that lists it (it is made of the field and the lost version).
func (cf Conflict) ID() string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d\x00%s", cf.Table, cf.RowID, cf.Column, cf.LostClock, cf.LostLaptop))
	return hex.EncodeToString(sum[:6])
}

// ConflictByID finds a network's conflict (reviewed or not) by its ID or
// the start of it.
func ConflictByID(path, network, id string) (Conflict, error) {
	cs, err := Conflicts(path, network, true)
	if err != nil {
		return Conflict{}, err
	}
	id = strings.ToLower(strings.TrimSpace(id))
	var found []Conflict
	for _, cf := range cs {
		if id != "" && strings.HasPrefix(cf.ID(), id) {
			found = append(found, cf)
		}
	}
	switch len(found) {
	case 0:
		return Conflict{}, fmt.Errorf("no conflict %q in this network (see 'sync conflicts --all')", id)
	case 1:
		return found[0], nil
	default:
		return Conflict{}, fmt.Errorf("%d conflicts start with %q: give more of the id", len(found), id)
	}
}

// TypedValue is what was typed, as a number when the field holds numbers
// and as nothing when it was emptied of one.
func TypedValue(s string, examples ...any) any {
	numeric := false
	for _, v := range examples {
		switch v.(type) {
		case int64, float64:
			numeric = true
		}
	}
	if !numeric {
		return s
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return nil
	}
	if i, err := strconv.ParseInt(t, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		return f
	}
	return s
}

// FieldValue is the value a conflict's field holds now.
func FieldValue(path string, cf Conflict) (any, error) {
	t, ok := tableNamed(cf.Table)
	if !ok {
		return nil, fmt.Errorf("conflict on unknown table %q", cf.Table)
	}
	c, err := readOnly(path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var v any
	err = each(c, `SELECT `+quoteID(cf.Column)+` FROM `+quoteID(t.name)+` WHERE id = ?`, func(s *sqlite.Stmt) error {
		v = column(s, 0)
		return nil
	}, cf.RowID)
	return v, err
}

// Reopen takes back the review of a conflict (Edit → Undo): it is listed
// again, and after Take or Edit the field gets back the value it held
// before, as a new edit the next sync sends on like the review it undoes.
// An Edit not synced yet also takes back the two versions it made to settle
// the conflict on every laptop (settleBoth): with them the next sync found
// the lost value settled and dropped the conflict again. (Once synced,
// they are the other laptops' too: the field gets its value back, and the
// conflict stays settled at the next sync.)
func Reopen(ctx context.Context, st *data.Store, cf Conflict, choice Choice, before any) error {
	return st.HoldWriter(ctx, func(path string) error {
		c, err := openConn(path)
		if err != nil {
			return err
		}
		defer c.Close()
		unsent := false // an Edit's settling versions may be taken back
		if choice == Edit {
			if unsent, err = attachUnsent(c, path, cf.Network); err != nil {
				return err
			}
			if unsent {
				defer exec(c, `DETACH base`)
			}
		}
		end, err := sqlitex.ImmediateTransaction(c)
		if err != nil {
			return err
		}
		defer end(&err)
		if unsent {
			if err = unsettle(c, cf); err != nil {
				return err
			}
		}
		if choice != Keep {
			t, ok := tableNamed(cf.Table)
			if !ok {
				return fmt.Errorf("conflict on unknown table %q", cf.Table)
			}
			if err = exec(c, `UPDATE `+quoteID(t.name)+` SET `+quoteID(cf.Column)+` = ? WHERE id = ?`, before, cf.RowID); err != nil {
				return err
			}
		}
		err = exec(c, `UPDATE sync_conflicts SET resolved = '' WHERE tbl = ? AND row_id = ? AND col = ? AND lost_clock = ? AND lost_laptop = ?`,
			cf.Table, cf.RowID, cf.Column, cf.LostClock, cf.LostLaptop)
		return err
	})
}

// attachUnsent attaches the network's snapshot (what the others know of
// this laptop) as base, for unsettle: false, attaching nothing, while a
// sync stopped half-way (the changeset it was writing may hold this
// laptop's unsent versions already) or before the first sync. It runs
// outside a transaction.
func attachUnsent(c *sqlite.Conn, dbPath, network string) (bool, error) {
	if _, err := os.Stat(writingPath(dbPath, network)); !errors.Is(err, os.ErrNotExist) {
		return false, err // nil: a changeset being written, to be finished by the next sync
	}
	base := basePath(dbPath, network)
	if _, err := os.Stat(base); err != nil {
		return false, nil
	}
	return true, exec(c, `ATTACH ? AS base`, base)
}

// unsettle deletes the versions settleBoth made for cf on this laptop that
// no sync has sent yet (the attached snapshot does not hold them).
func unsettle(c *sqlite.Conn, cf Conflict) error {
	me, err := readLaptop(c, "main")
	if err != nil {
		return err
	}
	return exec(c, `DELETE FROM main.sync_versions AS v WHERE v.tbl = ?1 AND v.row_id = ?2 AND v.col = ?3 AND v.laptop = ?4
		AND ((v.base_clock = ?5 AND v.base_laptop = ?6) OR (v.base_clock = ?7 AND v.base_laptop = ?8))
		AND NOT EXISTS (SELECT 1 FROM base.sync_versions b WHERE b.tbl = v.tbl AND b.row_id = v.row_id AND b.col = v.col AND b.clock = v.clock AND b.laptop = v.laptop)`,
		cf.Table, cf.RowID, cf.Column, me.ID, cf.LostClock, cf.LostLaptop, cf.KeptClock, cf.KeptLaptop)
}
