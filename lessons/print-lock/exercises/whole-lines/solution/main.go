// Goroutines that each write one line to a shared writer. Each line is built first
// and handed to the writer in a single write, so no other line can get into it.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// say joins its parts and writes the finished line to w in one call. A writer such
// as os.Stdout never mixes the bytes of two writes, so no lock is needed. (The
// other cure, a mutex held from the first part to the last, works too, but makes
// every goroutine wait for the others just to print.)
func say(w io.Writer, parts ...string) {
	io.WriteString(w, strings.Join(parts, ""))
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
