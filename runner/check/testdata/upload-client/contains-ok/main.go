// An upload client that decides by looking for "ok":true in the reply's
// text instead of decoding it: a reply cut short after those bytes passes
// for a success.
//
// Fails: reply-cut-short.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// maxReply bounds the reply line the client reads.
const maxReply = 64 << 10

// Header describes the file that follows it.
type Header struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080",
		"address of the file-upload server")
	path := flag.String("file", "", "the file to upload")
	flag.Parse()
	if *path == "" {
		fmt.Fprintln(os.Stderr,
			"usage: upload-client -addr HOST:PORT -file PATH")
		os.Exit(2)
	}
	ok, err := upload(*addr, *path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "upload:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

// upload sends the file at path to the server at addr, prints the reply
// and reports whether the server stored the file.
func upload(addr, path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	h, err := describe(f, filepath.Base(path))
	if err != nil {
		return false, err
	}

	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	header, err := encodeHeader(h)
	if err != nil {
		return false, err
	}
	if _, err := conn.Write(header); err != nil {
		return false, fmt.Errorf("send header: %w", err)
	}
	// io.CopyN sends the bytes the header announced: not one more, and an
	// error if the file has fewer. A server that refuses the header may
	// answer and close before the body is sent; then sending fails, but
	// its answer is still there to read, and says more than the error.
	_, sendErr := io.CopyN(conn, f, h.Size)

	// The reply is one line of JSON. The deadline keeps a server that never
	// answers from hanging the client.
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	in := bufio.NewReader(io.LimitReader(conn, maxReply))
	line, err := in.ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		if sendErr != nil {
			return false, fmt.Errorf("send %s: %w", h.Name, sendErr)
		}
		return false, fmt.Errorf("read reply: %w", err)
	}
	line = strings.TrimSuffix(line, "\n")
	fmt.Println(line)
	return strings.Contains(line, `"ok":true`), nil
}

// describe reads f once to size and hash it, and rewinds it for sending.
func describe(f *os.File, name string) (Header, error) {
	hash := sha256.New()
	size, err := io.Copy(hash, f)
	if err != nil {
		return Header{}, fmt.Errorf("read %s: %w", name, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Header{}, fmt.Errorf("rewind %s: %w", name, err)
	}
	sum := hex.EncodeToString(hash.Sum(nil))
	return Header{Name: name, Size: size, SHA256: sum}, nil
}

// encodeHeader returns the header as JSON behind its 4-byte big-endian
// length: network byte order, whatever the machine's own.
func encodeHeader(h Header) ([]byte, error) {
	body, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	frame := make([]byte, 4, 4+len(body))
	binary.BigEndian.PutUint32(frame, uint32(len(body)))
	return append(frame, body...), nil
}
