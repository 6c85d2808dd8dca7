package sync

import (
	"github.com/aoce-desktop/aoce-desktop/internal/actiontables"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"

	"zombiezen.com/go/sqlite"
)

// valueLabels name the values of the columns that hold a choice, as the
// forms offer them ("Lead partner" for partners.role = 'lead_partner').
var valueLabels = map[string]func(string) string{
	"partners.role":           partners.RoleLabel,
	"grid_rows.review_status": grids.ReviewStatuses.Label,
	"plan_actions.kind":       actiontables.Kinds.Label,
	"plan_actions.status":     actiontables.States.Label,
	"survey_questions.kind":   survey.KindLabel,
}

// valueWords is a column's value as the screens say it: the name of the
// record a reference points to ("Genk" for a partner's id, "(deleted)"
// when it is gone) or a choice's label; "" when the value reads as it is.
// (A box ticked, 0 or 1, cannot lose to another value of its own.)
func valueWords(c *sqlite.Conn, table, column string, v any) (string, error) {
	if v == nil {
		return "", nil
	}
	key := table + "." + column
	if label, ok := valueLabels[key]; ok {
		if s, isText := v.(string); isText && s != "" {
			return label(s), nil
		}
	}
	id, isText := v.(string)
	if !isText || id == "" {
		return "", nil
	}
	target := ""
	if err := each(c, `SELECT "table" FROM pragma_foreign_key_list(?) WHERE "from" = ?`, func(s *sqlite.Stmt) error {
		target = s.ColumnText(0)
		return nil
	}, table, column); err != nil || target == "" {
		return "", err
	}
	k, ok := kinds[target]
	if !ok || k.name == "" {
		return "", nil
	}
	name := "(deleted)"
	err := each(c, `SELECT `+k.name+` FROM `+quoteID(target)+` x WHERE x.id = ?`, func(s *sqlite.Stmt) error {
		name = s.ColumnText(0)
		return nil
	}, id)
	return name, err
}
