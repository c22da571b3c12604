// Try this: Empty `app.pid` by writing `[]byte("")` to it at the start of `main`...
// Only one copy at a time: read the id of the previous run from a pid file, stop that
// run, save our own id, and start working. The "previous run" is a goroutine here,
// because a page in a browser has no other processes to stop.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// instance is a running copy of the program, as far as this simulation goes.
type instance struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when it has shut down
}

// running plays the part of the operating system's process table.
var running = map[int]*instance{}

// launch starts a copy with the given id that works until it is told to stop.
func launch(id int) {
	ctx, cancel := context.WithCancel(context.Background())
	inst := &instance{cancel: cancel, done: make(chan struct{})}
	running[id] = inst
	go func() {
		defer close(inst.done)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				fmt.Printf("  [instance %d] still working\n", id)
			case <-ctx.Done():
				fmt.Printf("  [instance %d] asked to stop; saving state and exiting\n", id)
				return
			}
		}
	}()
}

// kill asks the copy with this id to stop and waits until it has.
func kill(id int) error {
	inst, ok := running[id]
	if !ok {
		return errors.New("no such instance")
	}
	inst.cancel()
	<-inst.done
	delete(running, id)
	return nil
}

func main() {
	os.WriteFile("app.pid", []byte(""), 0o644)
	// The scene: yesterday's run is still going, under the id the pid file holds.
	launch(4127)
	time.Sleep(2500 * time.Millisecond)

	// 1. Read the id the previous run saved.
	data, err := os.ReadFile("app.pid")
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Println("reading app.pid:", err)
		return
	}
	text := strings.TrimSpace(string(data))
	fmt.Printf("previous id in app.pid: %q\n", text)

	// 2. If there is one, stop that run.
	if prev, err := strconv.Atoi(text); err == nil {
		if err := kill(prev); err != nil {
			fmt.Printf("could not stop %d: %v (a stale pid file)\n", prev, err)
		} else {
			fmt.Printf("stopped instance %d\n", prev)
		}
	}

	// 3. Save our own id for the next run. A real program would use os.Getpid().
	const ownID = 5310
	if err := os.WriteFile("app.pid", []byte(strconv.Itoa(ownID)+"\n"), 0o644); err != nil {
		fmt.Println("writing app.pid:", err)
		return
	}
	saved, _ := os.ReadFile("app.pid")
	fmt.Printf("app.pid now holds: %q\n", strings.TrimSpace(string(saved)))

	// 4. Start this run's work, and wait for it as Python waits for a non-daemon thread.
	result := make(chan string, 1)
	go func() {
		fmt.Printf("  [instance %d] worker started\n", ownID)
		time.Sleep(time.Second)
		result <- "ok"
	}()
	fmt.Println("worker finished:", <-result)
}
