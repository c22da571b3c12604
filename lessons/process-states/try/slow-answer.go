// Try this: In calls, make ask take five seconds...
// Synchronous versus asynchronous, blocking versus non-blocking.
package main

import (
	"fmt"
	"time"
)

var start = time.Now()

func say(format string, args ...any) {
	fmt.Printf("%-4v ", time.Since(start))
	fmt.Printf(format+"\n", args...)
}

// ask takes two seconds to answer, like a friend thinking it over.
func ask(question string) string {
	time.Sleep(5 * time.Second)
	return "yes to " + question
}

func main() {
	// Synchronous, like a phone call: stay on the line until the answer comes.
	say("phone: asking about dinner")
	answer := ask("dinner") // blocks main for two seconds
	say("phone: heard %q", answer)

	// Asynchronous, like a text message: send it, then get on with things.
	inbox := make(chan string, 1)
	say("text: asking about the film")
	go func() { inbox <- ask("the film") }()

	for chore := 1; ; chore++ {
		time.Sleep(1500 * time.Millisecond)
		say("chore %d done", chore)
		// Non-blocking: select with a default branch never waits.
		select {
		case reply := <-inbox:
			say("text: read %q", reply)
			return
		default:
			say("text: no reply yet, next chore")
		}
	}
}
