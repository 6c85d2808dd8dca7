package data

import (
	"context"
	"database/sql"
)

// The live vote writer stores hundreds of votes in one transaction, each
// running the same few statements; preparing them once per transaction
// instead of once per call halves its work (SQLite's parser was half of
// it). A statement the Store already keeps prepared (stmtCache) is taken
// from there; one it does not is prepared for the transaction, which
// closes it, and named to the Store for the next transactions.

// exec runs a statement prepared once in the transaction.
func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

// QueryRowContext runs a query prepared once in the transaction (a
// rowQuerier for the readers shared with the Store).
func (q txStmts) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := q.t.stmt(query)
	if err != nil {
		return q.t.tx.QueryRowContext(ctx, query, args...) // reports the same error through the row
	}
	return st.QueryRowContext(ctx, args...)
}

// QueryContext runs a query prepared once in the transaction (a querier).
func (q txStmts) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := q.t.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// txStmts reads through a transaction's prepared statements.
type txStmts struct{ t *Tx }

func (t *Tx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if shared := t.cache.lookup(query); shared != nil {
		st = t.tx.StmtContext(t.ctx, shared)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(t.ctx, query); err != nil {
			return nil, err
		}
		t.cache.want(query)
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st, nil
}

// queryRow runs a query prepared once in the transaction.
func (t *Tx) queryRow(query string, args ...any) *sql.Row {
	return txStmts{t}.QueryRowContext(t.ctx, query, args...)
}
