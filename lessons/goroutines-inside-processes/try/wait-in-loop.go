// Try this: In joined, move wg.Wait() into the loop...
// The same ten goroutines, and a WaitGroup so main waits for them.
package main

import (
	"fmt"
	"sync"
	"time"
)

func greet(name string) {
	time.Sleep(2 * time.Second)
	fmt.Println("hello", name)
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for n := range 10 {
		wg.Go(func() { greet(fmt.Sprintf("bob %d", n)) })
		wg.Wait() // what Python does for you at exit for non-daemon processes
	}
	fmt.Println("main: started ten goroutines, waiting")
	fmt.Printf("main: all ten done in %v\n", time.Since(start).Round(time.Millisecond))
}
