// Try this: In locked, remove the sleep and start only 10 goroutines...
// The same twenty goroutines; a mutex lets one at a time write its whole line.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var out sync.Mutex // guards standard output

// say writes its parts one by one. Between two parts another goroutine may run,
// but it cannot write until this line is complete.
func say(parts ...string) {
	out.Lock()
	defer out.Unlock()
	for _, p := range parts {
		fmt.Print(p)
		runtime.Gosched()
	}
}

func main() {
	var wg sync.WaitGroup
	for n := range 10 {
		wg.Go(func() {
			say("Hello ", "Num ", fmt.Sprintln(n))
		})
	}
	wg.Wait()
}
