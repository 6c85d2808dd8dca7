package sync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
func Reopen(ctx context.Context, st *data.Store, cf Conflict, choice Choice, before any) error {
	return st.HoldWriter(ctx, func(path string) error {
		c, err := openConn(path)
		if err != nil {
			return err
		}
		defer c.Close()
		end, err := sqlitex.ImmediateTransaction(c)
		if err != nil {
			return err
		}
		defer end(&err)
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
