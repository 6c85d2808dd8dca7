//go:build race

package data

// raceDetector is true in a build with the race detector, where building
// a 70 MB database takes minutes: the large-file test runs without it.
const raceDetector = true
