// Try this: Call close(start) twice...
// Ten goroutines wait for one signal; main sends it when you answer "True".
package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
)

func main() {
	// The event: a channel nobody ever sends on. Closing it wakes every
	// goroutine blocked on <-start, and every later receive returns at once.
	start := make(chan struct{})

	var ready, finished sync.WaitGroup
	for n := range 10 {
		ready.Add(1)
		finished.Go(func() {
			fmt.Printf("goroutine %d: Start\n", n)
			ready.Done()
			<-start // wait for the event
			fmt.Printf("goroutine %d: End\n", n)
		})
	}
	ready.Wait() // let all ten print Start before the question

	in := bufio.NewScanner(os.Stdin)
	for {
		fmt.Print("True/False? ")
		if !in.Scan() {
			fmt.Println("\nno more input: the event was never set")
			return // main returning ends the program, waiting goroutines and all
		}
		if in.Text() == "True" {
			break
		}
		fmt.Println("not set; they keep waiting")
	}

	close(start) // set the event: all ten wake up
	close(start) // a second close panics
	finished.Wait()
	fmt.Println("all ten got past the event")
}
