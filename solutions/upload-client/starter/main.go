// Exercise upload-client (chapter projects): a file-upload client.
//
// Write a client with the flags -addr and -file PATH that uploads the
// file with the file-upload protocol: a 4-byte big-endian header length
// H, H bytes of JSON {"name","size","sha256"} (the file's base name, its
// size, its SHA-256 in hex), then the file's bytes. It prints the server's
// one-line JSON reply and exits 0 when the reply says ok, 1 otherwise
// (a refusal, no server, a file it cannot read, a reply cut short).
//
// This starter reads the file, describes it in a JSON header and sends
// header and file, but a file-upload server cannot make sense of what it
// sends yet, and the exit code does not say whether the upload worked:
// see the TODOs.
//
// Check it:  sockbook check upload-client
// Stuck?     sockbook hint upload-client gives one more hint each time.
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
