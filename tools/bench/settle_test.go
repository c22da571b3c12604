package main

import (
	"os/exec"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// TestCPUTimeCountsDescendants: the CPU time of a process includes its live children's,
// so a busy child shows in its parent's total, and a process that only sleeps goes quiet.
func TestCPUTimeCountsDescendants(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	// A shell (the parent) waiting for one busy child: a loop that forks nothing.
	busy := exec.Command("sh", "-c", `sh -c 'while :; do :; done' & wait`)
	if err := busy.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		exec.Command("pkill", "-P", strconv.Itoa(busy.Process.Pid)).Run()
		busy.Process.Kill()
		busy.Wait()
	}()
	time.Sleep(100 * time.Millisecond)
	before, ok := cpuTime(busy.Process.Pid)
	if !ok {
		t.Fatal("no CPU time for a running process")
	}
	time.Sleep(700 * time.Millisecond)
	after, _ := cpuTime(busy.Process.Pid)
	if used := after - before; used < 200*time.Millisecond {
		t.Errorf("a child spinning for 700 ms added %v to its parent's CPU time, want most of it", used)
	}
	if waited, quiet := waitQuiet(busy.Process.Pid, 1500*time.Millisecond); quiet {
		t.Errorf("a spinning process went quiet after %v", waited)
	}

	idle := exec.Command("sh", "-c", "sleep 5 & wait")
	if err := idle.Start(); err != nil {
		t.Fatal(err)
	}
	defer idle.Process.Kill()
	if waited, quiet := waitQuiet(idle.Process.Pid, settleLimit); !quiet || waited > 3*time.Second {
		t.Errorf("a sleeping process: quiet=%v after %v, want quiet within a second or so", quiet, waited)
	}

	if _, ok := cpuTime(1 << 30); ok {
		t.Error("cpuTime found a process that does not exist")
	}
}
