// A question sent by text, and chores done while waiting for the answer.
package main

import (
	"fmt"
	"time"
)

// ask answers after think, like a friend thinking it over.
func ask(question string, think time.Duration) string {
	time.Sleep(think)
	return "yes to " + question
}

// textAndDoChores sends question without waiting for the answer, then does chores
// of the given length, looking at the inbox after each one. It returns the reply
// and the number of chores done by the time it was read.
func textAndDoChores(question string, think, chore time.Duration) (string, int) {
	inbox := make(chan string, 1)
	go func() { inbox <- ask(question, think) }()

	for chores := 1; ; chores++ {
		time.Sleep(chore) // one chore
		reply := <-inbox  // a look at the inbox
		return reply, chores
	}
}

func main() {
	start := time.Now()
	reply, chores := textAndDoChores("the film", 2*time.Second, 600*time.Millisecond)
	fmt.Printf("read %q after %d chores, %v in\n", reply, chores, time.Since(start))
}
