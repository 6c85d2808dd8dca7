package data

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// stmtCache keeps the writer's statements prepared for the Store's life
// instead of once per transaction. The live vote writer runs a transaction
// for every handful of votes, and re-preparing its dozen statements each
// time was a fifth of its CPU (SQLite's parser). A transaction cannot
// prepare on the writer pool itself — its one connection is the
// transaction's — so a Tx names the queries it had to prepare, the next
// Update prepares them on the writer before it begins, and later
// transactions take them through sql.Tx.StmtContext, which reuses a
// statement already prepared on the connection.
type stmtCache struct {
	mu     sync.Mutex
	ready  map[string]*sql.Stmt
	wanted map[string]bool
}

// maxCachedStmts bounds the cache. The queries are the code's own
// constant strings (a few dozen); the bound only guards against a query
// built with its values, which would otherwise be prepared and kept anew
// for every call.
const maxCachedStmts = 256

// lookup is the Store-wide statement for query, nil when there is none yet.
func (c *stmtCache) lookup(query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ready[query]
}

// want notes a query a transaction prepared for itself.
func (c *stmtCache) want(query string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ready)+len(c.wanted) >= maxCachedStmts {
		return
	}
	if c.wanted == nil {
		c.wanted = map[string]bool{}
	}
	c.wanted[query] = true
}

// prepareWanted prepares the wanted queries on db, outside any
// transaction (the caller is about to begin one and holds no connection).
// A query that fails to prepare is dropped: the transaction that uses it
// prepares it itself and reports its error there.
func (c *stmtCache) prepareWanted(ctx context.Context, db *sql.DB) {
	if c == nil {
		return
	}
	c.mu.Lock()
	wanted := c.wanted
	c.wanted = nil
	c.mu.Unlock()
	for query := range wanted {
		st, err := db.PrepareContext(ctx, query)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if c.ready == nil {
			c.ready = map[string]*sql.Stmt{}
		}
		if old := c.ready[query]; old != nil { // two Updates prepared it at once
			_ = old.Close()
		}
		c.ready[query] = st
		c.mu.Unlock()
	}
}

// close closes every cached statement (before the writer closes).
func (c *stmtCache) close() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var err error
	for _, st := range c.ready {
		err = errors.Join(err, st.Close())
	}
	c.ready, c.wanted = nil, nil
	return err
}
