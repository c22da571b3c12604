// A model of Unix fork: the child works on a copy of the parent.
package main

import (
	"fmt"
	"sync"
)

// proc is the state a forked child would copy: ids plus some memory.
type proc struct {
	pid, ppid int
	counter   int
}

var lastPID = 100 // invented pids for the model; real ones don't exist here

// fork runs body twice, the way code after a real fork() runs twice: once in the
// caller with the child's pid, and once in a new goroutine (on wg) with 0. The
// child works on a copy of the parent, so nothing it changes reaches the parent.
func fork(parent *proc, wg *sync.WaitGroup, body func(p *proc, pid int)) {
	lastPID++
	// parent is a pointer: "child := parent" would copy only the address, and
	// both names would point at the same struct. Dereferencing it copies the
	// struct value, every field, into a new variable the child owns.
	child := *parent
	child.pid, child.ppid = lastPID, parent.pid
	wg.Go(func() { body(&child, 0) })
	body(parent, child.pid)
}

func main() {
	me := &proc{pid: 100, ppid: 1, counter: 10}
	var wg sync.WaitGroup
	fork(me, &wg, func(p *proc, pid int) {
		if pid == 0 {
			p.counter += 5 // changes the child's copy only
			fmt.Printf("child:  I am %d, my parent is %d, counter %d\n", p.pid, p.ppid, p.counter)
		} else {
			fmt.Printf("parent: fork gave %d; I am %d\n", pid, p.pid)
		}
	})
	wg.Wait()
	fmt.Printf("parent: pid %d, counter %d (want 100 and 10)\n", me.pid, me.counter)
}
