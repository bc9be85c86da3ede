// A client that does nothing at all and exits 0: every scenario must
// fail.
package main

func main() {}
