// The download server: the upload protocol turned around. The client
// asks for a file by name (JSON behind a 4-byte length); the server
// answers with a header {"name","size","sha256"} the same way, then the
// file's bytes. It serves a temporary folder it makes and removes.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	if err := serve(*addr); err != nil {
		log.Fatal(err) // after serve's defers have cleaned up
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

	// The folder we serve, with one 1 MiB file. Made after the
	// connection, so it is removed before the connection is closed.
	dir, err := os.MkdirTemp("", "sockbook-download-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	payload := bytes.Repeat([]byte("sockbook"), 1<<17)
	path := filepath.Join(dir, "payload.bin")
	if err := os.WriteFile(path, payload, 0o644); err != nil {
		return err
	}

	var req struct {
		Name string `json:"name"`
	}
	if err := readFrame(conn, &req); err != nil {
		return err
	}
	// We offer one file: a name from the wire is never used as a path.
	if req.Name != "payload.bin" {
		fmt.Printf("refused %q\n", req.Name)
		return writeFrame(conn, map[string]any{"error": "no such file"})
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	hash := sha256.New()
	size, err := io.Copy(hash, f) // first pass: size and checksum
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	err = writeFrame(conn, map[string]any{"name": req.Name,
		"size": size, "sha256": hex.EncodeToString(hash.Sum(nil))})
	if err != nil {
		return err
	}
	if _, err := io.Copy(conn, f); err != nil { // second pass: bytes
		return err
	}
	fmt.Printf("sent %s: %d bytes\n", req.Name, size)
	return nil
}

// readFrame reads a 4-byte big-endian length, then that much JSON.
func readFrame(r io.Reader, v any) error {
	var n uint32
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return err
	}
	if n > 64<<10 {
		return fmt.Errorf("frame of %d bytes is too big", n)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	return json.Unmarshal(buf, v)
}

// writeFrame sends v as JSON behind its 4-byte big-endian length.
func writeFrame(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(b)))
	_, err = w.Write(append(frame, b...))
	return err
}
