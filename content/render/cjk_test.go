package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// sticky is a paragraph as a Chinese chapter writes it: CJK text with
// Latin words, code spans, brackets, quotes, a doubled dash and a line
// break in the source between two Chinese characters.
const sticky = "TCP 是字节流（byte stream）协议：它只保证字节按顺序、不丢失地到达，" +
	"却不保留“消息”的边界。发送方两次调用 `Write`，接收方可能一次 `Read` 就全部读到" +
	"——这就是所谓的“粘包”；反过来，一次 `Write`\n也可能要读好几次，这叫“半包”。"

func TestRenderChineseParagraph(t *testing.T) {
	cases := []struct {
		width int
		want  []string
	}{
		{20, []string{
			"TCP 是字节流（byte",
			"stream）协议：它只保",
			"证字节按顺序、不丢失",
			"地到达，却不保留“消",
			"息”的边界。发送方两",
			"次调用 `Write`，接收",
			"方可能一次 `Read` 就",
			"全部读到——这就是所谓",
			"的“粘包”；反过来，一",
			"次 `Write` 也可能要",
			"读好几次，这叫“半",
			"包”。",
		}},
		{40, []string{
			"TCP 是字节流（byte stream）协议：它只保",
			"证字节按顺序、不丢失地到达，却不保留“消",
			"息”的边界。发送方两次调用 `Write`，接收",
			"方可能一次 `Read` 就全部读到——这就是所谓",
			"的“粘包”；反过来，一次 `Write` 也可能要",
			"读好几次，这叫“半包”。",
		}},
		{60, []string{
			"TCP 是字节流（byte stream）协议：它只保证字节按顺序、不丢失",
			"地到达，却不保留“消息”的边界。发送方两次调用 `Write`，接收方",
			"可能一次 `Read` 就全部读到——这就是所谓的“粘包”；反过来，一次",
			"`Write` 也可能要读好几次，这叫“半包”。",
		}},
	}
	for _, tc := range cases {
		got, err := Render([]byte(sticky), Options{Width: tc.width})
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Join(tc.want, "\n") + "\n"; got != want {
			t.Errorf("width %d:\n%s\nwant\n%s", tc.width, got, want)
		}
	}
}

