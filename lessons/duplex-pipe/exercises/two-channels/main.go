// A two-way pipe between two goroutines. This one shares a single channel.
package main

import (
	"fmt"
	"sync"
)

// End is one end of a duplex pipe: it sends on one channel and receives on the other.
type End struct {
	out chan<- string
	in  <-chan string
}

func (e End) Send(msg string) { e.out <- msg }
func (e End) Recv() string    { return <-e.in }

// Pipe returns two connected ends, like Python's multiprocessing.Pipe().
func Pipe() (End, End) {
	ch := make(chan string, 1)
	return End{out: ch, in: ch}, End{out: ch, in: ch}
}

func main() {
	a, b := Pipe()
	var wg sync.WaitGroup
	wg.Go(func() {
		a.Send("hello from a")
		fmt.Println("a received:", a.Recv())
	})
	wg.Go(func() {
		b.Send("hello from b")
		fmt.Println("b received:", b.Recv())
	})
	wg.Wait()
}
