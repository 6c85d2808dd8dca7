package study

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// mergeRuns joins neighbouring runs of one style and drops empty ones.
func mergeRuns(runs []doc.Run) []doc.Run {
	out := runs[:0:0]
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if last := len(out) - 1; last >= 0 && out[last].Bold == r.Bold && out[last].Italic == r.Italic {
			out[last].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// asciiSpace is what trimRuns removes; a no-break space is kept: it was typed.
const asciiSpace = " \t\n\v\f\r"

// trimRuns removes white space at both ends of a line of runs.
func trimRuns(runs []doc.Run) []doc.Run {
	runs = append([]doc.Run(nil), runs...)
	for len(runs) > 0 {
		if runs[0].Text = strings.TrimLeft(runs[0].Text, asciiSpace); runs[0].Text != "" {
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 {
		last := len(runs) - 1
		if runs[last].Text = strings.TrimRight(runs[last].Text, asciiSpace); runs[last].Text != "" {
			break
		}
		runs = runs[:last]
	}
	return runs
}

// heading is a heading at level, or a bold paragraph below the deepest
// level the model has.
func heading(level int, runs []doc.Run) doc.Block {
	if level <= maxHeadingLevel {
		return doc.Heading{Level: level, Text: runsText(runs)}
	}
	bold := make([]doc.Run, len(runs))
	for i, r := range runs {
		bold[i] = doc.Run{Text: r.Text, Bold: true, Italic: r.Italic}
	}
	return doc.Paragraph{Runs: mergeRuns(bold)}
}

func runsText(runs []doc.Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// blocksText is the plain text of blocks, one block a line.
func blocksText(blocks []doc.Block) string {
	var lines []string
	for _, b := range blocks {
		switch b := b.(type) {
		case doc.Heading:
			lines = append(lines, b.Text)
		case doc.Paragraph:
			lines = append(lines, runsText(b.Runs))
		case doc.List:
			for _, item := range b.Items {
				lines = append(lines, runsText(item))
			}
		}
	}
	return strings.Join(lines, "\n")
}
