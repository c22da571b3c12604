// A writer with pauses and a reader that has to know when to stop.
package main

import (
	"fmt"
	"sync"
	"time"
)

// send puts each item on q and pauses after it, the way a slow writer does.
func send(q chan<- string, items []string, pause time.Duration) {
	for _, v := range items {
		q <- v
		time.Sleep(pause)
	}
}

// receive reads items from q and returns them once the writer is done.
func receive(q <-chan string) []string {
	var got []string
	for len(q) > 0 {
		got = append(got, <-q)
	}
	return got
}

// transfer runs a writer and a reader, the reader starting after delay, and returns
// what the reader got.
func transfer(items []string, pause, delay time.Duration) []string {
	q := make(chan string, len(items))
	var got []string
	var wg sync.WaitGroup
	wg.Go(func() { send(q, items, pause) })
	wg.Go(func() {
		time.Sleep(delay)
		got = receive(q)
	})
	wg.Wait()
	return got
}

func main() {
	start := time.Now()
	got := transfer([]string{"A", "B", "C"}, 400*time.Millisecond, time.Second)
	fmt.Printf("got %q after %v\n", got, time.Since(start).Round(time.Millisecond))
}
