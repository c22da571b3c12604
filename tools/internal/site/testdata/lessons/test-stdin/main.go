package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	for {
		fmt.Print("Your name? ")
		if !in.Scan() {
			fmt.Println("\nno more input")
			return
		}
		if in.Text() == "" {
			continue
		}
		fmt.Printf("hello, %s <b>bold?</b>\n", in.Text())
		return
	}
}
