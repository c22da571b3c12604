// Try this: In nowait, make the reply take four seconds instead of two...
// select takes whichever channel operation can go ahead; with default it never waits.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	at := func() time.Duration { return time.Since(start).Round(time.Millisecond) }
	mailbox := make(chan string, 1) // room for one letter

	// A receive that does not wait: the mailbox is empty, so default runs.
	select {
	case m := <-mailbox:
		fmt.Println(at(), "read", m)
	default:
		fmt.Println(at(), "no mail yet")
	}

	// A send that does not wait: the first letter fits, the second does not.
	for _, m := range []string{"a postcard", "a parcel"} {
		select {
		case mailbox <- m:
			fmt.Println(at(), "posted", m)
		default:
			fmt.Println(at(), "the mailbox is full, kept", m)
		}
	}

	// Without default, select waits until one of its cases can go ahead.
	reply := make(chan string)
	go func() {
		time.Sleep(4 * time.Second)
		reply <- "see you at six"
	}()
	giveUp := time.After(3 * time.Second)
	for range 3 {
		select {
		case m := <-mailbox:
			fmt.Println(at(), "read", m)
		case r := <-reply:
			fmt.Println(at(), "reply:", r)
		case <-giveUp:
			fmt.Println(at(), "nothing more after 3s, giving up")
		}
	}
}
