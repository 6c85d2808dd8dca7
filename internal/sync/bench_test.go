package sync

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// BenchmarkApply10000Changes: B applies a changeset of A's holding 10,000
// changed records (a title of each of 10,000 milestones) and their 10,000
// versions — one sync of B, snapshot included.
func BenchmarkApply10000Changes(b *testing.B) {
	a, bl, network := demoAndEmpty(b)
	a.sql(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
		INSERT INTO milestones (id, network_id, track, due_date, title, created_at, updated_at)
		SELECT printf('00000000-0000-4000-8000-%012d', i), ?, 'quality_check', '2027-01-01', 'milestone ' || i, '', '' FROM n`, network)
	a.sync(network)
	deliver(b, a, bl)
	bl.sync(network)
	a.sql(`UPDATE milestones SET title = title || ' (checked)' WHERE id LIKE '00000000-0000-4000-8000-%'`)
	r := a.sync(network)
	b.Logf("A's changeset: %d changes", r.Sent)
	deliver(b, a, bl)
	benchSyncOf(b, bl, network, func(r Report) {
		if r.Received != 20000 {
			b.Fatalf("applied %d changes", r.Received)
		}
	})
}

// BenchmarkSyncDemoNetwork: B, holding the demo network, syncs after A
// edited 20 of its records — one sync of B with one file to merge, the
// snapshot included (the everyday sync).
func BenchmarkSyncDemoNetwork(b *testing.B) {
	a, bl, network := demoAndEmpty(b)
	a.sync(network)
	deliver(b, a, bl)
	bl.sync(network)
	for j := 0; j < 20; j++ {
		a.sql(`UPDATE partners SET next_steps = ? WHERE id = (SELECT id FROM partners WHERE network_id = ?2 ORDER BY id LIMIT 1 OFFSET ?3 % 9)`, fmt.Sprint("edit ", j), network, j)
	}
	a.sync(network)
	deliver(b, a, bl)
	benchSyncOf(b, bl, network, func(r Report) {
		if r.Files != 1 {
			b.Fatalf("merged %d files", r.Files)
		}
	})
}

// benchSyncOf times one sync of the laptop as it is now (its database and
// snapshot copied afresh for each run), checking each report.
func benchSyncOf(b *testing.B, l *testLaptop, network string, check func(Report)) {
	dir := filepath.Dir(l.st.Path())
	l.st.Close()
	saved := filepath.Join(dir, l.name+"-saved.db")
	if err := atomicfile.Copy(l.st.Path(), saved); err != nil {
		b.Fatal(err)
	}
	base := basePath(l.st.Path(), network)
	if err := atomicfile.Copy(base, base+".saved"); err != nil {
		b.Fatal(err)
	}
	var cpuSpent time.Duration
	b.Cleanup(func() { b.ReportMetric(float64(cpuSpent.Milliseconds())/float64(b.N), "cpu-ms/op") })
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		fresh := filepath.Join(dir, fmt.Sprintf("%s%d.db", l.name, i))
		if err := atomicfile.Copy(saved, fresh); err != nil {
			b.Fatal(err)
		}
		if err := atomicfile.Copy(base+".saved", basePath(fresh, network)); err != nil {
			b.Fatal(err)
		}
		run := reopen(b, l, fresh)
		b.StartTimer()
		cpu := cpuTime()
		r := run.sync(network)
		cpuSpent += cpuTime() - cpu
		b.StopTimer()
		check(r)
		run.st.Close()
		b.StartTimer()
	}
}

// BenchmarkWriteAfterADay: A writes its changeset after a day's work, 300
// edits of partners, practices, meetings, milestones and sections (the
// demo network, one sync of A with nothing to merge).
func BenchmarkWriteAfterADay(b *testing.B) {
	dir := b.TempDir()
	a := newLaptop(b, dir, "A")
	res, err := demo.Load(context.Background(), a.st)
	if err != nil {
		b.Fatal(err)
	}
	network := res.Network.ID
	a.sync(network)
	var cpuSpent time.Duration
	b.Cleanup(func() { b.ReportMetric(float64(cpuSpent.Milliseconds())/float64(b.N), "cpu-ms/op") })
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for j := 0; j < 60; j++ {
			v := fmt.Sprintf("edit %d.%d", i, j)
			a.sql(`UPDATE partners SET next_steps = ? WHERE id = (SELECT id FROM partners WHERE network_id = ?2 ORDER BY id LIMIT 1 OFFSET ?3 % 9)`, v, network, j)
			a.sql(`UPDATE good_practices SET description = ? WHERE id = (SELECT id FROM good_practices WHERE network_id = ?2 ORDER BY id LIMIT 1 OFFSET ?3)`, v, network, j%20)
			a.sql(`UPDATE meetings SET place = ? WHERE id = (SELECT id FROM meetings WHERE network_id = ?2 ORDER BY id LIMIT 1 OFFSET ?3 % 5)`, v, network, j)
			a.sql(`UPDATE milestones SET title = ? WHERE id = (SELECT id FROM milestones WHERE network_id = ?2 ORDER BY id LIMIT 1 OFFSET ?3 % 5)`, v, network, j)
			a.sql(`UPDATE study_sections SET body = ? WHERE id = (SELECT s.id FROM study_sections s JOIN studies t ON t.id = s.study_id WHERE t.network_id = ?2 ORDER BY s.id LIMIT 1 OFFSET ?3 % 10)`, v, network, j)
		}
		b.StartTimer()
		cpu := cpuTime()
		r := a.sync(network)
		cpuSpent += cpuTime() - cpu
		b.StopTimer()
		if r.Written == "" {
			b.Fatal("nothing written")
		}
		b.StartTimer()
	}
}

// cpuTime is the CPU time the process has used: on a machine shared with
// other work, the benchmarks report it beside the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reopen(b *testing.B, like *testLaptop, path string) *testLaptop {
	st, err := dataOpen(path)
	if err != nil {
		b.Fatal(err)
	}
	return &testLaptop{t: b, name: like.name, st: st, folder: like.folder}
}

// demoAndEmpty is laptop A holding the demo network and an empty laptop B.
func demoAndEmpty(b *testing.B) (a, bl *testLaptop, network string) {
	dir := b.TempDir()
	a, bl = newLaptop(b, dir, "A"), newLaptop(b, dir, "B")
	res, err := demo.Load(context.Background(), a.st)
	if err != nil {
		b.Fatal(err)
	}
	return a, bl, res.Network.ID
}
