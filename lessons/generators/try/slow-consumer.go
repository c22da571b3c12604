// Try this: In pull, add time.Sleep(time.Second) to the consumer before it yields its thank-you...
package main

import (
	"fmt"
	"iter"
	"time"
)

// consumer is written as a generator, like Python's `item = yield ack`.
// inbox is where the producer puts the next item before resuming it.
func consumer(inbox *string) iter.Seq[string] {
	return func(yield func(string) bool) {
		// The first yield is the "priming" step: run up to here and wait.
		if !yield("ready") {
			return
		}
		for {
			fmt.Println("  consumer ate", *inbox)
			time.Sleep(time.Second)
			// Hand an acknowledgement back and pause until the next item.
			if !yield("thanks for " + *inbox) {
				return
			}
		}
	}
}

func main() {
	start := time.Now()
	var inbox string
	// next resumes the consumer until its next yield; only one of the
	// two sides ever runs at a time, so sharing inbox needs no lock.
	next, stop := iter.Pull(consumer(&inbox))
	defer stop() // ends the consumer: its yield returns false

	hello, _ := next() // like next(c) in Python
	fmt.Println("consumer says", hello)
	for i := range 8 {
		inbox = fmt.Sprintf("potato %d", i) // like c.send(...)
		fmt.Println("producer sends", inbox)
		ack, _ := next()
		fmt.Println("producer got:", ack)
	}
	fmt.Println(time.Since(start))
}
