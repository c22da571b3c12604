package main

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// within runs both sides in their own goroutines and fails the test if they have not
// both finished after a second.
func within(t *testing.T, what string, sideA, sideB func()) {
	t.Helper()
	var wg sync.WaitGroup
	wg.Go(sideA)
	wg.Go(sideB)
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatalf("%s: the two ends were still waiting for each other after 1s", what)
	}
}

func TestTakingTurns(t *testing.T) {
	a, b := Pipe()
	var aGot, bGot []string
	within(t, "a asks, b answers",
		func() {
			a.Send("hello")
			aGot = append(aGot, a.Recv())
			a.Send("what is your name?")
			aGot = append(aGot, a.Recv())
		},
		func() {
			bGot = append(bGot, b.Recv())
			b.Send("hello, too")
			bGot = append(bGot, b.Recv())
			b.Send("I won't tell you")
		})
	if want := []string{"hello, too", "I won't tell you"}; !slices.Equal(aGot, want) {
		t.Errorf("a received %q, want %q", aGot, want)
	}
	if want := []string{"hello", "what is your name?"}; !slices.Equal(bGot, want) {
		t.Errorf("b received %q, want %q", bGot, want)
	}
}

func TestBothSendFirst(t *testing.T) {
	a, b := Pipe()
	var aGot, bGot string
	within(t, "both send, then receive",
		func() { a.Send("from a"); aGot = a.Recv() },
		func() { b.Send("from b"); bGot = b.Recv() })
	if aGot != "from b" || bGot != "from a" {
		t.Errorf("after both sent first, a received %q and b received %q; want \"from b\" and \"from a\"", aGot, bGot)
	}
}

func TestSeveralInARow(t *testing.T) {
	a, b := Pipe()
	var got []string
	var want []string
	for i := range 5 {
		want = append(want, fmt.Sprint("message ", i))
	}
	within(t, "a sends five, b reads five",
		func() {
			for _, m := range want {
				a.Send(m)
			}
		},
		func() {
			for range want {
				got = append(got, b.Recv())
			}
		})
	if !slices.Equal(got, want) {
		t.Errorf("b received %q, want %q", got, want)
	}
}
