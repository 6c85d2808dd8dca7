// Package winconsole gives the Windows program's command line a console to
// print to. The Windows build is a GUI program (no console window opens when
// it is double-clicked), so Windows gives it no standard output; started from
// cmd.exe or PowerShell with a command (`aoce-desktop --version`), it attaches
// to that console instead. Elsewhere it does nothing.
package winconsole
