// Command emptywindow opens an empty Fyne window: the baseline that the
// start-up benchmark (scripts/bench-startup.sh) compares AoCE Desktop with.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	app.SetMetadata(fyne.AppMetadata{ID: "eu.aoce.emptywindow", Name: "Empty", Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID("eu.aoce.emptywindow")
	w := a.NewWindow("Empty Fyne window")
	w.SetContent(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1180, 720))
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	go func() { <-ch; fyne.Do(a.Quit) }()
	w.ShowAndRun()
}
