// Try this: Put {"count": 3} in the file (unlocked)...
// Five buyers race for the last ticket. The remaining count lives in tickets.json.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

type tickets struct {
	Count int `json:"count"`
}

func load() tickets {
	data, err := os.ReadFile("tickets.json")
	if err != nil {
		panic(err)
	}
	var t tickets
	if err := json.Unmarshal(data, &t); err != nil {
		panic(err)
	}
	return t
}

func save(t tickets) {
	data, _ := json.Marshal(t)
	if err := os.WriteFile("tickets.json", data, 0o644); err != nil {
		panic(err)
	}
}

// search only looks at the count.
func search(name string) {
	t := load()
	time.Sleep(100 * time.Millisecond) // the round trip to the booking server
	fmt.Printf("%s: %d ticket(s) left\n", name, t.Count)
}

// buy reads the count, waits, and writes back one less: a read-modify-write on a file.
func buy(name string) bool {
	t := load()
	time.Sleep(100 * time.Millisecond)
	if t.Count == 0 {
		fmt.Printf("%s: sold out\n", name)
		return false
	}
	t.Count--
	save(t)
	fmt.Printf("%s: bought a ticket\n", name)
	return true
}

func main() {
	save(tickets{Count: 3})
	start := time.Now()
	var sold atomic.Int32
	var wg sync.WaitGroup
	for i := range 5 {
		name := fmt.Sprintf("buyer %d", i)
		wg.Go(func() {
			search(name)
			if buy(name) {
				sold.Add(1)
			}
		})
	}
	wg.Wait()
	fmt.Printf("tickets sold: %d, tickets.json says %d left (%v)\n",
		sold.Load(), load().Count, time.Since(start).Round(time.Millisecond))
}
