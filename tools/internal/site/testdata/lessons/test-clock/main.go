package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(300 * time.Millisecond)
	fmt.Println("slept", time.Since(start).Round(100*time.Millisecond))
}
