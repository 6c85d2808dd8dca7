package sync

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A link removed on this laptop after a hand-over file was written (a
// survey taken from its meeting, a practice from a sub-theme's cell, a
// host from a meeting) stays removed when the older file is merged: a
// remove travels like an edit.
func TestMergingAnOlderHandOverKeepsTheLinksRemovedSince(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	survey := "00000000-0000-4000-8000-00000000feed"
	a.sql(`INSERT INTO surveys (id, network_id, title, created_at, updated_at) VALUES (?, ?, 'Kick-off survey', '2026-12-01', '2026-12-01')`, survey, network)
	meeting := a.query(`SELECT id FROM meetings WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	if err := a.st.LinkSurvey(ctx, survey, meeting); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	practice := b.query(`SELECT l.good_practice_id || '|' || l.sub_theme_id FROM good_practice_sub_themes l JOIN good_practices g ON g.id = l.good_practice_id
		WHERE g.network_id = ? ORDER BY 1 LIMIT 1`, network)
	host := b.query(`SELECT h.meeting_id || '|' || h.partner_id FROM meeting_hosts h JOIN meetings m ON m.id = h.meeting_id WHERE m.network_id = ? ORDER BY 1 LIMIT 1`, network)
	if practice == "" || host == "" {
		t.Fatalf("the demo network has no practice sub-theme (%q) or meeting host (%q)", practice, host)
	}

	out := filepath.Join(filepath.Dir(a.st.Path()), "older.aoce")
	info, err := a.st.ExportNetwork(ctx, network, out, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.st.LinkSurvey(ctx, survey, ""); err != nil {
		t.Fatal(err)
	}
	b.sql(`DELETE FROM good_practice_sub_themes WHERE good_practice_id || '|' || sub_theme_id = ?`, practice)
	b.sql(`DELETE FROM meeting_hosts WHERE meeting_id || '|' || partner_id = ?`, host)
	for _, synced := range []bool{true, false} {
		if synced {
			b.sync(network)
		}
		if _, err := data.MergeNetworkFile(ctx, b.st, out, info); err != nil {
			t.Fatal(err)
		}
		if got := b.query(`SELECT coalesce(meeting_id, '') FROM surveys WHERE id = ?`, survey); got != "" {
			t.Errorf("synced %v: the survey is linked to %s again", synced, got)
		}
		if got := b.query(`SELECT count(*) FROM good_practice_sub_themes WHERE good_practice_id || '|' || sub_theme_id = ?`, practice); got != "0" {
			t.Errorf("synced %v: the practice serves its sub-theme again", synced)
		}
		if got := b.query(`SELECT count(*) FROM meeting_hosts WHERE meeting_id || '|' || partner_id = ?`, host); got != "0" {
			t.Errorf("synced %v: the host is back", synced)
		}
	}
}
