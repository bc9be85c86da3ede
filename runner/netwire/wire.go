// Package netwire is the instrumented socket API that both engines give a
// program in place of package net: under the interpreter its functions and
// types are installed as the net package's symbols (runner/child); a
// compiled program is built with its net import resolved to a package that
// forwards these and aliases the rest of net (runner's compiled engine).
// Either way the same code reports listen, accept, dial, every read and
// write, and close as events, with the same connection numbers, timestamps
// and relay redirections. It also holds what both engines need to report a
// program's output: the Emitter of events and the line streams that stand
// in for os.Stdout and os.Stderr. It needs nothing but the standard library
// and sockbook's event and childproto packages, so that a compiled program
// can carry it.
package netwire

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"sync/atomic"
	"syscall"
	"time"

	"sockbook/runner/event"
)

// recorder reports a program's socket calls. The package's functions and
// types replace the net package's entry points and connection types in a
// program, so that net.Listen, Accept, net.Dial and every Read and Write
// become events, and a type assertion such as conn.(*net.TCPConn) still
// works in the program.
type recorder struct {
	out      *Emitter
	redirect map[string]string
	// before, if set, runs before each event that happened at t is
	// reported: it reports the program's output written before then.
	before func(t time.Duration)
	conns  atomic.Int64
}

func (r *recorder) emit(ev event.Event) { r.emitAt(event.Now(), ev) }

// start returns the time a socket call starts, having first reported the
// output the program wrote before it: an event stamped at its start is
// reported after the call returns, and output read in between must not
// be stamped after it.
func (r *recorder) start() time.Duration {
	t := event.Now()
	if r.before != nil {
		r.before(t - 1)
	}
	return t
}

// emitAt reports an event with the time it started. Writes, dials and
// closes are stamped when the call begins and reads when it returns, so
// that a read of some bytes never seems to come before their write, even
// when the writer's process is descheduled between its call and its stamp.
func (r *recorder) emitAt(t time.Duration, ev event.Event) {
	if r.before != nil {
		r.before(t - 1)
	}
	r.out.EmitAt(t, ev)
}

func (r *recorder) nextConn() int { return int(r.conns.Add(1)) }

// Install makes the program's socket calls report to out, with the given
// redirections (see childproto.Config.Redirect). A process hosts one
// program, which installs once before it runs.
func Install(out *Emitter, redirect map[string]string) {
	current.Store(&recorder{out: out, redirect: redirect})
}

// installSynced is Install for a compiled program, whose output is
// reported up to each socket call before the call itself.
func installSynced(out *Emitter, redirect map[string]string, before func(time.Duration)) {
	current.Store(&recorder{out: out, redirect: redirect, before: before})
}

// The net package's entry points, reported. Their signatures are net's
// own but for the connection types, which are the wrapped ones.

// Listen is net.Listen, reported.
func Listen(network, address string) (net.Listener, error) {
	return current.Load().Listen(network, address)
}

// ListenTCP is net.ListenTCP, reported.
func ListenTCP(network string, laddr *net.TCPAddr) (*TCPListener, error) {
	return current.Load().ListenTCP(network, laddr)
}

// ListenPacket is net.ListenPacket, reported.
func ListenPacket(network, address string) (net.PacketConn, error) {
	return current.Load().ListenPacket(network, address)
}

// ListenUDP is net.ListenUDP, reported.
func ListenUDP(network string, laddr *net.UDPAddr) (*UDPConn, error) {
	return current.Load().ListenUDP(network, laddr)
}

// Dial is net.Dial, reported.
func Dial(network, address string) (net.Conn, error) { return current.Load().Dial(network, address) }

// DialTimeout is net.DialTimeout, reported.
func DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	return current.Load().DialTimeout(network, address, timeout)
}

// DialTCP is net.DialTCP, reported.
func DialTCP(network string, laddr, raddr *net.TCPAddr) (*TCPConn, error) {
	return current.Load().DialTCP(network, laddr, raddr)
}

// DialUDP is net.DialUDP, reported.
func DialUDP(network string, laddr, raddr *net.UDPAddr) (*UDPConn, error) {
	return current.Load().DialUDP(network, laddr, raddr)
}

// Replaced lists the names of package net that this package replaces;
// every other name of net is net's own.
var Replaced = []string{"Listen", "ListenTCP", "ListenPacket", "ListenUDP", "Dial", "DialTimeout", "DialTCP", "DialUDP",
	"TCPConn", "TCPListener", "UDPConn", "ListenConfig", "Dialer"}

