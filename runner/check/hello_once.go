package check

import (
	"bytes"
	"context"
	"fmt"
)

// helloOnce checks the basics exercise: accept one connection, read one
// message of at most 1024 bytes, reply "hello, <message>", close, exit 0.
func helloOnce() Exercise {
	return Exercise{
		ID:      "hello-once",
		Chapter: "basics",
		Title:   "Say hello to one client",
		Role:    ServerRole,
		Network: "tcp",
		Scenarios: []Scenario{
			{
				Name: "replies-hello",
				Doc:  `The server answers the message "sockbook" with exactly "hello, sockbook".`,
				Run: func(ctx context.Context, env *Env) error {
					return helloExchange(ctx, newSession(env), []byte("sockbook"))
				},
			},
			{
				Name:  "max-message",
				Local: true,
				Doc:   "The server reads a message of exactly 1024 bytes whole and answers it.",
				Run: func(ctx context.Context, env *Env) error {
					msg := bytes.Repeat([]byte("0123456789abcdef"), 1024/16)
					return helloExchange(ctx, newSession(env), msg)
				},
			},
			{
				Name:  "raw-bytes",
				Local: true,
				Doc:   `A message holding NUL, bytes that are not UTF-8, a tab and "\r\n" at its end comes back byte for byte after "hello, ".`,
				Run: func(ctx context.Context, env *Env) error {
					return helloExchange(ctx, newSession(env), []byte("\x00\xff sock\tbook \xe9t\xe9\r\n"))
				},
			},
			{
				Name:  "closes-connection",
				Local: true,
				Doc:   "After its reply the server closes the connection, so the client reads end of stream.",
				Run:   helloCloses,
			},
			{
				Name:  "exits-zero",
				Local: true,
				Doc:   "After serving its one client the server exits with status 0.",
				Run:   helloExits,
			},
		},
	}
}

// helloExchange sends msg on a new connection and expects "hello, " + msg
// and nothing more.
func helloExchange(ctx context.Context, s *session, msg []byte) error {
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.write(ctx, msg); err != nil {
		return err
	}
	want := append([]byte("hello, "), msg...)
	return c.expect(ctx, "the reply", want, true)
}

// helloCloses sends a message and expects a reply, whatever it says (the
// other scenarios judge it), then end of stream.
func helloCloses(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.write(ctx, []byte("bye")); err != nil {
		return err
	}
	got, err := c.readAll(ctx, 4096, closeWait)
	switch {
	case len(got) == 0 && err == nil:
		return &Failure{What: "the server closed the connection without replying", Expected: `"hello, bye", then end of stream`, Got: "end of stream"}
	case len(got) == 0:
		return &Failure{What: "the server did not reply", Expected: `"hello, bye", then end of stream`, Got: errorText(err)}
	case isTimeout(err):
		return &Failure{What: "the server kept the connection open after its reply", Expected: "end of stream after " + show(got), Got: fmt.Sprintf("no close within %v", closeWait)}
	case err != nil:
		return &Failure{What: "reading the reply failed", Expected: "a reply, then end of stream", Got: errorText(err)}
	}
	return nil
}

// helloExits plays the one client, then waits for the server to exit.
func helloExits(ctx context.Context, env *Env) error {
	if env.ServerExit == nil {
		return fmt.Errorf("hello-once/exits-zero: the runner cannot see the server exit")
	}
	s := newSession(env)
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.write(ctx, []byte("are you done?")); err != nil {
		return err
	}
	// The reply is judged by the other scenarios; here it only has to come.
	got, err := c.readAll(ctx, 4096, closeWait)
	if err != nil && !isTimeout(err) {
		return &Failure{What: "reading the reply failed", Expected: "a reply, then end of stream", Got: errorText(err)}
	}
	if len(got) == 0 {
		return &Failure{What: "the server did not reply", Expected: "a reply, then end of stream", Got: "nothing"}
	}
	waitCtx, cancel := context.WithDeadline(ctx, within(ctx, closeWait))
	defer cancel()
	code, err := env.ServerExit(waitCtx)
	switch {
	case err != nil:
		return &Failure{What: "the server did not exit after its one client", Expected: "exit status 0", Got: fmt.Sprintf("still running after %v", closeWait)}
	case code != 0:
		return &Failure{What: "the server exited with an error", Expected: "exit status 0", Got: fmt.Sprintf("exit status %d", code)}
	}
	return nil
}
