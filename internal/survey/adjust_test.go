package survey

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

func TestApplyChoices(t *testing.T) {
	header := []string{"Timestamp", "Name", "Your city", "Formats", "Rating", "Notes"}
	sample := [][]string{
		{"1", "Ann", "Genk", "Study visit, Masterclass", "4", "good"},
		{"2", "Bo", "Breda", "Study visit", "0", "fine"},
		{"3", "Cy", "Genk", "Masterclass", "5", ""},
	}
	p := MakePlan("generic", header, sample, nil)
	s := &Sample{Header: header, Rows: sample}
	choices := p.Choices()
	if len(choices) != 6 || choices[0].Role != RoleTimestamp || choices[1].Role != RoleIgnore {
		t.Fatalf("choices %+v", choices)
	}
	for i := range choices {
		switch header[max(choices[i].Column, 0)] {
		case "Name": // an ignored column becomes an open question
			choices[i].Kind, choices[i].Role = data.KindOpenEnded, ""
		}
		if choices[i].Question >= 0 {
			switch p.Questions[choices[i].Question].Prompt {
			case "Your city":
				choices[i].Kind, choices[i].Role = "", RolePartner
			case "Formats":
				choices[i].Kind = data.KindMultipleChoice
			case "Rating":
				choices[i].Kind = data.KindScales
			case "Notes":
				choices[i].Kind, choices[i].Role = "", RoleIgnore
			}
		}
	}
	got, err := p.Apply(choices, s)
	if err != nil {
		t.Fatal(err)
	}
	roles := ""
	for _, c := range got.Columns {
		roles += c.Role[:2] + " "
	}
	if roles != "ti qu pa qu qu ig " {
		t.Fatalf("roles %q (%+v)", roles, got.Columns)
	}
	byPrompt := map[string]PlannedQuestion{}
	for _, q := range got.Questions {
		byPrompt[q.Prompt] = q
	}
	if f := byPrompt["Formats"]; f.Kind != data.KindMultipleChoice || f.Separator != ", " {
		t.Errorf("formats %+v", f)
	}
	if r := byPrompt["Rating"]; r.Kind != data.KindScales || r.ScaleMin != 0 || r.ScaleMax != 5 {
		t.Errorf("rating %+v", r)
	}
	if n := byPrompt["Name"]; n.Kind != data.KindOpenEnded || got.Columns[1].Question != indexOfPrompt(got, "Name") {
		t.Errorf("name %+v, column %+v", n, got.Columns[1])
	}
	// Two partner columns are refused.
	for i := range choices {
		if choices[i].Column == 0 {
			choices[i].Role = RolePartner
		}
	}
	if _, err := p.Apply(choices, s); err == nil {
		t.Error("two partner columns were accepted")
	}
}

func indexOfPrompt(p Plan, prompt string) int {
	for i, q := range p.Questions {
		if q.Prompt == prompt {
			return i
		}
	}
	return -1
}

func TestGuessSeparator(t *testing.T) {
	cases := []struct {
		values []string
		want   string
	}{
		{[]string{"Study visit;Masterclass", "Masterclass", "Study visit;Peer review"}, ";"},
		{[]string{"Study visit, Masterclass", "Masterclass", "Study visit", "Peer review, Study visit"}, ", "},
		{[]string{"Yes, definitely", "No", "Yes, definitely", "Maybe, later"}, ""},
		{[]string{"Trust", "Youth", "Trust"}, ""},
	}
	for _, c := range cases {
		if got := GuessSeparator(c.values); got != c.want {
			t.Errorf("GuessSeparator(%q) = %q, want %q", c.values, got, c.want)
		}
	}
}
