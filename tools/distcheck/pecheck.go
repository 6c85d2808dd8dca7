package main

import (
	"debug/pe"
	"errors"
	"fmt"
	"io"
)

// Resource types (winuser.h) the packaged program must carry.
const (
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// checkWindowsProgram checks what can be checked without Windows: a 64-bit
// x86 GUI program (no console window opens behind it) whose resources hold
// the icon, the manifest and a version resource with FyneApp.toml's version
// (fyne writes Version.Build, e.g. 0.1.0.1).
func checkWindowsProgram(r io.ReaderAt, version string) error {
	f, err := pe.NewFile(r)
	if err != nil {
		return fmt.Errorf("not a PE file: %w", err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine is %#x, not amd64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return errors.New("not a PE32+ (64-bit) program")
	}
	if opt.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem is %d, not the Windows GUI (%d): a console would open with the window", opt.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return errors.New("no .rsrc section: the program has no icon and no version resource")
	}
	data, err := rsrc.Data()
	if err != nil {
		return fmt.Errorf(".rsrc: %w", err)
	}
	res, err := readResources(data, rsrc.VirtualAddress)
	if err != nil {
		return fmt.Errorf(".rsrc: %w", err)
	}
	for _, t := range []struct {
		id   uint32
		name string
	}{{rtGroupIcon, "icon"}, {rtManifest, "manifest"}, {rtVersion, "version"}} {
		if len(res[t.id]) == 0 {
			return fmt.Errorf("no %s resource", t.name)
		}
	}
	info, err := readVersionInfo(res[rtVersion][0])
	if err != nil {
		return fmt.Errorf("version resource: %w", err)
	}
	if got := info.fileVersion; !sameVersion(got, version) {
		return fmt.Errorf("version resource's file version is %s, FyneApp.toml says %s", got, version)
	}
	if got := info.strings["ProductVersion"]; !sameVersion(got, version) {
		return fmt.Errorf("version resource's ProductVersion is %q, FyneApp.toml says %s", got, version)
	}
	return nil
}

// sameVersion: 0.1.0.1 (Version.Build) carries FyneApp.toml's 0.1.0.
func sameVersion(resource, toml string) bool {
	return len(resource) > len(toml) && resource[:len(toml)] == toml && resource[len(toml)] == '.'
}
