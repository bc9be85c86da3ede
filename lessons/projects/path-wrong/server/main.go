// WRONG: the upload server that opens the file name from the wire as it
// came, like the Python tutorials' open(file_name, 'wb'), in the folder
// it works in, uploads/. "../escaped.txt" lands outside uploads/. All of
// it happens in a temporary area the server makes and removes.
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

	// Work in uploads/, as the tutorials' server works in its folder.
	back, err := os.Getwd()
	if err != nil {
		return err
	}
	if err := os.Chdir(uploads); err != nil {
		return err
	}
	defer os.Chdir(back) // runs before RemoveAll, deferred earlier

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
		// WRONG: open(file_name, 'wb'), the name trusted as a path.
		err = os.WriteFile(up.Name, []byte(up.Data), 0o644)
		if err != nil {
			fmt.Fprintln(conn, "could not store it")
			continue
		}
		// Where did it go? Shown as a path inside the temporary area.
		rel, _ := filepath.Rel(area, filepath.Join(uploads, up.Name))
		rel = filepath.ToSlash(rel)
		fmt.Printf("stored %q as %s\n", up.Name, rel)
		if !strings.HasPrefix(rel, "uploads/") {
			fmt.Printf("  %s is OUTSIDE uploads/\n", rel)
		}
		fmt.Fprintln(conn, "stored")
	}
}
