package data

import (
	"context"
	"database/sql"
	"errors"
)

// notFound turns sql.ErrNoRows into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// mustAffect reports ErrNotFound when an UPDATE or DELETE matched no row.
func mustAffect(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryList runs a query and scans every row with scan.
func queryList[T any](ctx context.Context, q querier, scan func(interface{ Scan(...any) error }) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, v)
	}
	// rows.Err is what tells a query that stopped early (interrupted, a
	// damaged page) from one that read every row.
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	return out, nil
}

// scanPair scans two text columns, for link tables.
func scanPair(r interface{ Scan(...any) error }) ([2]string, error) {
	var p [2]string
	err := r.Scan(&p[0], &p[1])
	return p, err
}

// attachLinks runs a query of (parent id, linked id) pairs and hands each
// linked id to its parent among items, in the query's order.
func attachLinks[T any](ctx context.Context, q querier, items []T, id func(*T) string, add func(*T, string), query string, args ...any) error {
	links, err := queryList(ctx, q, scanPair, query, args...)
	if err != nil {
		return err
	}
	index := make(map[string]*T, len(items))
	for i := range items {
		index[id(&items[i])] = &items[i]
	}
	for _, l := range links {
		if it, ok := index[l[0]]; ok {
			add(it, l[1])
		}
	}
	return nil
}
