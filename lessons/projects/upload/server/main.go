// The upload server: per connection, a JSON header behind a 4-byte
// length, then the file's bytes. It stores the file in a folder of its
// own (a temporary one here, removed at the end), checks the SHA-256
// and replies one line of JSON.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
)

// header describes the file that follows it.
type header struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

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

	dir, err := os.MkdirTemp("", "sockbook-upload-")
	if err != nil {
		return err
	}
	sum, err := receive(conn, dir)
	os.RemoveAll(dir) // this lesson keeps nothing: clean up, then reply
	reply := map[string]any{"ok": true}
	if err != nil {
		fmt.Println("refused:", err)
		reply = map[string]any{"ok": false, "error": err.Error()}
	} else {
		reply["sha256"] = sum
	}
	return json.NewEncoder(conn).Encode(reply) // one line of JSON
}

// receive reads one upload into dir and returns its SHA-256 in hex.
func receive(conn net.Conn, dir string) (string, error) {
	var n uint32
	if err := binary.Read(conn, binary.BigEndian, &n); err != nil {
		return "", err
	}
	if n > 64<<10 {
		return "", fmt.Errorf("header of %d bytes is too big", n)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(conn, buf); err != nil {
		return "", err
	}
	var h header
	if err := json.Unmarshal(buf, &h); err != nil {
		return "", err
	}
	if err := checkName(h.Name); err != nil {
		return "", err
	}
	if h.Size < 0 || h.Size > 1<<30 {
		return "", fmt.Errorf("size %d is out of range", h.Size)
	}

	path := filepath.Join(dir, h.Name) // safe: the name was checked
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	hash := sha256.New() // hashlib.sha256(), fed as the bytes arrive
	got, err := io.CopyN(io.MultiWriter(f, hash), conn, h.Size)
	f.Close()
	sum := hex.EncodeToString(hash.Sum(nil))
	if err != nil {
		err = fmt.Errorf("body cut short after %d bytes", got)
	} else if sum != h.SHA256 {
		err = errors.New("sha256 does not match")
	}
	if err != nil {
		os.Remove(path) // a failed upload leaves no file behind
		return "", err
	}
	fmt.Printf("stored %s: %d bytes, sha256 matches\n", h.Name, got)
	return sum, nil
}

// checkName accepts a plain file name and nothing that could be a path.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." ||
		strings.ContainsAny(name, "/\\\x00") {
		return fmt.Errorf("bad file name %q", name)
	}
	return nil
}
