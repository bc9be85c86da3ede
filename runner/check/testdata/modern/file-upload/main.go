// Modern Go used here: this program is a folder of three files (main.go,
// protocol.go, names.go); names.go builds its set of Windows device names
// once, on first use, with sync.OnceValue (Go 1.21), filling it with range
// over an int (Go 1.22).
//
// file-upload: each connection uploads one file. The client sends a
// 4-byte big-endian header length, a JSON header {"name","size","sha256"}
// and then exactly size bytes; the server stores them as DIR/name and
// answers with one line of JSON, {"ok":true,"sha256":"…"} or
// {"ok":false,"error":"…"}, then closes the connection. A refused or
// cut-short upload leaves no file behind.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

// idle is how long a client may send nothing before it is dropped.
const idle = time.Minute

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
		// One goroutine per upload: a slow client holds up nobody.
		go handle(conn, *dir)
	}
}

// handle serves one upload and answers it with one line, unless the
// client is gone.
func handle(conn net.Conn, dir string) {
	defer conn.Close()
	h, sum, err := upload(&idleReader{conn: conn}, dir)
	reply := Reply{OK: true, SHA256: sum}
	if err != nil {
		log.Printf("%s: %v", conn.RemoteAddr(), err)
		reply = Reply{Error: err.Error()}
	} else {
		fmt.Printf("%s: stored %q, %d bytes\n", conn.RemoteAddr(), h.Name, h.Size)
	}
	conn.SetWriteDeadline(time.Now().Add(idle))
	// Encode writes the JSON and a "\n": exactly one line.
	if err := json.NewEncoder(conn).Encode(reply); err != nil {
		log.Printf("%s: reply: %v", conn.RemoteAddr(), err)
	}
}

// idleReader reads from a connection and moves its read deadline on
// before every Read: a client that goes quiet is dropped after idle, yet a
// large upload may take as long as it keeps sending.
type idleReader struct {
	conn net.Conn
}

func (r *idleReader) Read(p []byte) (int, error) {
	r.conn.SetReadDeadline(time.Now().Add(idle))
	return r.conn.Read(p)
}
