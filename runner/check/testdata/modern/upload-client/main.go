// Modern Go used here: the builtins min and max (Go 1.21), in the
// progress report: max keeps an empty file from dividing by zero, min
// keeps the report from passing 100%.
//
// upload-client: send one file to a file-upload server, print the
// server's reply and exit 0 when it says ok, 1 otherwise: a refusal, no
// server, a missing or unreadable file, a reply cut short.
//
// On the wire: a 4-byte big-endian length H, H bytes of JSON
// {"name","size","sha256"}, then exactly size bytes of the file. The
// checksum takes a pass over the file of its own, so that the header can
// go first.
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

const (
	maxReply  = 64 << 10         // the longest reply line read
	dialLimit = 10 * time.Second // how long connecting may take
	waitLimit = time.Minute      // how long the reply may take
)

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
	addr := flag.String("addr", "127.0.0.1:8080", "address of the file-upload server")
	path := flag.String("file", "", "the file to upload")
	flag.Parse()

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
	if path == "" {
		return false, errors.New("no file given: upload-client -addr HOST:PORT -file PATH")
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	h, err := describe(f, filepath.Base(path))
	if err != nil {
		return false, err
	}
	header, err := json.Marshal(h)
	if err != nil {
		return false, err
	}

	conn, err := net.DialTimeout("tcp", addr, dialLimit)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(header)))
	if _, err := conn.Write(append(frame, header...)); err != nil {
		return false, fmt.Errorf("send header: %w", err)
	}
	// Exactly the size announced, even if the file grew since. A server
	// that refuses the header may answer and close before the body is
	// sent: then sending fails, but its answer says more, so it is read.
	_, sendErr := io.CopyN(&progress{w: conn, size: h.Size}, f, h.Size)

	conn.SetReadDeadline(time.Now().Add(waitLimit))
	line, err := bufio.NewReader(io.LimitReader(conn, maxReply)).ReadString('\n')
	if err != nil && (!errors.Is(err, io.EOF) || line == "") {
		if sendErr != nil {
			return false, fmt.Errorf("send %s: %w", h.Name, sendErr)
		}
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

// describe reads f once to size and hash it, then rewinds it for sending.
func describe(f *os.File, name string) (Header, error) {
	hash := sha256.New()
	size, err := io.Copy(hash, f)
	if err != nil {
		return Header{}, fmt.Errorf("read %s: %w", name, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Header{}, fmt.Errorf("rewind %s: %w", name, err)
	}
	return Header{Name: name, Size: size, SHA256: hex.EncodeToString(hash.Sum(nil))}, nil
}

// progress passes writes on to w and reports on stderr each time another
// tenth of size bytes has gone out.
type progress struct {
	w     io.Writer
	size  int64
	sent  int64
	shown int64 // tenths reported so far
}

func (p *progress) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.sent += int64(n)
	if tenths := min(10, p.sent*10/max(p.size, 1)); tenths > p.shown {
		p.shown = tenths
		fmt.Fprintf(os.Stderr, "sent %3d%% (%d of %d bytes)\n", tenths*10, p.sent, p.size)
	}
	return n, err
}
