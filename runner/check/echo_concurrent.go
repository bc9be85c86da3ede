package check

import (
	"context"
	"fmt"
)

// concurrentClients is how many clients echo-concurrent connects at once.
const concurrentClients = 100

// echoConcurrent checks the concurrency exercise: the echo-upper protocol
// for at least 100 clients connected at the same time.
func echoConcurrent() Exercise {
	return Exercise{
		ID:      "echo-concurrent",
		Chapter: "concurrency",
		Title:   "An uppercase echo for many clients at once",
		Role:    ServerRole,
		Network: "tcp",
		Scenarios: append(echoScenarios(),
			Scenario{
				Name: "idle-client-does-not-block",
				Doc:  "While one client is connected and silent, another client is served.",
				Run:  echoBesideIdle,
			},
			Scenario{
				Name: "hundred-clients",
				Doc:  "100 clients connect and each sends a message before any reads; the last to connect is answered first, then every other.",
				Run:  echoHundred,
			},
		),
	}
}

func echoBesideIdle(ctx context.Context, env *Env) error {
	s := newSession(env)
	idle, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer idle.close()
	busy, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer busy.close()
	if err := busy.write(ctx, []byte("ping")); err != nil {
		return err
	}
	if err := busy.expect(ctx, "the second client's echo while the first is idle", []byte("PING"), false); err != nil {
		return err
	}
	// The idle client was not forgotten.
	if err := idle.write(ctx, []byte("awake")); err != nil {
		return err
	}
	return idle.expect(ctx, "the first client's echo", []byte("AWAKE"), false)
}

func echoHundred(ctx context.Context, env *Env) error {
	s := newSession(env)
	clients := make([]*link, 0, concurrentClients)
	defer func() {
		for _, c := range clients {
			c.close()
		}
	}()
	msg := func(i int) []byte { return fmt.Appendf(nil, "client %03d of %d here", i+1, concurrentClients) }
	for i := range concurrentClients {
		c, err := s.dial(ctx)
		if err != nil {
			return err
		}
		clients = append(clients, c)
		if err := c.write(ctx, msg(i)); err != nil {
			return err
		}
	}
	// A server that serves one client (or a few) at a time answers the
	// first clients and leaves the last one waiting: it is asked first.
	for i := concurrentClients - 1; i >= 0; i-- {
		what := fmt.Sprintf("client %d's echo, with all %d clients connected", i+1, concurrentClients)
		if err := clients[i].expect(ctx, what, upperASCII(msg(i)), false); err != nil {
			return err
		}
	}
	return nil
}
