package lessons

import "sockbook/runner/relay"

// udp holds the lessons of the udp chapter, in reading order.
var udp = []Lesson{
	{ID: "udp/echo", Title: "An uppercase echo over UDP: ReadFrom and WriteTo", Network: "udp", Input: "hello\nudp\nbye\n", Wire: true},
	{ID: "udp/lossy", Title: "Through a lossy relay: requests and replies lost or doubled", Network: "udp", Input: "one\ntwo\nthree\nfour\nfive\n", Faults: relay.Plan{Loss: 0.25, Dup: 0.25, Seed: 26}},
	{ID: "udp/boundaries", Title: "Three datagrams sent back to back are read as three", Network: "udp", Input: "one\ntwo\nthree\n", Wire: true},
	{ID: "udp/truncate", Title: "A datagram bigger than the buffer is cut, the rest lost", Network: "udp", Input: "0123456789abcdefghijABCDEFGHIJ\nnext\n", Wire: true},
	{ID: "udp/msg-trunc", Title: "ReadMsgUDP's MSG_TRUNC flag says a datagram was cut (Unix)", Network: "udp", Input: "0123456789abcdefghijABCDEFGHIJ\nnext\n", Wire: true},
	{ID: "udp/time", Title: "The UDP time server: a layout in, the time out", Network: "udp", Input: "\n15:04:05\n2006-01-02\n"},
}
