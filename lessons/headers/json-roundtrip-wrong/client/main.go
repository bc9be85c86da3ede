// WRONG: the json-header client with a round trip first, Python's
// header = json.loads(json.dumps(header)). It gives back the value it
// was given, and still no bytes to send: it does nothing.
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// header is the JSON header: {"name": ..., "size": ...}.
type header struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	body := []byte("Sockets carry bytes.\nFraming makes messages.\n")
	h := header{Name: "notes.txt", Size: int64(len(body))}
	var again header // WRONG: encode, decode, and we are back
	b, err := json.Marshal(h)
	if err == nil {
		err = json.Unmarshal(b, &again)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after the round trip, the same header:", again == h)
	hdr, err := json.Marshal(h) // json.dumps(h).encode()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("header: %s\n", hdr)

	// One Write: length, header, body.
	out := binary.BigEndian.AppendUint32(nil, uint32(len(hdr)))
	out = append(append(out, hdr...), body...)
	if _, err := conn.Write(out); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
