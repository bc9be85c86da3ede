package site

import "sockbook/content/i18n"

// words are the site's own words in one language.
type words struct {
	name       string // the language's name in itself, for the link to it
	contents   string
	tagline    string
	runIt      string
	transcript string
	// recordedRun heads a recorded transcript, recordedCaption says how
	// it is laid out.
	recordedRun, recordedCaption string
}

// wordsIn returns the site's words in lang.
func wordsIn(lang i18n.Lang) words {
	if lang == i18n.ZH {
		return words{
			name:            "中文",
			contents:        "目录",
			tagline:         "用 Go 学 TCP 与 UDP 套接字编程。",
			runIt:           "运行",
			transcript:      "运行记录",
			recordedRun:     "录制的运行记录",
			recordedCaption: "各方的事件按各自的顺序排列，一方接着一方。",
		}
	}
	return words{
		name:            "English",
		contents:        "Contents",
		tagline:         "TCP and UDP socket programming in Go.",
		runIt:           "Run it",
		transcript:      "Transcript",
		recordedRun:     "Recorded run",
		recordedCaption: "Each side's events in order, side after side.",
	}
}
