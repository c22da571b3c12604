package main

import (
	"fmt"
	"os"
)

func main() {
	data, err := os.ReadFile("greeting.txt")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Printf("read %d bytes: %s", len(data), data)
}