func TestWrapKinsoku(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"breaks between any two CJK characters", "一二三四五六七八", 6, []string{"一二三", "四五六", "七八"}},
		{"a comma never starts a line", "一二三，四五六", 6, []string{"一二", "三，四", "五六"}},
		{"a full stop never starts a line", "一二三。四五六", 6, []string{"一二", "三。四", "五六"}},
		{"nor an enumeration comma", "一二三、四五", 6, []string{"一二", "三、四", "五"}},
		{"nor a colon, semicolon, question or exclamation mark", "一二三：四二三；五二三？六二三！", 6,
			[]string{"一二", "三：四", "二三；", "五二", "三？六", "二三！"}},
		{"nor closing brackets", "一二三）」』】》", 12, []string{"一二", "三）」』】》"}},
		{"nor a closing quote", "他说好”了", 6, []string{"他说", "好”了"}},
		{"an opening bracket never ends a line", "一二（三四五", 6, []string{"一二", "（三四", "五"}},
		{"nor opening quotes and title marks", "一二「三『四【五《六", 6, []string{"一二", "「三", "『四", "【五", "《六"}},
		{"nor an opening curly quote", "一二“三四”五", 6, []string{"一二", "“三四”", "五"}},
		{"a doubled dash stays whole", "一二——三四", 5, []string{"一二", "——三", "四"}},
		{"a Chinese ellipsis stays whole and never starts a line", "一二……三", 4, []string{"一", "二……", "三"}},
		{"small kana and the prolonged sound mark stay with the kana before", "ニュース", 4, []string{"ニュ", "ース"}},
		{"Latin words break at spaces only", "用 net.Listen 监听", 12, []string{"用", "net.Listen", "监听"}},
		{"a Latin word and a CJK character may part", "调用Listen监听", 8, []string{"调用", "Listen监", "听"}},
		{"closing punctuation after a space stays with the word before", "甲 乙 ） 丙", 5, []string{"甲", "乙 ）", "丙"}},
		{"opening punctuation before a space stays with the word after", "甲 （ 乙 丙", 5, []string{"甲", "（ 乙", "丙"}},
		{"fullwidth letters are two columns", "ＴＣＰ协议", 6, []string{"ＴＣＰ", "协议"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Wrap(tc.text, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

// chinese holds paragraphs to wrap; checkKinsoku checks each at widths
// 20, 40 and 60.
var chinese = []string{
	sticky,
	"服务器的一生：创建套接字（socket）、绑定地址（bind）、监听（listen）、接受连接（accept），" +
		"然后读、写，最后关闭（close）。Go 把前三步合成了一个 `net.Listen`；" +
		"Python 的 `conn.recv(1024)` 在 Go 里是 `conn.Read(buf)`。",
	"为什么重启服务器时会报“address already in use”？主动关闭的一方会进入 TIME_WAIT 状态，" +
		"大约持续两分钟……在这期间，端口还被占着。解决办法：设置 SO_REUSEADDR（端口复用）。",
	"「粘包」和「半包」都不是 TCP 的错误——TCP 本来就没有“消息”这个概念！三种办法：" +
		"固定长度、分隔符、长度前缀（报头）。",
}

func TestWrapChineseRules(t *testing.T) {
	for _, text := range chinese {
		for _, width := range []int{20, 40, 60} {
			out, err := Render([]byte(text), Options{Width: width})
			if err != nil {
				t.Fatal(err)
			}
			checkKinsoku(t, text, strings.Split(strings.TrimSuffix(out, "\n"), "\n"), width)
			checkKinsoku(t, text, Wrap(text, width), width)
		}
	}
}

// checkKinsoku checks lines wrapped from text at width: every line fits,
// none starts with closing punctuation or ends with opening punctuation,
// no doubled dash or ellipsis is split, and no character is lost or added
// (only spaces may go at line breaks).
func checkKinsoku(t *testing.T, text string, lines []string, width int) {
	t.Helper()
	for i, l := range lines {
		if w := VisibleWidth(l); w > width {
			t.Errorf("width %d: line %q is %d columns", width, l, w)
		}
		if first, _ := utf8.DecodeRuneInString(l); i > 0 && strings.ContainsRune(noLineStart, first) {
			t.Errorf("width %d: line %q starts with %q", width, l, first)
		}
		if last, _ := utf8.DecodeLastRuneInString(l); i < len(lines)-1 && strings.ContainsRune(noLineEnd, last) {
			t.Errorf("width %d: line %q ends with %q", width, l, last)
		}
		if i > 0 {
			before, _ := utf8.DecodeLastRuneInString(lines[i-1])
			after, _ := utf8.DecodeRuneInString(l)
			if before == after && strings.ContainsRune(inseparable, before) {
				t.Errorf("width %d: %q is split between %q and %q", width, string([]rune{before, after}), lines[i-1], l)
			}
		}
	}
	noSpace := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(s) }
	if got, want := noSpace(strings.Join(lines, "")), noSpace(text); got != want {
		t.Errorf("width %d: the lines hold %q, want %q", width, got, want)
	}
}

func TestRenderChineseSoftBreaks(t *testing.T) {
	cases := []struct{ name, md, want string }{
		{"a line break between Chinese characters is no space", "第一行\n第二行", "第一行第二行\n"},
		{"nor after Chinese punctuation", "你好，\n世界。", "你好，世界。\n"},
		{"nor around emphasis", "这是**重点**\n内容", "这是重点内容\n"},
		{"between Chinese and Latin it is a space", "中文\nEnglish\n中文", "中文 English 中文\n"},
		{"between Latin words it is a space", "one\ntwo", "one two\n"},
		{"Korean keeps its spaces", "한국\n어", "한국 어\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render([]byte(tc.md), Options{Width: 40})
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Render(%q) = %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}

// TestRenderCodeSpanCJK checks that a code span is not broken between its
// wide characters any more than at its spaces.
func TestRenderCodeSpanCJK(t *testing.T) {
	got, err := Render([]byte("运行 `读取 数据` 命令"), Options{Width: 12})
	if err != nil {
		t.Fatal(err)
	}
	if want := "运行\n`读取 数据`\n命令\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

const chineseTable = "| Python | Go | 说明 |\n|:---|:---:|---:|\n" +
	"| `socket.socket()` | `net.Listen` | 创建并监听套接字 |\n" +
	"| `conn.recv(1024)` | `conn.Read(buf)` | 最多读 1024 字节，可能更少 |\n" +
	"| `sendall` | `Write` | 写完全部数据 |\n" +
	"| 粘包 | sticky | 两次写，一次读 |\n"

// TestRenderChineseTableAligned renders a table mixing CJK and ASCII at
// widths 20, 40 and 60 and checks that its column separators line up in
// display columns on every row, the header rule's crossings included.
func TestRenderChineseTableAligned(t *testing.T) {
	for _, width := range []int{20, 40, 60} {
		for _, color := range []bool{false, true} {
			out, err := Render([]byte(chineseTable), Options{Width: width, Color: color})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(StripANSI(out), "\n"), "\n")
			if len(lines) != 6 {
				t.Fatalf("width %d: %d lines, want 6:\n%s", width, len(lines), out)
			}
			want := separatorColumns(lines[0], '│')
			if len(want) != 2 {
				t.Fatalf("width %d: header %q has %d separators, want 2", width, lines[0], len(want))
			}
			for i, l := range lines {
				sep := '│'
				if i == 1 {
					sep = '┼'
				}
				if got := separatorColumns(l, sep); !equalInts(got, want) {
					t.Errorf("width %d: separators of %q at columns %v, want %v", width, l, got, want)
				}
				if w := VisibleWidth(l); w > width {
					t.Errorf("width %d: line %q is %d columns", width, l, w)
				}
			}
		}
	}
	out, err := Render([]byte(chineseTable), Options{Width: 60})
	if err != nil {
		t.Fatal(err)
	}
	want := "Python            │        Go        │                  说明\n" +
		"──────────────────┼──────────────────┼──────────────────────\n" +
		"`socket.socket()` │   `net.Listen`   │      创建并监听套接字\n" +
		"`conn.recv(1024)` │ `conn.Read(buf)` │ 最多读 1024 字节，可…\n" +
		"`sendall`         │     `Write`      │          写完全部数据\n" +
		"粘包              │      sticky      │        两次写，一次读\n"
	if out != want {
		t.Errorf("width 60:\n%s\nwant\n%s", out, want)
	}
}

// separatorColumns returns the display columns at which sep occurs in l.
func separatorColumns(l string, sep rune) []int {
	var cols []int
	col := 0
	for g, w := range graphemes(l) {
		if r, _ := utf8.DecodeRuneInString(g); r == sep {
			cols = append(cols, col)
		}
		col += w
	}
	return cols
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
