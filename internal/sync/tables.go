package sync

import "strings"

// table is one table that travels: its name, whether its rows carry the
// sync clock (tables keyed by one UUID column, id) and which of its rows
// belong to a network (a condition on its alias x, ?1 being the network's
// id, {s} standing for the schema).
type table struct {
	name    string
	clocked bool
	scope   string
}

// Parents come before children: a changeset applies in this order, so a
// new partner is in before its practices.
var tables = []table{
	{"networks", true, `x.id = ?1`},
	{"partners", true, `x.network_id = ?1`},
	{"themes", true, `x.network_id = ?1`},
	{"sub_themes", true, `x.theme_id IN (SELECT id FROM {s}.themes WHERE network_id = ?1)`},
	{"good_practices", true, `x.network_id = ?1`},
	{"good_practice_sub_themes", false, `x.good_practice_id IN (SELECT id FROM {s}.good_practices WHERE network_id = ?1)`},
	{"matrix_cells", true, `x.partner_id IN (SELECT id FROM {s}.partners WHERE network_id = ?1)`},
	{"meetings", true, `x.network_id = ?1`},
	{"meeting_hosts", false, `x.meeting_id IN (SELECT id FROM {s}.meetings WHERE network_id = ?1)`},
	{"meeting_themes", false, `x.meeting_id IN (SELECT id FROM {s}.meetings WHERE network_id = ?1)`},
	{"surveys", true, `x.network_id = ?1`},
	{"survey_questions", true, `x.survey_id IN (SELECT id FROM {s}.surveys WHERE network_id = ?1)`},
	{"survey_options", false, questionScope},
	{"survey_respondents", false, `x.survey_id IN (SELECT id FROM {s}.surveys WHERE network_id = ?1)`},
	{"survey_answered", false, questionScope},
	{"survey_counts", false, questionScope},
	{"survey_words", false, questionScope},
	{"learning_needs", true, `x.network_id = ?1`},
	{"learning_grids", true, `x.meeting_id IN (SELECT id FROM {s}.meetings WHERE network_id = ?1)`},
	{"grid_rows", true, `x.grid_id IN (SELECT g.id FROM {s}.learning_grids g JOIN {s}.meetings m ON m.id = g.meeting_id WHERE m.network_id = ?1)`},
	{"plan_actions", true, `x.partner_id IN (SELECT id FROM {s}.partners WHERE network_id = ?1)`},
	{"milestones", true, `x.network_id = ?1`},
	{"studies", true, `x.network_id = ?1`},
	{"study_sections", true, `x.study_id IN (SELECT id FROM {s}.studies WHERE network_id = ?1)`},
	{"study_snapshots", true, `x.study_id IN (SELECT id FROM {s}.studies WHERE network_id = ?1)`},
	{"trash", true, `x.network_id = ?1`},
	{versionsTable, false, `x.network_id = ?1`},
}

const questionScope = `x.question_id IN (SELECT q.id FROM {s}.survey_questions q JOIN {s}.surveys s ON s.id = q.survey_id WHERE s.network_id = ?1)`

// versionsTable holds the column versions; it travels like the data.
const versionsTable = "sync_versions"

// bookkeeping columns are set by the merge from the versions, never
// versioned themselves.
var bookkeeping = map[string]bool{"updated_clock": true, "updated_by": true}

// existence is the column name of a record's existence versions (1 made
// or restored, 0 deleted).
const existence = ""

// quiet columns are versioned and merged like any other, but two laptops
// changing them at once is no conflict worth showing: every edit sets them.
var quiet = map[string]bool{"updated_at": true, existence: true}

func tableNamed(name string) (table, bool) {
	for _, t := range tables {
		if t.name == name {
			return t, true
		}
	}
	return table{}, false
}

// where is the table's network condition on the tables of schema.
func (t table) where(schema string) string { return strings.ReplaceAll(t.scope, "{s}", schema) }
