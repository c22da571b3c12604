// Try this: In colours, set raw = true...
// Ids in ANSI colours. The output panel shows plain text, so the codes
// are printed quoted: you see exactly the bytes a terminal would colour.
package main

import (
	"fmt"
	"os"
	"sync"
)

const (
	red   = "\x1b[31;1m" // ESC [ 31;1 m: bold red
	green = "\x1b[32;1m" // ESC [ 32;1 m: bold green
	reset = "\x1b[0m"    // ESC [ 0 m: back to normal
)

// raw decides whether the codes are sent as they are (for a terminal)
// or quoted (readable in the playground's text-only panel).
const raw = true

func info(title, colour, who, startedBy string) {
	label := colour + title + reset
	if raw {
		fmt.Println(label)
	} else {
		fmt.Printf("%q\n", label)
	}
	fmt.Printf("  I am %s, started by %s, in process %d\n", who, startedBy, os.Getpid())
}

func main() {
	info("TheParent", green, "main", "the runtime")

	var wg sync.WaitGroup
	wg.Go(func() { info("TheChild", red, "goroutine 1", "main") })
	wg.Wait()
}
