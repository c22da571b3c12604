// Try this: In buggy, add time.Sleep(time.Second) inside the reader's loop... Now let the writer pause up to 3 s
// The reader stops as soon as the queue looks empty, and misses what comes later.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

var start = time.Now()

func stamp() time.Duration { return time.Since(start).Round(time.Millisecond) }

func write(q chan<- string) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, v := range []string{"A", "B", "C"} {
		fmt.Printf("%6v  put %s\n", stamp(), v)
		q <- v
		time.Sleep(time.Duration(r.IntN(3000)) * time.Millisecond) // a random pause of up to 3 s
	}
}

func read(q <-chan string) {
	time.Sleep(time.Second)
	for len(q) > 0 { // BUG: an empty queue does not mean the writer is finished
		fmt.Printf("%6v  got %s\n", stamp(), <-q)
		time.Sleep(time.Second) // as the Python example did
	}
	fmt.Printf("%6v  queue is empty, reader stops\n", stamp())
}

func main() {
	q := make(chan string, 3)
	var wg sync.WaitGroup
	wg.Go(func() { write(q) })
	wg.Go(func() { read(q) })
	wg.Wait()
	fmt.Printf("%6v  left unread in the queue: %d\n", stamp(), len(q))
}
