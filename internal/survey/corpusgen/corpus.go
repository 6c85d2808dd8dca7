package main

// The corpus: one file per case the import must get right.

var feel = mentiSlide{Type: "choices", Title: "How do you feel today?", Options: []string{"Energised", "Curious", "Tired", "Lost"}}

func mentiCorpus() []mentiFile {
	return []mentiFile{
		{Name: "menti-zero-votes.xlsx", Case: "options nobody chose are listed by the Session sheet only", DateHeader: "Date (UTC)",
			Sessions: []string{"1"}, Voters: 23, Seed: 1, Slides: []mentiSlide{
				{Type: "choices", Title: "Which city should host the next meeting?", Options: []string{"Genk", "Gdańsk", "Iași", "Budaörs", "Banská Bystrica"}},
				{Type: "multi", Title: "Which topics interest you?", Options: []string{"Youth involvement", "Digital tools", "Budgeting", "Public space", "Procurement"}},
				{Type: "scales", Title: "How useful was the session?", Options: []string{"Content", "Speakers"}},
				{Type: "open", Title: "One idea for the network"},
			}},
		{Name: "menti-duplicate-titles.xlsx", Case: "two slides with the same question, kept apart by their place", DateHeader: "Date",
			Sessions: []string{"1"}, Voters: 31, Seed: 2, Slides: []mentiSlide{
				feel,
				{Type: "slide", Title: "Welcome to Genk"},
				{Type: "multi", Title: "Which topics interest you?", Options: []string{"Youth involvement", "Digital tools", "Budgeting", "Public space"}},
				{Type: "choices", Title: "Your priority?", Options: []string{"Housing", "Mobility", "Green space"}},
				{Type: "choices", Title: "Your priority?", Options: []string{"Schools", "Culture", "Markets", "Safety"}},
				{Type: "slide", Title: "Thank you"},
				{Type: "choices", Title: feel.Title, Options: []string{"Inspired", "Energised", "Tired", "Bored"}},
			}},
		{Name: "menti-numeric.xlsx", Case: "numbers as options: numeric cells (14.0) in the Session sheet, text (14) in Voters", DateHeader: "Date (UTC)",
			Sessions: []string{"1"}, Voters: 27, Seed: 3, Slides: []mentiSlide{
				{Type: "choices", Title: "How old are you?", Options: []string{"14", "15", "16", "17", "18"}, Numeric: true},
				{Type: "multi", Title: "Which years did you take part?", Options: []string{"2022", "2023", "2024", "2025"}, Numeric: true},
			}},
		{Name: "menti-sessions.xlsx", Case: "one presentation run in three sessions: each its own survey, or merged", DateHeader: "Date",
			Sessions: []string{"1", "2", "3"}, Voters: 12, Seed: 4, Slides: []mentiSlide{
				{Type: "choices", Title: "Which city do you come from?", Options: []string{"Genk", "Gdańsk", "Iași", "Braga", "Budaörs"}, Partner: true},
				{Type: "multi", Title: "What should the next masterclass cover?", Options: []string{"Co-design", "Evaluation", "Funding", "Communication"}},
				{Type: "slide", Title: "Break"},
				feel,
			}},
		{Name: "menti-qa.xlsx", Case: "the Questions from audience sheet: a Q&A with upvotes and answered", DateHeader: "Date (UTC)",
			Sessions: []string{"1"}, Voters: 9, Seed: 5, Slides: []mentiSlide{feel},
			QA: []qaEntry{
				{Session: "1", Text: "How does Gdańsk involve young people in budgeting?", Upvotes: 7, Answered: true},
				{Session: "1", Text: "Can we visit the Genk project in spring?", Upvotes: 3},
				{Session: "1", Text: "Who pays for the study visits?", Upvotes: 11, Answered: true},
				{Session: "1", Text: "Can we visit the Genk project in spring?", Upvotes: 0},
				{Session: "1", Text: "Is there a template for the action plan, with examples?", Upvotes: 3},
			}},
		{Name: "menti-quiz.xlsx", Case: "a quiz slide: Name, Emoji, Answer and Score columns", DateHeader: "Date",
			Sessions: []string{"1"}, Voters: 18, Seed: 6, Slides: []mentiSlide{
				{Type: "quiz", Title: "In which year did URBACT start?", Options: []string{"2002", "1999", "2007", "2014"}, Numeric: true},
				{Type: "slide", Title: "Results"},
				{Type: "quiz", Title: "Which city is in Romania?", Options: []string{"Iași", "Genk", "Braga", "Budaörs"}},
			}},
		{Name: "menti-no-voters.xlsx", Case: "exported without voter data: the Session sheets alone, counts per question, every kind they hold", DateHeader: "Date",
			Sessions: []string{"1", "2"}, Voters: 14, Seed: 8, NoVoters: true, Slides: []mentiSlide{
				{Type: "choices", Title: "Which city should host the next meeting?", Options: []string{"Genk", "Gdańsk", "Iași", "Budaörs"}},
				{Type: "multi", Title: "Which topics interest you?", Options: []string{"Youth involvement", "Digital tools", "Budgeting", "Procurement"}},
				{Type: "slide", Title: "Welcome to Gdańsk"},
				{Type: "scales", Title: "How useful was the session?", Options: []string{"Content", "Speakers", "Venue"}},
				{Type: "wordcloud", Title: "One word for the network"},
				{Type: "open", Title: "One idea for the network"},
				{Type: "ranking", Title: "Rank the formats", Options: []string{"Masterclass", "Study visit", "Peer review"}},
				{Type: "points", Title: "Share 100 points between the themes", Options: []string{"Housing", "Mobility", "Green space", "Jobs"}},
				{Type: "quiz", Title: "Which city is in Romania?", Options: []string{"Iași", "Genk", "Braga", "Budaörs"}},
				{Type: "choices", Title: "Which city should host the next meeting?", Options: []string{"Braga", "Genk", "Online"}},
			},
			QA: []qaEntry{
				{Session: "1", Text: "Who pays for the study visits?", Upvotes: 5, Answered: true},
				{Session: "2", Text: "Can partners join online?", Upvotes: 2},
			}},
		{Name: "menti-sessions-duplicates.xlsx", Case: "three sessions of a presentation asking the same question twice, once right after itself", DateHeader: "Date (UTC)",
			Sessions: []string{"1", "2", "3"}, Voters: 11, Seed: 9, Slides: []mentiSlide{
				{Type: "multi", Title: "What should change?", Options: []string{"Agenda", "Venue", "Timing", "Nothing"}},
				{Type: "multi", Title: "What should change?", Options: []string{"Food", "Breaks", "Rooms"}},
				{Type: "slide", Title: "Break"},
				feel,
				{Type: "scales", Title: "How useful was the session?", Options: []string{"Content", "Speakers"}},
				{Type: "choices", Title: feel.Title, Options: []string{"Inspired", "Energised", "Tired", "Bored"}},
			}},
		{Name: "menti-no-voters-duplicates.xlsx", Case: "without voter data: three sessions, the same question twice in a row", DateHeader: "Date",
			Sessions: []string{"1", "2", "3"}, Voters: 9, Seed: 10, NoVoters: true, Slides: []mentiSlide{
				{Type: "choices", Title: "Your priority?", Options: []string{"Housing", "Mobility", "Green space"}},
				{Type: "choices", Title: "Your priority?", Options: []string{"Schools", "Culture", "Markets"}},
				{Type: "open", Title: "Why?"},
				{Type: "open", Title: "Why?"},
			}},
		{Name: "menti-disagree.xlsx", Case: "the Session sheet counts one vote more than the Voters sheet: the Voters sheet wins", DateHeader: "Date (UTC)",
			Sessions: []string{"1"}, Voters: 15, Seed: 7, OffBy: &[2]int{0, 1}, Slides: []mentiSlide{
				{Type: "choices", Title: "Where should we meet?", Options: []string{"Braga", "Genk", "Iași", "Online"}},
				{Type: "slide", Title: "Questions?"},
			}},
	}
}

