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
				Name: "raw-bytes",
				Doc:  `A layout holding NUL, bytes that are not UTF-8, spaces at both ends and a final "\n" is used as it is: those bytes come back around the time.`,
				Run: func(ctx context.Context, env *Env) error {
					p, err := openDatagrams(env, 1)
					if err != nil {
						return err
					}
					defer p.close()
					return p.ask(ctx, " \x00\xff 15:04 \xe9t\xe9\n")
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
	n      int    // which socket of the scenario, from 1
	prev   string // the layout asked before the current one
	asked  bool   // whether prev is set
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
	p.s.log(event.Event{Kind: event.WriteTo, Conn: p.n, Bytes: len(payload), Text: event.Preview([]byte(payload)), Peer: p.server.String()})
	if err != nil {
		return &Failure{What: fmt.Sprintf("socket %d: sending a datagram failed", p.n), Expected: "the datagram sent", Got: err.Error()}
	}
	return nil
}

// resendAfter is how long the checker waits for a reply before it sends
// its request again: UDP may lose a datagram, and a client that asks once
// and waits for ever is the classic UDP mistake.
const resendAfter = 500 * time.Millisecond

// receive waits until deadline for one datagram from the server and
// checks where it came from. A nil reply with a nil error means the
// deadline passed.
func (p *datagrams) receive(ctx context.Context, layout string, deadline time.Time) ([]byte, error) {
	what := fmt.Sprintf("the reply to %s on socket %d", layoutName(layout), p.n)
	buf := make([]byte, 2048)
	p.pc.SetReadDeadline(deadline)
	k, from, err := p.pc.ReadFrom(buf)
	if isTimeout(err) && ctx.Err() == nil {
		return nil, nil
	}
	if err != nil {
		p.s.log(event.Event{Kind: event.SockError, Conn: p.n, Text: "readfrom", Err: err.Error()})
		return nil, &Failure{What: what + ": no reply", Expected: "a datagram with the time in " + effectiveLayout(layout), Got: errorText(err)}
	}
	p.s.log(event.Event{Kind: event.ReadFrom, Conn: p.n, Bytes: k, Text: event.Preview(buf[:k]), Peer: from.String()})
	if got, ok := from.(*net.UDPAddr); !ok || !got.IP.Equal(p.server.IP) || got.Port != p.server.Port {
		return nil, &Failure{
			What:     what + " came from another address",
			Expected: "the reply from " + p.server.String() + ", where the request went",
			Got:      "a reply from " + from.String(),
		}
	}
	if k == 0 {
		return nil, &Failure{What: what + " is empty", Expected: "the time in " + effectiveLayout(layout), Got: "an empty datagram"}
	}
	return buf[:k], nil
}

// drain reads and logs whatever datagrams already wait on the socket:
// late answers to requests sent again.
func (p *datagrams) drain() {
	buf := make([]byte, 2048)
	for {
		p.pc.SetReadDeadline(time.Now())
		k, from, err := p.pc.ReadFrom(buf)
		if err != nil {
			return
		}
		p.s.log(event.Event{Kind: event.ReadFrom, Conn: p.n, Bytes: k, Text: event.Preview(buf[:k]) + " (late, ignored)", Peer: from.String()})
	}
}

// ask sends layout and checks the reply. Without a reply within
// resendAfter it sends the request again, until replyWait has passed; a
// late answer to the previous request is skipped.
func (p *datagrams) ask(ctx context.Context, layout string) error {
	p.drain()
	before := time.Now()
	deadline := within(ctx, replyWait)
	for {
		if err := p.send(ctx, layout); err != nil {
			return err
		}
		wait := time.Now().Add(resendAfter)
		if wait.After(deadline) {
			wait = deadline
		}
		for {
			reply, err := p.receive(ctx, layout, wait)
			if err != nil {
				return err
			}
			if reply == nil {
				break // nothing in time: send again
			}
			now := time.Now()
			err = checkTime(layout, string(reply), before, now)
			if err != nil && p.asked && checkTime(p.prev, string(reply), before.Add(-replyWait), now) == nil {
				continue // the answer to the previous request, sent twice
			}
			p.prev, p.asked = layout, true
			return err
		}
		if !time.Now().Before(deadline) {
			return &Failure{
				What:     fmt.Sprintf("the reply to %s on socket %d: no reply", layoutName(layout), p.n),
				Expected: "a datagram with the time in " + effectiveLayout(layout),
				Got:      fmt.Sprintf("nothing within %v, the request sent several times", replyWait),
			}
		}
	}
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
