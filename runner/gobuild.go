package runner

import (
	"context"
	"errors"

	"sockbook/runner/gobuild"
)

// GoAvailable reports whether the go command is on PATH, for the go and
// auto engines.
func GoAvailable() bool { return gobuild.Available() }

// Diagnose builds p with the Go compiler to tell an interpreter limitation
// from a real mistake: it reports whether the Go compiler accepts p, and
// its messages when it does not. b may be nil (a builder with the default
// cache is used).
func Diagnose(ctx context.Context, b *gobuild.Builder, p Program) (validGo bool, compilerMsg string, err error) {
	if b == nil {
		b = gobuild.New("", Instrumentation)
	}
	_, err = b.Build(ctx, p.Files, mainPath(p))
	var ce *gobuild.CompileError
	switch {
	case errors.As(err, &ce):
		return false, ce.Message, nil
	case err != nil:
		return false, "", err
	}
	return true, "", nil
}
