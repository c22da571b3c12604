// Try this: In both-at-once, delete wg.Wait()...
package main

import (
	"fmt"
	"os"
	"sync"
)

// show reads one file from the program's working directory and prints it.
func show(name string) {
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("== %s ==\n%s", name, data) // one call per file keeps it in one piece
}

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"morning.txt", "evening.txt"} {
		wg.Go(func() { show(name) }) // start both before waiting for either
	}
	fmt.Println("done!")
}
