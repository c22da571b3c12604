// Take over from the previous run: read its id from a pid file, stop it, wait until it
// has shut down, and save our own id. The runs are goroutines here, and stopping one is
// cancelling its context.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// instance is a running copy of the program.
type instance struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when its goroutine has returned
}

// running plays the part of the operating system's process table.
var running = map[int]*instance{}

// saved records the instances that finished saving their state on the way out.
var (
	savedMu sync.Mutex
	saved   = map[int]bool{}
)

func hasSaved(id int) bool {
	savedMu.Lock()
	defer savedMu.Unlock()
	return saved[id]
}

// launch starts a copy with the given id that works until it is told to stop, and then
// takes a while to save its state before it exits.
func launch(id int) {
	ctx, cancel := context.WithCancel(context.Background())
	inst := &instance{cancel: cancel, done: make(chan struct{})}
	running[id] = inst
	go func() {
		defer close(inst.done) // runs last: after the state is saved
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				fmt.Printf("  [instance %d] still working\n", id)
			case <-ctx.Done():
				fmt.Printf("  [instance %d] asked to stop; saving state\n", id)
				time.Sleep(200 * time.Millisecond) // writing its state out takes a while
				savedMu.Lock()
				saved[id] = true
				savedMu.Unlock()
				fmt.Printf("  [instance %d] state saved, exiting\n", id)
				return
			}
		}
	}()
}

// kill stops the copy with this id and returns once that copy has finished shutting
// down.
func kill(id int) error {
	inst, ok := running[id]
	if !ok {
		return errors.New("no such instance")
	}
	inst.cancel() // only asks: the goroutine stops when it next looks at ctx.Done()
	<-inst.done   // so wait until it has really finished
	delete(running, id)
	return nil
}

// takeOver reads the previous run's id from pidFile, stops that run, and writes ownID
// into the file for the next run.
func takeOver(pidFile string, ownID int) error {
	data, err := os.ReadFile(pidFile)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if prev, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
		if err := kill(prev); err != nil {
			fmt.Printf("could not stop %d: %v (a stale pid file)\n", prev, err)
		} else {
			fmt.Printf("stopped instance %d\n", prev)
		}
	}
	return os.WriteFile(pidFile, []byte(strconv.Itoa(ownID)+"\n"), 0o644)
}

func main() {
	// Yesterday's run is still going, and the pid file names it.
	if err := os.WriteFile("app.pid", []byte("4127\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	launch(4127)
	time.Sleep(1500 * time.Millisecond)

	if err := takeOver("app.pid", 5310); err != nil {
		fmt.Println("taking over:", err)
		return
	}
	fmt.Println("instance 5310 starts working")
	time.Sleep(time.Second)
	fmt.Println("instance 5310 done")
}
