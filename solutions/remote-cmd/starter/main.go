// Exercise remote-cmd (chapter projects): a remote command service, done
// safely.
//
// Write a TCP server (flag -addr) whose requests and replies are
// length-prefix frames of JSON: a 4-byte big-endian length N, then N
// bytes. A request is {"argv":[...]}; the reply is
// {"exit":N,"stdout":"...","stderr":"..."} or {"error":"..."}. Run only
// the programs named by the flag -allow (default echo,date,uname), never
// through a shell; keep at most 1 MiB of each output stream; stop a
// command after 5 s.
//
// This starter already speaks the protocol: it reads request frames,
// runs each command and answers with a frame. But it trusts its clients
// completely, and a remote command service must not: see the TODOs.
//
// Check it:  sockbook check remote-cmd
// Stuck?     sockbook hint remote-cmd gives one more hint each time.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os/exec"
	"strings"
)

// Request is what a client asks for: a program and its arguments.
type Request struct {
	Argv []string `json:"argv"`
}

// Result says how a command that ran ended.
type Result struct {
	Exit   int    `json:"exit"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
}

// Refusal says why a request was not run.
type Refusal struct {
	Error string `json:"error"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	allow := flag.String("allow", "echo,date,uname",
		"comma-separated names of the programs clients may run")
	flag.Parse()
	// TODO: run only the programs named in *allow. Compare the bare name:
	// "/bin/echo" is not "echo".
	fmt.Println("allowing", *allow)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go serve(conn)
	}
}

func serve(conn net.Conn) {
	defer conn.Close()
	for {
		var size [4]byte
		if _, err := io.ReadFull(conn, size[:]); err != nil {
			if !errors.Is(err, io.EOF) {
				log.Print(err)
			}
			return
		}
		n := binary.BigEndian.Uint32(size[:])
		// TODO: refuse a length over 1 MiB before you allocate it, and
		// close the connection.
		frame := make([]byte, n)
		if _, err := io.ReadFull(conn, frame); err != nil {
			log.Print(err)
			return
		}
		if err := writeFrame(conn, answer(frame)); err != nil {
			log.Print(err)
			return
		}
	}
}

func answer(frame []byte) any {
	var req Request
	err := json.Unmarshal(frame, &req)
	if err != nil || len(req.Argv) == 0 {
		return Refusal{Error: "bad request"}
	}
	// TODO: no shell! Joined into one string, the arguments become shell
	// code: "echo hi; rm -rf ~" runs rm. Run req.Argv[0] with
	// req.Argv[1:] as its arguments instead.
	cmd := exec.Command("sh", "-c", strings.Join(req.Argv, " "))
	// TODO: stop a command after 5 s (exec.CommandContext).
	// TODO: keep at most 1 MiB of each output stream.
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.Run()
	return Result{
		Exit:   cmd.ProcessState.ExitCode(),
		Stdout: stdout.String(),
		Stderr: stderr.String(),
	}
}

func writeFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	_, err = w.Write(append(frame, body...))
	return err
}
