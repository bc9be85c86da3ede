// Valid style: the header length is read with binary.Read, and the JSON
// header is decoded by a json.Decoder straight from an io.LimitReader of
// exactly H bytes (the rest of them, spaces, are then read and dropped);
// the reference reads the H bytes into a slice and unmarshals it. The body
// is io.Copy'd from an io.TeeReader that feeds the hash, over an
// io.LimitReader of size bytes, into an os.CreateTemp file that is renamed
// only once the count and checksum are right. Replies are json.Marshal'd
// maps, and the checksum from the header is compared case-insensitively.
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
	"regexp"
	"strings"
	"time"
)

// headerLimit is the largest header length accepted.
const headerLimit = 64 << 10

// upload is the JSON header.
type upload struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", ".", "folder to store uploads in")
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
		go serve(conn, *dir)
	}
}

// serve takes one upload and answers it with one line of JSON.
func serve(conn net.Conn, dir string) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Minute))
	reply := map[string]any{"ok": true}
	if sum, err := receive(conn, dir); err != nil {
		log.Printf("%s: refused: %v", conn.RemoteAddr(), err)
		reply = map[string]any{"ok": false, "error": err.Error()}
	} else {
		reply["sha256"] = sum
	}
	line, err := json.Marshal(reply)
	if err != nil {
		log.Printf("%s: %v", conn.RemoteAddr(), err)
		return
	}
	conn.Write(append(line, '\n'))
}

// receive reads the header and the body and stores the file.
func receive(conn net.Conn, dir string) (string, error) {
	var size uint32
	if err := binary.Read(conn, binary.BigEndian, &size); err != nil {
		return "", fmt.Errorf("header length: %w", err)
	}
	if size > headerLimit {
		return "", fmt.Errorf("header length %d over %d", size, headerLimit)
	}
	raw := io.LimitReader(conn, int64(size))
	var up upload
	if err := json.NewDecoder(raw).Decode(&up); err != nil {
		return "", fmt.Errorf("header: %w", err)
	}
	// Whatever the decoder left of the H bytes (whitespace) is part of
	// the header too.
	if _, err := io.Copy(io.Discard, raw); err != nil {
		return "", fmt.Errorf("header: %w", err)
	}
	if err := checkName(up.Name); err != nil {
		return "", err
	}
	if up.Size < 0 {
		return "", errors.New("negative size")
	}
	return store(conn, dir, up)
}

// device matches the names Windows keeps for devices, once the name is
// cut at its first dot, trimmed of spaces and upper-cased.
var device = regexp.MustCompile(`^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$`)

// checkName refuses any name that is not one plain file name, on Windows
// as on Unix.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." {
		return fmt.Errorf("name %q is not a file name", name)
	}
	if i := strings.IndexAny(name, "/\\:\x00"); i >= 0 {
		return fmt.Errorf("name %q holds %q", name, name[i])
	}
	if last := name[len(name)-1]; last == '.' || last == ' ' {
		return fmt.Errorf("name %q ends in %q", name, last)
	}
	stem, _, _ := strings.Cut(name, ".")
	if device.MatchString(strings.ToUpper(strings.TrimRight(stem, " "))) {
		return fmt.Errorf("name %q is a Windows device", name)
	}
	return nil
}

// store copies the body into a temporary file, and renames it to its name
// only when it is whole and its checksum matches.
func store(conn net.Conn, dir string, up upload) (sum string, err error) {
	tmp, err := os.CreateTemp(dir, ".incoming-")
	if err != nil {
		return "", err
	}
	defer func() {
		tmp.Close()
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	hash := sha256.New()
	body := io.TeeReader(io.LimitReader(conn, up.Size), hash)
	n, err := io.Copy(tmp, body)
	if err != nil {
		return "", fmt.Errorf("body: %w", err)
	}
	if n != up.Size {
		return "", fmt.Errorf("body cut short: %d of %d bytes", n, up.Size)
	}
	sum = hex.EncodeToString(hash.Sum(nil))
	if !strings.EqualFold(sum, up.SHA256) {
		return "", fmt.Errorf("sha256 is %s, the header says %s", sum, up.SHA256)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, up.Name)); err != nil {
		return "", err
	}
	return sum, nil
}
