// Command mutate measures the checkers by mutation testing. It changes
// every exercise's reference solution (solutions/<id>/main.go) with go/ast,
// one mechanical change per mutant (a statement deleted, a condition
// negated, an integer constant off by one, < for <=, == for !=, one Read
// for io.ReadFull, one byte order for the other, a Close, a deadline or a
// limit check dropped, break for continue), builds every mutant that
// compiles with the go command, and plays the exercise's scenarios against
// it as a native process, until one fails: the mutant is killed. A mutant
// that passes every scenario survives.
//
// Every survivor must be either killed by a new scenario or listed in
// equivalent.txt, next to this file, with the reason no behaviour the
// protocol fixes differs. The command exits 1 when a survivor is neither,
// when a listed mutant was killed after all (the list is wrong), or when a
// mutant could not be judged.
//
// Usage, from anywhere in the module:
//
//	go run ./runner/check/mutate              every exercise
//	go run ./runner/check/mutate -only line-frames,length-prefix
//	go run ./runner/check/mutate -list        the mutants, without running them
//
// Mutants are checked -j at a time (GOMAXPROCS by default), each one's
// scenarios one after another, the slowest last.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
)

func main() {
	only := flag.String("only", "", "comma-separated exercise ids to mutate (default: all)")
	jobs := flag.Int("j", runtime.GOMAXPROCS(0), "mutants checked at once")
	list := flag.Bool("list", false, "list the mutants that compile, and run nothing")
	verbose := flag.Bool("v", false, "print every mutant's verdict as it comes")
	flag.Parse()
	if flag.NArg() > 0 || *jobs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	opts := options{Jobs: *jobs}
	if *only != "" {
		opts.Only = strings.Split(*only, ",")
	}
	if *verbose {
		opts.Progress = os.Stderr
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(2)
	}
	opts.Root = root
	if *list {
		if err := listMutants(os.Stdout, opts); err != nil {
			fmt.Fprintln(os.Stderr, "mutate:", err)
			os.Exit(2)
		}
		return
	}
	reports, err := analyse(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(2)
	}
	printReports(os.Stdout, reports)
	for _, r := range reports {
		if !r.clean() {
			os.Exit(1)
		}
	}
}
