// Try this: Before toEat <- token{}, start a bystander...
package main

import (
	"fmt"
	"time"
)

// token is the right to run. Whoever holds it works; the other waits for it.
type token struct{}

// switchTo gives the token to the other side and waits until it comes back,
// like greenlet's other.switch().
func switchTo(other chan<- token, mine <-chan token) {
	other <- token{}
	<-mine
}

func main() {
	start := time.Now()
	toEat := make(chan token) // unbuffered: a send waits for the receiver
	toSleep := make(chan token)
	done := make(chan token)

	go func() { // eat
		<-toEat // wait to be switched to
		fmt.Println("start eating")
		time.Sleep(time.Second)
		switchTo(toSleep, toEat)
		fmt.Println("eating finished")
		close(done)
	}()

	go func() { // sleep
		<-toSleep
		fmt.Println("start sleeping")
		time.Sleep(time.Second)
		fmt.Println("sleeping finished")
		toEat <- token{} // hand control back for good
	}()

	go func() {
		for {
			time.Sleep(300 * time.Millisecond)
			fmt.Println("tick")
		}
	}()
	toEat <- token{} // like g1.switch(): start eat
	<-done
	fmt.Println("elapsed:", time.Since(start).Round(time.Millisecond))
}
