package main

import "fmt"

func main() {
	fmt.Println("spinning")
	n := 0
	for {
		n++ // never yields, never ends
	}
}
