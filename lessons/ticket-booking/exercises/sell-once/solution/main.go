// Buyers share the tickets counted in a JSON file; only one at a time may buy.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// delay stands for a round trip to the booking server.
const delay = 50 * time.Millisecond

type tickets struct {
	Count int `json:"count"`
}

func load(path string) tickets {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	var t tickets
	if err := json.Unmarshal(data, &t); err != nil {
		panic(err)
	}
	return t
}

func save(path string, t tickets) {
	data, _ := json.Marshal(t)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		panic(err)
	}
}

// search only looks at the count.
func search(path string) int {
	t := load(path)
	time.Sleep(delay)
	return t.Count
}

// buy reads the count, waits, and writes back one less if there was a ticket.
func buy(path string) bool {
	t := load(path)
	time.Sleep(delay)
	if t.Count == 0 {
		return false
	}
	t.Count--
	save(path, t)
	return true
}

// sell lets buyers search at the same time, but buy one at a time, and returns how
// many tickets they bought.
func sell(path string, buyers int) int {
	var sold atomic.Int32
	var booking sync.Mutex // guards the file from a buyer's read to its write
	var wg sync.WaitGroup
	for range buyers {
		wg.Go(func() {
			search(path) // looking changes nothing, so it needs no lock
			booking.Lock()
			defer booking.Unlock()
			if buy(path) {
				sold.Add(1)
			}
		})
	}
	wg.Wait()
	return int(sold.Load())
}

func main() {
	path := filepath.Join(os.TempDir(), "tickets.json")
	save(path, tickets{Count: 1})
	start := time.Now()
	sold := sell(path, 5)
	fmt.Printf("tickets sold: %d, the file says %d left (%v)\n",
		sold, load(path).Count, time.Since(start).Round(time.Millisecond))
}
