// Producers and consumers joined by one channel.
package main

import (
	"fmt"
	"sync"
	"time"
)

func produce(q chan<- string, batch []string) {
	for _, bun := range batch {
		time.Sleep(10 * time.Millisecond) // baking takes a moment
		q <- bun
	}
}

func consume(q <-chan string, eat func(string)) {
	// range receives until q is closed and every buffered bun has been taken, so no
	// value has to be kept back as a marker.
	for bun := range q {
		time.Sleep(5 * time.Millisecond) // and so does eating
		eat(bun)
	}
}

// eatAll runs one producer per batch and the given number of consumers, and returns
// every bun eaten, in the order they were eaten.
func eatAll(batches [][]string, consumers int) []string {
	q := make(chan string, 10)

	var mu sync.Mutex
	var eaten []string
	eat := func(bun string) {
		mu.Lock()
		defer mu.Unlock()
		eaten = append(eaten, bun)
	}

	var producing, consuming sync.WaitGroup
	for _, batch := range batches {
		producing.Go(func() { produce(q, batch) })
	}
	for range consumers {
		consuming.Go(func() { consume(q, eat) })
	}

	producing.Wait() // no producer will send again...
	close(q)         // ...so close: one signal reaches every consumer
	consuming.Wait()
	return eaten
}

func main() {
	batches := [][]string{{"bun 0.0", "bun 0.1"}, {"bun 1.0", "bun 1.1"}, {"bun 2.0", "bun 2.1"}}
	fmt.Println(eatAll(batches, 2))
}
