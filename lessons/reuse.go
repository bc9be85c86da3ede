package lessons

// reuse holds the lessons of the reuse chapter, in reading order.
var reuse = []Lesson{
	{ID: "reuse/addr-in-use", Title: "Wrong: no SO_REUSEADDR, so TIME_WAIT blocks the restart", ServerExitsWithError: true},
	{ID: "reuse/reuseaddr", Title: "Right: net.Listen sets SO_REUSEADDR; the restart listens again"},
	{ID: "reuse/reuseport", Title: "SO_REUSEPORT: two listeners share one port (Linux)"},
}
