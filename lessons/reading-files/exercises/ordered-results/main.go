// Four slow file reads; readAll returns their contents in the order of the names.
package main

import (
	"fmt"
	"sync"
	"time"
)

// readAll reads every file with read and returns the contents in the order of names.
func readAll(names []string, read func(name string) string) []string {
	var results []string
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Go(func() { results = append(results, read(name)) })
		wg.Wait() // the next read starts only after this one has finished
	}
	return results
}

// disk stands in for a slow disk: every read takes one second.
var disk = map[string]string{
	"morning.txt": "feed the cat",
	"noon.txt":    "eat lunch",
	"evening.txt": "read one chapter",
	"night.txt":   "lock the door",
}

func slowRead(name string) string {
	time.Sleep(time.Second)
	return disk[name]
}

func main() {
	start := time.Now()
	names := []string{"morning.txt", "noon.txt", "evening.txt", "night.txt"}
	for i, text := range readAll(names, slowRead) {
		fmt.Printf("%s: %s\n", names[i], text)
	}
	fmt.Println("done! after", time.Since(start).Round(time.Millisecond))
}
