// Try this: In fetch, add "missing.txt" to names...
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
)

// first20 fetches url and returns the first 20 bytes of the body, quoted.
func first20(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return "error: " + err.Error()
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return resp.Status
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("%q", body[:min(20, len(body))]) // %q shows a newline as \n
}

func main() {
	// The page's own address; the lesson's files are served below it.
	base := os.Getenv("PLAYGROUND_ORIGIN") + "/lessons/reading-files/files/"
	names := []string{"morning.txt", "evening.txt", "missing.txt"}

	// The answers arrive in whatever order the network delivers them, so each
	// worker writes only its own slot, and main prints them in a fixed order.
	results := make([]string, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { results[i] = first20(base + name) })
	}
	wg.Wait() // both fetches are done (or failed) before we look at results
	for i, name := range names {
		fmt.Printf("%s: %s\n", name, results[i])
	}
	fmt.Println("done!")
}
