// RIGHT: the upload server that checks each file name from the wire
// before it goes near a path: a plain name is stored in uploads/;
// anything that could climb out, name a folder, or mean something else
// on Windows is refused. It works in a temporary area it makes and
// removes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
)

// upload is one file: a name and its contents, as one line of JSON.
type upload struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	if err := serve(*addr); err != nil {
		log.Fatal(err)
	}
}

func serve(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		return err
	}
	defer conn.Close()

	// Made after the connection, so it is removed before the client is
	// told we are done (deferred calls run last first).
	area, err := os.MkdirTemp("", "sockbook-path-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(area)
	uploads := filepath.Join(area, "uploads") // files belong here
	if err := os.Mkdir(uploads, 0o755); err != nil {
		return err
	}

	uploadsIn := json.NewDecoder(io.LimitReader(conn, 1<<20))
	for {
		var up upload
		err := uploadsIn.Decode(&up)
		if err == io.EOF {
			return nil // the client has no more
		}
		if err != nil {
			return err
		}
		if err := checkName(up.Name); err != nil {
			fmt.Println("refused:", err)
			fmt.Fprintln(conn, "refused:", err)
			continue
		}
		path := filepath.Join(uploads, up.Name) // safe now
		err = os.WriteFile(path, []byte(up.Data), 0o644)
		if err != nil {
			fmt.Fprintln(conn, "could not store it")
			continue
		}
		// Where did it go? Shown as a path inside the temporary area.
		rel, _ := filepath.Rel(area, path)
		rel = filepath.ToSlash(rel)
		fmt.Printf("stored %q as %s\n", up.Name, rel)
		if !strings.HasPrefix(rel, "uploads/") {
			fmt.Printf("  %s is OUTSIDE uploads/\n", rel)
		}
		fmt.Fprintln(conn, "stored")
	}
}

// checkName accepts a plain file name that is safe on every system,
// Windows too. (os.path.basename would quietly turn "../x" into "x":
// refuse it.) It refuses "", and "." and ".." as they end in a dot.
func checkName(name string) error {
	if name == "" || strings.ContainsAny(name, "/\\:\x00") ||
		strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") ||
		windowsDevice(name) {
		return fmt.Errorf("bad file name %q", name)
	}
	return nil
}

// windowsDevice reports whether Windows keeps name for a device: CON,
// PRN, AUX, NUL, COM1 to COM9 or LPT1 to LPT9, in any case, also with
// an extension ("nul.txt").
func windowsDevice(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (base[:3] == "COM" || base[:3] == "LPT") &&
		'1' <= base[3] && base[3] <= '9'
}