// errText names a socket error the way the transcript shows it.
func errText(err error) string {
	switch {
	case errors.Is(err, io.EOF):
		return "EOF"
	case errors.Is(err, os.ErrDeadlineExceeded):
		return "deadline exceeded"
	case event.IsReset(err):
		return "connection reset by peer"
	case event.IsBrokenPipe(err):
		return "broken pipe"
	case errors.Is(err, net.ErrClosed):
		return "use of closed connection"
	case event.IsRefused(err):
		return "connection refused"
	case event.IsAddrInUse(err):
		return "address already in use"
	}
	return err.Error()
}

// listened reports a new listener or packet socket, or the failure to open one.
func (r *recorder) listened(network, addr string, got net.Addr, err error) {
	if err != nil {
		r.emit(event.Event{Kind: event.SockError, Text: "listen " + network + " " + addr, Addr: addr, Err: errText(err)})
		return
	}
	r.emit(event.Event{Kind: event.Listen, Text: network + " " + got.String(), Addr: got.String()})
}

// target returns where a dial to addr really goes, and whether it was redirected.
func (r *recorder) target(addr string) (string, bool) {
	if to, ok := r.redirect[addr]; ok {
		return to, true
	}
	return addr, false
}

func (r *recorder) Listen(network, address string) (net.Listener, error) {
	return r.listenWith(context.Background(), &net.ListenConfig{}, network, address)
}

func (r *recorder) listenWith(ctx context.Context, lc *net.ListenConfig, network, address string) (net.Listener, error) {
	ln, err := lc.Listen(ctx, network, address)
	if err != nil {
		r.listened(network, address, nil, err)
		return nil, err
	}
	r.listened(network, address, ln.Addr(), nil)
	if tl, ok := ln.(*net.TCPListener); ok {
		return &TCPListener{TCPListener: tl, rec: r}, nil
	}
	return &listener{Listener: ln, rec: r}, nil
}

func (r *recorder) ListenTCP(network string, laddr *net.TCPAddr) (*TCPListener, error) {
	address := ""
	if laddr != nil {
		address = laddr.String()
	}
	ln, err := r.listenWith(context.Background(), &net.ListenConfig{}, network, address)
	if err != nil {
		return nil, err
	}
	return ln.(*TCPListener), nil
}

func (r *recorder) ListenPacket(network, address string) (net.PacketConn, error) {
	return r.listenPacketWith(context.Background(), &net.ListenConfig{}, network, address)
}

func (r *recorder) listenPacketWith(ctx context.Context, lc *net.ListenConfig, network, address string) (net.PacketConn, error) {
	pc, err := lc.ListenPacket(ctx, network, address)
	if err != nil {
		r.listened(network, address, nil, err)
		return nil, err
	}
	r.listened(network, address, pc.LocalAddr(), nil)
	if uc, ok := pc.(*net.UDPConn); ok {
		return r.wrapUDP(uc, nil), nil
	}
	return pc, nil
}

func (r *recorder) ListenUDP(network string, laddr *net.UDPAddr) (*UDPConn, error) {
	address := ""
	if laddr != nil {
		address = laddr.String()
	}
	pc, err := r.listenPacketWith(context.Background(), &net.ListenConfig{}, network, address)
	if err != nil {
		return nil, err
	}
	return pc.(*UDPConn), nil
}

func (r *recorder) Dial(network, address string) (net.Conn, error) {
	return r.dialWith(context.Background(), &net.Dialer{}, network, address)
}

func (r *recorder) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	return r.dialWith(context.Background(), &net.Dialer{Timeout: timeout}, network, address)
}

func (r *recorder) dialWith(ctx context.Context, d *net.Dialer, network, address string) (net.Conn, error) {
	to, redirected := r.target(address)
	t0 := r.start()
	c, err := d.DialContext(ctx, network, to)
	if err != nil {
		r.emit(event.Event{Kind: event.SockError, Text: "dial " + network + " " + address, Peer: address, Err: errText(err)})
		return nil, err
	}
	var remote net.Addr
	if redirected {
		remote = fakeAddr{network: network, addr: address}
	}
	switch c := c.(type) {
	case *net.TCPConn:
		tc := r.wrapTCP(c, remote)
		r.emitAt(t0, event.Event{Kind: event.Dial, Conn: tc.id, Text: "connected to " + tc.RemoteAddr().String(), Addr: c.LocalAddr().String(), Peer: tc.RemoteAddr().String()})
		return tc, nil
	case *net.UDPConn:
		uc := r.wrapUDP(c, remote)
		r.emitAt(t0, event.Event{Kind: event.Dial, Conn: uc.id, Text: "udp socket for " + uc.RemoteAddr().String(), Addr: c.LocalAddr().String(), Peer: uc.RemoteAddr().String()})
		return uc, nil
	}
	r.emit(event.Event{Kind: event.Dial, Text: "connected to " + address, Peer: address})
	return c, nil
}

