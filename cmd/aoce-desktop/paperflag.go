package main

import (
	"flag"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// paperFlag is --paper of the commands that write pages: A4 (the
// default) or Letter, for every DOCX, PDF and HTML page and XLSX print
// setup the command writes (the window's choice is File → Settings…);
// every export command has it.
func paperFlag(fs *flag.FlagSet) {
	fs.Func("paper", "the paper size of .docx, .pdf and .html pages and of the .xlsx print setup: A4 (default) or Letter", func(s string) error {
		p, err := doc.ParsePaper(s)
		if err == nil {
			doc.SetDefaults(doc.Layout{Paper: p})
		}
		return err
	})
}
