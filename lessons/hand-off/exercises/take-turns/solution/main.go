// Eat and sleep, each in its own goroutine, for three turns each.
package main

import (
	"fmt"
	"time"
)

// token is the right to work: whoever holds it may take a turn.
type token struct{}

// switchTo hands the token to the other side and waits until it comes back.
func switchTo(other chan<- token, mine <-chan token) {
	other <- token{} // unbuffered: completes only when the other side takes it
	<-mine
}

// alternate runs eat(0), sleep(0), eat(1), sleep(1), ... up to turns each, with eat in one
// goroutine and sleep in another, and returns after the last turn.
func alternate(turns int, eat, sleep func(turn int)) {
	toEat := make(chan token)
	toSleep := make(chan token)
	done := make(chan token)

	go func() { // eat
		<-toEat // wait to be switched to
		for i := range turns {
			eat(i)
			switchTo(toSleep, toEat) // sleep's turn; carry on when the token is back
		}
		close(done)
	}()
	go func() { // sleep
		for i := range turns {
			<-toSleep
			sleep(i)
			toEat <- token{} // back to eat
		}
	}()

	toEat <- token{} // eat goes first, like g1.switch()
	<-done
}

func main() {
	start := time.Now()
	say := func(msg string, turn int) {
		fmt.Printf("%v  %s, turn %d\n", time.Since(start).Round(time.Second), msg, turn)
	}
	alternate(3,
		func(turn int) { say("eating", turn); time.Sleep(time.Second) },
		func(turn int) { say("sleeping", turn); time.Sleep(time.Second) },
	)
	fmt.Println("elapsed:", time.Since(start).Round(time.Millisecond))
}
