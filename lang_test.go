package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sockbook/content/i18n"
	"sockbook/content/render"
	"sockbook/runner/runnertest"
)

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// TestLocaleChoosesLanguage: with no --lang, the locale decides, and a
// Chinese locale lists the lessons under their Chinese titles.
func TestLocaleChoosesLanguage(t *testing.T) {
	for _, tc := range []struct {
		lcAll, lang string
		want        i18n.Lang
	}{
		{"", "zh_CN.UTF-8", i18n.ZH},
		{"", "en_US.UTF-8", i18n.EN},
		{"C", "zh_CN.UTF-8", i18n.EN},
	} {
		t.Setenv("LC_ALL", tc.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tc.lang)
		env := osEnv()
		if env.lang != tc.want {
			t.Errorf("LC_ALL=%q LANG=%q: language %v, want %v", tc.lcAll, tc.lang, env.lang, tc.want)
		}
		var out bytes.Buffer
		env.stdout, env.term = &out, pipe
		if code := dispatch(context.Background(), env, []string{"list"}); code != exitOK {
			t.Fatalf("list: exit %d", code)
		}
		if chinese := strings.Contains(out.String(), "客户端发出三行，服务端逐行回显"); chinese != (tc.want == i18n.ZH) {
			t.Errorf("LANG=%q: list in Chinese %v, want %v:\n%s", tc.lang, chinese, tc.want == i18n.ZH, out.String())
		}
	}
}

