// Modern Go used here: sync.OnceValue (Go 1.21) builds the set of Windows
// device names once, on first use, and range over an int (Go 1.22) fills
// it. One of the three files of the program.

package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// windowsDevices is the set of names Windows keeps for devices, in upper
// case: CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9. It is built
// the first time a name is checked, and only once.
var windowsDevices = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}
	for i := range 9 {
		set[fmt.Sprint("COM", i+1)] = true
		set[fmt.Sprint("LPT", i+1)] = true
	}
	return set
})

// checkName says why name cannot be stored as a file directly inside the
// upload folder, or returns nil when it can. The name comes from the
// network: "../x" or "/etc/x" would leave the folder, "a/b" would reach
// into a folder below it, and "", "." and ".." name a folder. Windows'
// rules hold on every system, since the files may end up there: "\" is a
// separator, "C:x" names a drive, a dot or a space at the end is dropped,
// and NUL, COM1 and their kind are devices, with an extension too.
func checkName(name string) error {
	base, _, _ := strings.Cut(name, ".")
	switch {
	case name == "":
		return errors.New("empty file name")
	case name == "." || name == "..":
		return fmt.Errorf("file name %q names a folder", name)
	case strings.ContainsAny(name, "/\\:\x00"):
		return fmt.Errorf("file name %q holds a separator, a colon or NUL", name)
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return fmt.Errorf("file name %q ends in a dot or a space", name)
	case windowsDevices()[strings.ToUpper(strings.TrimRight(base, " "))]:
		return fmt.Errorf("file name %q is a device on Windows", name)
	case len(name) > 255:
		return fmt.Errorf("file name of %d bytes is too long", len(name))
	}
	return nil
}
