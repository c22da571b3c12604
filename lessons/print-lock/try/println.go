// Try this: In one-write, replace say with fmt.Println("Hello Num", n)...
// No lock at all: each goroutine builds its whole line first and writes it in one call.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// say joins the parts and hands the finished line to standard output in a single
// write. Go's os.Stdout never mixes the bytes of two writes.
func say(parts ...string) {
	fmt.Print(strings.Join(parts, ""))
}

func main() {
	var wg sync.WaitGroup
	for n := range 20 {
		wg.Go(func() {
			time.Sleep(200 * time.Millisecond) // all twenty wake at the same moment
			fmt.Println("Hello Num", n)
		})
	}
	wg.Wait()
}
