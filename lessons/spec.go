package lessons

import (
	"strings"

	"sockbook/runner"
)

// Spec returns the run a lesson describes: its server and client
// programs, the client's input, the network and the fault plan.
func (l Lesson) Spec() (runner.Spec, error) {
	server, err := program(l.ServerDir(), l.ServerArgs)
	if err != nil {
		return runner.Spec{}, err
	}
	client, err := program(l.ClientDir(), l.ClientArgs)
	if err != nil {
		return runner.Spec{}, err
	}
	return runner.Spec{
		Server:  server,
		Client:  client,
		Network: l.Network,
		Input:   strings.NewReader(l.Input),
		Faults:  l.Faults,
	}, nil
}

// program loads one of the lesson's programs from the embedded files.
func program(dir string, args []string) (*runner.Program, error) {
	files, err := Source(dir)
	if err != nil {
		return nil, err
	}
	return &runner.Program{Path: "lessons/" + dir + "/main.go", Files: files, Args: args}, nil
}
