// Package export writes what the app exports — the matrix, surveys, the
// learning grids, the action tables and the study — to the file type a
// path's extension names, whole or not at all, reporting its progress and
// stopping when its context is cancelled. The window and the command line
// both call it; it has no UI in it. Only the PNG slides are drawn by the
// window's toolkit, so they are handed in (Slides).
package export

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
)

// Progress is told what an export is doing and how far it is, from 0 to 1;
// nil reports nothing.
type Progress func(step string, done float64)

func (p Progress) report(step string, done float64) {
	if p != nil {
		p(step, done)
	}
}

// writing reports the last step of an export: writing the file.
func (p Progress) writing(path string) { p.report("Writing "+filepath.Base(path)+"…", 0.5) }

// format is one file type an export of a T writes.
type format[T any] struct {
	ext   string
	write func(w io.Writer, v T) error
}

// formats are the file types of one export, in the order error messages
// name them.
type formats[T any] []format[T]

func (fs formats[T]) exts() []string {
	exts := make([]string, len(fs))
	for i, f := range fs {
		exts[i] = f.ext
	}
	return exts
}

// choose finds the format path's extension names (in any case) and returns
// what writes a T to path in it; the error names the formats allowed.
// Exports choose before they read anything, so a wrong name fails at once.
func (fs formats[T]) choose(path, what string) (func(ctx context.Context, v T) error, error) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range fs {
		if f.ext == ext {
			return func(ctx context.Context, v T) error {
				return writeFile(ctx, path, func(w io.Writer) error { return f.write(w, v) })
			}, nil
		}
	}
	allowed := strings.Join(fs.exts(), ", ")
	if ext == "" {
		return nil, fmt.Errorf("cannot export %s to %q: the file name needs an extension, one of %s", what, filepath.Base(path), allowed)
	}
	return nil, fmt.Errorf("cannot export %s as %q: use one of %s", what, ext, allowed)
}

// writeFile puts what fill writes at path only when all of it is written
// and synced: a failed or cancelled export leaves no partial file and
// keeps the file that was there before. Cancelling ctx stops fill at its
// next write.
func writeFile(ctx context.Context, path string, fill func(io.Writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		if err := fill(cancellable{ctx, w}); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if f, ok := w.(interface{ Sync() error }); ok { // on disk before the rename makes it the export
			return f.Sync()
		}
		return nil
	})
}

// cancellable refuses to write once its context is done.
type cancellable struct {
	ctx context.Context
	w   io.Writer
}

func (c cancellable) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