func (r *recorder) DialTCP(network string, laddr, raddr *net.TCPAddr) (*TCPConn, error) {
	d := &net.Dialer{}
	if laddr != nil {
		d.LocalAddr = laddr
	}
	c, err := r.dialWith(context.Background(), d, network, raddr.String())
	if err != nil {
		return nil, err
	}
	return c.(*TCPConn), nil
}

func (r *recorder) DialUDP(network string, laddr, raddr *net.UDPAddr) (*UDPConn, error) {
	d := &net.Dialer{}
	if laddr != nil {
		d.LocalAddr = laddr
	}
	c, err := r.dialWith(context.Background(), d, network, raddr.String())
	if err != nil {
		return nil, err
	}
	return c.(*UDPConn), nil
}

// fakeAddr is the address a redirected program believes it talks to.
type fakeAddr struct{ network, addr string }

func (a fakeAddr) Network() string { return a.network }
func (a fakeAddr) String() string  { return a.addr }

// ListenConfig replaces net.ListenConfig in programs; its fields are the
// ones programs set.
type ListenConfig struct {
	Control   func(network, address string, c syscall.RawConn) error
	KeepAlive time.Duration
	rec       *recorder
}

// Listen is net.ListenConfig.Listen, reported.
func (lc *ListenConfig) Listen(ctx context.Context, network, address string) (net.Listener, error) {
	return lc.recorder().listenWith(ctx, &net.ListenConfig{Control: lc.Control, KeepAlive: lc.KeepAlive}, network, address)
}

// ListenPacket is net.ListenConfig.ListenPacket, reported.
func (lc *ListenConfig) ListenPacket(ctx context.Context, network, address string) (net.PacketConn, error) {
	return lc.recorder().listenPacketWith(ctx, &net.ListenConfig{Control: lc.Control, KeepAlive: lc.KeepAlive}, network, address)
}

// Dialer replaces net.Dialer in programs; its fields are the ones
// programs set.
type Dialer struct {
	Timeout   time.Duration
	Deadline  time.Time
	LocalAddr net.Addr
	KeepAlive time.Duration
	Control   func(network, address string, c syscall.RawConn) error
	rec       *recorder
}

// Dial is net.Dialer.Dial, reported.
func (d *Dialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

// DialContext is net.Dialer.DialContext, reported.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	nd := &net.Dialer{Timeout: d.Timeout, Deadline: d.Deadline, LocalAddr: d.LocalAddr, KeepAlive: d.KeepAlive, Control: d.Control}
	return d.recorder().dialWith(ctx, nd, network, address)
}

// current is the child's recorder. A program builds its ListenConfig and
// Dialer values itself, so they cannot carry the recorder; a child process
// hosts exactly one program, and sets this once before the program starts.
var current atomic.Pointer[recorder]

func (lc *ListenConfig) recorder() *recorder { return current.Load() }
func (d *Dialer) recorder() *recorder        { return current.Load() }

// listener wraps a non-TCP listener (a Unix socket).
type listener struct {
	net.Listener
	rec *recorder
}

func (l *listener) Accept() (net.Conn, error) {
	l.rec.emit(event.Event{Kind: event.Waiting, Text: "accept"})
	c, err := l.Listener.Accept()
	if err != nil {
		l.rec.emit(event.Event{Kind: event.SockError, Text: "accept", Err: errText(err)})
		return nil, err
	}
	id := l.rec.nextConn()
	l.rec.emit(event.Event{Kind: event.Accept, Conn: id, Text: "accepted " + c.RemoteAddr().String(), Peer: c.RemoteAddr().String()})
	return c, nil
}

func (l *listener) Close() error {
	l.rec.emit(event.Event{Kind: event.Close, Text: "listener " + l.Addr().String()})
	return l.Listener.Close()
}

// TCPListener replaces *net.TCPListener in programs.
type TCPListener struct {
	*net.TCPListener
	rec *recorder
}

// Accept is net.TCPListener.Accept, reported.
func (l *TCPListener) Accept() (net.Conn, error) { return l.AcceptTCP() }

