// Command sockbook is an interactive workbook that teaches TCP and UDP
// socket programming in Go: it renders chapters, runs each lesson's server
// and client side by side with a transcript of both, and checks exercise
// solutions against scenarios a naive program fails.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"sockbook/content/i18n"
	"sockbook/runner"
	"sockbook/runner/child"
	"sockbook/runner/childproto"
	"sockbook/runner/gobuild"
)

// Exit statuses, for scripts.
const (
	exitOK     = 0   // the command did what was asked
	exitFailed = 1   // a run or a check failed
	exitUsage  = 2   // the command was misused
	exitInt    = 130 // interrupted by Ctrl-C
)

// command is one sockbook subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) int
}

// cliEnv is what every command may use: its streams, the terminal, and
// the command that starts a program's child process.
type cliEnv struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	term           terminal
	// child starts one program under the interpreter: this binary with
	// childproto.Arg. Tests put a binary built without the race detector here.
	child []string
	// lang is the language the locale asks for (i18n.FromLocale), the
	// default of every command's --lang.
	lang i18n.Lang
	// builder builds programs with the Go compiler (engines auto and go);
	// nil gives each run one of its own.
	builder *gobuild.Builder
}

func commands() []command {
	return []command{
		{"run", "run a lesson's server and client side by side", cmdRun},
		{"list", "list the chapters and their lessons", cmdList},
		{"read", "read a chapter in the terminal", cmdRead},
		{"present", "present a chapter one section per screen, for a class", cmdPresent},
		{"export", "write the chapters as a static web site", cmdExport},
		{"init", "create a workspace with a starter for every exercise", cmdInit},
		{"check", "check an exercise solution", cmdCheck},
		{"grade", "check every exercise of a class's workspaces: a table and reports", cmdGrade},
		{"watch", "re-check the current exercise on every save", cmdWatch},
		{"hint", "show an exercise's next hint", cmdHint},
		{"solution", "show an exercise's reference solution (after a pass)", cmdSolution},
		{"reset", "put an exercise's starter back", cmdReset},
	}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == childproto.Arg {
		os.Exit(child.Main())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(dispatch(ctx, osEnv(), os.Args[1:]))
}

// osEnv is the environment of the process: its standard streams, its
// terminal, this binary to start children with, and the locale's language.
func osEnv() *cliEnv {
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0] // the path we were started by serves as well
	}
	return &cliEnv{
		stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin,
		term:    detectTerminal(os.Stdout),
		child:   []string{exe, childproto.Arg},
		lang:    i18n.FromLocale(os.Getenv),
		builder: gobuild.New("", runner.Instrumentation),
	}
}

// dispatch runs the command named by args[0].
func dispatch(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.stderr, "sockbook: unknown command %q\n\n", args[0])
	usage(env.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sockbook: learn TCP and UDP socket programming in Go, in the terminal.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: sockbook <command> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Start with:  sockbook list        then  sockbook run basics/echo")
	fmt.Fprintln(w, "Each command has --help.")
}
