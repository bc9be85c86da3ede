package lessons

// concurrency holds the lessons of the concurrency chapter, in reading
// order.
var concurrency = []Lesson{
	{
		ID:    "concurrency/one-at-a-time",
		Title: "One client at a time: the second waits for the first",
	},
	{
		ID:    "concurrency/goroutine-per-conn",
		Title: "A goroutine per connection: the second is answered at once",
	},
	{
		ID:    "concurrency/many-clients",
		Title: "100 clients connected at the same time, all answered",
	},
	{
		ID:    "concurrency/idle-timeout",
		Title: "A read deadline drops a client that goes silent",
		Wire:  true,
	},
	{
		ID:    "concurrency/shutdown",
		Title: "Graceful shutdown: close the listener, wait for connections",
	},
	{
		ID:    "concurrency/close-backlog",
		Title: "Closing the listener resets the connections in its queue",
		Wire:  true,
	},
}
