// Try this: In fetch, add a name that does not exist...
// Download five pages on a pool; a callback run by main prints each page's length.
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"sync"
)

type page struct {
	name string
	body []byte
	err  error
}

// get downloads one of this lesson's files from the site.
func get(name string) page {
	url := os.Getenv("PLAYGROUND_ORIGIN") + "/lessons/callbacks/files/" + name
	resp, err := http.Get(url)
	if err != nil {
		return page{name: name, err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return page{name, body, err}
}

func main() {
	names := []string{"home.html", "menu.html", "hours.html", "contact.html", "about.html", "prices.html"}

	// Python's Pool() has one worker per CPU; in the browser that is one.
	workers := runtime.NumCPU()
	tasks := make(chan string, len(names))
	finished := make(chan page, len(names))
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for name := range tasks {
				finished <- get(name)
			}
		})
	}
	for _, name := range names {
		tasks <- name // apply_async: queue the download and move on
	}
	close(tasks)
	go func() { wg.Wait(); close(finished) }()
	fmt.Printf("main: %d downloads queued on %d worker(s)\n", len(names), workers)

	// The callback. Only main calls it, so total needs no lock.
	total := 0
	callback := func(p page) {
		if p.err != nil {
			fmt.Printf("callback: %s failed: %v\n", p.name, p.err)
			return
		}
		total += len(p.body)
		fmt.Printf("callback: %-12s %4d bytes\n", p.name, len(p.body))
	}
	for p := range finished {
		callback(p)
	}
	fmt.Println("main: all done,", total, "bytes in all")
}
