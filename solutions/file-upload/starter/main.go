// Exercise file-upload (chapter projects): a file-upload server.
//
// Write a TCP server with the flags -addr and -dir DIR. Per connection it
// reads a 4-byte big-endian header length H (H <= 64 KiB), H bytes of
// JSON {"name","size","sha256"}, then size bytes; it stores the file as
// DIR/name and replies one line of JSON {"ok":true,"sha256":"..."}, then
// closes the connection. It refuses, with {"ok":false,"error":"..."}, a
// name that is not one plain file name, a checksum that does not match
// and a body cut short; a refused upload leaves no file behind.
//
// This starter already reads the header and stores the body, and an
// honest client gets its file. Your job is to make it safe against a
// client that is not honest: see the TODOs.
//
// Check it:  sockbook check file-upload
// Stuck?     sockbook hint file-upload gives one more hint each time.
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
)

// Header describes the file that follows it.
type Header struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Reply is the server's answer, one line of JSON.
type Reply struct {
	OK     bool   `json:"ok"`
	SHA256 string `json:"sha256,omitempty"`
	Error  string `json:"error,omitempty"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", ".", "folder to store uploaded files in")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go handle(conn, *dir)
	}
}

func handle(conn net.Conn, dir string) {
	defer conn.Close()
	reply := json.NewEncoder(conn)

	var size [4]byte
	if _, err := io.ReadFull(conn, size[:]); err != nil {
		log.Print(err)
		return
	}
	n := binary.BigEndian.Uint32(size[:])
	// TODO: the length comes from the client. Refuse one over 64 KiB
	// before you allocate it.
	raw := make([]byte, n)
	if _, err := io.ReadFull(conn, raw); err != nil {
		log.Print(err)
		return
	}
	var h Header
	if err := json.Unmarshal(raw, &h); err != nil {
		reply.Encode(Reply{Error: err.Error()})
		return
	}

	// TODO: the name comes from the client too. Refuse "", ".", "..",
	// any name holding '/', '\', ':' or NUL, ending in '.' or ' ', or
	// that Windows keeps for a device (NUL, COM1, ...), before it
	// becomes a path.
	path := filepath.Join(dir, h.Name)

	// TODO: a file must appear only when it is complete and its checksum
	// matches. Write to a temporary file in dir (os.CreateTemp), and
	// rename it to path at the end, or remove it.
	f, err := os.Create(path)
	if err != nil {
		reply.Encode(Reply{Error: err.Error()})
		return
	}
	defer f.Close()
	// TODO: hash the body while copying it (io.MultiWriter) and compare
	// with h.SHA256.
	if _, err := io.CopyN(f, conn, h.Size); err != nil {
		reply.Encode(Reply{Error: err.Error()})
		return
	}
	fmt.Println("stored", path)
	reply.Encode(Reply{OK: true, SHA256: h.SHA256})
}
