// The remote command client: each line of standard input is split into
// words and sent as {"argv": [...]} behind a 4-byte length; the reply
// frame is printed. The same framing as the server, in reverse.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strings"
)

// reply is what the server answers: a result, or an error.
type reply struct {
	Exit   int    `json:"exit"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	Error  string `json:"error"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	lines := bufio.NewScanner(os.Stdin)
	for lines.Scan() {
		argv := strings.Fields(lines.Text())
		b, err := json.Marshal(map[string][]string{"argv": argv})
		if err != nil {
			log.Fatal(err)
		}
		frame := binary.BigEndian.AppendUint32(nil, uint32(len(b)))
		if _, err := conn.Write(append(frame, b...)); err != nil {
			log.Fatal(err)
		}

		var n uint32
		if err := binary.Read(conn, binary.BigEndian, &n); err != nil {
			log.Fatal(err)
		}
		var r reply
		body := io.LimitReader(conn, int64(n))
		if err := json.NewDecoder(body).Decode(&r); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("argv %q\n", argv)
		if r.Error != "" {
			fmt.Printf("  refused: %s\n", r.Error)
			continue
		}
		fmt.Printf("  exit %d, stdout %s, stderr %s\n",
			r.Exit, show(r.Stdout), show(r.Stderr))
	}
	// Done: close our half, and wait for the server to close its half.
	conn.(*net.TCPConn).CloseWrite()
	io.Copy(io.Discard, conn)
}

// show quotes short output and only counts long output.
func show(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%d bytes", len(s))
	}
	return fmt.Sprintf("%q", s)
}
