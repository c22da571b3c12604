package main

import (
	"sync"
	"testing"
)

func TestChildGetsACopy(t *testing.T) {
	parent := &proc{pid: 100, ppid: 1, counter: 10}
	var wg sync.WaitGroup
	var (
		mu       sync.Mutex
		child    proc // what the child saw, copied at its end
		forkGave int  // the pid the parent branch was given
		ran      int  // how many times body ran
	)
	fork(parent, &wg, func(p *proc, pid int) {
		mu.Lock()
		defer mu.Unlock()
		ran++
		if pid == 0 {
			p.counter += 5
			child = *p
		} else {
			forkGave = pid
		}
	})
	wg.Wait()

	if ran != 2 {
		t.Fatalf("body ran %d times, want 2: once in the parent and once in the child", ran)
	}
	if parent.pid != 100 || parent.ppid != 1 {
		t.Errorf("after fork the parent has pid %d and ppid %d, want 100 and 1: the child's ids overwrote the parent's",
			parent.pid, parent.ppid)
	}
	if parent.counter != 10 {
		t.Errorf("parent's counter = %d after the child added 5 to its own, want 10", parent.counter)
	}
	if child.counter != 15 {
		t.Errorf("child's counter = %d after adding 5, want 15 (it starts from a copy of the parent's 10)", child.counter)
	}
	if child.ppid != 100 {
		t.Errorf("child's ppid = %d, want 100, the parent's pid", child.ppid)
	}
	if child.pid == 100 || child.pid != forkGave {
		t.Errorf("child's pid = %d and fork gave the parent %d: want the same new pid on both sides", child.pid, forkGave)
	}
}

func TestTwoForksGiveTwoChildren(t *testing.T) {
	parent := &proc{pid: 100, ppid: 1, counter: 10}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var pids []int
	for range 2 {
		fork(parent, &wg, func(p *proc, pid int) {
			if pid == 0 {
				mu.Lock()
				pids = append(pids, p.pid)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(pids) != 2 || pids[0] == pids[1] {
		t.Errorf("two forks gave children with pids %v, want two different pids", pids)
	}
	if parent.pid != 100 {
		t.Errorf("after two forks the parent's pid is %d, want 100", parent.pid)
	}
}
