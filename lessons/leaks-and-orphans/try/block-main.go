// Try this: In leak, add select {} at the end of main...
package main

import (
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"
)

// slowLookup stands in for a call to a slow service: it needs two seconds.
func slowLookup(key string) string {
	time.Sleep(2 * time.Second)
	return "value of " + key
}

// lookup gives up after one second.
func lookup(key string) (string, error) {
	result := make(chan string) // unbuffered: a send waits for a receiver
	go func() {
		result <- slowLookup(key) // nobody receives once lookup has given up
	}()
	select {
	case v := <-result:
		return v, nil
	case <-time.After(time.Second):
		return "", errors.New("timed out")
	}
}

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	for i := range 5 {
		_, err := lookup(fmt.Sprintf("key-%d", i))
		fmt.Printf("lookup %d: %v; goroutines: %d\n", i, err, runtime.NumGoroutine())
	}
	time.Sleep(5 * time.Second) // long enough for every slow lookup to complete
	fmt.Println("five seconds later, goroutines:", runtime.NumGoroutine())
	census()
	select {} // main blocks forever too
}

// census reads a dump of every goroutine's stack, as a leak hunt on a server would,
// and counts the goroutines (other than the caller) stopped in this program's code.
func census() {
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	counts := map[string]int{}
	for _, g := range strings.Split(dump, "\n\n")[1:] { // the caller comes first: skip it
		header, frames, _ := strings.Cut(g, "\n") // "goroutine 7 [chan send]:"
		if !strings.HasPrefix(frames, "main.") {
			continue // one of the runtime's own helpers
		}
		fn, _, _ := strings.Cut(frames, "(")
		state := header[strings.Index(header, "["):]
		counts[fn+" "+strings.TrimSuffix(state, ":")]++
	}
	fmt.Println("goroutines of ours, besides main:")
	if len(counts) == 0 {
		fmt.Println("  none")
	}
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Printf("  %d in %s\n", counts[k], k)
	}
}
