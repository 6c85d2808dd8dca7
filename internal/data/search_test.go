package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// found are the hits of a search as "kind title", and the snippets.
func found(t testing.TB, s *data.Store, networkID, typed string) ([]string, []data.SearchHit) {
	t.Helper()
	hits, _, err := s.Search(context.Background(), networkID, typed)
	if err != nil {
		t.Fatalf("search %q: %v", typed, err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.Kind+" "+h.Title)
	}
	return out, hits
}

func has(list []string, want string) bool { return slices.Contains(list, want) }

func TestSearchFoldsAccentsAndCaseAndFindsEveryKind(t *testing.T) {
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	for typed, want := range map[string]string{
		"gdansk": "partner Gdańsk", "GDAŃSK": "partner Gdańsk", "iasi": "partner Iași", "Gdan": "partner Gdańsk",
	} {
		if got, _ := found(t, s, n.ID, typed); !has(got, want) {
			t.Errorf("%q found %v, want %q among them", typed, got, want)
		}
	}
	// One record of each kind the index covers, looked for by its title.
	if _, err := s.CreateLearningNeed(context.Background(), data.LearningNeed{NetworkID: n.ID,
		PartnerID: one[string](t, db, `SELECT id FROM partners LIMIT 1`), SubThemeID: one[string](t, db, `SELECT id FROM sub_themes LIMIT 1`), Priority: 1, Text: "Learn how Quart de Poblet runs its youth council"}, false); err != nil {
		t.Fatal(err)
	}
	for kind, query := range map[string]string{
		data.SearchPractice: `SELECT id, title FROM good_practices`,
		data.SearchSubTheme: `SELECT id, title FROM sub_themes`,
		data.SearchMeeting:  `SELECT id, title FROM meetings`,
		data.SearchNeed:     `SELECT id, text FROM learning_needs`,
		data.SearchGridRow:  `SELECT id, learning FROM grid_rows WHERE learning <> ''`,
		data.SearchAction:   `SELECT id, title FROM plan_actions`,
		data.SearchSection:  `SELECT id, title FROM study_sections`,
	} {
		var id, title string
		if err := db.QueryRow(query+` LIMIT 1`).Scan(&id, &title); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		_, hits := found(t, s, n.ID, title)
		if !slices.ContainsFunc(hits, func(h data.SearchHit) bool {
			return h.Kind == kind && h.ID == id && strings.Contains(h.Snippet, data.MarkStart)
		}) {
			t.Errorf("%s %q: not found (%d hits)", kind, title, len(hits))
		}
	}
	// The snippet marks the matching words; another network's records stay out.
	_, hits := found(t, s, n.ID, "gdansk")
	if !strings.Contains(hits[0].Snippet, data.MarkStart+"Gdańsk"+data.MarkEnd) {
		t.Errorf("snippet %q does not mark Gdańsk", hits[0].Snippet)
	}
	other, err := s.CreateNetwork(context.Background(), data.Network{Name: "Other"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := found(t, s, other.ID, "gdansk"); len(got) != 0 {
		t.Errorf("another network finds %v", got)
	}
}

func TestSearchFollowsEditsDeletesAndRestores(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	id := one[string](t, db, `SELECT id FROM partners WHERE name = 'Gdańsk'`)
	p, err := s.Partner(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = "Gdynia"
	p.IAPFocus = "Shipyard heritage and citizens' assemblies"
	if _, err := s.SavePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := found(t, s, n.ID, "gdansk"); has(got, "partner Gdańsk") {
		t.Errorf("the old name is still found: %v", got)
	}
	if got, _ := found(t, s, n.ID, "shipyard"); !has(got, "partner Gdynia") {
		t.Errorf("an edited field is not found: %v", got)
	}
	// A partner's delete takes its practices, grids and actions: none is found.
	practice := one[string](t, db, `SELECT title FROM good_practices WHERE owner_partner_id = ? LIMIT 1`, id)
	rowsBefore := one[int](t, db, `SELECT COUNT(*) FROM search_docs`)
	trashID, err := s.DeletePartner(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := found(t, s, n.ID, "gdynia"); len(got) != 0 {
		t.Errorf("the deleted partner is found: %v", got)
	}
	if left := one[int](t, db, `SELECT COUNT(*) FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM partners WHERE id = d.ref_id)
		AND d.kind = 'partner'`); left != 0 {
		t.Errorf("%d index rows of deleted partners", left)
	}
	if _, hits := found(t, s, n.ID, practice); slices.ContainsFunc(hits, func(h data.SearchHit) bool { return h.Title == practice }) {
		t.Errorf("the deleted partner's practice %q is found", practice)
	}
	if _, err := s.RestoreTrash(ctx, trashID); err != nil {
		t.Fatal(err)
	}
	if got, _ := found(t, s, n.ID, "gdynia shipyard"); !has(got, "partner Gdynia") {
		t.Errorf("the restored partner is not found: %v", got)
	}
	if rows := one[int](t, db, `SELECT COUNT(*) FROM search_docs`); rows != rowsBefore {
		t.Errorf("index holds %d rows after the restore, %d before the delete", rows, rowsBefore)
	}
	if net := one[int](t, db, `SELECT COUNT(*) FROM search_docs WHERE network_id = ''`); net != 0 {
		t.Errorf("%d restored rows lost their network", net)
	}
	checkFTS(t, s)
}

// checkFTS runs FTS5's integrity check against the content tables.
func checkFTS(t *testing.T, s *data.Store) {
	t.Helper()
	if err := s.Update(context.Background(), func(tx *data.Tx) error { return tx.CheckSearchIndex() }); err != nil {
		t.Errorf("search index out of step: %v", err)
	}
}

// answersSurvey stores a survey with a choice and two text questions and
// indexes its answers, as an import's caller does.
func answersSurvey(t testing.TB, s *data.Store, networkID string, rs []data.Respondent) data.Survey {
	t.Helper()
	sv := storeAnswersSurvey(t, s, networkID, rs)
	if err := s.IndexSurveyAnswers(context.Background(), sv.ID); err != nil {
		t.Fatal(err)
	}
	return sv
}

// storeAnswersSurvey stores the survey of answersSurvey, its answers not
// indexed yet.
func storeAnswersSurvey(t testing.TB, s *data.Store, networkID string, rs []data.Respondent) data.Survey {
	t.Helper()
	var sv data.Survey
	err := s.Update(context.Background(), func(tx *data.Tx) error {
		var err error
		if sv, err = tx.CreateSurvey(data.Survey{NetworkID: networkID, Title: "After the Iași meeting"}); err != nil {
			return err
		}
		for i, q := range []data.Question{
			{Kind: data.KindSingleChoice, Prompt: "Which city?", Options: []string{"Gdańsk", "Genk"}},
			{Kind: data.KindOpenEnded, Prompt: "What did you learn?"},
			{Kind: data.KindWordCloud, Prompt: "Three words"},
		} {
			q.SurveyID, q.Position = sv.ID, i
			if _, err := tx.CreateQuestion(q); err != nil {
				return err
			}
		}
		if err := tx.AddRespondents(sv.ID, rs); err != nil {
			return err
		}
		return tx.SetSurveyRespondents(sv.ID, len(rs))
	})
	if err != nil {
		t.Fatal(err)
	}
	return sv
}

func TestSearchFindsTextAnswersOnlyAndFollowsVotesAndTheTrash(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	sv := answersSurvey(t, s, n.ID, []data.Respondent{
		{Position: 0, Answers: [][]string{{"Gdańsk"}, {"Participatory budgeting in Łódź and Poznań"}, {"trust", "café", "youth"}}},
		{Position: 1, Answers: [][]string{{"Genk"}, {""}, {"dialogue"}}},
	})
	_, hits := found(t, s, n.ID, "poznan")
	if len(hits) != 1 || hits[0].Kind != data.SearchAnswer || hits[0].ID != sv.ID || hits[0].Respondent != 0 || hits[0].Question != 1 ||
		hits[0].Context != "What did you learn?" || hits[0].Title != "After the Iași meeting" || !strings.Contains(hits[0].Snippet, data.MarkStart+"Poznań"+data.MarkEnd) {
		t.Fatalf("poznan: %+v", hits)
	}
	if _, hits := found(t, s, n.ID, "cafe"); len(hits) != 1 || hits[0].Question != 2 {
		t.Errorf("cafe (a word-cloud answer): %+v", hits)
	}
	// A choice answer is not text to search: Gdańsk is the partner only.
	if _, hits := found(t, s, n.ID, "gdansk"); slices.ContainsFunc(hits, func(h data.SearchHit) bool { return h.Kind == data.SearchAnswer }) {
		t.Errorf("a choice answer is found: %+v", hits)
	}
	// A changed vote replaces the respondent's words.
	if err := s.Update(ctx, func(tx *data.Tx) error {
		return tx.SetRespondentAnswers(sv.ID, 1, [][]string{{"Genk"}, {"Mentoring from Poznań"}, {"dialogue"}})
	}); err != nil {
		t.Fatal(err)
	}
	if _, hits := found(t, s, n.ID, "mentoring poznan"); len(hits) != 1 || hits[0].Respondent != 1 {
		t.Errorf("the changed vote: %+v", hits)
	}
	if _, hits := found(t, s, n.ID, "dialogue"); !slices.ContainsFunc(hits, func(h data.SearchHit) bool { return h.Kind == data.SearchAnswer && h.Respondent == 1 }) {
		t.Errorf("dialogue after the vote changed: %+v", hits)
	}
	// A survey in the trash is not searched; restored, it is again;
	// emptied from the trash, its answers leave the index.
	var trashID string
	if err := s.Update(ctx, func(tx *data.Tx) (err error) { trashID, err = tx.DeleteSurvey(sv.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if _, hits := found(t, s, n.ID, "poznan"); len(hits) != 0 {
		t.Errorf("a survey in the trash is searched: %+v", hits)
	}
	if _, err := s.RestoreTrash(ctx, trashID); err != nil {
		t.Fatal(err)
	}
	if _, hits := found(t, s, n.ID, "poznan"); len(hits) != 2 {
		t.Errorf("the restored survey: %+v", hits)
	}
	if err := s.Update(ctx, func(tx *data.Tx) (err error) { trashID, err = tx.DeleteSurvey(sv.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	db := side(t, s)
	if left := one[int](t, db, `SELECT COUNT(*) FROM search_answers`); left != 0 {
		t.Errorf("%d answers of an emptied survey left in the index", left)
	}
	checkFTS(t, s)
}
