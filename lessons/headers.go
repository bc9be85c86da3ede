package lessons

import (
	"time"

	"sockbook/runner/relay"
)

// headers holds the lessons of the headers chapter, in reading order.
var headers = []Lesson{
	{
		ID:    "headers/fixed-header",
		Title: "A fixed 6-byte binary header as a Go struct",
		Wire:  true,
	},
	{
		ID:     "headers/length-prefix",
		Title:  "Length-prefixed frames through a chopped stream",
		Faults: relay.Plan{Chop: 3, Seed: 7, Delay: 10 * time.Millisecond},
		Wire:   true,
	},
	{
		ID:                   "headers/recv-loop-wrong",
		Title:                "Wrong: recv(1024) until the size is reached",
		Wire:                 true,
		ServerExitsWithError: true,
	},
	{
		ID:    "headers/recv-loop-right",
		Fixes: "headers/recv-loop-wrong",
		Title: "Right: io.ReadFull reads exactly the body, or fails",
		Wire:  true,
	},
	{
		ID:    "headers/text-length-wrong",
		Title: "Wrong: a decimal length with nothing after it",
		Input: "hello\n3 apples\n",
		Wire:  true,
	},
	{
		ID:    "headers/text-length-right",
		Fixes: "headers/text-length-wrong",
		Title: "Right: a decimal length ended by a newline",
		Input: "hello\n3 apples\n",
		Wire:  true,
	},
	{
		ID:    "headers/endian-wrong",
		Title: "Wrong: a little-endian length read as big-endian",
		Wire:  true,
	},
	{
		ID:    "headers/endian-right",
		Fixes: "headers/endian-wrong",
		Title: "Right: both sides use network byte order",
		Wire:  true,
	},
	{
		ID:    "headers/int32-wrong",
		Title: "Wrong: a file size as a 4-byte signed number",
		Wire:  true,
	},
	{
		ID:    "headers/int32-right",
		Fixes: "headers/int32-wrong",
		Title: "Right: a file size as an 8-byte unsigned number",
		Wire:  true,
	},
	{
		ID:    "headers/json-header",
		Title: "A JSON header behind a 4-byte length",
		Wire:  true,
	},
	{
		ID:    "headers/json-roundtrip-wrong",
		Title: "Wrong: json.loads(json.dumps(header)) does nothing",
		Wire:  true,
	},
	{
		ID:                   "headers/limit-wrong",
		Title:                "Wrong: allocating the length a stranger claims",
		Wire:                 true,
		ServerExitsWithError: true,
	},
	{
		ID:    "headers/limit-right",
		Fixes: "headers/limit-wrong",
		Title: "Right: checking the length against a limit first",
		Wire:  true,
	},
	{
		ID:     "headers/ready-wrong",
		Title:  "Wrong: a \"ready\" round trip before every body",
		Faults: relay.Plan{Delay: 20 * time.Millisecond},
		Wire:   true,
	},
	{
		ID:     "headers/ready-right",
		Fixes:  "headers/ready-wrong",
		Title:  "Right: length and body sent without waiting",
		Faults: relay.Plan{Delay: 20 * time.Millisecond},
		Wire:   true,
	},
}
