package sync

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A folder chosen relative to the working directory is stored absolute:
// the window's automatic sync runs from elsewhere.
func TestSetFolderStoresTheAbsoluteFolder(t *testing.T) {
	a, _, network := twoLaptops(t)
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if err := SetFolder(context.Background(), a.st, network, "shared"); err != nil {
		t.Fatal(err)
	}
	st, err := StatusOf(a.st.Path(), network, "")
	if err != nil || st.Folder != filepath.Join(dir, "shared") {
		t.Errorf("stored %q, %v", st.Folder, err)
	}
}
