package check

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"sockbook/runner/event"
)

// defaultTimeLayout is udp-time's answer to an empty datagram.
const defaultTimeLayout = "2006-01-02 15:04:05"

// clockSlack is how far a reply's time may be from the checker's clock,
// beyond the time the round trip took.
const clockSlack = 2 * time.Second

// udpTime checks the udp exercise: each datagram's payload is a time
// layout (empty means "2006-01-02 15:04:05"); the reply, to the sender, is
// the current time in that layout.
func udpTime() Exercise {
	return Exercise{
		ID:      "udp-time",
		Chapter: "udp",
		Title:   "A UDP time server",
		Role:    ServerRole,
		Network: "udp",
		Scenarios: []Scenario{
			{
				Name: "default-layout",
				Doc:  `An empty datagram is answered with the current time in the layout "2006-01-02 15:04:05".`,
				Run: func(ctx context.Context, env *Env) error {
					p, err := openDatagrams(env, 1)
					if err != nil {
						return err
					}
					defer p.close()
					return p.ask(ctx, "")
				},
			},
			{
				Name: "custom-layouts",
				Doc:  "Each datagram is answered with the current time in the layout it holds, long layouts included.",
				Run: func(ctx context.Context, env *Env) error {
					p, err := openDatagrams(env, 1)
					if err != nil {
						return err
					}
					defer p.close()
					for _, layout := range []string{"15:04", "2006", "15:04:05", time.RFC1123, "Monday, 2 January 2006 at 3:04PM"} {
						if err := p.ask(ctx, layout); err != nil {
							return err
						}
					}
					return nil
				},
			},
			{
				Name: "two-clients",
				Doc:  "Two clients, each with its own socket, send datagrams in turn; each reply goes to the client that asked, from the server's address.",
				Run:  udpTwoClients,
			},
		},
	}
}

// datagrams is one of the checker's UDP sockets, talking to the server.
type datagrams struct {
	s      *session
	pc     net.PacketConn
	server *net.UDPAddr
	n      int // which socket of the scenario, from 1
}

// openDatagrams opens the checker's n-th UDP socket on the server's
// loopback address family.
func openDatagrams(env *Env, n int) (*datagrams, error) {
	server, err := net.ResolveUDPAddr("udp", env.Addr)
	if err != nil {
		return nil, fmt.Errorf("udp-time: server address: %w", err)
	}
	pc, err := net.ListenPacket("udp", net.JoinHostPort(server.IP.String(), "0"))
	if err != nil {
		return nil, fmt.Errorf("udp-time: open a client socket: %w", err)
	}
	return &datagrams{s: newSession(env), pc: pc, server: server, n: n}, nil
}

func (p *datagrams) close() {
	p.pc.Close()
	p.s.log(event.Event{Kind: event.Close, Conn: p.n})
}

// send sends one datagram to the server.
func (p *datagrams) send(ctx context.Context, payload string) error {
	p.pc.SetWriteDeadline(within(ctx, replyWait))
	_, err := p.pc.WriteTo([]byte(payload), p.server)
	p.s.log(event.Event{Kind: event.WriteTo, Conn: p.n, Bytes: len(payload), Text: strconv.Quote(payload), Peer: p.server.String()})
	if err != nil {
		return &Failure{What: fmt.Sprintf("socket %d: sending a datagram failed", p.n), Expected: "the datagram sent", Got: err.Error()}
	}
	return nil
}

// receive waits for the reply to the datagram that asked for layout.
func (p *datagrams) receive(ctx context.Context, layout string) (string, error) {
	what := fmt.Sprintf("the reply to %s on socket %d", layoutName(layout), p.n)
	buf := make([]byte, 2048)
	p.pc.SetReadDeadline(within(ctx, replyWait))
	k, from, err := p.pc.ReadFrom(buf)
	if err != nil {
		p.s.log(event.Event{Kind: event.SockError, Conn: p.n, Err: err.Error()})
		got := errorText(err)
		if isTimeout(err) {
			got = fmt.Sprintf("nothing within %v", replyWait)
		}
		return "", &Failure{What: what + ": no reply", Expected: "a datagram with the time in " + effectiveLayout(layout), Got: got}
	}
	reply := string(buf[:k])
	p.s.log(event.Event{Kind: event.ReadFrom, Conn: p.n, Bytes: k, Text: strconv.Quote(reply), Peer: from.String()})
	if got, ok := from.(*net.UDPAddr); !ok || !got.IP.Equal(p.server.IP) || got.Port != p.server.Port {
		return "", &Failure{
			What:     what + " came from another address",
			Expected: "the reply from " + p.server.String() + ", where the request went",
			Got:      "a reply from " + from.String(),
		}
	}
	if k == 0 {
		return "", &Failure{What: what + " is empty", Expected: "the time in " + effectiveLayout(layout), Got: "an empty datagram"}
	}
	return reply, nil
}

// ask sends layout and checks the reply.
func (p *datagrams) ask(ctx context.Context, layout string) error {
	before := time.Now()
	if err := p.send(ctx, layout); err != nil {
		return err
	}
	reply, err := p.receive(ctx, layout)
	if err != nil {
		return err
	}
	return checkTime(layout, reply, before, time.Now())
}

// layoutName names a layout in a message.
func layoutName(layout string) string {
	if layout == "" {
		return "an empty datagram"
	}
	return "layout " + strconv.Quote(layout)
}

// effectiveLayout names the layout a reply must follow.
func effectiveLayout(layout string) string {
	if layout == "" {
		layout = defaultTimeLayout
	}
	return "the layout " + strconv.Quote(layout)
}

// checkTime accepts reply if some moment between before and after (give or
// take clockSlack) formats to it in layout, in local time or in UTC. An
// empty layout stands for the default one.
func checkTime(layout, reply string, before, after time.Time) error {
	effective := layout
	if effective == "" {
		effective = defaultTimeLayout
	}
	const step = 100 * time.Millisecond
	for t := before.Add(-clockSlack); !t.After(after.Add(clockSlack)); t = t.Add(step) {
		if t.Format(effective) == reply || t.UTC().Format(effective) == reply {
			return nil
		}
	}
	return &Failure{
		What:     fmt.Sprintf("the reply to %s is not the current time", layoutName(layout)),
		Expected: fmt.Sprintf("about %q (layout %q)", after.Format(effective), effective),
		Got:      strconv.Quote(reply),
	}
}

// udpTwoClients interleaves two sockets' requests, each socket with
// layouts of its own, so that a reply sent to the wrong client shows.
func udpTwoClients(ctx context.Context, env *Env) error {
	a, err := openDatagrams(env, 1)
	if err != nil {
		return err
	}
	defer a.close()
	b, err := openDatagrams(env, 2)
	if err != nil {
		return err
	}
	defer b.close()
	turns := []struct {
		p      *datagrams
		layout string
	}{
		{a, "2006"}, {b, "15:04"}, {a, "Jan 2"}, {b, ""}, {b, "15:04:05"}, {a, "Mon"},
	}
	for _, turn := range turns {
		if err := turn.p.ask(ctx, turn.layout); err != nil {
			return err
		}
	}
	return nil
}
