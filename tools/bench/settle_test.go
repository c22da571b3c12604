//go:build linux

package main

import (
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestCPUTimeCountsDescendants: the CPU time of a process includes its live children's,
// so a busy child shows in its parent's total, and a process that only sleeps goes quiet.
func TestCPUTimeCountsDescendants(t *testing.T) {
	// A shell (the parent) waiting for one busy child: a loop that forks nothing.
	busy := startShell(t, `sh -c 'while :; do :; done' & wait`)
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

	idle := startShell(t, "sleep 5 & wait")
	if waited, quiet := waitQuiet(idle.Process.Pid, settleLimit); !quiet || waited > 3*time.Second {
		t.Errorf("a sleeping process: quiet=%v after %v, want quiet within a second or so", quiet, waited)
	}

	if _, ok := cpuTime(1 << 30); ok {
		t.Error("cpuTime found a process that does not exist")
	}
}

// startShell runs script in a shell of a process group of its own, which the test's
// cleanup kills as one: the shell and everything it started.
func startShell(t *testing.T, script string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("sh", "-c", script)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	})
	return cmd
}
