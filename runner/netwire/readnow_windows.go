//go:build windows

package netwire

import (
	"syscall"
	"unsafe"
)

// canReadNow reports whether a pipe can be read without waiting here.
const canReadNow = true

// peekNamedPipe is kernel32's PeekNamedPipe, which package syscall lacks;
// it works on the anonymous pipes os.Pipe makes.
var peekNamedPipe = syscall.NewLazyDLL("kernel32.dll").NewProc("PeekNamedPipe")

// readNow reads what the pipe handle fd holds now into b, and returns how
// much (0 when it holds nothing): it asks how much is waiting first, so
// that the read never blocks.
func readNow(fd uintptr, b []byte) int {
	var avail uint32
	if ok, _, _ := peekNamedPipe.Call(fd, 0, 0, 0, uintptr(unsafe.Pointer(&avail)), 0); ok == 0 || avail == 0 {
		return 0
	}
	var n uint32
	if err := syscall.ReadFile(syscall.Handle(fd), b[:min(int(avail), len(b))], &n, nil); err != nil {
		return 0
	}
	return int(n)
}
