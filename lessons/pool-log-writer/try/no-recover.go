// Try this: Delete the recover block...
// A pool of 7 writers drains a queue of log lines into a file while main works;
// a failure in main is caught, and the log is still complete up to that point.
package main

import (
	"fmt"
	"log"
	"os"
	"sync"
)

func main() {
	if err := run(); err != nil {
		fmt.Println("main program failed:", err)
	}

	// Read the log back from the (in-memory) file system.
	data, err := os.ReadFile("app.log")
	if err != nil {
		fmt.Println("reading the log:", err)
		return
	}
	fmt.Print("--- app.log ---\n", string(data))
}

func run() (err error) {
	f, err := os.Create("app.log")
	if err != nil {
		return err
	}
	defer f.Close()
	// A log.Logger serializes its writes, so seven goroutines may share it.
	logger := log.New(f, "", 0)

	queue := make(chan string, 100)
	var wg sync.WaitGroup
	for w := range 7 {
		wg.Go(func() {
			for line := range queue {
				logger.Printf("[writer %d] %s", w+1, line)
			}
		})
	}
	// Deferred, so it runs on every way out of run, panics included:
	// close the queue (no more lines), then join the writers.
	defer func() {
		close(queue)
		wg.Wait()
	}()

	orders := []struct {
		item       string
		qty, cents int
	}{{"bread", 2, 700}, {"rolls", 6, 900}, {"cake", 0, 0}, {"rolls", 4, 600}}

	queue <- "service started"
	for i, o := range orders {
		queue <- fmt.Sprintf("order %d: %d x %s, %d cents", i, o.qty, o.item, o.cents)
		each := o.cents / o.qty // panics on the order with no items
		queue <- fmt.Sprintf("order %d: %d cents each", i, each)
		fmt.Printf("order %d done\n", i)
	}
	queue <- "service stopped"
	return nil
}
