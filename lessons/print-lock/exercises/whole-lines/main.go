// Goroutines that each write one line to a shared writer, in three pieces.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"
)

// say writes its parts to w one by one. Between two parts another goroutine may run,
// as it may on a real machine while a slow terminal or pipe takes the previous part.
func say(w io.Writer, parts ...string) {
	for _, p := range parts {
		io.WriteString(w, p)
		runtime.Gosched()
	}
}

// greet starts n goroutines that each write "Hello Num i" to w, and waits for them.
func greet(w io.Writer, n int) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			time.Sleep(10 * time.Millisecond) // all n wake at the same moment
			say(w, "Hello ", "Num ", fmt.Sprintln(i))
		})
	}
	wg.Wait()
}

func main() {
	greet(os.Stdout, 20)
}