// AcceptTCP is net.TCPListener.AcceptTCP, reported.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	l.rec.emit(event.Event{Kind: event.Waiting, Text: "accept"})
	c, err := l.TCPListener.AcceptTCP()
	if err != nil {
		l.rec.emit(event.Event{Kind: event.SockError, Text: "accept", Err: errText(err)})
		return nil, err
	}
	tc := l.rec.wrapTCP(c, nil)
	l.rec.emit(event.Event{Kind: event.Accept, Conn: tc.id, Text: "accepted " + c.RemoteAddr().String(), Addr: c.LocalAddr().String(), Peer: c.RemoteAddr().String()})
	return tc, nil
}

// Close is net.TCPListener.Close, reported.
func (l *TCPListener) Close() error {
	l.rec.emit(event.Event{Kind: event.Close, Text: "listener " + l.Addr().String()})
	return l.TCPListener.Close()
}

func (r *recorder) wrapTCP(c *net.TCPConn, remote net.Addr) *TCPConn {
	return &TCPConn{TCPConn: c, tracked: r.track(remote)}
}

// tracked is what the wrapped connection types share: the recorder, the
// connection's number, the address the program believes it talks to and
// whether its close was reported.
type tracked struct {
	rec    *recorder
	id     int
	remote net.Addr // set when the connection goes through the relay
	closed atomic.Bool
}

func (r *recorder) track(remote net.Addr) *tracked {
	return &tracked{rec: r, id: r.nextConn(), remote: remote}
}

// remoteAddr is the address the program dialed, even through the relay.
func (t *tracked) remoteAddr(real net.Addr) net.Addr {
	if t.remote != nil {
		return t.remote
	}
	return real
}

// close runs closeFn and reports the close once.
func (t *tracked) close(closeFn func() error) error {
	t0 := t.rec.start()
	err := closeFn()
	if t.closed.CompareAndSwap(false, true) {
		t.rec.emitAt(t0, event.Event{Kind: event.Close, Conn: t.id, Text: "closed"})
	}
	return err
}

// TCPConn replaces *net.TCPConn in programs: every call a program makes on
// a connection is the real one, and reads, writes and closes are reported.
type TCPConn struct {
	*net.TCPConn
	*tracked
}

// RemoteAddr is the address the program dialed, even through the relay.
func (c *TCPConn) RemoteAddr() net.Addr { return c.remoteAddr(c.TCPConn.RemoteAddr()) }

// Read is net.TCPConn.Read, reported.
func (c *TCPConn) Read(b []byte) (int, error) {
	n, err := c.TCPConn.Read(b)
	c.rec.transfer(event.Read, c.id, b[:n], err, "")
	return n, err
}

// Write is net.TCPConn.Write, reported.
func (c *TCPConn) Write(b []byte) (int, error) {
	t0 := c.rec.start()
	n, err := c.TCPConn.Write(b)
	c.rec.transferAt(t0, event.Write, c.id, b[:n], err, "")
	return n, err
}

// ReadFrom copies r into the connection through Write, so io.Copy is
// reported too.
func (c *TCPConn) ReadFrom(r io.Reader) (int64, error) {
	return io.CopyBuffer(writerOnly{c}, r, make([]byte, 64<<10))
}

// WriteTo copies the connection into w through Read.
func (c *TCPConn) WriteTo(w io.Writer) (int64, error) {
	return io.CopyBuffer(w, readerOnly{c}, make([]byte, 64<<10))
}

// Close is net.TCPConn.Close, reported once.
func (c *TCPConn) Close() error { return c.close(c.TCPConn.Close) }

// CloseWrite is net.TCPConn.CloseWrite, reported.
func (c *TCPConn) CloseWrite() error {
	t0 := c.rec.start()
	err := c.TCPConn.CloseWrite()
	c.rec.emitAt(t0, event.Event{Kind: event.CloseWrite, Conn: c.id, Text: "closed the write half (FIN)"})
	return err
}

type writerOnly struct{ io.Writer }
type readerOnly struct{ io.Reader }

// transfer reports a read of b, or the error that ended it.
func (r *recorder) transfer(kind event.Kind, id int, b []byte, err error, peer string) {
	r.transferAt(event.Now(), kind, id, b, err, peer)
}

// transferAt reports a transfer of b that began at t0, or its error.
func (r *recorder) transferAt(t0 time.Duration, kind event.Kind, id int, b []byte, err error, peer string) {
	if len(b) > 0 || err == nil {
		r.emitAt(t0, event.Event{Kind: kind, Conn: id, Bytes: len(b), Text: event.Preview(b), Peer: peer})
	}
	if err != nil {
		r.emit(event.Event{Kind: event.SockError, Conn: id, Text: string(kind), Err: errText(err)})
	}
}

