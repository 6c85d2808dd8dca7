// Package study is the Baseline Study of a network: the outline a new
// study starts from, the assembly of its sections and generated blocks
// into a doc.Document, Markdown conversion, word counts and the line-by-
// line comparison of versions.
package study
