// The download client: ask for payload.bin, read its header, then its
// bytes in four steps with a progress bar, into a temporary folder
// (removed at the end), and check the SHA-256 of what arrived.
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

// header describes the file that follows it, or why there is none.
type header struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	Error  string `json:"error"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()
	if err := download(*addr, "payload.bin"); err != nil {
		log.Fatal(err)
	}
}

func download(addr, name string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	b, _ := json.Marshal(map[string]string{"name": name})
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(b)))
	if _, err := conn.Write(append(frame, b...)); err != nil {
		return err
	}

	var n uint32
	if err := binary.Read(conn, binary.BigEndian, &n); err != nil {
		return err
	}
	if n > 64<<10 {
		return fmt.Errorf("header of %d bytes is too big", n)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(conn, buf); err != nil {
		return err
	}
	var h header
	if err := json.Unmarshal(buf, &h); err != nil {
		return err
	}
	if h.Error != "" {
		return fmt.Errorf("server: %s", h.Error)
	}
	if h.Size < 0 || h.Size > 1<<30 { // a size is not taken on trust
		return fmt.Errorf("size %d is out of range", h.Size)
	}
	fmt.Printf("header: %s, %d bytes\n", h.Name, h.Size)

	dir, err := os.MkdirTemp("", "sockbook-download-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	// Our own name for the file, not h.Name from the wire.
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer f.Close()

	// Read exactly h.Size bytes, a quarter at a time; hash on the way.
	hash := sha256.New()
	to := io.MultiWriter(f, hash)
	for i := int64(1); i <= 4; i++ {
		part := h.Size*i/4 - h.Size*(i-1)/4
		if _, err := io.CopyN(to, conn, part); err != nil {
			return fmt.Errorf("download cut short: %w", err)
		}
		bar := strings.Repeat("#", int(i)*5)
		fmt.Printf("[%-20s] %3d%%\n", bar, i*25)
	}
	if hex.EncodeToString(hash.Sum(nil)) != h.SHA256 {
		return errors.New("sha256 does not match: the file is damaged")
	}
	fmt.Println("sha256 matches: the file arrived intact")
	// Wait for the server to hang up: it has nothing more to send.
	_, err = io.Copy(io.Discard, conn)
	return err
}
