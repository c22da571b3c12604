// Try this: In fork, try the real thing: import os/exec...
// A model of Unix fork. Go has no fork and the browser has no processes,
// so the "processes" here are goroutines and the pids are made up.
package main

import (
	"fmt"
	"os/exec"
	"sync"
)

// proc is the state a forked child would copy: ids plus some memory.
type proc struct {
	pid, ppid int
	counter   int
}

var lastPID = 100 // invented pids for the model; real ones don't exist here

// fork runs body twice, the way code after a real fork() runs twice:
// once in the caller with the child's pid, and once in a new goroutine
// with 0. The child works on a copy of the parent, not on the parent.
func fork(parent *proc, wg *sync.WaitGroup, body func(p *proc, pid int)) {
	lastPID++
	child := *parent // copying a struct value copies every field
	child.pid, child.ppid = lastPID, parent.pid
	wg.Go(func() { body(&child, 0) })
	body(parent, child.pid)
}

func main() {
	me := &proc{pid: 100, ppid: 1, counter: 10}
	fmt.Printf("before fork: pid %d, counter %d\n", me.pid, me.counter)

	var wg sync.WaitGroup
	fork(me, &wg, func(p *proc, pid int) {
		if pid == 0 {
			p.counter += 5 // changes the child's copy only
			fmt.Printf("child:  fork gave 0; I am %d, my parent is %d, counter %d\n",
				p.pid, p.ppid, p.counter)
		} else {
			fmt.Printf("parent: fork gave %d; I am %d, counter %d\n", pid, p.pid, p.counter)
		}
	})
	wg.Wait() // like the parent calling wait(): collect the child
	fmt.Printf("after the child ended: parent's counter is still %d\n", me.counter)
	fmt.Println("running ls:", exec.Command("ls").Run())
}