var helpTexts = []string{"Facilitation, step by step", "Time to talk, not only listen", "Examples from other cities, with numbers",
	"A clear agenda, sent early", "Visits, maps and a local guide"}

func formCorpus() []formFile {
	topics := formQuestion{Title: "Which topics interest you?", Kind: "checkbox", Options: []string{"Youth involvement", "Digital tools", "Budgeting", "Public space, squares and parks"}}
	help := formQuestion{Title: "What would help you most?", Kind: "text", Texts: helpTexts}
	return []formFile{
		{Name: "google-semicolon.csv", Case: "Google Forms download: checkboxes joined by \";\"; a free text with commas stays one answer", Format: "google", Sep: ";",
			Respondents: 34, Seed: 11, Questions: []formQuestion{
				{Title: "Which role do you have?", Kind: "radio", Options: []string{"Coordinator", "Local group member", "Expert"}},
				topics, help,
				{Title: "What kind of support do you need?", Kind: "short", Texts: []string{"Facilitation", "Step by step", "Facilitation, step by step", "Funding", "Funding, advice", "Advice"}},
			}},
		{Name: "google-sheets-comma.csv", Case: "a Google Sheets response sheet saved as CSV: checkboxes joined by \", \"; free text with commas stays one answer", Format: "google", Sep: ", ",
			Respondents: 29, Seed: 12, Questions: []formQuestion{
				{Title: "Which topics interest you?", Kind: "checkbox", Options: []string{"Youth involvement", "Digital tools", "Budgeting", "Public space"}},
				help,
			}},
		{Name: "msforms.csv", Case: "Microsoft Forms: \";\" with a trailing \";\"; commas in free text never split", Format: "msforms",
			Respondents: 26, Seed: 13, Questions: []formQuestion{topics, help}},
		{Name: "surveymonkey.csv", Case: "SurveyMonkey: checkboxes over columns; a Response with commas and semicolons stays one answer", Format: "surveymonkey",
			Respondents: 22, Seed: 14, Questions: []formQuestion{
				{Title: "Would you recommend the network?", Kind: "radio", Options: []string{"Yes, definitely", "Yes; with changes", "Not yet, maybe later"}},
				{Title: "Which formats did you join?", Kind: "checkbox", Options: []string{"Masterclass", "Study visit", "Peer review"}},
				help,
			}},
	}
}
