// Package gobuild builds a learner's program with the Go compiler so that
// it reports its socket calls and output exactly as an interpreted one
// does: the compiled engine, and the interpreter's fallback for the Go it
// does not know (min, slices, iterators, programs of several files).
//
// How: the program's files are copied into a build folder with two kinds
// of change, each on the line it was on, so that the compiler's positions
// still point at the learner's lines:
//
//   - an import of "net" is resolved to "sockbook/net", a package made for
//     the build that forwards net's entry points and connection types to
//     package netwire (the same instrumentation the interpreter installs)
//     and aliases every other name of net;
//   - func main is renamed, and a main of the build's calls netwire.Main
//     with it; os.Exit and log.Fatal* become calls that report the output
//     still on its way first.
//
// The build folder's module requires a module "sockbook" replaced by a
// copy of the instrumentation's source that the sockbook binary carries
// (runner.Instrumentation), so nothing is fetched. An import rewrite in a
// build folder was chosen over go build -overlay because an overlay can
// only replace files of packages that exist: "sockbook/net" and the
// program's new main would still need a module to live in, and the
// rewrite keeps the learner's own files untouched on disk.
//
// Binaries are cached by content: the sources, the Go version and the
// instrumentation's source. Concurrent builds of the same program share
// one build in a process, and processes racing for it each rename a
// finished binary into place, so none sees half a file.
package gobuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// CompileError is a program the Go compiler rejects: Message holds the
// compiler's errors, each file:line:col against the learner's own files,
// with the source line.
type CompileError struct {
	Message string
}

func (e *CompileError) Error() string { return e.Message }

// ErrNoGo is returned when there is no go command to build with.
var ErrNoGo = errors.New("the Go compiler is not installed (get it from https://go.dev/dl, then the go command must be on PATH)")

// Available reports whether the go command is on PATH.
func Available() bool {
	_, err := exec.LookPath("go")
	return err == nil
}

// Builder builds programs. Its zero value is not usable: use New.
type Builder struct {
	cache           string
	instrumentation fs.FS

	envOnce sync.Once
	env     goEnv
	envErr  error

	mirrorOnce sync.Once
	mirror     []byte // the net package made for builds
	mirrorErr  error

	mu       sync.Mutex
	building map[string]*buildJob // by key: builds under way in this process
}

// netMirror returns the source of package "sockbook/net" for the
// installed Go, made once.
func (b *Builder) netMirror(goroot string) ([]byte, error) {
	b.mirrorOnce.Do(func() { b.mirror, b.mirrorErr = makeNetMirror(goroot) })
	return b.mirror, b.mirrorErr
}

// buildJob is one build under way, which other callers wait for.
type buildJob struct {
	done chan struct{}
	bin  string
	err  error
}

// New returns a Builder that keeps binaries in cache (a folder in the
// user's cache folder when empty) and builds programs with the
// instrumentation's source (runner.Instrumentation).
func New(cache string, instrumentation fs.FS) *Builder {
	if cache == "" {
		cache = DefaultCache()
	}
	return &Builder{cache: cache, instrumentation: instrumentation, building: map[string]*buildJob{}}
}

// Cache is the folder the builder keeps binaries in.
func (b *Builder) Cache() string { return b.cache }

// DefaultCache is the folder binaries are kept in unless told otherwise.
func DefaultCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "sockbook", "build")
}

// goEnv is what the go command says of itself.
type goEnv struct {
	version string // "go1.26.8"
	lang    string // "1.26"
	goroot  string
}

func (b *Builder) goEnv(ctx context.Context) (goEnv, error) {
	b.envOnce.Do(func() {
		if !Available() {
			b.envErr = ErrNoGo
			return
		}
		out, err := exec.CommandContext(ctx, "go", "env", "GOVERSION", "GOROOT").Output()
		if err != nil {
			b.envErr = fmt.Errorf("go env: %w", err)
			return
		}
		f := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(f) < 2 {
			b.envErr = fmt.Errorf("go env: unexpected output %q", out)
			return
		}
		b.env = goEnv{version: strings.TrimSpace(f[0]), goroot: strings.TrimSpace(f[1])}
		parts := strings.SplitN(strings.TrimPrefix(b.env.version, "go"), ".", 3)
		b.env.lang = "1.22"
		if len(parts) >= 2 {
			b.env.lang = parts[0] + "." + parts[1]
		}
	})
	return b.env, b.envErr
}

