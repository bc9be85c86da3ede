package lessons

// loops holds the lessons of the loops chapter, in reading order.
var loops = []Lesson{
	{ID: "loops/echo-loop", Title: "A communication loop: many messages until the client quits", Input: "hello\nhow are you\nhéllo, wörld\nquit\n", Wire: true},
	{ID: "loops/closed-wrong", Title: "Wrong: Read's error ignored; the server spins after the close", Input: "hello\nbye\n", Wire: true, ServerExitsWithError: true},
	{ID: "loops/closed-right", Fixes: "loops/closed-wrong", Title: "Right: io.EOF ends the loop when the client closes", Input: "hello\nbye\n", Wire: true},
	{ID: "loops/eof-vs-reset", Title: "A normal close reads as io.EOF, a reset as ECONNRESET", Wire: true},
	{ID: "loops/vanish", Title: "A client's process ends without Close: io.EOF, or a reset", Wire: true},
	{ID: "loops/empty-input", Title: "An empty line: writing zero bytes sends nothing", Input: "hello\n\nworld\n\nbye\n", Wire: true},
	{ID: "loops/accept-loop", Title: "An accept loop serves clients one after another", Input: "first\nsecond\n"},
	{ID: "loops/backlog", Title: "The backlog: connections wait, complete, until Accept takes them", Wire: true},
	{ID: "loops/hotline", Title: "A menu-driven hotline", Input: "1\n9\n3\n0\n"},
}
