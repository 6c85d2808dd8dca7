package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A network handed from one laptop's database to another's, then imported
// again into the one that has it: refused as is, added with --keep-both.
func TestNetworkHandOverFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	from, to, file := filepath.Join(dir, "from.db"), filepath.Join(dir, "to.db"), filepath.Join(dir, "aoce.aoce")
	mustRunOK(t, "", "demo", "--db", from)
	out := mustRunOK(t, "", "network", "export", "Agents of Co-Existence", "--out", file, "--db", from)
	if !strings.Contains(out, "Wrote the network \"Agents of Co-Existence\" to "+file) || !strings.Contains(out, "partners") {
		t.Fatalf("export: %s", out)
	}
	out = mustRunOK(t, "", "network", "import", file, "--db", to)
	if !strings.Contains(out, `Imported the network "Agents of Co-Existence"`) {
		t.Fatalf("import: %s", out)
	}
	if a, b := partnerNames(t, from, "Agents of Co-Existence"), partnerNames(t, to, "Agents of Co-Existence"); len(a) == 0 || strings.Join(a, ",") != strings.Join(b, ",") {
		t.Errorf("partners: %v, imported %v", a, b)
	}
	if _, err := mustRun(t, "", "network", "import", file, "--db", to); err == nil || !strings.Contains(err.Error(), "--keep-both") || !strings.Contains(err.Error(), "--merge") {
		t.Errorf("import again: %v", err)
	}
	if out := mustRunOK(t, "", "network", "import", file, "--merge", "--db", to); !strings.Contains(out, "Merged "+file+` into the network "Agents of Co-Existence"`) {
		t.Errorf("--merge: %s", out)
	}
	if ns := networkList(t, to); len(ns) != 1 {
		t.Errorf("after --merge: %+v", ns)
	}
	mustRunOK(t, "", "network", "import", file, "--keep-both", "--db", to)
	ns := networkList(t, to)
	if len(ns) != 2 || ns[1].Name != "Agents of Co-Existence (imported "+time.Now().Format("2006-01-02")+")" || ns[0].ID == ns[1].ID || ns[0].Partners != ns[1].Partners {
		t.Errorf("after keep both: %+v", ns)
	}
	if _, err := mustRun(t, "", "network", "import", from, "--db", to); err == nil || !strings.Contains(err.Error(), "not a hand-over file") {
		t.Errorf("a whole database given to import: %v", err)
	}
}
