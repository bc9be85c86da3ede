// A client that does nothing at all and exits 1: every scenario must fail
// but those where exit status 1 is all a client can show (no server, no
// file).
package main

import "os"

func main() { os.Exit(1) }
