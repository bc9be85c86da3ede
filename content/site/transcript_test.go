package site

import (
	"slices"
	"testing"
)

func TestParseTranscript(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []transcriptLine
	}{
		{"a line of each side", "server │ a\nclient │ b\nrunner │ c\nnet    │ d\n", []transcriptLine{
			{gutter: "server │ ", text: "a", side: "server"},
			{gutter: "client │ ", text: "b", side: "client"},
			{gutter: "runner │ ", text: "c", side: "runner"},
			{gutter: "net    │ ", text: "d", side: "net"},
		}},
		{"a wrapped event's further lines take its side", "client │ long\n       │ longer\n       │ longest", []transcriptLine{
			{gutter: "client │ ", text: "long", side: "client"},
			{gutter: "       │ ", text: "longer", side: "client"},
			{gutter: "       │ ", text: "longest", side: "client"},
		}},
		{"times before the side", "  0.001s server │ up\n  0.002s client │ down", []transcriptLine{
			{gutter: "  0.001s server │ ", text: "up", side: "server"},
			{gutter: "  0.002s client │ ", text: "down", side: "client"},
		}},
		{"a bar in the text is text", "server │ a │ b", []transcriptLine{
			{gutter: "server │ ", text: "a │ b", side: "server"},
		}},
		{"failures and socket errors", "runner │ ✘ timed out\n       │ after 10s\nclient │ ✖ read #1: reset\nclient │ ok", []transcriptLine{
			{gutter: "runner │ ", text: "✘ timed out", side: "runner", fail: true},
			{gutter: "       │ ", text: "after 10s", side: "runner", fail: true},
			{gutter: "client │ ", text: "✖ read #1: reset", side: "client", fail: true},
			{gutter: "client │ ", text: "ok", side: "client"},
		}},
		{"an unknown side has no class", "other │ x\n      │ y", []transcriptLine{
			{gutter: "other │ ", text: "x"},
			{gutter: "      │ ", text: "y"},
		}},
		{"a line without a bar ends the event", "server │ x\nplain\n       │ y", []transcriptLine{
			{gutter: "server │ ", text: "x", side: "server"},
			{text: "plain"},
			{gutter: "       │ ", text: "y"},
		}},
		{"an empty line of output", "server │\nserver │ ", []transcriptLine{
			{gutter: "server │", side: "server"},
			{gutter: "server │ ", side: "server"},
		}},
		{"CJK output", "server │ 粘包", []transcriptLine{
			{gutter: "server │ ", text: "粘包", side: "server"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseTranscript(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("parseTranscript(%q) =\n%+v\nwant\n%+v", tc.text, got, tc.want)
			}
		})
	}
}
