package lessons

// basics holds the lessons of the basics chapter, in reading order.
var basics = []Lesson{
	{ID: "basics/hello", Title: "One message each way, then both close", Wire: true},
	{ID: "basics/open-close", Title: "The handshake inside Dial and Accept; a FIN from each side", Wire: true},
	{ID: "basics/echo", Title: "The client sends three lines; the server echoes each", Input: "hello\nsockets\nbye\n", Wire: true},
	{ID: "basics/addresses", Title: "Both ends of a connection: LocalAddr and RemoteAddr"},
	{ID: "basics/families", Title: "Three address families, one API: IPv4, IPv6 and a Unix socket"},
	{ID: "basics/bind", Title: "A listener on 127.0.0.1 is not reachable at [::1]", Wire: true},
}