func (r *recorder) wrapUDP(c *net.UDPConn, remote net.Addr) *UDPConn {
	return &UDPConn{UDPConn: c, tracked: r.track(remote)}
}

// UDPConn replaces *net.UDPConn in programs: datagrams sent and received
// are reported, and datagrams to a redirected address go to the relay.
type UDPConn struct {
	*net.UDPConn
	*tracked
}

// RemoteAddr is the address the program dialed, even through the relay.
func (c *UDPConn) RemoteAddr() net.Addr { return c.remoteAddr(c.UDPConn.RemoteAddr()) }

// Read is net.UDPConn.Read (a connected socket), reported.
func (c *UDPConn) Read(b []byte) (int, error) {
	c.rec.emit(event.Event{Kind: event.Waiting, Text: "read"})
	n, err := c.UDPConn.Read(b)
	c.rec.transfer(event.ReadFrom, c.id, b[:n], err, c.RemoteAddr().String())
	return n, err
}

// Write is net.UDPConn.Write (a connected socket), reported.
func (c *UDPConn) Write(b []byte) (int, error) {
	t0 := c.rec.start()
	n, err := c.UDPConn.Write(b)
	c.rec.transferAt(t0, event.WriteTo, c.id, b[:n], err, c.RemoteAddr().String())
	return n, err
}

// ReadFrom is net.UDPConn.ReadFrom, reported.
func (c *UDPConn) ReadFrom(b []byte) (int, net.Addr, error) {
	n, addr, err := c.ReadFromUDP(b)
	if addr == nil {
		return n, nil, err
	}
	return n, addr, err
}

// ReadFromUDP is net.UDPConn.ReadFromUDP, reported; a datagram from the
// relay is shown as coming from the address the program sent to.
func (c *UDPConn) ReadFromUDP(b []byte) (int, *net.UDPAddr, error) {
	c.rec.emit(event.Event{Kind: event.Waiting, Text: "readfrom"})
	n, addr, err := c.UDPConn.ReadFromUDP(b)
	if addr != nil {
		addr = c.rec.unredirect(addr)
	}
	peer := ""
	if addr != nil {
		peer = addr.String()
	}
	c.rec.transfer(event.ReadFrom, c.id, b[:n], err, peer)
	return n, addr, err
}

// ReadMsgUDP is net.UDPConn.ReadMsgUDP, reported like ReadFromUDP; its
// flags (MSG_TRUNC for a datagram cut to fit b) are the program's to read.
func (c *UDPConn) ReadMsgUDP(b, oob []byte) (n, oobn, flags int, addr *net.UDPAddr, err error) {
	c.rec.emit(event.Event{Kind: event.Waiting, Text: "readfrom"})
	n, oobn, flags, addr, err = c.UDPConn.ReadMsgUDP(b, oob)
	peer := ""
	if addr != nil {
		addr = c.rec.unredirect(addr)
		peer = addr.String()
	}
	c.rec.transfer(event.ReadFrom, c.id, b[:n], err, peer)
	return n, oobn, flags, addr, err
}

// WriteTo is net.UDPConn.WriteTo, reported.
func (c *UDPConn) WriteTo(b []byte, addr net.Addr) (int, error) {
	ua, err := net.ResolveUDPAddr("udp", addr.String())
	if err != nil {
		return 0, err
	}
	return c.WriteToUDP(b, ua)
}

// WriteToUDP is net.UDPConn.WriteToUDP, reported and redirected.
func (c *UDPConn) WriteToUDP(b []byte, addr *net.UDPAddr) (int, error) {
	dst := addr
	if to, ok := c.rec.target(addr.String()); ok {
		if ua, err := net.ResolveUDPAddr("udp", to); err == nil {
			dst = ua
		}
	}
	t0 := c.rec.start()
	n, err := c.UDPConn.WriteToUDP(b, dst)
	c.rec.transferAt(t0, event.WriteTo, c.id, b[:n], err, addr.String())
	return n, err
}

// Close is net.UDPConn.Close, reported once.
func (c *UDPConn) Close() error { return c.close(c.UDPConn.Close) }

// unredirect maps the relay's address back to the one it stands for.
func (r *recorder) unredirect(addr *net.UDPAddr) *net.UDPAddr {
	for from, to := range r.redirect {
		if to == addr.String() {
			if ua, err := net.ResolveUDPAddr("udp", from); err == nil {
				return ua
			}
		}
	}
	return addr
}
