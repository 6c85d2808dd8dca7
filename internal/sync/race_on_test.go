//go:build race

package sync

// raceDetector is true in a build with the race detector, where one
// three-laptop scenario takes minutes: it then runs one seed of each test.
const raceDetector = true
