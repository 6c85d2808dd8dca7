package survey

import (
	"context"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// SessionsEach is the session choice that makes each session its own survey.
const SessionsEach = "each"

// ImportEachSession imports every session of a Mentimeter file as its own
// survey ("TITLE — session N"), all in one transaction: the surveys
// appear together, or none does. opt.Replace, when set, is replaced by
// them in the same transaction.
func ImportEachSession(ctx context.Context, s *data.Store, networkID, path string, opt Options) (svs []data.Survey, r Report, err error) {
	defer tabular.Guard(path, &err)
	hash, err := HashFile(path)
	if err != nil {
		return nil, Report{}, &tabular.FileError{File: path, Msg: "cannot be read: " + err.Error()}
	}
	opt.Session = ""
	plan, st, _, err := Preview(ctx, s, networkID, path, opt)
	if err != nil {
		return nil, Report{}, err
	}
	if err := st.Close(); err != nil {
		return nil, Report{}, err
	}
	sessions := plan.Sessions()
	if len(sessions) == 0 {
		return nil, Report{}, &tabular.FileError{File: path, Msg: "has no Session sheets to import one by one", Hint: "import it as one survey"}
	}
	title := defaultTitle(opt, path)
	report := Report{Plan: plan, Mismatches: plan.Menti.MismatchesIn(SessionsAll)}
	err = s.Update(ctx, func(tx *data.Tx) (err error) {
		defer tabular.Guard(path, &err)
		if opt.Replace != "" {
			if report.ReplacedTrash, err = tx.DeleteSurvey(opt.Replace); err != nil {
				return err
			}
		}
		for _, name := range sessions {
			one := opt
			one.Session, one.Plan = name, &plan
			p, st, head, err := Preview(ctx, s, networkID, path, one) // the file read again, for this session's voters
			if err != nil {
				return err
			}
			sv, err := importInto(ctx, tx, networkID, path, hash, title+" — session "+name, p, st, head, one, &report)
			st.Close()
			if err != nil {
				return err
			}
			svs = append(svs, sv)
		}
		return nil
	})
	if err != nil {
		return nil, report, err
	}
	return svs, report, nil
}
