// Valid style: the file is read whole with os.ReadFile and hashed with
// sha256.Sum256 (the reference streams it twice, hashing then io.CopyN);
// the header length goes out with binary.Write, and length, header and
// body through one bufio.Writer (the reference builds the header with
// PutUint32 and writes the conn directly). The reply line is read with a
// bufio.Scanner and printed as it came.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	file := flag.String("file", "", "file to upload")
	flag.Parse()
	if *file == "" {
		log.Fatal("give the file to upload with -file")
	}

	body, err := os.ReadFile(*file)
	if err != nil {
		log.Fatal(err)
	}
	sum := sha256.Sum256(body)
	header, err := json.Marshal(map[string]any{
		"name":   filepath.Base(*file),
		"size":   len(body),
		"sha256": hex.EncodeToString(sum[:]),
	})
	if err != nil {
		log.Fatal(err)
	}

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	w := bufio.NewWriter(conn)
	binary.Write(w, binary.BigEndian, uint32(len(header)))
	w.Write(header)
	w.Write(body)
	if err := w.Flush(); err != nil {
		log.Fatalf("send: %v", err)
	}

	conn.SetReadDeadline(time.Now().Add(time.Minute))
	lines := bufio.NewScanner(conn)
	if !lines.Scan() {
		log.Fatalf("no reply: %v", lines.Err())
	}
	fmt.Println(lines.Text())
	var reply struct {
		OK bool `json:"ok"`
	}
	if err := json.Unmarshal(lines.Bytes(), &reply); err != nil {
		log.Fatalf("reply is not JSON: %v", err)
	}
	if !reply.OK {
		conn.Close()
		os.Exit(1)
	}
}
