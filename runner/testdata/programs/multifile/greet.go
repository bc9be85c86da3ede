package main

// greet is the reply to a name.
func greet(name string) string { return "hello, " + name }
