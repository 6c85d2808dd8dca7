package choice

import (
	"slices"
	"testing"
)

func TestList(t *testing.T) {
	l := List{{"Testing action", "testing"}, {"Plan action", "plan"}}
	if !slices.Equal(l.Labels(), []string{"Testing action", "Plan action"}) {
		t.Fatalf("labels %q", l.Labels())
	}
	if l.Label("plan") != "Plan action" || l.Label("other") != "other" {
		t.Fatal("Label")
	}
	if l.Value("Testing action") != "testing" || l.Value("Nothing") != "" {
		t.Fatal("Value")
	}
}
