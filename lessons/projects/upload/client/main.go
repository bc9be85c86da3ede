// The upload client: make a 1 MiB file in memory (the same bytes every
// run), send its header and then its bytes in four steps with a
// progress bar, and print the server's one-line reply.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
)

// header describes the file that follows it.
type header struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	payload := bytes.Repeat([]byte("sockbook"), 1<<17) // 1 MiB
	sum := sha256.Sum256(payload)
	hexSum := hex.EncodeToString(sum[:])
	h, err := json.Marshal(header{Name: "payload.bin",
		Size: int64(len(payload)), SHA256: hexSum})
	if err != nil {
		log.Fatal(err)
	}

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(h)))
	if _, err := conn.Write(append(frame, h...)); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("sent header: %d bytes, sha256 %.12s...\n",
		len(h), hexSum)

	// Four writes of 256 KiB. A write returns once the system has the
	// bytes, not once the server has them: only the reply says that.
	step := len(payload) / 4
	for i := 1; i <= 4; i++ {
		part := payload[(i-1)*step : i*step]
		if _, err := conn.Write(part); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("[%-20s] %3d%%\n", strings.Repeat("#", i*5), i*25)
	}

	var reply struct {
		OK     bool   `json:"ok"`
		SHA256 string `json:"sha256"`
		Error  string `json:"error"`
	}
	if err := json.NewDecoder(conn).Decode(&reply); err != nil {
		log.Fatal(err)
	}
	switch {
	case !reply.OK:
		fmt.Println("server refused:", reply.Error)
	case reply.SHA256 == hexSum:
		fmt.Println("server: ok, and its sha256 matches ours")
	default:
		fmt.Println("server: ok, but its sha256 differs from ours")
	}
}
