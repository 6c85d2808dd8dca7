//go:build windows

package winconsole

import (
	"os"
	"syscall"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var procAttachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// Attach points os.Stdout and os.Stderr at the console of the process that
// started this one, when there is one and the output is not redirected
// already (a redirected handle is inherited and works as it is). It is for
// commands only: the window must not hold on to a console.
func Attach() {
	if valid(syscall.STD_OUTPUT_HANDLE) && valid(syscall.STD_ERROR_HANDLE) {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer: no console to attach to
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !valid(syscall.STD_OUTPUT_HANDLE) {
		os.Stdout = out
	}
	if !valid(syscall.STD_ERROR_HANDLE) {
		os.Stderr = out
	}
}

func valid(which int) bool {
	h, err := syscall.GetStdHandle(which)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}
