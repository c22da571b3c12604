package main

import (
	"testing"
	"time"
)

type result struct {
	v  string
	ok bool
}

// callTryGet runs tryGet in a goroutine and sends its result on out.
func callTryGet(q chan string, out chan<- result) {
	go func() {
		v, ok := tryGet(q)
		out <- result{v, ok}
	}()
}

func TestTwoConsumersOneItem(t *testing.T) {
	q := make(chan string, 1)
	q <- "the only item"
	out := make(chan result, 2)
	callTryGet(q, out)
	callTryGet(q, out)

	got := 0
	timeout := time.After(time.Second)
	for range 2 {
		select {
		case r := <-out:
			if r.ok {
				got++
				if r.v != "the only item" {
					t.Errorf("tryGet returned %q, true; want the item that was put", r.v)
				}
			}
		case <-timeout:
			t.Fatal("a tryGet call was still waiting after 1s: with one item and two consumers, the loser must get false at once")
		}
	}
	if got != 1 {
		t.Errorf("%d of the two consumers got the one item, want exactly 1", got)
	}
}

func TestEmptyQueue(t *testing.T) {
	q := make(chan string, 3)
	out := make(chan result, 1)
	callTryGet(q, out)
	select {
	case r := <-out:
		if r.ok {
			t.Errorf("tryGet on an empty queue = %q, true; want false", r.v)
		}
	case <-time.After(time.Second):
		t.Fatal("tryGet on an empty queue was still waiting after 1s, want false at once")
	}
}

func TestItemsInOrder(t *testing.T) {
	q := make(chan string, 3)
	for _, v := range []string{"a", "b", "c"} {
		q <- v
	}
	for _, want := range []string{"a", "b", "c"} {
		if v, ok := tryGet(q); !ok || v != want {
			t.Errorf("tryGet = %q, %t; want %q, true", v, ok, want)
		}
	}
	if v, ok := tryGet(q); ok {
		t.Errorf("tryGet after taking all three = %q, true; want false", v)
	}
}
