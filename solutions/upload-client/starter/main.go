// Starter for the upload-client exercise. It reads the file, describes it
// in a JSON header and sends header and file, but a file-upload server
// cannot make sense of what it sends yet, and the exit code does not say
// whether the upload worked: see the TODOs.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
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

func main() {
	addr := flag.String("addr", "127.0.0.1:8080",
		"address of the file-upload server")
	path := flag.String("file", "", "the file to upload")
	flag.Parse()

	data, err := os.ReadFile(*path)
	if err != nil {
		log.Fatal(err)
	}
	sum := sha256.Sum256(data)
	header, err := json.Marshal(Header{
		Name:   filepath.Base(*path),
		Size:   int64(len(data)),
		SHA256: hex.EncodeToString(sum[:]),
	})
	if err != nil {
		log.Fatal(err)
	}

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	// TODO: the server first reads 4 bytes: the header's length, as a
	// big-endian number (encoding/binary). Send them before the header.
	conn.Write(header)
	conn.Write(data)

	reply, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(reply)
	// TODO: decode the reply and exit with status 1 when "ok" is false.
}
