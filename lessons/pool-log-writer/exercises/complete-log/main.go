// A pool of writers drains a queue of log lines while run works; run recovers from a panic.
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"time"
)

type order struct {
	item       string
	qty, cents int
}

// run prices the orders. Its log lines go through a queue to seven writers, which
// write them to w. A panic while pricing is returned as an error.
func run(w io.Writer, orders []order) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered from panic: %v", r)
		}
	}()

	logger := log.New(w, "", 0) // a Logger takes a lock around each write
	queue := make(chan string, 100)
	var wg sync.WaitGroup
	for range 7 {
		wg.Go(func() {
			for line := range queue {
				time.Sleep(time.Millisecond) // the disk takes a moment
				logger.Print(line)
			}
		})
	}

	queue <- "service started"
	for i, o := range orders {
		queue <- fmt.Sprintf("order %d: %d x %s, %d cents", i, o.qty, o.item, o.cents)
		each := o.cents / o.qty // panics on an order with no items
		queue <- fmt.Sprintf("order %d: %d cents each", i, each)
	}
	queue <- "service stopped"

	close(queue) // no more lines
	wg.Wait()    // every line is written
	return nil
}

func main() {
	orders := []order{{"bread", 2, 700}, {"rolls", 6, 900}, {"cake", 0, 0}, {"rolls", 4, 600}}
	if err := run(os.Stdout, orders); err != nil {
		fmt.Println("run failed:", err)
	}
	fmt.Println("main: done")
}
