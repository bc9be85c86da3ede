package check

import (
	"context"
	"errors"

	"sockbook/runner/check/native"
	"sockbook/runner/event"
	"sockbook/runner/relay"
)

// NativeOptions say how RunNative plays a scenario.
type NativeOptions struct {
	// Dir is the scenario's scratch folder (Env.Dir); it must exist and
	// be empty.
	Dir string
	// Log receives the checker's events; nil drops them.
	Log func(event.Event)
	// Output, if set, receives what each program printed once it has
	// ended: who is "server", "server stderr", "client" or "client
	// stderr".
	Output func(who, text string)
}

// RunNative plays one scenario of ex against bin, a program built with the
// go command and run as a plain process (see package native): for a
// server exercise a fresh server on a free loopback port, stopped when the
// scenario ends; for a client exercise Env.RunClient runs bin. It returns
// the scenario's verdict: nil when the program behaved, a *Failure when it
// did not (a server that never listens included), another error when the
// harness could not work.
func RunNative(ctx context.Context, ex Exercise, sc Scenario, bin string, opts NativeOptions) error {
	timeout := sc.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	output := func(who, text string) {
		if opts.Output != nil && text != "" {
			opts.Output(who, text)
		}
	}

	log := opts.Log
	if log == nil {
		log = func(event.Event) {}
	}
	env := &Env{Dir: opts.Dir, Log: log}
	var relays []*relay.Relay
	defer func() {
		for _, r := range relays {
			r.Close()
		}
	}()
	env.Relay = func(plan relay.Plan) (string, error) {
		r, err := relay.StartTCP(ctx, env.Addr, plan, log)
		if err != nil {
			return "", err
		}
		relays = append(relays, r)
		return r.Addr(), nil
	}
	switch ex.Role {
	case ServerRole:
		srv, addr, err := native.StartServer(bin, ex.Network, func(addr string) []string {
			env.Addr = addr
			if ex.ServerArgs == nil {
				return nil
			}
			return ex.ServerArgs(env)
		})
		var never *native.NotListening
		if errors.As(err, &never) {
			return &Failure{What: "the server did not start", Expected: "the server to listen on " + never.Addr, Got: never.Why}
		}
		if err != nil {
			return err
		}
		env.Addr = addr
		env.ServerRSS = func() (int64, error) { return srv.Status("VmRSS") }
		env.ServerVM = func() (int64, error) { return srv.Status("VmData") }
		env.ServerExit = srv.ExitCode
		defer func() {
			srv.Stop()
			output("server", srv.Stdout())
			output("server stderr", srv.Stderr())
		}()
	case ClientRole:
		env.RunClient = func(ctx context.Context, args []string) (ClientResult, error) {
			r, err := native.RunClient(ctx, bin, args)
			output("client", r.Stdout)
			output("client stderr", r.Stderr)
			return ClientResult{Code: r.Code, Stdout: r.Stdout, Stderr: r.Stderr}, err
		}
	}
	return sc.Run(ctx, env)
}
