// An upload client that, when sending the body fails, prints the error
// and returns from main: a Go program that returns from main exits 0, as
// if the upload had worked.
//
// Fails: server-resets.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
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

// Reply is the server's answer.
type Reply struct {
	OK    bool   `json:"ok"`
	Error string `json:"error"`
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
	if errors.Is(err, errSend) {
		fmt.Println("upload failed:", err)
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "upload:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

// errSend says that sending the file failed.
var errSend = errors.New("send the file")

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
	if _, err := io.CopyN(conn, f, h.Size); err != nil {
		return false, fmt.Errorf("%w: %w", errSend, err)
	}

	// The reply is one line of JSON. The deadline keeps a server that never
	// answers from hanging the client.
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	in := bufio.NewReader(io.LimitReader(conn, maxReply))
	line, err := in.ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		return false, fmt.Errorf("read reply: %w", err)
	}
	line = strings.TrimSuffix(line, "\n")
	fmt.Println(line)
	var reply Reply
	if err := json.Unmarshal([]byte(line), &reply); err != nil {
		return false, fmt.Errorf("reply is not JSON: %w", err)
	}
	return reply.OK, nil
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
