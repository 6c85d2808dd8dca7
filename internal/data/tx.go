package data

import (
	"context"
	"database/sql"
)

// Tx is one write transaction that may span several aggregates, such as
// loading a whole network: all of it lands, or none of it.
type Tx struct {
	ctx        context.Context
	tx         *sql.Tx
	partners   *partnerSaver        // made on first use, so an import prepares its statements once
	stmts      map[string]*sql.Stmt // see exec
	cache      *stmtCache           // the Store's statements, see stmt
	textPos    map[string][]int     // a survey's text questions, for reindexPending
	reindex    pendingReindex       // respondents whose search index waits for the commit
	aggregates *Aggregates          // live vote counts summed for the commit (AddToAggregates)
}

// Update runs fn in one transaction and commits it when fn returns nil.
// The transaction holds the Store's only writer connection until fn
// returns: fn must write through the *Tx, never through a Store method that
// writes (nor a nested Update) — such a call waits for the writer forever
// (until its context ends). Store reads in fn work (through the read pool)
// but do not see the transaction's own changes; read through the *Tx for
// those.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	s.stmts.prepareWanted(ctx, s.db)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := &Tx{ctx: ctx, tx: tx, cache: &s.stmts}
		if err := fn(t); err != nil {
			return err
		}
		return t.finish()
	})
}

// finish stores what the transaction kept for its end, before the commit.
func (t *Tx) finish() error {
	if err := t.storeAggregates(); err != nil {
		return err
	}
	return t.reindexPending()
}

// CreateNetwork stores a new network inside the transaction.
func (t *Tx) CreateNetwork(n Network) (Network, error) { return createNetwork(t.ctx, t.tx, n) }

// SavePartner inserts or updates a partner inside the transaction.
func (t *Tx) SavePartner(p Partner) (Partner, error) { return t.partnerSaver().save(p) }

func (t *Tx) partnerSaver() *partnerSaver {
	if t.partners == nil {
		t.partners = newPartnerSaver(t.ctx, t.tx)
	}
	return t.partners
}

// CreateTheme stores a theme and its sub-themes inside the transaction.
func (t *Tx) CreateTheme(th Theme) (Theme, error) { return createTheme(t.ctx, t.tx, th) }

// CreateGoodPractice stores a good practice inside the transaction.
func (t *Tx) CreateGoodPractice(gp GoodPractice) (GoodPractice, error) {
	return createGoodPractice(t.ctx, t.tx, gp)
}

// SetMatrixCell stores a matrix cell inside the transaction.
func (t *Tx) SetMatrixCell(c MatrixCell) (MatrixCell, error) { return setMatrixCell(t.ctx, t.tx, c) }

// CreateMeeting stores a meeting inside the transaction.
func (t *Tx) CreateMeeting(m Meeting) (Meeting, error) { return createMeeting(t.ctx, t.tx, m) }

// CreateSubTheme adds a sub-theme to an existing theme inside the transaction.
func (t *Tx) CreateSubTheme(st SubTheme) (SubTheme, error) { return createSubTheme(t.ctx, t.tx, st) }

// LinkPracticeSubTheme records that a good practice serves a sub-theme
// (and so, for a partner's practice, that its cell has a good practice).
func (t *Tx) LinkPracticeSubTheme(practiceID, subThemeID string) error {
	if err := linkPracticeSubTheme(t.ctx, t.tx, practiceID, subThemeID); err != nil {
		return err
	}
	network, err := networkOfPractice(t.ctx, t.tx, practiceID)
	if err != nil {
		return err
	}
	return deriveCells(t.ctx, t.tx, network)
}

// ClearMatrix empties every cell of a network's matrix inside the transaction.
func (t *Tx) ClearMatrix(networkID string) error { return clearMatrix(t.ctx, t.tx, networkID) }

// Partners lists the partners of the network the transaction writes to.
func (t *Tx) Partners(networkID string) ([]Partner, error) { return partnersOf(t.ctx, t.tx, networkID) }

// Partner reads one partner inside the transaction.
func (t *Tx) Partner(id string) (Partner, error) { return t.partnerSaver().partner(id) }

// CreateStudy stores a study and its outline inside the transaction.
func (t *Tx) CreateStudy(st Study, outline []Section) (Study, error) {
	return createStudy(t.ctx, t.tx, st, outline)
}

// SaveSection saves a section's editable fields inside the transaction.
func (t *Tx) SaveSection(sec Section) error { return saveSection(t.ctx, t.tx, sec) }

// SnapshotStudy takes a named snapshot inside the transaction.
func (t *Tx) SnapshotStudy(studyID, name string) (Snapshot, error) {
	return snapshotStudy(t.ctx, t.tx, studyID, name)
}

// StudySections reads a study's sections in order inside the transaction.
func (t *Tx) StudySections(studyID string) ([]Section, error) {
	return sectionsOf(t.ctx, t.tx, studyID)
}
