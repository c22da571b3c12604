package main

import (
	"slices"
	"testing"
	"time"
)

// collect receives from ch until it is closed. It fails the test if the channel is
// still open after d.
func collect(t *testing.T, ch <-chan string, d time.Duration) []string {
	t.Helper()
	var got []string
	deadline := time.After(d)
	for {
		select {
		case w, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, w)
		case <-deadline:
			t.Fatalf("the channel was still open after %v, with %v received: is it closed once the senders are done?", d, got)
			return nil
		}
	}
}

func TestEveryWordArrivesAndTheChannelCloses(t *testing.T) {
	lists := [][]string{{"bread", "milk"}, {"eggs", "tea", "jam", "rice"}, {"salt"}}
	got := collect(t, gather(lists...), time.Second)
	want := slices.Concat(lists...)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("received %v (sorted), want %v", got, want)
	}
}

func TestEmptyListsStillClose(t *testing.T) {
	got := collect(t, gather([]string{}, []string{"tea"}, nil), time.Second)
	if !slices.Equal(got, []string{"tea"}) {
		t.Errorf("received %v, want [tea]", got)
	}
}

func TestNoListsGiveAClosedChannel(t *testing.T) {
	if got := collect(t, gather(), 500*time.Millisecond); len(got) != 0 {
		t.Errorf("gather() sent %v, want nothing", got)
	}
}
