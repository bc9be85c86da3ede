package present

import "testing"

// TestFitLineEdges covers what ansi.DecodeSequence hands fitLine beyond
// the common cases of TestFitLine: grapheme clusters, sequences cut
// short, C1 controls and bytes that are not UTF-8.
func TestFitLineEdges(t *testing.T) {
	const family = "👨\u200d👩\u200d👧" // one cluster, two columns
	tests := []struct {
		name  string
		in    string
		width int
		want  string
	}{
		{"a cluster is never split", family + "x", 3, family + "x"},
		{"a cluster that does not fit is cut whole", family + family, 3, family + "…"},
		{"an accent stays with its letter", "e\u0301e\u0301e\u0301", 2, "e\u0301…"},
		{"an unterminated link is dropped", "a\x1b]8;;http://x", 10, "a"},
		{"a cancelled link is dropped", "a\x1b]8;;http://x\x18bc", 10, "abc"},
		{"a link ended by BEL is kept", "\x1b]8;;u\alink\x1b]8;;\a!", 10, "\x1b]8;;u\alink\x1b]8;;\a!"},
		{"an unfinished CSI is dropped", "ab\x1b[3", 10, "ab"},
		{"private CSI sequences are dropped", "\x1b[?25lhid", 10, "hid"},
		{"C1 controls and stray bytes are dropped", "a\u0085b\xffc", 10, "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fitLine(tt.in, tt.width); got != tt.want {
				t.Errorf("fitLine(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}
