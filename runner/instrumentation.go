package runner

import "embed"

// Instrumentation holds the source of the packages a compiled program is
// built with so that it reports its socket calls and output as an
// interpreted one does: netwire and what it needs. The Go compiler builds
// them into the learner's program (see package gobuild); tests are left
// out when they are written out.
//
//go:embed event/*.go childproto/*.go netwire/*.go
var Instrumentation embed.FS
