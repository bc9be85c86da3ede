// Modern Go used here: none of its own; this file is one of the three
// files of the program (with main.go and names.go), which the interpreter
// cannot load as one program. It reads the header and stores the body.

package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// maxHeader is the longest header the protocol allows (64 KiB).
const maxHeader = 64 << 10

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

// upload reads one header and its body from r and stores the file in dir.
// It returns the header and the hex SHA-256 of the stored file.
func upload(r io.Reader, dir string) (Header, string, error) {
	h, err := readHeader(r)
	if err != nil {
		return Header{}, "", err
	}
	sum, err := store(r, dir, h)
	return h, sum, err
}

// readHeader reads the header length and the header, refusing a length
// over maxHeader before reading or allocating it, and checks every field.
func readHeader(r io.Reader) (Header, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return Header{}, fmt.Errorf("read header length: %w", err)
	}
	n := binary.BigEndian.Uint32(size[:])
	if n > maxHeader {
		return Header{}, fmt.Errorf("header length %d is over the limit of %d", n, maxHeader)
	}
	raw := make([]byte, n)
	if _, err := io.ReadFull(r, raw); err != nil {
		return Header{}, fmt.Errorf("read %d-byte header: %w", n, err)
	}
	var h Header
	if err := json.Unmarshal(raw, &h); err != nil {
		return Header{}, fmt.Errorf("header: %w", err)
	}
	if err := checkName(h.Name); err != nil {
		return Header{}, err
	}
	if h.Size < 0 {
		return Header{}, fmt.Errorf("negative size %d", h.Size)
	}
	if sum, err := hex.DecodeString(h.SHA256); err != nil || len(sum) != sha256.Size {
		return Header{}, fmt.Errorf("sha256 %q is not 64 hex digits", h.SHA256)
	}
	return h, nil
}

// store copies exactly h.Size bytes from r into dir/h.Name, hashing them
// on the way. The bytes go to a temporary file in dir first, renamed to
// the name only when the checksum matches: dir/name is either absent or
// complete, and a refused upload leaves nothing.
func store(r io.Reader, dir string, h Header) (sum string, err error) {
	tmp, err := os.CreateTemp(dir, ".upload-*.part")
	if err != nil {
		return "", fmt.Errorf("create temporary file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	hash := sha256.New()
	n, err := io.CopyN(io.MultiWriter(tmp, hash), r, h.Size)
	if err != nil {
		return "", fmt.Errorf("body cut short after %d of %d bytes: %w", n, h.Size, err)
	}
	got := hex.EncodeToString(hash.Sum(nil))
	if !strings.EqualFold(got, h.SHA256) { // hex digits, in either case
		return "", fmt.Errorf("checksum mismatch: header %s, body %s", h.SHA256, got)
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp made it 0600
		return "", fmt.Errorf("write %s: %w", h.Name, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", h.Name, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, h.Name)); err != nil {
		return "", fmt.Errorf("store %s: %w", h.Name, err)
	}
	return got, nil
}
