package main

import (
	"maps"
	"slices"
	"testing"
)

func parent() memory {
	return memory{x: 100, arr: []int{0, 1, 2, 3, 4}, names: map[string]int{"ada": 1, "ben": 2}}
}

func TestChildStartsWithParentsData(t *testing.T) {
	want := parent()
	var got memory
	fork(parent(), func(c memory) { got = c })
	if got.x != want.x || !slices.Equal(got.arr, want.arr) || !maps.Equal(got.names, want.names) {
		t.Errorf("the child was handed %+v, want the same data as the parent: %+v", got, want)
	}
}

func TestChildChangesToTheSliceStayInTheChild(t *testing.T) {
	m := parent()
	fork(m, func(c memory) {
		for i := range c.arr {
			c.arr[i] = -c.arr[i]
		}
	})
	if want := []int{0, 1, 2, 3, 4}; !slices.Equal(m.arr, want) {
		t.Errorf("after the child negated its numbers, the parent's arr = %v, want %v", m.arr, want)
	}
}

func TestChildChangesToTheMapStayInTheChild(t *testing.T) {
	m := parent()
	fork(m, func(c memory) {
		c.names["ada"] = 99
		c.names["cai"] = 3
		delete(c.names, "ben")
	})
	if want := map[string]int{"ada": 1, "ben": 2}; !maps.Equal(m.names, want) {
		t.Errorf("after the child changed its names, the parent's names = %v, want %v", m.names, want)
	}
}

func TestChildChangesToXStayInTheChild(t *testing.T) {
	m := parent()
	fork(m, func(c memory) { c.x = 3 })
	if m.x != 100 {
		t.Errorf("after the child set x to 3, the parent's x = %d, want 100", m.x)
	}
}

func TestParentChangesDoNotReachTheCopy(t *testing.T) {
	m := parent()
	c := isolate(m)
	m.arr[0] = 42
	m.names["ada"] = 42
	if c.arr[0] != 0 || c.names["ada"] != 1 {
		t.Errorf("after the parent changed its data, the copy holds arr[0] = %d and names[ada] = %d, want 0 and 1",
			c.arr[0], c.names["ada"])
	}
}
