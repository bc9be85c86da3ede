package gobuild

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"sockbook/runner/netwire"
)

// TestReplacedNames: the names the mirror forwards to netwire are the
// ones netwire replaces.
func TestReplacedNames(t *testing.T) {
	if !slices.Equal(replacedNames, netwire.Replaced) {
		t.Errorf("gobuild forwards %v, netwire replaces %v", replacedNames, netwire.Replaced)
	}
}

func TestRewrite(t *testing.T) {
	tests := []struct {
		name      string
		src, want string
	}{
		{"net import", "package main\n\nimport \"net\"\n\nfunc main() { net.Dial(\"tcp\", \"x\") }\n",
			"package main\n\nimport net \"sockbook/net\"\n\nfunc sockbookMain() { net.Dial(\"tcp\", \"x\") }\n"},
		{"a named net import keeps its name", "package main\n\nimport n \"net\"\n\nfunc main() { n.Dial(\"tcp\", \"x\") }\n",
			"package main\n\nimport n \"sockbook/net\"\n\nfunc sockbookMain() { n.Dial(\"tcp\", \"x\") }\n"},
		{"exits", "package main\n\nimport (\n\t\"log\"\n\t\"os\"\n)\n\nfunc main() {\n\tlog.Fatalf(\"%d\", 1)\n\tos.Exit(3)\n}\n",
			"package main\n\nimport (\n\t\"log\"\n\t\"os\"\n)\n\nfunc sockbookMain() {\n\tsockbookFatalf(\"%d\", 1)\n\tsockbookExit(3)\n}\n\nvar _ = log.Fatal\n\nvar _ = os.Exit\n"},
		{"a method named main is not main", "package main\n\ntype t struct{}\n\nfunc (t) main() {}\n", "package main\n\ntype t struct{}\n\nfunc (t) main() {}\n"},
		{"a file that does not parse is left as it is", "package main\n\nfunc main( {\n", "package main\n\nfunc main( {\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(rewrite([]byte(tt.src)))
			if got != tt.want {
				t.Errorf("rewrite:\n%s\nwant:\n%s", got, tt.want)
			}
			// Every line keeps its number, so the compiler's positions hold.
			if strings.Count(tt.src, "\n") > strings.Count(got, "\n") {
				t.Errorf("lines were lost")
			}
		})
	}
}

func TestCleanOutputAndSourceLines(t *testing.T) {
	files := map[string][]byte{"main.go": []byte("package main\n\nfunc main() {\n\tx := 1\n}\n")}
	out := "# program\n./main.go:4:2: declared and not used: x\n"
	got := withSourceLines(cleanOutput(out, "/tmp/build", "exercises/hello-once/main.go"), files)
	want := "exercises/hello-once/main.go:4:2: declared and not used: x\n        x := 1\n        ^"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestNoGo: without a go command, Build says how to get one.
func TestNoGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := New(t.TempDir(), nil).Build(t.Context(), map[string][]byte{"main.go": []byte("package main\n")}, "main.go")
	if !errors.Is(err, ErrNoGo) || !strings.Contains(err.Error(), "go.dev/dl") {
		t.Errorf("Build = %v, want ErrNoGo saying where to get Go", err)
	}
}
