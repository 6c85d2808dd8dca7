package data

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
)

// BenchmarkOpenExisting is the store's share of the app's start-up: open a
// current database (writer lock, probe, pragmas) and close it.
func BenchmarkOpenExisting(b *testing.B) {
	path := b.TempDir() + "/bench.db"
	s, err := Open(path, Writer)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := s.CreateNetwork(context.Background(), Network{Name: "Bench"})
	for i := 0; i < 12; i++ {
		s.SavePartner(context.Background(), Partner{NetworkID: n.ID, Name: fmt.Sprintf("City %d", i)})
	}
	s.Close()
	benchWriterOpen(b, path)
}

// BenchmarkSavePartners stores an import of 500 partners in one transaction.
func BenchmarkSavePartners(b *testing.B) {
	s, err := Open(b.TempDir()+"/bench.db", Writer)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		n, _ := s.CreateNetwork(ctx, Network{Name: "Bench " + newID()})
		ps := make([]Partner, 500)
		for i := range ps {
			pop := int64(10000 + i)
			ps[i] = Partner{NetworkID: n.ID, Name: fmt.Sprintf("City %d", i), Country: "Poland", Population: &pop}
		}
		b.StartTimer()
		if _, err := s.SavePartners(ctx, ps); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenLarge is the Writer's open of a large, current database —
// survey answers make up its bulk — where the full integrity check that
// every Writer open runs is most of the time. 100 MB by default;
// AOCE_BENCH_DB_MB=1024 for the 1 GB figure.
func BenchmarkOpenLarge(b *testing.B) {
	mb := 100
	if v, err := strconv.Atoi(os.Getenv("AOCE_BENCH_DB_MB")); err == nil && v > 0 {
		mb = v
	}
	path := b.TempDir() + "/large.db"
	fillDB(b, path, mb, "WAL")
	info, _ := os.Stat(path)
	b.Logf("%d MB", info.Size()>>20)
	benchWriterOpen(b, path)
}

// benchWriterOpen times opening path as a Writer and closing it.
func benchWriterOpen(b *testing.B, path string) {
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path, Writer)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
