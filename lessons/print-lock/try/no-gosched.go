// Try this: In unlocked, delete runtime.Gosched()...
// Twenty goroutines each print "Hello Num n", writing the line in three pieces.
package main

import (
	"fmt"
	"sync"
	"time"
)

// say writes its parts one by one. Between two parts another goroutine may run,
// as it may on a real machine while a slow terminal or pipe takes the previous part.
func say(parts ...string) {
	for _, p := range parts {
		fmt.Print(p)
	}
}

func main() {
	var wg sync.WaitGroup
	for n := range 20 {
		wg.Go(func() {
			time.Sleep(200 * time.Millisecond) // all twenty wake at the same moment
			say("Hello ", "Num ", fmt.Sprintln(n))
		})
	}
	wg.Wait()
}
