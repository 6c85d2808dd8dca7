package main

import (
	"os"
	"path/filepath"
	"runtime"
)

// defaultDBPath is where the database lives when neither --db nor AOCE_DB
// says otherwise: the platform's per-user application data folder.
func defaultDBPath() string {
	if p := os.Getenv("AOCE_DB"); p != "" {
		return p
	}
	return filepath.Join(dataDir(), "aoce.db")
}

func dataDir() string {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" {
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "aoce-desktop")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "aoce-desktop")
		}
	}
	if dir, err := os.UserConfigDir(); err == nil { // %AppData% on Windows, Application Support on macOS
		return filepath.Join(dir, "AoCE Desktop")
	}
	return "."
}

// ensureDir creates the database's folder for a writer.
func ensureDir(dbPath string) error {
	return os.MkdirAll(filepath.Dir(dbPath), 0o755)
}
