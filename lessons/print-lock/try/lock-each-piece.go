// Try this: In locked, move out.Lock() and out.Unlock() inside the loop...
// The same twenty goroutines; a mutex lets one at a time write its whole line.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var out sync.Mutex // guards standard output

// say writes its parts one by one. Between two parts another goroutine may run,
// but it cannot write until this line is complete.
func say(parts ...string) {
	for _, p := range parts {
		out.Lock()
		fmt.Print(p)
		out.Unlock()
		runtime.Gosched()
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
