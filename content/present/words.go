package present

import "sockbook/content/i18n"

// words are what the presenter's footer says, in one language, as fmt
// formats.
type words struct {
	start, end   string // deck id
	lines        string // first, last, lines
	running      string // lesson id
	wait         string // lesson id
	failed       string // lesson id, error
	done         string
	noLesson     string
	noRun        string
	scroll, page string // the keys, in full
	section      string
	run, quit    string
}

// wordsIn returns the footer's words in lang.
func wordsIn(lang i18n.Lang) *words {
	if lang == i18n.ZH {
		return &wordsZH
	}
	return &wordsEN
}

var wordsEN = words{
	start:    "start of %s",
	end:      "end of %s",
	lines:    "lines %d-%d/%d",
	running:  "running %s…",
	wait:     "wait: %s is still running",
	failed:   "%s failed: %v",
	done:     "done: transcript under the code",
	noLesson: "no lesson to run in this section",
	noRun:    "running lessons is not available here",
	scroll:   "↑↓ scroll",
	page:     "←→ page",
	section:  "←→ section",
	run:      "r run",
	quit:     "q quit",
}

var wordsZH = words{
	start:    "%s 的开头",
	end:      "%s 的结尾",
	lines:    "行 %d-%d/%d",
	running:  "正在运行 %s……",
	wait:     "请稍候：%s 还在运行",
	failed:   "%s 运行失败：%v",
	done:     "完成：运行记录在代码下方",
	noLesson: "这一节没有可运行的示例",
	noRun:    "这里不能运行示例",
	scroll:   "↑↓ 滚动",
	page:     "←→ 翻页",
	section:  "←→ 换节",
	run:      "r 运行",
	quit:     "q 退出",
}
