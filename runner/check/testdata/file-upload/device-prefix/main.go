// A file-upload server whose device-name check looks at the start of
// the name only, as a quick strings.HasPrefix does: it refuses "NUL" and
// "com1.txt", but also ordinary names such as "com10.txt" and
// "nullify.go". Everything else is as in the reference.
//
// Fails: name-windows.
package main

import (
	"bytes"
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
	"time"
)

// maxHeader is the largest header length the protocol allows (64 KiB).
const maxHeader = 64 << 10

// idle is how long a client may send nothing before it is dropped.
const idle = time.Minute

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
	fmt.Println("listening on", ln.Addr(), "storing files in", *dir)

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		// One goroutine per upload: a slow client does not hold up the
		// others.
		go handle(conn, *dir)
	}
}

// handle serves one upload and always answers, unless the client is gone.
func handle(conn net.Conn, dir string) {
	defer conn.Close()
	h, sum, err := upload(&idleReader{conn: conn}, dir)
	reply := Reply{OK: true, SHA256: sum}
	if err != nil {
		log.Printf("%s: %v", conn.RemoteAddr(), err)
		reply = Reply{OK: false, Error: err.Error()}
	} else {
		fmt.Printf("%s: stored %q, %d bytes\n",
			conn.RemoteAddr(), h.Name, h.Size)
	}
	conn.SetWriteDeadline(time.Now().Add(idle))
	// Encode writes the JSON and a '\n': one line.
	if err := json.NewEncoder(conn).Encode(reply); err != nil {
		log.Printf("%s: reply: %v", conn.RemoteAddr(), err)
	}
}

// upload reads one header and its body from r and stores the file in dir.
// It returns the header and the hex SHA-256 of the stored file.
func upload(r io.Reader, dir string) (Header, string, error) {
	h, err := readHeader(r)
	if err != nil {
		return Header{}, "", err
	}
	sum, err := receive(r, dir, h)
	return h, sum, err
}

// readHeader reads the header length and the header. It refuses a length
// over maxHeader before reading or allocating it.
func readHeader(r io.Reader) (Header, error) {
	var size [4]byte
	// io.ReadFull, not one Read: TCP may deliver the 4 bytes in pieces.
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return Header{}, fmt.Errorf("read header length: %w", err)
	}
	n := binary.BigEndian.Uint32(size[:])
	if n > maxHeader {
		return Header{}, fmt.Errorf(
			"header length %d is over the limit of %d", n, maxHeader)
	}
	raw := make([]byte, n)
	if _, err := io.ReadFull(r, raw); err != nil {
		return Header{}, fmt.Errorf("read %d-byte header: %w", n, err)
	}
	return parseHeader(raw)
}

// parseHeader decodes a JSON header and checks every field.
func parseHeader(raw []byte) (Header, error) {
	var h Header
	if err := json.Unmarshal(raw, &h); err != nil {
		return Header{}, fmt.Errorf("header: %w", err)
	}
	if err := validName(h.Name); err != nil {
		return Header{}, err
	}
	if h.Size < 0 {
		return Header{}, fmt.Errorf("negative size %d", h.Size)
	}
	sum, err := hex.DecodeString(h.SHA256)
	if err != nil || len(sum) != sha256.Size {
		return Header{}, fmt.Errorf("sha256 %q is not 64 hex digits",
			h.SHA256)
	}
	return h, nil
}

// validName reports why name cannot be stored as a file directly inside
// the upload folder, or nil when it can. The name comes from the network:
// "../x" or "/etc/x" would escape the folder, "a/b" would reach into a
// subfolder, and "", "." and ".." name the folder or its parent. Windows'
// rules apply on every system, because the same server may run there, or
// its files be copied there: "\" is a separator, "C:x" names a drive, a
// dot or a space at the end is dropped ("a." is "a"), and NUL, COM1 and
// their kind are devices. (filepath.IsLocal knows these rules, but only
// when it runs on Windows.)
func validName(name string) error {
	switch {
	case name == "":
		return errors.New("empty file name")
	case name == "." || name == "..":
		return fmt.Errorf("file name %q names a folder", name)
	case strings.ContainsAny(name, "/\\:\x00"):
		return fmt.Errorf("file name %q holds a separator, a colon or NUL",
			name)
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return fmt.Errorf("file name %q ends in a dot or a space", name)
	case windowsDevice(name):
		return fmt.Errorf("file name %q is a device on Windows", name)
	case len(name) > 255:
		return fmt.Errorf("file name of %d bytes is too long", len(name))
	}
	return nil
}

// windowsDevice reports whether name starts like a device name.
func windowsDevice(name string) bool {
	upper := strings.ToUpper(name)
	for _, device := range []string{"CON", "PRN", "AUX", "NUL", "COM", "LPT"} {
		if strings.HasPrefix(upper, device) {
			return true
		}
	}
	return false
}

// receive copies exactly h.Size bytes from r into dir/h.Name, hashing them
// on the way, and keeps the file only if the checksum matches.
func receive(r io.Reader, dir string, h Header) (sum string, err error) {
	// The body goes to a temporary file in the same folder: rename within
	// one file system is atomic, so dir/name is either absent or complete.
	tmp, err := os.CreateTemp(dir, ".upload-*.part")
	if err != nil {
		return "", fmt.Errorf("create temporary file: %w", err)
	}
	defer func() {
		if err != nil { // refused or cut short: leave nothing behind
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	// MultiWriter hashes while copying, so the body is read only once.
	// CopyN stops after h.Size bytes, and reports a body cut short.
	hash := sha256.New()
	n, err := io.CopyN(io.MultiWriter(tmp, hash), r, h.Size)
	if err != nil {
		return "", fmt.Errorf("body cut short after %d of %d bytes: %w",
			n, h.Size, err)
	}
	want, _ := hex.DecodeString(h.SHA256) // checked by parseHeader
	got := hash.Sum(nil)
	if !bytes.Equal(got, want) {
		return "", fmt.Errorf("checksum mismatch: header %s, body %x",
			h.SHA256, got)
	}
	// CreateTemp made the file private (0600); a stored file gets the
	// usual mode.
	if err := tmp.Chmod(0o644); err != nil {
		return "", fmt.Errorf("write %s: %w", h.Name, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", h.Name, err)
	}
	err = os.Rename(tmp.Name(), filepath.Join(dir, h.Name))
	if err != nil {
		return "", fmt.Errorf("store %s: %w", h.Name, err)
	}
	return hex.EncodeToString(got), nil
}

// idleReader reads from a connection and pushes its read deadline forward
// before every Read: a client that goes quiet is dropped after idle, yet
// a large upload may take as long as it keeps sending.
type idleReader struct {
	conn net.Conn
}

func (r *idleReader) Read(p []byte) (int, error) {
	r.conn.SetReadDeadline(time.Now().Add(idle))
	return r.conn.Read(p)
}
