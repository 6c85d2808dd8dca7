package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func networkList(t *testing.T, db string) []networkJSON {
	t.Helper()
	var got []networkJSON
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "network", "list", "--json", "--db", db)), &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func partnerNames(t *testing.T, db, network string) []string {
	t.Helper()
	var got partnersListJSON
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "partners", "list", "--json", "--db", db, "--network", network)), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(got.Network.Name, network) && got.Network.ID != network {
		t.Errorf("--network %s listed the network %q", network, got.Network.Name)
	}
	var names []string
	for _, p := range got.Partners {
		names = append(names, p.Name)
	}
	return names
}

// The first Must-show: two networks from the command line, partners
// imported into each with --network, listed apart.
func TestTwoNetworksFromTheCommandLineKeepTheirPartnersApart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	out := mustRunOK(t, "", "network", "create", "--db", db, "--name", "Agents of Co-Existence", "--acronym", "AoCE",
		"--lead-expert", "Ana Horvat", "--from", "1.6.2023", "--to", "30/11/2025")
	if !strings.Contains(out, `Created the network "Agents of Co-Existence"`) {
		t.Fatalf("create: %s", out)
	}
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Cities of Water", "--from", "2024-01-15")
	mustRunOK(t, "LEAD PARTNER : Genk - Belgium\n• Osijek - Croatia\n• Gdańsk - Poland\n", "partners", "import", "--paste", "-", "--db", db, "--network", "Agents of Co-Existence")
	mustRunOK(t, "LEAD PARTNER : Braga - Portugal\n• Varna - Bulgaria\n", "partners", "import", "--paste", "-", "--db", db, "--network", "Cities of Water")

	if got := strings.Join(partnerNames(t, db, "Agents of Co-Existence"), ","); got != "Genk,Gdańsk,Osijek" {
		t.Errorf("AoCE partners: %s", got)
	}
	if got := strings.Join(partnerNames(t, db, "cities of water"), ","); got != "Braga,Varna" {
		t.Errorf("Cities of Water partners: %s", got)
	}
	ns := networkList(t, db)
	if len(ns) != 2 {
		t.Fatalf("network list: %+v", ns)
	}
	aoce, water := ns[0], ns[1]
	if aoce.Name != "Agents of Co-Existence" || aoce.Acronym != "AoCE" || aoce.Partners != 3 || aoce.LeadExpert != "Ana Horvat" ||
		aoce.StartDate != "2023-06-01" || aoce.EndDate != "2025-11-30" {
		t.Errorf("AoCE: %+v", aoce)
	}
	if water.Name != "Cities of Water" || water.Partners != 2 || water.StartDate != "2024-01-15" || water.ID == "" {
		t.Errorf("Water: %+v", water)
	}
	// By id too.
	if got := partnerNames(t, db, water.ID); len(got) != 2 {
		t.Errorf("by id: %v", got)
	}
	table := mustRunOK(t, "", "network", "list", "--db", db)
	if !regexp.MustCompile(`Agents of Co-Existence\s+AoCE\s+3\s+1 Jun 2023\s+30 Nov 2025`).MatchString(table) {
		t.Errorf("table:\n%s", table)
	}
}

func TestAnUnknownNetworkIsRefusedWithTheNamesThatExist(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Alpha")
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Beta")
	for _, args := range [][]string{
		{"partners", "list"}, {"trash", "list"}, {"network", "rename", "Gamma", "--name", "X"}, {"network", "delete", "Gamma"},
		{"matrix", "export", "--out", filepath.Join(t.TempDir(), "m.csv")},
	} {
		if args[0] != "network" {
			args = append(args, "--network", "Gamma")
		}
		code, out, stderr := aoce(t, "", append(args, "--db", db)...)
		if code != 1 || !strings.Contains(stderr, `no network with id or name "Gamma"`) || !strings.Contains(stderr, `its networks are "Alpha", "Beta"`) {
			t.Errorf("%v: %d %s %s", args, code, out, stderr)
		}
	}
}

func TestNetworkCreateRefusesBadDatesAndATakenName(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--name", "A", "--from", "31.2.2023"}, "not a day of the calendar"},
		{[]string{"--name", "A", "--from", "06/2023"}, "day first"},
		{[]string{"--name", "A", "--from", "1.6.2024", "--to", "1.6.2023"}, "is before"},
		{[]string{"--acronym", "A"}, "--name is required"},
	} {
		code, _, stderr := aoce(t, "", append([]string{"network", "create", "--db", db}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: %d %s", c.args, code, stderr)
		}
	}
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Alpha")
	if code, _, stderr := aoce(t, "", "network", "create", "--db", db, "--name", "ALPHA"); code != 1 || !strings.Contains(stderr, "already") {
		t.Errorf("a taken name: %d %s", code, stderr)
	}
	if ns := networkList(t, db); len(ns) != 1 {
		t.Errorf("networks: %+v", ns)
	}
}

func TestNetworkRenameDeleteAndRestore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Beta")
	if code, _, stderr := aoce(t, "", "network", "rename", "Beta", "--name", "agents of co-existence", "--db", db); code != 1 || !strings.Contains(stderr, "already") {
		t.Errorf("rename onto a taken name: %d %s", code, stderr)
	}
	mustRunOK(t, "", "network", "rename", "Beta", "Delta", "--db", db) // the new name as a second word
	if code, _, stderr := aoce(t, "", "network", "rename", "Delta", "Gamma", "--name", "Epsilon", "--db", db); code != 2 || !strings.Contains(stderr, "twice") {
		t.Errorf("a new name given twice: %d %s", code, stderr)
	}
	mustRunOK(t, "", "network", "rename", "Delta", "--name", "Gamma", "--db", db)
	out := mustRunOK(t, "", "network", "delete", "Agents of Co-Existence", "--db", db)
	id := regexp.MustCompile(`trash restore ([0-9a-f-]+)`).FindStringSubmatch(out)
	if id == nil {
		t.Fatalf("delete: %s", out)
	}
	if ns := networkList(t, db); len(ns) != 1 || ns[0].Name != "Gamma" {
		t.Fatalf("after the delete: %+v", ns)
	}
	list := mustRunOK(t, "", "trash", "list", "--db", db)
	if !strings.Contains(list, "network 'Agents of Co-Existence'") || !strings.Contains(list, "9 partners") {
		t.Errorf("trash list:\n%s", list)
	}
	mustRunOK(t, "", "network", "delete", "Gamma", "--db", db) // none left: the trash still lists and restores
	mustRunOK(t, "", "trash", "restore", id[1], "--db", db)
	ns := networkList(t, db)
	if len(ns) != 1 || ns[0].Name != "Agents of Co-Existence" || ns[0].Partners != 9 {
		t.Fatalf("after the restore: %+v", ns)
	}
}
