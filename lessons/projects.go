package lessons

// projects holds the lessons of the projects chapter, in reading order.
var projects = []Lesson{
	{
		ID:    "projects/shell-wrong",
		Title: "Wrong: the client's command run through a shell",
		Input: "echo hi; touch pwned\n",
	},
	{
		ID:    "projects/shell-right",
		Fixes: "projects/shell-wrong",
		Title: "Right: an argv list, no shell; the ; is only a character",
		Input: "echo hi; touch pwned\n",
	},
	{
		ID:         "projects/remote-cmd",
		Title:      "A remote command service: argv, allowlist, caps, time limit",
		Input:      "echo hello from the server\necho 1;2;3 $HOME *\nsh -c id\n\nyes\n",
		ServerArgs: []string{"-allow", "echo,yes", "-limit", "300ms"},
	},
	{
		ID:    "projects/pipes-wrong",
		Title: "Wrong: stdout read to the end before stderr: a deadlock",
	},
	{
		ID:    "projects/pipes-right",
		Fixes: "projects/pipes-wrong",
		Title: "Right: both pipes read while the command runs",
	},
	{
		ID:    "projects/charset-wrong",
		Title: "Wrong: UTF-8 read as GBK, and GBK read as UTF-8",
	},
	{
		ID:    "projects/charset-right",
		Fixes: "projects/charset-wrong",
		Title: "Right: each line decoded in the charset it was sent in",
	},
	{
		ID:    "projects/upload",
		Title: "Upload 1 MiB with a progress bar and a SHA-256 check",
	},
	{
		ID:    "projects/download",
		Title: "Download 1 MiB with a progress bar and a SHA-256 check",
	},
	{
		ID:    "projects/path-wrong",
		Title: "Wrong: a file name from the wire used as a path",
		Input: "notes.txt\n../escaped.txt\n",
	},
	{
		ID:    "projects/path-right",
		Fixes: "projects/path-wrong",
		Title: "Right: file names from the wire checked, bad ones refused",
		Input: "notes.txt\n../escaped.txt\n\"\"\n.\n..\nsub/notes.txt\n" +
			"..\\escaped.txt\n\"bad\\x00.txt\"\nNUL\ncom1.log\nC:x\n" +
			"notes.txt.\n",
	},
	{
		ID:      "projects/udp-time",
		Title:   "A UDP time service: the layout asks, the reply is checked",
		Network: "udp",
		Input:   "2006\n2006-01-02\n\n15:04\n",
	},
}
