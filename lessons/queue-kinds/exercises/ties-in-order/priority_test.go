package main

import (
	"fmt"
	"slices"
	"testing"
)

type item struct {
	priority int
	name     string
}

func (it item) String() string { return fmt.Sprintf("(%d, %s)", it.priority, it.name) }

// drain gets every entry left in q.
func drain(q *PriorityQueue) []item {
	var out []item
	for q.Len() > 0 {
		p, n := q.Get()
		out = append(out, item{p, n})
	}
	return out
}

func TestEqualPrioritiesFirstInFirstOut(t *testing.T) {
	var q PriorityQueue
	var want []item
	for _, name := range []string{"ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal"} {
		q.Put(1, name)
		want = append(want, item{1, name})
	}
	if got := drain(&q); !slices.Equal(got, want) {
		t.Errorf("eight puts at priority 1 came out as\n%v\nwant the order they were put in:\n%v", got, want)
	}
}

func TestMixedPriorities(t *testing.T) {
	var q PriorityQueue
	for _, it := range []item{{2, "alex"}, {1, "wusir"}, {3, "taibai"}, {1, "zed"}, {2, "bea"}, {1, "amy"}, {1, "yuanhao"}} {
		q.Put(it.priority, it.name)
	}
	want := []item{{1, "wusir"}, {1, "zed"}, {1, "amy"}, {1, "yuanhao"}, {2, "alex"}, {2, "bea"}, {3, "taibai"}}
	if got := drain(&q); !slices.Equal(got, want) {
		t.Errorf("got\n%v\nwant lowest first, and equal priorities in the order they were put in:\n%v", got, want)
	}
}

func TestPutsBetweenGets(t *testing.T) {
	var q PriorityQueue
	for _, name := range []string{"a", "b", "c", "d"} {
		q.Put(5, name)
	}
	var got []item
	for _, name := range []string{"e", "f", "g", "h"} {
		p, n := q.Get()
		got = append(got, item{p, n})
		q.Put(5, name)
	}
	got = append(got, drain(&q)...)
	var want []item
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		want = append(want, item{5, name})
	}
	if !slices.Equal(got, want) {
		t.Errorf("with puts between gets, got\n%v\nwant\n%v", got, want)
	}
}
