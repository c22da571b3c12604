// Try this: In ids, start the workers with go worker(...) instead of wg.Go...
// A goroutine has no id and no parent, so main hands it both.
package main

import (
	"fmt"
	"os"
	"time"
)

// worker gets everything it knows as arguments: its id, who started it,
// and the two numbers to add.
func worker(id int, parent string, a, b int) {
	time.Sleep(time.Second)
	fmt.Printf("worker %d: started by %s, in process %d\n", id, parent, os.Getpid())
	fmt.Printf("worker %d: %d + %d = %d\n", id, a, b, a+b)
}

func main() {
	// The browser's host reports 1 for this process and 0 for its parent:
	// there is no operating-system process behind the page.
	fmt.Printf("main: in process %d, whose parent is %d\n", os.Getpid(), os.Getppid())

	go worker(1, "main", 1, 2)
	go worker(2, "main", 10, 20)
	fmt.Println("main: both workers are done")
}
