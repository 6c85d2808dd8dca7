package tabular

import (
	"fmt"
	"runtime/debug"
)

// Guard is the import boundary every reader of a user's file defers: a
// panic below it (ours or a library's, on a file nobody foresaw) becomes
// a FileError naming the file, so the app keeps running and, as the
// error travels up through the import's transaction, nothing is stored.
//
//	func Read(name string, …) (t *Table, err error) {
//		defer Guard(name, &err)
func Guard(file string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	*err = &FileError{File: file, Msg: fmt.Sprintf("could not be read (%v); nothing was stored", r),
		Hint:  "open it in the program that made it and save it again; if that does not help, send the file with this message to the developers",
		cause: fmt.Errorf("panic reading %s: %v\n%s", file, r, debug.Stack())}
}