// TestLangFlag: every command that prints workbook text takes --lang,
// which beats the locale; an unknown language is a usage error.
func TestLangFlag(t *testing.T) {
	cases := []struct {
		env  i18n.Lang // the locale's language
		args []string
		want []string // in stdout
	}{
		{i18n.EN, []string{"list", "--lang", "zh"}, []string{"1. basics", "一来一回各一条消息，然后双方关闭", "练习 — 向一个客户端问好", "glossary — 术语表", "读一章"}},
		{i18n.ZH, []string{"list", "--lang", "en"}, []string{"One message each way, then both close", "exercise — Say hello to one client", "glossary — Glossary"}},
		{i18n.EN, []string{"read", "glossary", "--lang", "zh"}, []string{"术语表", "粘包（sticky packets）"}},
		{i18n.EN, []string{"read", "glossary"}, []string{"Glossary", "sticky packets (粘包)"}},
		{i18n.ZH, []string{"read", "glossary"}, []string{"术语表"}},
		{i18n.ZH, []string{"read", "sticky"}, []string{"粘包（sticky packets）：一条消息在哪里结束？", "sticky/two-writes"}},
		{i18n.EN, []string{"hint", "line-frames", "--lang", "zh"}, []string{"提示 1/3：", "TCP 是字节流", "--all 显示全部"}},
		{i18n.ZH, []string{"hint", "line-frames", "--lang", "en", "--all"}, []string{"Hint 3 of 3:", "That was the last hint."}},
		{i18n.EN, []string{"run", "basics/hello", "--lang", "zh"}, []string{"basics/hello — 一来一回各一条消息，然后双方关闭\n"}},
		{i18n.ZH, []string{"run", "basics/hello", "--lang", "en", "--layout", "columns"}, []string{"basics/hello — One message each way, then both close\n"}},
		{i18n.ZH, []string{"init", t.TempDir()}, []string{"已写入 ", "下一步：cd "}},
		{i18n.EN, []string{"check", "hello-once", "solutions/hello-once/starter/main.go", "--lang", "zh"}, []string{
			fmt.Sprintf("用 hello-once 的 %d 个场景检查", len(mustFind(t, "hello-once").Scenarios)), "未通过：", "第一个失败的场景：", "预期：", "实际：", "这个场景的运行记录", "卡住了？"}},
	}
	for _, tc := range cases {
		t.Run(tc.env.String()+" "+strings.Join(tc.args, " "), func(t *testing.T) {
			var out, errs bytes.Buffer
			env := &cliEnv{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), term: pipe, child: runnertest.Command(), lang: tc.env}
			if code := dispatch(context.Background(), env, tc.args); code == exitUsage {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
	for _, cmd := range [][]string{{"list"}, {"read", "basics"}, {"present", "basics"}, {"run", "basics/hello"}, {"check", "hello-once", "x.go"}, {"hint", "hello-once"}, {"watch"}, {"export", "--html", t.TempDir()}, {"init", t.TempDir()}} {
		code, _, stderr := sockbook(t, pipe, append(cmd, "--lang", "fr")...)
		if code != exitUsage || !strings.Contains(stderr, `unknown language "fr"`) {
			t.Errorf("%s --lang fr: exit %d, stderr %q; want a usage error", strings.Join(cmd, " "), code, stderr)
		}
	}
}

// TestTextsTranslated: every text of the command line has a Chinese
// translation that takes the same arguments as the English.
func TestTextsTranslated(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)
	en, zh := reflect.ValueOf(textsEN), reflect.ValueOf(textsZH)
	for i := 0; i < en.NumField(); i++ {
		name := en.Type().Field(i).Name
		e, z := en.Field(i).String(), zh.Field(i).String()
		if e == "" || z == "" {
			t.Errorf("%s: empty (English %q, Chinese %q)", name, e, z)
			continue
		}
		if !hasHan(z) && strings.ContainsFunc(e, unicode.IsLetter) {
			t.Errorf("%s: %q is not in Chinese", name, z)
		}
		// The English's arguments, one per verb, of the verb's kind.
		var args []any
		for _, v := range verb.FindAllString(e, -1) {
			switch v[len(v)-1] {
			case 'd':
				args = append(args, len(args)+1)
			default:
				args = append(args, fmt.Sprintf("<%d>", len(args)+1))
			}
		}
		ge, gz := fmt.Sprintf(e, args...), fmt.Sprintf(z, args...)
		if strings.Contains(ge, "%!") || strings.Contains(gz, "%!") {
			t.Errorf("%s: the Chinese does not take the English's arguments:\n%s\n%s", name, ge, gz)
		}
		for _, a := range args {
			if s := fmt.Sprint(a); !strings.Contains(gz, s) {
				t.Errorf("%s: the Chinese leaves out argument %s: %q", name, s, gz)
			}
		}
	}
}

// TestReadChineseThroughTheBinary: with a Chinese locale, the built
// binary's `read sticky` is the Chinese chapter, and at 60, 80 and 100
// columns every line of prose fits and none starts with punctuation that
// closes or ends with one that opens (code boxes and transcripts, drawn
// with │, are not wrapped).
func TestReadChineseThroughTheBinary(t *testing.T) {
	bin := runnertest.Command()[0] // the sockbook binary, without the child's argument
	for _, width := range []int{60, 80, 100} {
		cmd := exec.Command(bin, "read", "sticky", "--width", fmt.Sprint(width))
		cmd.Env = append(os.Environ(), "LANG=zh_CN.UTF-8", "LC_ALL=", "LC_MESSAGES=", "NO_COLOR=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("read sticky --width %d: %v", width, err)
		}
		if !strings.HasPrefix(string(out), "粘包（sticky packets）：一条消息在哪里结束？") {
			t.Fatalf("width %d: not the Chinese chapter:\n%.300s", width, out)
		}
		for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
			if strings.Contains(line, "│") || strings.HasPrefix(line, "  ") {
				continue
			}
			if w := render.VisibleWidth(line); w > width {
				t.Errorf("width %d: a line of %d columns: %q", width, w, line)
			}
			if first, _ := utf8.DecodeRuneInString(line); strings.ContainsRune("，。、；：？！）」』》", first) {
				t.Errorf("width %d: a line starts with %q: %q", width, first, line)
			}
			if last, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune("（「『《", last) {
				t.Errorf("width %d: a line ends with %q: %q", width, last, line)
			}
		}
	}
}