// Build builds the program made of files (by base name; mainPath names it
// for messages, such as "exercises/echo-upper/main.go") and returns the
// binary's path. A program the compiler rejects gives a *CompileError.
func (b *Builder) Build(ctx context.Context, files map[string][]byte, mainPath string) (string, error) {
	env, err := b.goEnv(ctx)
	if err != nil {
		return "", err
	}
	key, err := b.key(env, files)
	if err != nil {
		return "", err
	}
	bin := filepath.Join(b.cache, key, "program")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	b.mu.Lock()
	if cur, ok := b.building[key]; ok {
		b.mu.Unlock()
		select {
		case <-cur.done:
			return cur.bin, cur.err
		case <-ctx.Done():
			return "", fmt.Errorf("go build: %w", ctx.Err())
		}
	}
	cur := &buildJob{done: make(chan struct{})}
	b.building[key] = cur
	b.mu.Unlock()

	cur.bin, cur.err = b.buildInto(ctx, env, bin, files, mainPath)
	close(cur.done)
	b.mu.Lock()
	delete(b.building, key)
	b.mu.Unlock()
	return cur.bin, cur.err
}

// key names a build by everything that goes into it.
func (b *Builder) key(env goEnv, files map[string][]byte) (string, error) {
	h := sha256.New()
	fmt.Fprintln(h, env.version, runtime.GOOS, runtime.GOARCH)
	err := fs.WalkDir(b.instrumentation, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(b.instrumentation, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("go build: instrumentation: %w", err)
	}
	for _, name := range sortedNames(files) {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// buildInto builds the program in a fresh folder and renames the binary
// to bin.
func (b *Builder) buildInto(ctx context.Context, env goEnv, bin string, files map[string][]byte, mainPath string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", fmt.Errorf("go build: %w", err)
	}
	dir, err := os.MkdirTemp(filepath.Dir(bin), "src-")
	if err != nil {
		return "", fmt.Errorf("go build: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := b.writeModule(env, dir, files); err != nil {
		return "", err
	}
	tmp := filepath.Join(dir, "program.bin")
	out, err := goBuild(ctx, dir, tmp)
	if err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("go build: %w", ctx.Err())
		}
		// The learner's own files, as written, give the messages a
		// learner can act on.
		return "", b.compileError(ctx, env, files, mainPath, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", fmt.Errorf("go build: %w", err)
	}
	return bin, nil
}

// compileError builds the program as written, without instrumentation,
// to report the compiler's own words on the learner's files. A program
// that builds that way but not instrumented is sockbook's fault.
func (b *Builder) compileError(ctx context.Context, env goEnv, files map[string][]byte, mainPath string, instrumentedOut string) error {
	dir, err := os.MkdirTemp("", "sockbook-plain-")
	if err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module program\n\ngo "+env.lang+"\n"), 0o644); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			return fmt.Errorf("go build: %w", err)
		}
	}
	out, err := goBuild(ctx, dir, filepath.Join(dir, "program.bin"))
	if err == nil {
		return fmt.Errorf("go build: the program builds, but not with sockbook's instrumentation (a bug of sockbook's):\n%s", instrumentedOut)
	}
	return &CompileError{Message: withSourceLines(cleanOutput(out, dir, mainPath), files)}
}

// goBuild runs go build in dir and returns its output.
func goBuild(ctx context.Context, dir, out string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, ".")
	cmd.Dir = dir
	// -mod=mod lets a program import a module the cache or the proxy has
	// (golang.org/x/text, say); GOTOOLCHAIN=local keeps the installed Go.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	return buf.String(), err
}

// writeModule writes the build folder: the program's files rewritten, the
// build's main, the instrumentation's module and the net package made for
// the build.
func (b *Builder) writeModule(env goEnv, dir string, files map[string][]byte) error {
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	gomod := "module program\n\ngo " + env.lang + "\n\nrequire sockbook v0.0.0\n\nreplace sockbook => ./sockbook\n"
	if err := write("go.mod", []byte(gomod)); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	if err := write("sockbook/go.mod", []byte("module sockbook\n\ngo "+env.lang+"\n")); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	err := fs.WalkDir(b.instrumentation, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := fs.ReadFile(b.instrumentation, p)
		if err != nil {
			return err
		}
		return write(path.Join("sockbook/runner", p), data)
	})
	if err != nil {
		return fmt.Errorf("go build: instrumentation: %w", err)
	}
	mirror, err := b.netMirror(env.goroot)
	if err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	if err := write("sockbook/net/net.go", mirror); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	for name, src := range files {
		if err := write(name, rewrite(src)); err != nil {
			return fmt.Errorf("go build: %w", err)
		}
	}
	if err := write("zz_sockbook_main.go", []byte(buildMain)); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	return nil
}

// buildMain is the main of a build: the program's own main runs under
// netwire.Main.
const buildMain = `// Code generated by sockbook; DO NOT EDIT.

package main

import sockbookwire "sockbook/runner/netwire"

func main() { sockbookwire.Main(sockbookMain) }

func sockbookExit(code int) { sockbookwire.Exit(code) }

func sockbookFatal(v ...any) { sockbookwire.Fatal(v...) }

func sockbookFatalf(format string, v ...any) { sockbookwire.Fatalf(format, v...) }

func sockbookFatalln(v ...any) { sockbookwire.Fatalln(v...) }
`

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
