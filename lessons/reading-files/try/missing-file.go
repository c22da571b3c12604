// Try this: In one-by-one, add a third name that does not exist, noon.txt...
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
	for _, name := range []string{"morning.txt", "evening.txt", "noon.txt"} {
		wg.Go(func() { show(name) })
		wg.Wait() // the second worker starts only after the first has printed
	}
	fmt.Println("done!")
}
