package sync

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
)

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
// A derived column (partners.name_key, the name as compared) is quiet too:
// it changes with the column it is made from, whose conflict is the one shown.
var quiet = map[string]bool{"updated_at": true, existence: true, "name_key": true}

// derived are the columns the store computes from another one of the same
// row: a conflict review that writes the one writes the other with it, so
// that the rule it keeps (one partner per name as compared) holds.
var derived = map[string]map[string]derivedColumn{
	"partners": {"name": {"name_key", func(v any) any { s, _ := v.(string); return data.NameKey(s) }}},
}

type derivedColumn struct {
	col string
	of  func(any) any
}

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

// fieldLabels name every column of the clocked tables (the ones whose
// fields can be in conflict) as the screens name them: the conflicts
// screen, 'sync conflicts' and 'sync resolve' read them through
// FieldLabel. commonLabels hold the columns many tables share; a table's
// own map names the rest (and may name a common column otherwise). The
// partners' labels are the partner form's own (partners.Fields), so the
// two never drift apart. TestEveryClockedColumnHasALabel keeps the maps
// whole when a migration adds a column.
var commonLabels = map[string]string{
	"network_id": "Network",
	"position":   "Place (0 = first)",
	"created_at": "Created",
	"updated_at": "Last changed",
	"deleted_at": "Deleted",
}

var fieldLabels = map[string]map[string]string{
	"networks": {"name": "Name", "acronym": "Acronym", "programme": "Programme", "lead_expert": "Lead expert",
		"start_date": "Start date", "end_date": "End date", "description": "Description"},
	"partners":   partnerLabels(),
	"themes":     {"number": "Number", "title": "Title", "horizontal": "Horizontal theme"},
	"sub_themes": {"theme_id": "Theme", "number": "Number", "title": "Title"},
	"good_practices": {"title": "Title", "owner_partner_id": "Owner", "outside_city": "City (outside)", "outside_country": "Country (outside)",
		"description": "Description", "source_link": "Source link"},
	"matrix_cells": {"partner_id": "Partner", "sub_theme_id": "Sub-theme", "state": "State", "noted": "Noted without a practice"},
	"meetings": {"kind": "Kind", "number": "Number", "title": "Title", "start_date": "Start date", "end_date": "End date", "place": "Place",
		"online": "Online", "description": "Description", "report_received": "Report received", "attendance_received": "Attendance sheet received"},
	"surveys": {"meeting_id": "Meeting", "title": "Title", "format": "File format", "source_file": "Imported file", "source_hash": "Imported file's checksum",
		"respondents": "Respondents", "imported_at": "Imported", "answers_indexed": "Answers searchable", "counts_only": "Counts only"},
	"survey_questions": {"survey_id": "Survey", "kind": "Kind", "prompt": "Question", "scale_min": "Scale from", "scale_max": "Scale to"},
	"learning_needs": {"partner_id": "Partner", "sub_theme_id": "Sub-theme", "text": "Learning need", "priority": "Priority", "source": "Source",
		"survey_id": "Survey", "question_id": "Survey question", "respondents": "Respondents", "meeting_id": "Meeting"},
	"learning_grids": {"meeting_id": "Meeting", "partner_id": "Partner", "theme_key": "Theme"},
	"grid_rows": {"grid_id": "Learning grid", "learning": "Key learning", "relevance": "IAP 1–5", "relevance_note": "Why it matters",
		"action": "Action until the next meeting", "action_who": "Who", "action_by": "By when", "need_id": "Learning need",
		"review_status": "Review status", "review_comment": "Review comment", "reviewed_meeting": "Reviewed at"},
	"plan_actions": {"partner_id": "Partner", "kind": "Kind", "title": "Title", "description": "Description", "timing": "Timing",
		"responsibility": "Responsibility", "cost_eur": "Cost (EUR)", "funding": "Funding source", "indicators": "Monitoring indicators",
		"risks": "Risks", "status": "Status", "grid_row_id": "Learning grid row", "parent_id": "Testing action", "start_date": "Start date", "end_date": "End date"},
	"milestones":      {"track": "Track", "due_date": "Due", "title": "Title", "done": "Done"},
	"studies":         {"title": "Title"},
	"study_sections":  {"study_id": "Baseline study", "kind": "Kind", "title": "Title", "level": "Level", "body": "Text", "status": "Status"},
	"study_snapshots": {"study_id": "Baseline study", "name": "Name", "sections": "Sections"},
	"trash":           {"kind": "Kind", "label": "What was deleted", "counts": "Records held", "payload": "Records held (data)", "survey_id": "Survey"},
}

// partnerLabels are the partner form's labels and the partner's columns
// the form does not show.
func partnerLabels() map[string]string {
	labels := map[string]string{"name_key": "Name (as compared)"}
	for _, f := range partners.Fields {
		labels[f.Key] = f.Label
	}
	return labels
}

// FieldLabel is a column of a synced table as the screens name it
// ("Contact e-mail" for partners.contact_email); a column it does not
// know reads as its words ("Some column" for some_column).
func FieldLabel(table, column string) string {
	if l, ok := fieldLabels[table][column]; ok {
		return l
	}
	if l, ok := commonLabels[column]; ok {
		return l
	}
	w := strings.ReplaceAll(strings.TrimSuffix(column, "_id"), "_", " ")
	if w == "" {
		return column
	}
	return strings.ToUpper(w[:1]) + w[1:]
}
