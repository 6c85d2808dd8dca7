package survey

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

const monkeyCSV = `Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,Which topics interest you?,,,Your city,How useful was it?,,Comments
,,,,,,,,,Trust,Youth,Budget,Response,Content,Speakers,Open-Ended Response
111,9,01/25/2024 10:00,01/25/2024 10:05,1.2.3.4,,,,,Trust,,Budget,Genk,5,4,Great day
112,9,01/25/2024 10:01,01/25/2024 10:06,1.2.3.5,,,,,,Youth,,Breda,3,3,
113,9,01/25/2024 10:02,01/25/2024 10:07,1.2.3.6,,,,,Trust,Youth,,Genk,4,5,More time please
`

func TestSurveyMonkeyTwoHeaderRows(t *testing.T) {
	s, n := demoStore(t)
	r, plan := importFile(t, s, n, "monkey.csv", []byte(monkeyCSV), Options{})
	if r.Survey.Format != "surveymonkey" || r.Survey.Respondents != 3 {
		t.Fatalf("%+v (plan %+v)", r.Survey, plan)
	}
	topics := question(t, r, "Which topics interest you?")
	if topics.Kind != data.KindMultipleChoice || option(topics, "Trust") != 2 || option(topics, "Youth") != 2 || option(topics, "Budget") != 1 {
		t.Fatalf("topics %+v", topics)
	}
	use := question(t, r, "How useful was it?")
	if use.Kind != data.KindScales || use.Statements[0].Label != "Content" || use.Statements[0].Mean != 4 || use.Statements[1].Mean != 4 {
		t.Fatalf("scales %+v", use)
	}
	if c := question(t, r, "Comments"); c.Kind != data.KindOpenEnded || c.Respondents != 2 {
		t.Fatalf("comments %+v", c)
	}
	if plan.Columns[12].Role != RolePartner {
		t.Fatalf("the city column is not the partner: %+v", plan.Columns[12])
	}
	if len(r.Questions) != 3 {
		t.Fatalf("%d questions: %+v", len(r.Questions), r.Questions)
	}
}

func TestSurveyMonkeyOtherPleaseSpecify(t *testing.T) {
	s, n := demoStore(t)
	raw := "Respondent ID,Which formats?,,\n,Study visit,Masterclass,Other (please specify)\n1,Study visit,,Walkshops\n2,,Masterclass,\n3,Study visit,Masterclass,Peer reviews\n"
	r, _ := importFile(t, s, n, "other.csv", []byte(raw), Options{})
	formats := question(t, r, "Which formats?")
	// "Other" written is the option Other chosen, as SurveyMonkey counts it; the text is not an option
	if len(formats.Options) != 3 || option(formats, "Study visit") != 2 || option(formats, "Other (please specify)") != 2 || option(formats, "Walkshops") != -1 {
		t.Fatalf("choices %+v", formats.Options)
	}
	if other := question(t, r, "Which formats? — other"); other.Kind != data.KindOpenEnded || other.Respondents != 2 {
		t.Fatalf("other %+v", other)
	}
}
