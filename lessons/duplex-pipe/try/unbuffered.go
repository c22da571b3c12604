// Try this: In channels, make both channels unbuffered...
// A two-way pipe made of two channels, one for each direction.
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
	aToB := make(chan string) // unbuffered: a send waits for a receiver
	bToA := make(chan string)
	return End{out: aToB, in: bToA}, End{out: bToA, in: aToB}
}

func first(p End) {
	p.Send("hello")
	fmt.Println("first received:", p.Recv())
	p.Send("what is your name?")
	fmt.Println("first received:", p.Recv())
}

func second(p End) {
	fmt.Println("second received:", p.Recv())
	p.Send("hello, too")
	fmt.Println("second received:", p.Recv())
	p.Send("I don't tell you!")
}

func main() {
	a, b := Pipe()
	var wg sync.WaitGroup
	wg.Go(func() { second(b) })
	wg.Go(func() { first(a) })
	wg.Wait()
}
