// Try this: In fixed, move the reader's first sleep to 5 s...
// The writer closes the queue when it is finished; the reader ranges over it
// and so reads until the writer says there is no more.
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
	defer close(q) // tell the reader: nothing more will come
	r := rand.New(rand.NewPCG(1, 2))
	for _, v := range []string{"A", "B", "C"} {
		fmt.Printf("%6v  put %s\n", stamp(), v)
		q <- v
		time.Sleep(time.Duration(r.IntN(1000)) * time.Millisecond) // a random pause
	}
}

func read(q <-chan string) {
	time.Sleep(5 * time.Second)
	for v := range q { // waits for each value; ends only when q is closed and empty
		fmt.Printf("%6v  got %s\n", stamp(), v)
	}
	fmt.Printf("%6v  queue closed, reader stops\n", stamp())
}

func main() {
	q := make(chan string, 3)
	var wg sync.WaitGroup
	wg.Go(func() { write(q) })
	wg.Go(func() { read(q) })
	wg.Wait()
	fmt.Printf("%6v  left unread in the queue: %d\n", stamp(), len(q))
}
