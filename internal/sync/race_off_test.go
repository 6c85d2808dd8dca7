//go:build !race

package sync

const raceDetector = false
