// Package corpus is the shape of the sidecars of testdata/corpus: the figures
// the source tool shows for each synthetic export, which corpusgen writes
// and the corpus test compares an import with.
package corpus

// Figures are what the source tool shows for one file (and one session
// of a Mentimeter file): the sidecar the corpus test compares an import
// with. The shape is read by internal/survey's corpus test.
type Figures struct {
	File        string     `json:"file"`
	Format      string     `json:"format"`
	Session     string     `json:"session,omitempty"` // Mentimeter: the session imported ("all" or a name)
	Case        string     `json:"case"`              // what the file is there to show
	Respondents int        `json:"respondents"`
	Questions   []QFigures `json:"questions"`
	Reactions   int        `json:"reactions,omitempty"`  // reactions to content slides (ignored)
	Mismatches  int        `json:"mismatches,omitempty"` // options the Voters and Session sheets count differently
	// CountsOnly: a Mentimeter file without its Voters sheet; Respondents
	// is then the most who answered one slide, summed over the sessions.
	CountsOnly bool   `json:"counts_only,omitempty"`
	Partner    string `json:"partner,omitempty"` // the column taken as the respondents' partner (city)
}

// QFigures is one question: every option in the source tool's order with
// its count, the number who answered, the audience's questions.
type QFigures struct {
	Prompt   string       `json:"prompt"`
	Kind     string       `json:"kind"`
	Answered int          `json:"answered"`
	Options  []OptFigures `json:"options,omitempty"`
	Audience []AudFigures `json:"audience,omitempty"`
	Total    int          `json:"total,omitempty"` // quiz scores: their sum
	// Ordered says the file states the options' order (Mentimeter's
	// Session sheets); a CSV lists them as respondents chose them.
	Ordered bool `json:"ordered,omitempty"`
	// Without voters: a scale's count per value and statement, a word
	// cloud's words, a ranking's or 100 points' items (how many placed
	// each and the sum of positions or points), the open answers listed.
	Statements []StmtFigures `json:"statements,omitempty"`
	Words      []OptFigures  `json:"words,omitempty"`
	Items      []ItemFigures `json:"items,omitempty"`
	Listed     int           `json:"listed,omitempty"`
}

type StmtFigures struct {
	Label  string         `json:"label"`
	Values map[string]int `json:"values"`
}

type ItemFigures struct {
	Label string `json:"label"`
	Count int    `json:"count"`
	Total int    `json:"total"`
}

type OptFigures struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

type AudFigures struct {
	Text     string `json:"text"`
	Upvotes  int    `json:"upvotes"`
	Answered bool   `json:"answered"`
}
