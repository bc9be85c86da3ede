package runner

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// GoAvailable reports whether the go command is on PATH, for the go engine.
func GoAvailable() bool {
	_, err := exec.LookPath("go")
	return err == nil
}

// buildNative builds p with the go command into cache, once per content,
// and returns the binary's path. A program that does not compile gives
// the compiler's message in buildErr, not an error.
func buildNative(ctx context.Context, cache string, p Program) (bin, buildErr string, err error) {
	if !GoAvailable() {
		return "", "", fmt.Errorf("the go engine needs the go command on PATH")
	}
	if cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		cache = filepath.Join(dir, "sockbook", "go-build")
	}
	names := make([]string, 0, len(p.Files))
	for name := range p.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version())
	for _, name := range names {
		fmt.Fprintf(h, "%s %d\n", name, len(p.Files[name]))
		h.Write(p.Files[name])
	}
	key := hex.EncodeToString(h.Sum(nil))[:24]
	dir := filepath.Join(cache, key)
	bin = filepath.Join(dir, "program")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if _, err := os.Stat(bin); err == nil {
		return bin, "", nil
	}
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", "", fmt.Errorf("go build: %w", err)
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(src, name), p.Files[name], 0o644); err != nil {
			return "", "", fmt.Errorf("go build: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte("module program\n\ngo "+goVersion(ctx)+"\n"), 0o644); err != nil {
		return "", "", fmt.Errorf("go build: %w", err)
	}
	tmp := bin + ".tmp"
	cmd := exec.CommandContext(ctx, "go", "build", "-o", tmp, ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", "", fmt.Errorf("go build: %w", ctx.Err())
		}
		return "", cleanBuildOutput(out.String(), src, p), nil
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", "", fmt.Errorf("go build: %w", err)
	}
	return bin, "", nil
}

// cleanBuildOutput makes the compiler's messages point at the learner's
// file names instead of the build folder.
func cleanBuildOutput(out, src string, p Program) string {
	dir := filepath.Dir(mainPath(p))
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		line = strings.ReplaceAll(line, src+string(filepath.Separator), "")
		if strings.HasPrefix(line, "./") {
			line = filepath.ToSlash(filepath.Join(dir, line[2:]))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// Diagnose builds p with the go command to tell an interpreter limitation
// from a real mistake: it reports whether the Go compiler accepts p, and
// its messages when it does not.
func Diagnose(ctx context.Context, cache string, p Program) (validGo bool, compilerMsg string, err error) {
	_, msg, err := buildNative(ctx, cache, p)
	if err != nil {
		return false, "", err
	}
	return msg == "", msg, nil
}

// goVersion is the language version of the go command on PATH ("1.26"),
// so that a program may use everything that toolchain knows.
func goVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "go", "env", "GOVERSION").Output()
	v := strings.TrimPrefix(strings.TrimSpace(string(out)), "go")
	parts := strings.SplitN(v, ".", 3)
	if err != nil || len(parts) < 2 {
		return "1.22"
	}
	return parts[0] + "." + parts[1]
}
