package main

import "fmt"

func main() {
	fmt.Println("I forgot to listen")
}
