// Package outline holds the outline a new Baseline Study starts from. It
// stands apart from package study so the demo network can use it without
// importing the study's assembly (which the demo's own tests reach).
package outline

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Default is the outline of a new Baseline Study, in the order an
// URBACT baseline study follows: the index, the state of the art, the
// partner profiles, the synthesis with its matrix and the focus of the
// action plans, the methodology, the roadmap and a conclusion. Headings
// only; every call returns a fresh copy the caller may change.
func Default() []data.Section {
	chapter := func(kind, title string) data.Section {
		return data.Section{Kind: kind, Title: title, Level: 1, Status: data.StatusDraft}
	}
	section := func(kind, title string) data.Section {
		return data.Section{Kind: kind, Title: title, Level: 2, Status: data.StatusDraft}
	}
	return []data.Section{
		chapter(data.SectionIndex, "Contents"),
		chapter(data.SectionText, "State of the art"),
		section(data.SectionText, "The policy challenge"),
		section(data.SectionText, "European and international frameworks"),
		section(data.SectionText, "Inspiring practices from outside the network"),
		section(data.SectionText, "What the network adds"),
		chapter(data.SectionPartnerProfiles, "Partner profiles"),
		chapter(data.SectionText, "Synthesis"),
		section(data.SectionText, "Common challenges and themes"),
		section(data.SectionMatrix, "Good practices and knowledge needs"),
		section(data.SectionFocusTable, "Focus of the action plans and testing actions"),
		chapter(data.SectionText, "Methodology"),
		section(data.SectionText, "Exchange and learning between the partners"),
		section(data.SectionText, "Local work with the URBACT Local Groups"),
		section(data.SectionText, "From learning to Integrated Action Plans"),
		section(data.SectionText, "Communication and network results"),
		chapter(data.SectionRoadmap, "Network roadmap"),
		chapter(data.SectionText, "Conclusion"),
	}
}
