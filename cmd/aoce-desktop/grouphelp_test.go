package main

import (
	"strings"
	"testing"
)

// Every command group's --help lists its commands ("survey --help" said
// unknown command; issue 15, finding 20) — "sync", a command and a group,
// too — and a group alone does the same.
func TestGroupHelpListsItsCommands(t *testing.T) {
	groups := map[string][]string{
		"survey":   {"survey import", "survey list", "survey results", "survey export", "survey link", "survey run"},
		"network":  {"network create", "network list", "network rename", "network export", "network import"},
		"sync":     {"sync status", "sync conflicts", "sync resolve", "sync new-laptop-id"},
		"deck":     {"deck export"},
		"partners": {"partners list", "partners import", "partners form"},
		"trash":    {"trash list", "trash restore", "trash empty"},
	}
	for group, want := range groups {
		for _, args := range [][]string{{group, "--help"}, {group, "-h"}} {
			code, stdout, stderr := aoce(t, "", args...)
			out := stdout + stderr
			if code != 0 || strings.Contains(out, "unknown command") {
				t.Errorf("%v: exit %d\n%s", args, code, out)
				continue
			}
			for _, c := range want {
				if !strings.Contains(out, "aoce-desktop "+c) {
					t.Errorf("%v does not list %q:\n%s", args, c, out)
				}
			}
			if group != "sync" && strings.Contains(out, "aoce-desktop check") {
				t.Errorf("%v lists every command, not its group's:\n%s", args, out)
			}
		}
	}
	if code, _, stderr := aoce(t, "", "survey", "lsit"); code != 2 || !strings.Contains(stderr, "survey results") {
		t.Errorf("survey lsit: exit %d, want 2 with the group's commands:\n%s", code, stderr)
	}
}
