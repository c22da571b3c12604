// Try this: Keep that change, and instead pass main's WaitGroup into process...
// A goroutine that starts a goroutine, like a thread started inside a process.
package main

import (
	"fmt"
	"sync"
	"time"
)

// process plays the Python child process; it starts a "thread" of its own.
func process(name string, wg *sync.WaitGroup) {
	fmt.Println("hello", name)

	wg.Go(func() {
		time.Sleep(time.Second)
		fmt.Println("Thread", name)
	})

	// A Python process waits for its non-daemon threads before it exits.
	// A goroutine does not: it waits only if it is told to.
	fmt.Println("process", name, "is done")
}

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { process("World", &wg) })
	wg.Wait() // like p.join()
	fmt.Println("main: done")
}
